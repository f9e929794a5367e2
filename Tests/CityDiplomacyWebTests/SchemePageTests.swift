import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/schemes/{id}` and `/api/v1/schemes/{id}`: a scheme's table of categories, countries and
/// families under each reading, as `citydip schemes --scheme ID` prints it (#13).
@Suite("A scheme's page and its JSON show every category's countries and family under each reading")
struct SchemePageTests {
    /// The table's body rows.
    static func rows(_ html: String) -> [String] {
        html.split(separator: "\n").map(String.init).filter { $0.hasPrefix("<tr><td><code>") }
    }

    @Test("The civilisations' page: twenty labels, a family column per reading, the rules, links to each reading")
    func civilisations() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/schemes/study-civilisations", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<h1>Civilisational affiliations (the study&#39;s Table 2)</h1>"))
                #expect(html.contains("<p>Source: Dehshiri &amp; Khorrami (2018), Table 2"))
                #expect(html.contains("<th>Id</th><th>Category</th><th>Countries</th><th>A label naming Islam is Islamic (default)</th><th>Mixed labels by region</th><th>Islam as the sole religion</th><th>Caucasus Christians with Eastern Europe</th><th>Caucasus Christians with Western</th>"))
                let rows = Self.rows(html)
                #expect(rows.count == 20)
                #expect(rows.contains("<tr><td><code>islamic-christian-turkic</code></td><td>Islamic-Christian-Turkic</td><td>Kazakhstan</td><td>Islamic</td><td>Islamic</td><td>Islamic-Christian (mixed)</td><td>Islamic</td><td>Islamic</td></tr>"))
                #expect(html.contains("<p class=\"note\">Mixed labels by region: a label that names Islam beside another civilisation or people"))
                // Each other reading links to its page; the page's own id does not link to itself.
                #expect(html.contains("<a href=\"/schemes/study-civilisations:by-region\"><code dir=\"ltr\">study-civilisations:by-region</code></a>"))
                #expect(!html.contains("href=\"/schemes/study-civilisations\""))
                #expect(html.contains("href=\"/api/v1/schemes/study-civilisations?lang=en\""))
            }
            try await client.execute(uri: "/schemes/study-civilisations:islam-alone?lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
                #expect(html.contains("<tr><td><code>islamic-christian-turkic</code></td><td>اسلامی-مسیحی-ترکی</td><td>قزاقستان</td><td>اسلامی</td><td>اسلامی</td><td>اسلامی-مسیحی (آمیخته)</td><td>اسلامی</td><td>اسلامی</td></tr>"))
                // Persian digits, and a link back to the scheme the reading reads, in Persian.
                #expect(html.contains("۱۳۹۷"))
                #expect(html.contains("<a href=\"/schemes/study-civilisations?lang=fa\"><code dir=\"ltr\">study-civilisations</code></a>"))
                #expect(Self.rows(html).count == 20)
            }
        }
    }

    @Test("A scheme with one grouping has one group column")
    func oneGrouping() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/schemes/study-regions", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<th>Id</th><th>Category</th><th>Countries</th><th>Group</th></tr>"))
                #expect(Self.rows(response.text).count == 7)
            }
        }
    }

    @Test("Persian scheme pages hold no English words but ids in code", arguments: [
        "/schemes/study-civilisations?lang=fa", "/schemes/study-civilisations:by-region?lang=fa", "/schemes/study-regions?lang=fa",
        "/schemes/oic?lang=fa", "/schemes/un-m49?lang=fa",
    ])
    func persian(path: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                let runs = LatinInPersian.offendingRuns(in: PersianPagesTests.visibleText(response.text))
                #expect(runs.isEmpty, "\(path): \(runs)")
            }
        }
    }

    @Test("An unknown scheme is a 404 page in the page's language, and a JSON 404")
    func unknown() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/schemes/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("<h1>Not found</h1>"))
                #expect(response.text.contains("scheme &#39;nowhere&#39;"))
            }
            try await client.execute(uri: "/schemes/nowhere?lang=fa", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("dir=\"rtl\""))
                #expect(response.text.contains("طبقه‌بندی «nowhere»"))
            }
            try await client.execute(uri: "/api/v1/schemes/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                let object = try #require(try response.json() as? [String: Any])
                #expect((object["error"] as? String)?.hasPrefix("unknown scheme 'nowhere' for id: expected eu, ") == true)
                #expect(object["field"] as? String == "id")
            }
        }
    }

    @Test("The API: readings, groups, and each category's ISO codes and families; labels in the language asked for")
    func api() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/schemes/study-civilisations:by-region?lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["id"] as? String == "study-civilisations:by-region")
                #expect(object["scheme"] as? String == "study-civilisations")
                #expect(object["reading"] as? String == "by-region")
                #expect((object["readings"] as? [[String: Any]])?.map { $0["id"] as? String } == ["names-islam", "by-region", "islam-alone", "caucasus-with-eastern-europe", "caucasus-with-western"])
                let categories = try #require(object["categories"] as? [[String: Any]])
                #expect(categories.count == 20)
                let malaysia = try #require(categories.first { $0["id"] as? String == "malay-islamic" })
                #expect(malaysia["label"] as? String == "مالایی-اسلامی")
                #expect(malaysia["countries"] as? [String] == ["MY"])
                #expect(malaysia["group"] as? String == "east-asian")
                #expect(malaysia["families"] as? [String: String] == ["names-islam": "islamic", "by-region": "east-asian", "islam-alone": "islamic",
                                                                      "caucasus-with-eastern-europe": "islamic", "caucasus-with-western": "islamic"])
            }
        }
    }

    @Test("Table 2's page links to the schemes it is counted by, in the page's language")
    func linkedFromTable2() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/tables/2?lang=fa", method: .get) { response in
                #expect(response.text.contains("href=\"/schemes/study-regions?lang=fa\""))
                #expect(response.text.contains("href=\"/schemes/study-civilisations?lang=fa\""))
            }
            try await client.execute(uri: "/tables/2?affiliations=study-civilisations:islam-alone", method: .get) { response in
                #expect(response.text.contains("href=\"/schemes/study-civilisations:islam-alone\""))
            }
            try await client.execute(uri: "/tables/1", method: .get) { response in
                #expect(!response.text.contains("href=\"/schemes/"))
            }
        }
    }
}
