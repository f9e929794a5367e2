import CityDiplomacyApplication
import CityDiplomacyWeb
import Foundation
import HummingbirdTesting
import Testing

/// `citydip schemes --scheme ID`: one scheme's table of categories, countries and families, so that
/// the grouping of the study's civilisational labels is one table a reader can see (#13).
@Suite("schemes --scheme shows one scheme's categories, countries and families under each reading")
struct SchemeCommandTests {
    /// The Markdown rows of the table: those that start with a category id as code.
    static func rows(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") }
    }

    @Test("Markdown: the twenty labels of Table 2, each with its countries and a family column per reading, the rules under it")
    func civilisationsMarkdown() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["schemes", "--scheme", "study-civilisations"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# Civilisational affiliations (the study's Table 2)\n\nSource: Dehshiri & Khorrami (2018), Table 2"))
        #expect(text.contains("| Id | Category | Countries | A label naming Islam is Islamic (default) | Mixed labels by region | Islam as the sole religion | Caucasus Christians with Eastern Europe | Caucasus Christians with Western |\n|---|---|---|---|---|---|---|---|\n"))
        let rows = Self.rows(text)
        #expect(rows.count == 20)
        #expect(rows.first == "| `islamic-iranian` | Islamic-Iranian | Afghanistan; Tajikistan | Islamic | Islamic | Islamic | Islamic | Islamic |")
        // Kazakhstan's label is Islamic by default and by region, a mixed family when Islam must stand alone.
        #expect(rows.contains("| `islamic-christian-turkic` | Islamic-Christian-Turkic | Kazakhstan | Islamic | Islamic | Islamic-Christian (mixed) | Islamic | Islamic |"))
        #expect(rows.contains("| `malay-islamic` | Malay-Islamic | Malaysia | Islamic | East-Asian civilisations | Islamic | Islamic | Islamic |"))
        #expect(rows.last == "| `not-stated` | — | South Africa; Cuba; Venezuela; Chile; Brazil | Not stated | Not stated | Not stated | Not stated | Not stated |")
        // Every reading is a scheme of its own, and its rule is written out under the table.
        #expect(text.contains("`study-civilisations:by-region` (mixed labels by region)"))
        #expect(text.contains("\nA label naming Islam is Islamic (default): a label that names Islam is Islamic, whatever else it names.\n"))
        #expect(text.contains("\nIslam as the sole religion: only a label naming Islam as its sole religion is Islamic; labels naming Islam and Christianity are a family of their own.\n"))
        #expect(!text.contains("selects the reading"))
    }

