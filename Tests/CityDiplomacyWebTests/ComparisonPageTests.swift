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
                #expect(html.contains("Cramér&#39;s V") || html.contains("Cramér's V"))
                #expect(html.contains("<input type=\"text\" name=\"subject\" value=\"country:IR\""))
                #expect(html.contains("href=\"/api/v1/compare?subject=Tehran&amp;subject=country%3AIR&amp;draws=300\""))
            }
            try await client.execute(uri: "/compare?subject=Tehran&subject=country:IR&draws=300&lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("مقایسهٔ «تهران» و «ایران»"))
            }
            // Without two subjects the page is the form, with the syntax.
            try await client.execute(uri: "/compare?subject=country:IR", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<code>group:un-m49:western-asia</code>"))
            }
        }
    }

    @Test("Bad parameters are a 400 page naming them, never a 500")
    func badParameters() async throws {
        try await ObservatoryFixture.withClient { client in
            for query in ["subject=Tehran&subject=Atlantis", "subject=Tehran&subject=group:un-m49:atlantis", "subject=Tehran&subject=Isfahan&draws=abc",
                          "subject=Tehran&subject=Isfahan&scheme=none"] {
                try await client.execute(uri: "/compare?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
            try await client.execute(uri: "/baseline?focus=country:IR&scheme=study-regions&group=atlantis", method: .get) { response in
                #expect(response.status == .badRequest)
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
                #expect(response.text.contains("href=\"/compare?subject=iran-2018%3Atehran&amp;subject=country%3AIR%40iran-2018&amp;dataset=iran-2018\""))
            }
        }
    }
}
