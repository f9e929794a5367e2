import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The codebook's page and its JSON show every theme with its rules, in both languages")
struct CodebookPageTests {
    @Test("English and Persian pages list the fourteen themes, parents by name; the navigation links to it")
    func pages() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/codebook", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>Themes of city-diplomacy agreements (after Dehshiri &amp; Khorrami, 2018)</h1>"))
                #expect(html.contains("<tr><td><code>tourism</code></td><td>Economy</td><td>Tourism</td>"))
                #expect(html.split(separator: "\n").filter { $0.hasPrefix("<tr><td><code>") }.count == 14)
                #expect(html.contains("href=\"/codebook\""))
            }
            try await client.execute(uri: "/codebook?lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
                let economy = try #require(MessageCatalogue.messages["core.economy"]?.fa)
                let tourism = try #require(MessageCatalogue.messages["core.tourism"]?.fa)
                #expect(html.contains("<tr><td><code>tourism</code></td><td>\(economy)</td><td>\(tourism)</td>"))
                // Shown as written: the ezafe's hamza of a definition survives.
                #expect(html.contains("\u{0647}\u{0654}"))
            }
        }
    }

    @Test("The API gives every theme with both languages' texts and keywords")
    func json() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/codebook", method: .get) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                let themes = try #require(object?["themes"] as? [[String: Any]])
                #expect(themes.count == 14)
                let tourism = try #require(themes.first { $0["id"] as? String == "tourism" })
                #expect(tourism["parent"] as? String == "economy")
                #expect(((tourism["keywords"] as? [String: [String]])?["en"] ?? []).contains("tourist"))
            }
        }
    }
}