    @Test("A reading's id shows the same table and says which reading it selects")
    func readingID() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let scheme = try citydip.run(["schemes", "--scheme", "study-civilisations"])
        let reading = try citydip.run(["schemes", "--scheme", "study-civilisations:by-region"])
        #expect(reading.status == 0, "\(reading.stderr)")
        #expect(reading.stdout.hasPrefix("# Civilisational affiliations (the study's Table 2), read as: mixed labels by region\n"))
        #expect(reading.stdout.contains("The id `study-civilisations:by-region` selects the reading “mixed labels by region” of `study-civilisations`"))
        #expect(Self.rows(reading.stdout) == Self.rows(scheme.stdout))
    }

    @Test("Persian: Persian labels, country names and families, ids as code, no English words")
    func persian() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["schemes", "--scheme", "study-civilisations:islam-alone", "--lang", "fa"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("| `islamic-christian-turkic` | اسلامی-مسیحی-ترکی | قزاقستان | اسلامی | اسلامی | اسلامی-مسیحی (آمیخته) |"))
        #expect(Self.rows(text).count == 20)
        #expect(PersianCommandOutputTests.untranslated(in: text).isEmpty, "\(PersianCommandOutputTests.untranslated(in: text))")
    }

    @Test("A scheme with one grouping has one group column and no readings")
    func oneGrouping() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["schemes", "--scheme", "study-regions"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Id | Category | Countries | Group |\n"))
        #expect(result.stdout.contains("| `central-asia-caucasus` | Central Asia and Caucasus | Tajikistan; Georgia; Azerbaijan; Armenia; Kazakhstan; Kyrgyzstan | Iran's periphery |"))
        #expect(!result.stdout.contains("reading"))
        let csv = try citydip.run(["schemes", "--scheme", "study-regions", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,label,countries,group\nmiddle-east-west-asia,Middle East and West Asia,AF;PK;TR;"))
        let json = try citydip.run(["schemes", "--scheme", "study-regions", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["reading"] is NSNull)
        #expect((object["readings"] as? [Any])?.isEmpty == true)
        let first = try #require((object["categories"] as? [[String: Any]])?.first)
        #expect(first["group"] as? String == "periphery")
        #expect((first["families"] as? [String: Any])?.isEmpty == true)
    }

    @Test("JSON: the readings, the groups, and every category's countries and family under each reading; the API's answer")
    func json() async throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["schemes", "--scheme", "study-civilisations", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["categories", "groups", "id", "reading", "readings", "scheme", "source", "title"])
        #expect(object["id"] as? String == "study-civilisations")
        #expect(object["reading"] as? String == "names-islam")
        let readings = try #require(object["readings"] as? [[String: Any]])
        #expect(readings.map { $0["id"] as? String } == ["names-islam", "by-region", "islam-alone", "caucasus-with-eastern-europe", "caucasus-with-western"])
        #expect(readings.map { $0["scheme"] as? String } == ["study-civilisations", "study-civilisations:by-region", "study-civilisations:islam-alone",
                                                            "study-civilisations:caucasus-with-eastern-europe", "study-civilisations:caucasus-with-western"])
        #expect(readings.allSatisfy { ($0["rule"] as? String)?.isEmpty == false })
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.contains { $0["id"] as? String == "islamic-christian-mixed" && $0["label"] as? String == "Islamic-Christian (mixed)" })
        let categories = try #require(object["categories"] as? [[String: Any]])
        #expect(categories.count == 20)
        let kazakhstan = try #require(categories.first { ($0["countries"] as? [String])?.contains("KZ") == true })
        #expect(kazakhstan["label"] as? String == "Islamic-Christian-Turkic")
        #expect(kazakhstan["group"] as? String == "islamic")
        #expect(kazakhstan["families"] as? [String: String] == ["names-islam": "islamic", "by-region": "islamic", "islam-alone": "islamic-christian-mixed",
                                                                        "caucasus-with-eastern-europe": "islamic", "caucasus-with-western": "islamic"])
        // The families in the readings' order, as the table's columns.
        #expect(result.stdout.contains("\"names-islam\": \"islamic\",\n        \"by-region\": \"islamic\",\n        \"islam-alone\": \"islamic-christian-mixed\""))
        // A reading's id: the same table, its own family as `group`.
        let reading = try citydip.run(["schemes", "--scheme", "study-civilisations:islam-alone", "--format", "json"])
        let selected = try #require(try JSONSerialization.jsonObject(with: Data(reading.stdout.utf8)) as? [String: Any])
        #expect(selected["scheme"] as? String == "study-civilisations")
        #expect(selected["reading"] as? String == "islam-alone")
        let mixed = try #require((selected["categories"] as? [[String: Any]])?.first { $0["id"] as? String == "islamic-christian-turkic" })
        #expect(mixed["group"] as? String == "islamic-christian-mixed")

        let opened = try await RegistryOpening.open(.sqlite(path: citydip.database.path), seed: false)
        let app = try await buildApplication(WebConfiguration(cacheLifetime: 0), registry: opened.registry)
        try await app.test(.router) { client in
            let served = try await client.execute(uri: "/api/v1/schemes/study-civilisations", method: .get) { String(buffer: $0.body) }
            // The API writes compact JSON, the CLI pretty: the same value.
            let a = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary
            let b = try JSONSerialization.jsonObject(with: Data(served.utf8)) as? NSDictionary
            #expect(a != nil && a == b)
        }
    }

    @Test("An unknown scheme is one error line naming the schemes there are, readings included")
    func unknown() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["schemes", "--scheme", "civilisations"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("citydip: created the database ") }
        #expect(lines == ["Error: unknown scheme 'civilisations' for --scheme: expected eu, iran-geopolitical-rings, oic, study-civilisations, study-civilisations:by-region, study-civilisations:caucasus-with-eastern-europe, study-civilisations:caucasus-with-western, study-civilisations:islam-alone, study-regions or un-m49 (or add one with a scheme file)"])
    }
}
