import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CityDiplomacyWeb

@Suite("The comparison and baseline pages")
struct ComparisonPageTests {
    @Test("The comparison page gives the figures side by side and each profile's test, with the same data from the API")
    func comparison() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/compare?subject=Tehran&subject=country:IR&draws=300", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>Comparison of “Tehran” and “Iran”</h1>"))
                #expect(html.contains("Distinct partner cities"))
                // Tehran is one of Iran's cities: side by side, but not tested as independent samples.
                #expect(html.contains("Not testable: the subjects share cities"))
                #expect(!html.contains("Cramér&#39;s V =") && !html.contains("Cramér's V ="))
                #expect(html.contains("<input type=\"text\" name=\"subject\" value=\"country:IR\""))
                #expect(html.contains("href=\"/api/v1/compare?subject=Tehran&amp;subject=country%3AIR&amp;draws=300\""))
            }
            try await client.execute(uri: "/compare?subject=Tehran&subject=Isfahan&draws=300", method: .get) { response in
                #expect(response.text.contains("Cramér&#39;s V =") || response.text.contains("Cramér's V ="))
            }
            try await client.execute(uri: "/compare?subject=Tehran&subject=country:IR&draws=300&lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("مقایسهٔ «تهران» و «ایران»"))
                // The JSON link keeps the language asked for.
                #expect(response.text.contains("href=\"/api/v1/compare?subject=Tehran&amp;subject=country%3AIR&amp;draws=300&amp;lang=fa\""))
            }
            // Without two subjects the page is the form, with the syntax.
            try await client.execute(uri: "/compare?subject=country:IR", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<code>group:un-m49:western-asia</code>"))
            }
        }
    }

    @Test("Bad parameters are a 400 page naming them, a city, group or scheme that is none a 404, never a 500")
    func badParameters() async throws {
        try await ObservatoryFixture.withClient { client in
            for (query, status) in [("subject=Tehran&subject=Atlantis", HTTPResponse.Status.notFound), ("subject=Tehran&subject=group:un-m49:atlantis", .notFound),
                                    ("subject=Tehran&subject=Isfahan&draws=abc", .badRequest), ("subject=Tehran&subject=Isfahan&scheme=none", .notFound)] {
                try await client.execute(uri: "/compare?\(query)", method: .get) { response in
                    #expect(response.status == status, "\(query)")
                }
            }
            try await client.execute(uri: "/baseline?focus=country:IR&scheme=study-regions&group=atlantis", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("The web refuses more than 1,000 draws with a 400 naming draws, though the CLI takes up to 100,000",
          arguments: ["/api/v1/compare?subject=Tehran&subject=Isfahan&draws=1001", "/compare?subject=Tehran&subject=Isfahan&draws=100000",
                      "/api/v1/baseline?focus=country:IR&scheme=study-regions&group=periphery&against=hostile&draws=1001",
                      "/baseline?focus=country:IR&scheme=study-regions&group=periphery&against=hostile&draws=100000"])
    func drawsCapped(uri: String) async throws {
        #expect(ComparisonRequest.webMaximumDraws == 1_000 && BaselineRequest.webMaximumDraws == 1_000)
        #expect(ComparisonRequest.maximumDraws == 100_000 && BaselineRequest.maximumDraws == 100_000)
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri)")
                if uri.hasPrefix("/api/") {
                    let object = try #require(try response.json() as? [String: Any])
                    #expect(object["field"] as? String == "draws")
                } else {
                    #expect(response.text.contains("draws"))
                }
            }
        }
    }

    @Test("Without draws the web compares with 1,000 permutations, not the CLI's 10,000")
    func webDefaultDraws() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/compare?subject=Tehran&subject=Isfahan", method: .get) { response in
                #expect(response.status == .ok)
                let compact = response.text.filter { !$0.isWhitespace }
                #expect(compact.contains("\"draws\":1000"), "\(compact)")
                #expect(!compact.contains("\"draws\":10000"))
            }
        }
    }

    @Test("A subject given twice is a 400 naming it; a dataset not compared is named in the web's words")
    func subjectErrors() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/compare?subject=Tehran&subject=Tehran", method: .get) { response in
                #expect(response.status == .badRequest)
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["field"] as? String == "subject")
                #expect((object["error"] as? String)?.contains("'Tehran': it is given twice") == true)
            }
            try await client.execute(uri: "/api/v1/compare?subject=Tehran&subject=Isfahan@nope", method: .get) { response in
                #expect(response.status == .badRequest)
                let message = try #require(try response.json() as? [String: Any])["error"] as? String ?? ""
                #expect(message.contains("add it to them with dataset"), "\(message)")
                #expect(!message.contains("--dataset"))
            }
        }
    }

    @Test("An unknown reference dataset is reported against the against field")
    func unknownAgainst() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/baseline?focus=country:IR&scheme=study-regions&group=periphery&against=nowhere&draws=10", method: .get) { response in
                #expect(response.status.code == 404 || response.status.code == 400)
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["field"] as? String == "against")
            }
        }
    }

    @Test("The baseline page states the observed and expected shares; city and country pages link to the comparison")
    func baseline() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/baseline?focus=country:IR&scheme=study-regions&group=periphery&against=hostile&draws=200", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("31 of Iran"))
                #expect(response.text.contains("One-sided p-value"))
            }
            try await client.execute(uri: "/countries/IR", method: .get) { response in
                #expect(response.text.contains("href=\"/compare?subject=country%3AIR\""))
                #expect(response.text.contains("href=\"/baseline?focus=country%3AIR\""))
            }
            try await client.execute(uri: "/cities/iran-2018:tehran", method: .get) { response in
                // The form prefilled with the city alone: its own country holds it, so is no subject to test it against.
                #expect(response.text.contains("href=\"/compare?subject=iran-2018%3Atehran&amp;dataset=iran-2018\""))
                #expect(!response.text.contains("subject=country%3AIR%40iran-2018"))
            }
        }
    }
}
