import CityDiplomacyCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The JSON API answers every endpoint, and refuses bad input with the right status")
struct APITests {
    @Test("Datasets, countries, cities, networks, memberships and events are listed")
    func lists() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/datasets", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let ids = try #require(try response.json() as? [[String: Any]]).compactMap { $0["id"] as? String }
                #expect(ids == ["hostile", "iran-2018"])
            }
            try await client.execute(uri: "/api/v1/countries", method: .get) { response in
                let countries = try #require(try response.json() as? [[String: Any]])
                #expect(countries.count > 240)
                #expect(countries.contains { $0["code"] as? String == "IR" })
            }
            try await client.execute(uri: "/api/v1/countries/ir", method: .get) { response in
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["relations"] as? Int == 70)
                let expected = try ObservatoryFixture.studyCities(in: "IR")
                #expect(object["cities"] as? Int == expected)
            }
            try await client.execute(uri: "/api/v1/cities?country=IR&limit=5", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                let expected = try ObservatoryFixture.studyCities(in: "IR")
                #expect(page["total"] as? Int == expected)
                #expect((page["items"] as? [Any])?.count == 5)
            }
            try await client.execute(uri: "/api/v1/cities?name=%D8%AA%D9%87%D8%B1%D8%A7%D9%86", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                let items = try #require(page["items"] as? [[String: Any]])
                #expect(items.map { $0["id"] as? String } == ["iran-2018:tehran"])
            }
            try await client.execute(uri: "/api/v1/networks?dataset=iran-2018", method: .get) { response in
                let value = try response.json() as? [Any]
                #expect(value?.count == 12)
            }
            try await client.execute(uri: "/api/v1/memberships?dataset=iran-2018", method: .get) { response in
                let value = try response.json() as? [Any]
                #expect(value?.count == 55)
            }
            try await client.execute(uri: "/api/v1/events", method: .get) { response in
                // The study's four and the two AFC Asian Cups this project added.
                let value = try response.json() as? [Any]
                #expect(value?.count == 6)
            }
        }
    }

    @Test("A city's profile has its relations with partners and sources, its memberships and events")
    func cityProfile() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/cities/iran-2018%3Aisfahan", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/cities/iran-2018:isfahan", method: .get) { response in
                #expect(response.status == .ok)
                let profile = try #require(try response.json() as? [String: Any])
                let city = try #require(profile["city"] as? [String: Any])
                #expect((city["name"] as? [String: Any])?["fa"] as? String == "اصفهان")
                let relations = try #require(profile["relations"] as? [[String: Any]])
                #expect(!relations.isEmpty)
                #expect(relations.allSatisfy { ($0["sources"] as? [Any])?.isEmpty == false })
                #expect((profile["memberships"] as? [Any])?.isEmpty == false)
            }
            var networkID = ""
            try await client.execute(uri: "/api/v1/networks?dataset=iran-2018", method: .get) { response in
                let networks = try #require(try response.json() as? [[String: Any]])
                networkID = try #require(networks.first?["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/networks/\(networkID)", method: .get) { response in
                #expect(response.status == .ok)
                let profile = try #require(try response.json() as? [String: Any])
                let members = try #require(profile["members"] as? [[String: Any]])
                #expect(!members.isEmpty)
                #expect(members.allSatisfy { ($0["city"] as? [String: Any])?["id"] != nil })
            }
        }
    }

    @Test("Relations are filtered by city, country, kind and years, and paged with a total")
    func relations() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&limit=100", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                #expect(page["total"] as? Int == 70)
                #expect((page["items"] as? [Any])?.count == 70)
            }
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&limit=10&offset=65", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                #expect(page["total"] as? Int == 70)
                #expect((page["items"] as? [Any])?.count == 5)
            }
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&kind=cooperation_mou", method: .get) { response in
                let value = try response.json() as? [String: Any]
                #expect(value?["total"] as? Int == 9)
            }
            try await client.execute(uri: "/api/v1/relations?city=Tehran&country=CN", method: .get) { response in
                let items = try #require((try response.json() as? [String: Any]).flatMap { $0["items"] as? [[String: Any]] })
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { (($0["partner"] as? [String: Any])?["country_iso2"] as? String) == "CN" || (($0["city"] as? [String: Any])?["country_iso2"] as? String) == "CN" })
            }
            // The CLI's rules: a country by name in either language, a Solar Hijri year in Persian digits.
            let byCode = try await client.execute(uri: "/api/v1/relations?city=Tehran&country=CN", method: .get) { String(buffer: $0.body) }
            let byName = try await client.execute(uri: "/api/v1/relations?city=Tehran&country=%DA%86%DB%8C%D9%86", method: .get) { String(buffer: $0.body) }
            #expect(byCode == byName)
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&from=%DB%B1%DB%B3%DB%B9%DB%B4SH", method: .get) { response in
                #expect(response.status == .ok)
                let page = try response.json() as? [String: Any]
                #expect(page?["total"] as? Int == 4)
            }
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&from=2005&to=2013", method: .get) { response in
                let items = try #require((try response.json() as? [String: Any]).flatMap { $0["items"] as? [[String: Any]] })
                #expect(!items.isEmpty)
                for item in items {
                    let signed = try #require(item["signed"] as? [String: Any])
                    #expect((signed["gregorian_year_max"] as? Int ?? 0) >= 2005)
                    #expect((signed["gregorian_year_min"] as? Int ?? 9999) <= 2013)
                }
            }
        }
    }

    @Test("Bad parameters are 400 with the field named; unknown records and addresses are 404", arguments: [
        ("/api/v1/relations?limit=0", 400, "limit"),
        ("/api/v1/relations?limit=abc", 400, "limit"),
        ("/api/v1/relations?limit=100000", 400, "limit"),
        ("/api/v1/relations?offset=-1", 400, "offset"),
        ("/api/v1/relations?country=Narnia", 404, "country"),
        ("/api/v1/relations?kind=%21%21", 400, "kind"),
        ("/api/v1/relations?kind=foo", 400, "kind"),
        ("/api/v1/relations?city=Atlantis", 404, "city"),
        ("/api/v1/relations?from=20x6", 400, "from"),
        ("/api/v1/relations?dataset=missing", 404, "dataset"),
        ("/api/v1/networks?dataset=missing", 404, "dataset"),
        ("/api/v1/relations?from=2010&to=2000", 400, "from"),
        ("/api/v1/cities?country=123", 404, "country"),
        ("/api/v1/tables/2?regions=nowhere", 404, "regions"),
        ("/api/v1/tables/3?rule=sometimes", 400, "rule"),
        ("/api/v1/tables/1?lang=de", 400, "lang"),
        ("/api/v1/statistics?top=0", 400, "top"),
        ("/api/v1/cities/nowhere:atlantis", 404, "id"),
        ("/api/v1/networks/nowhere", 404, "id"),
        ("/api/v1/countries/XX", 404, "code"),
        ("/api/v1/tables/5", 404, "number"),
        ("/api/v1/tables/1?dataset=missing", 404, "dataset"),
        ("/api/v1/audit?dataset=hostile", 404, "dataset"),
    ])
    func errors(uri: String, status: Int, field: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let object = try #require(try response.json() as? [String: Any])
                #expect((object["error"] as? String)?.isEmpty == false)
                #expect(object["field"] as? String == field, "\(uri)")
            }
        }
    }

    @Test("Cached answers follow the registry: a dataset stored by another process shows once the revision is asked again")
    func cacheFollowsRegistry() async throws {
        let registry = try await ObservatoryFixture.registry()
        try await ObservatoryFixture.withClient(cacheLifetime: 0.2, registry: registry) { client in
            try await client.execute(uri: "/api/v1/datasets", method: .get) { response in
                #expect(response.text.contains("\"hostile\"") && !response.text.contains("late-arrival"))
            }
            try await registry.store(DatasetContent(dataset: Dataset(id: "late-arrival", title: LocalizedText(en: "Stored meanwhile"))))
            try await Task.sleep(for: .milliseconds(400))
            try await client.execute(uri: "/api/v1/datasets", method: .get) { response in
                #expect(response.text.contains("late-arrival"))
            }
        }
    }

    @Test("An unknown API address is a JSON 404")
    func unknownAddress() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                let object = try #require(try response.json() as? [String: Any])
                #expect((object["error"] as? String)?.contains("/api/v1/nothing-here") == true)
            }
        }
    }

    @Test("The study's tables, its audit and statistics are served as computed by the CLI")
    func study() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/tables/1", method: .get) { response in
                let table = try #require(try response.json() as? [String: Any])
                #expect((table["rows"] as? [Any])?.count == 70)
            }
            try await client.execute(uri: "/api/v1/tables/3", method: .get) { response in
                let rows = try #require((try response.json() as? [String: Any]).flatMap { $0["rows"] as? [[String: Any]] })
                #expect(rows.map { $0["relations"] as? Int } == [2, 1, 3, 15, 15, 4])
            }
            try await client.execute(uri: "/api/v1/tables/2?lang=fa", method: .get) { response in
                let table = try #require(try response.json() as? [String: Any])
                #expect((table["title"] as? String)?.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } == true)
            }
            try await client.execute(uri: "/api/v1/tables/4", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/audit", method: .get) { response in
                let audit = try #require(try response.json() as? [String: Any])
                let summary = try #require(audit["summary"] as? [String: Int])
                // The referee's audit of the bundled study: its independent checks and consistency
                // checks, with the six disagreements StudyAuditTests names one by one.
                #expect(summary["mismatch"] == 6)
                #expect(summary["contradicted"] == 3 && summary["queried"] == 2)
                #expect((audit["findings"] as? [Any])?.count == summary.values.reduce(0, +))
            }
            try await client.execute(uri: "/api/v1/statistics?dataset=iran-2018&top=3", method: .get) { response in
                let stats = try #require(try response.json() as? [String: Any])
                #expect(stats["relations"] as? Int == 70)
                #expect((stats["by_country"] as? [String: Int])?["IR"] == 70)
                #expect((stats["top_cities"] as? [Any])?.count == 3)
            }
        }
    }

    @Test("Relations export as CSV, GeoJSON and GraphML")
    func exports() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/export/relations.csv?dataset=iran-2018", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let lines = response.text.split(separator: "\r\n")
                #expect(lines.first == "id,dataset,city_id,city,city_country_iso2,partner_id,partner,partner_country_iso2,kind,status,signed,year_min,year_max,source_urls")
                #expect(lines.count == 71)
            }
            try await client.execute(uri: "/api/v1/export/relations.geojson?dataset=iran-2018", method: .get) { response in
                let collection = try #require(try response.json() as? [String: Any])
                #expect(collection["type"] as? String == "FeatureCollection")
                let features = try #require(collection["features"] as? [[String: Any]])
                let lines = features.filter { ($0["geometry"] as? [String: Any])?["type"] as? String == "LineString" }
                #expect(lines.count + (collection["skipped_relations"] as? Int ?? -1) == 70)
                // The study's records have no coordinates: its cities are placed by name, as on the map pages.
                let points = features.filter { ($0["geometry"] as? [String: Any])?["type"] as? String == "Point" }
                #expect(points.count == 67)
                #expect(lines.count == 69)
                let tehran = try #require(points.first { $0["id"] as? String == "iran-2018:tehran" })
                #expect((tehran["properties"] as? [String: Any])?["located"] as? String == "gazetteer")
            }
            try await client.execute(uri: "/api/v1/export/relations.graphml?dataset=hostile", method: .get) { response in
                #expect(response.text.contains("<edge id=\"hostile:r1\" source=\"hostile:x\" target=\"hostile:lyon\">"))
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!response.text.contains("<script>"))
                let parser = XMLParser(data: Data(response.text.utf8))
                #expect(parser.parse())
            }
        }
    }

    @Test("The OpenAPI document describes every route the API serves")
    func openAPI() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                for path in ["/datasets:", "/countries:", "/countries/{code}:", "/cities:", "/cities/{id}:", "/relations:", "/networks:",
                             "/networks/{id}:", "/memberships:", "/events:", "/tables/{number}:", "/audit:", "/statistics:",
                             "/schemes/{id}:", "/export/relations.csv:", "/export/relations.geojson:", "/export/relations.graphml:",
                             "/relations/{id}:", "/memberships/{id}:", "/events/{id}:", "/sources:", "/sources/{id}:", "/changes:"] {
                    #expect(response.text.contains("\n  \(path)\n"), "\(path)")
                }
            }
        }
    }
}
