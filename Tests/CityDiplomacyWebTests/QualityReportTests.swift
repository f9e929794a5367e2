import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("An imported dataset's quality report, in the API and on a page in both languages")
struct QualityReportTests {
    static let api = "/api/v1/datasets/\(ImportedDatasetFixture.id)/quality"
    static let page = "/datasets/\(ImportedDatasetFixture.id)/quality"
    static let statuses = ["resolved", "part-resolved", "part", "ambiguous", "unresolved"]

    static func withClient(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await ObservatoryFixture.withClient(registry: try await ObservatoryFixture.registryWithImport(), body)
    }

    @Test("The API gives the counts, the distances, every status's count and the first page of places")
    func report() async throws {
        try await Self.withClient { client in
            try await client.execute(uri: Self.api, method: .get) { response in
                #expect(response.status == .ok)
                let report = try #require(try response.json() as? [String: Any])
                #expect(report["dataset"] as? String == ImportedDatasetFixture.id)
                #expect(report["rows_read"] as? Int == 6 + ImportedDatasetFixture.madeUpTowns / 2)
                let byStatus = try #require(report["places_by_status"] as? [String: Int])
                #expect(byStatus.keys.sorted() == Self.statuses.sorted())
                #expect((byStatus["unresolved"] ?? 0) >= ImportedDatasetFixture.madeUpTowns)
                let places = try #require(report["places"] as? [String: Any])
                let total = byStatus.values.reduce(0, +)
                #expect(places["total"] as? Int == total)
                #expect(places["limit"] as? Int == 100 && places["offset"] as? Int == 0)
                let items = try #require(places["items"] as? [[String: Any]])
                #expect(items.count == 100)
                let place = try #require(items.first)
                #expect(place.keys.sorted() == ["candidates", "city", "country", "geonames_id", "kilometres", "matched", "name", "part_of", "reason", "status"])
                // The lists are whole: more unresolved names than the page shows.
                #expect(((report["unresolved_names"] as? [Any])?.count ?? 0) >= ImportedDatasetFixture.madeUpTowns)
                #expect((report["unknown_countries"] as? [[String: Any]])?.contains { $0["country"] as? String == "Atlantis" } == true)
                #expect((report["self_pairs"] as? [Any])?.count == 1)
                #expect((report["distances"] as? [String: Any])?["measured"] as? Int != nil)
                // Keys in the view model's order, as the CLI prints them.
                let text = response.text
                let order = ["\"file\"", "\"cities_resolved\"", "\"distances\"", "\"unknown_countries\"", "\"places_by_status\"", "\"places\""]
                    .map { text.range(of: $0)?.lowerBound }
                #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted())
            }
        }
    }

    @Test("Places are filtered by status and paged with their total")
    func filterAndPaging() async throws {
        try await Self.withClient { client in
            let byStatus = try await client.execute(uri: Self.api + "?limit=1", method: .get) { response in
                try #require((try response.json() as? [String: Any])?["places_by_status"] as? [String: Int])
            }
            for status in Self.statuses {
                try await client.execute(uri: Self.api + "?status=\(status)&limit=1000", method: .get) { response in
                    let places = try #require((try response.json() as? [String: Any])?["places"] as? [String: Any])
                    let items = try #require(places["items"] as? [[String: Any]])
                    #expect(places["total"] as? Int == byStatus[status], "\(status)")
                    #expect(items.count == byStatus[status], "\(status)")
                    #expect(items.allSatisfy { $0["status"] as? String == status }, "\(status)")
                }
            }
            let unresolved = try #require(byStatus["unresolved"])
            try await client.execute(uri: Self.api + "?status=unresolved&limit=5&offset=\(unresolved - 3)", method: .get) { response in
                let places = try #require((try response.json() as? [String: Any])?["places"] as? [String: Any])
                #expect(places["total"] as? Int == unresolved)
                #expect(places["offset"] as? Int == unresolved - 3 && places["limit"] as? Int == 5)
                #expect((places["items"] as? [Any])?.count == 3)
            }
            try await client.execute(uri: Self.api + "?offset=100000", method: .get) { response in
                #expect(response.status == .ok)
                let places = try #require((try response.json() as? [String: Any])?["places"] as? [String: Any])
                #expect((places["items"] as? [Any])?.isEmpty == true)
            }
            // Paging walks the places of one answer, in the same order, each once.
            func entries(_ items: [[String: Any]]) -> [String] {
                items.map { "\($0["name"] as? String ?? "")|\($0["country"] as? String ?? "")|\($0["city"] as? String ?? "")|\($0["kilometres"] ?? "")" }
            }
            let whole = try await client.execute(uri: Self.api + "?limit=1000", method: .get) { response in
                entries(try #require(((try response.json() as? [String: Any])?["places"] as? [String: Any])?["items"] as? [[String: Any]]))
            }
            var paged: [String] = []
            for offset in stride(from: 0, to: whole.count, by: 40) {
                try await client.execute(uri: Self.api + "?limit=40&offset=\(offset)", method: .get) { response in
                    paged += entries(try #require(((try response.json() as? [String: Any])?["places"] as? [String: Any])?["items"] as? [[String: Any]]))
                }
            }
            #expect(whole.count == byStatus.values.reduce(0, +))
            #expect(paged == whole)
        }
    }

    @Test("A bad status or paging is a 400, an unknown dataset a 404, a dataset not imported a 409", arguments: [
        ("/api/v1/datasets/imported-sample/quality?status=found", 400, "status"),
        ("/api/v1/datasets/imported-sample/quality?limit=0", 400, "limit"),
        ("/api/v1/datasets/imported-sample/quality?limit=1001", 400, "limit"),
        ("/api/v1/datasets/imported-sample/quality?offset=-1", 400, "offset"),
        ("/api/v1/datasets/nowhere/quality", 404, "dataset"),
        ("/api/v1/datasets/iran-2018/quality", 409, "dataset"),
        ("/api/v1/datasets/hostile/quality", 409, "dataset"),
    ])
    func errors(uri: String, status: Int, field: String) async throws {
        try await Self.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status, "\(uri)")
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["field"] as? String == field, "\(uri)")
                #expect((object["error"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("The page shows the counts with shares, the distances, the places with their evidence and the lists, in English")
    func englishPage() async throws {
        try await Self.withClient { client in
            try await client.execute(uri: Self.page, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
                #expect(html.contains("<h1>Import quality of dataset imported-sample</h1>"))
                for heading in ["Places of the file", "Distance from the file&#39;s coordinates to the GeoNames point", "Places as the file writes them, and the evidence of their resolution",
                                "Unresolved names", "Uncertain resolutions", "Coordinate issues", "Unknown countries", "Self-pairs"] {
                    #expect(html.contains("<h2") && html.contains(heading), "\(heading)")
                }
                #expect(html.contains("Resolved to GeoNames"))
                #expect(html.range(of: #"<td>\d+\.\d%</td>"#, options: .regularExpression) != nil, "shares as percentages")
                #expect(html.contains("<tr class=\"total\"><th scope=\"row\">Distinct places (one per city record"))
                #expect(html.range(of: #"1–100 of \d+ places"#, options: .regularExpression) != nil)
                // Every status is a filter, and the next page keeps the filter and the anchor.
                for status in Self.statuses { #expect(html.contains("href=\"\(Self.page)?status=\(status)#places\""), "\(status)") }
                #expect(html.contains("<a rel=\"next\" href=\"\(Self.page)?page=2#places\">"))
                // The importer's words are marked English; the place links to the city it became.
                #expect(html.contains("<td lang=\"en\" dir=\"ltr\">"))
                #expect(html.contains("href=\"/cities/imported-sample:"))
                #expect(html.range(of: #"The first 100 of \d+; the report for scripts lists every one\."#, options: .regularExpression) != nil)
                #expect(html.contains("href=\"/api/v1/datasets/imported-sample/quality?limit=1000\""))
                // A name like a script is shown as text; no catalogue key is shown for a missing message.
                #expect(!html.contains("<script>"))
                #expect(!html.contains("quality.") && !html.contains("list.comma"))
            }
        }
    }

    @Test("The Persian page is right-to-left with Persian digits and labels; the importer's English is marked as such")
    func persianPage() async throws {
        try await Self.withClient { client in
            try await client.execute(uri: Self.page + "?lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
                #expect(html.contains("کیفیت درون‌بری مجموعهٔ دادهٔ imported-sample"))
                #expect(html.contains("مکان‌های متمایز"))
                // Shares with Persian digits, decimal separator and percent sign.
                #expect(html.range(of: "<td>[۰-۹]+٫[۰-۹]٪</td>", options: .regularExpression) != nil)
                #expect(html.range(of: "۱ تا ۱۰۰ از [۰-۹]+ مکان", options: .regularExpression) != nil)
                #expect(html.contains("<td lang=\"en\" dir=\"ltr\">"))
                #expect(html.contains("href=\"\(Self.page)?status=unresolved&amp;lang=fa#places\"")
                    || html.contains("href=\"\(Self.page)?status=unresolved&lang=fa#places\""))
                #expect(html.contains("hreflang=\"en\" href=\"\(Self.page)\""))
                #expect(!html.contains("quality.") && !html.contains("<script>"))
                // The counts and the paging note carry no ASCII digits.
                let counts = try #require(html.components(separatedBy: "<tr class=\"total\">").dropFirst().first?.components(separatedBy: "</tr>").first)
                #expect(counts.range(of: "[0-9]", options: .regularExpression) == nil, "\(counts)")
            }
        }
    }

    @Test("The page's status filter lists only that status, a page at a time")
    func pageFilter() async throws {
        try await Self.withClient { client in
            let unresolved = try await client.execute(uri: Self.api + "?limit=1", method: .get) { response in
                try #require(((try response.json() as? [String: Any])?["places_by_status"] as? [String: Int])?["unresolved"])
            }
            try #require(unresolved > 100)
            try await client.execute(uri: Self.page + "?status=unresolved", method: .get) { response in
                let html = response.text
                let table = try #require(html.components(separatedBy: "<table class=\"places\">").dropFirst().first?.components(separatedBy: "</table>").first)
                let rows = table.components(separatedBy: "<tr><td>").dropFirst()
                #expect(rows.count == 100)
                #expect(rows.allSatisfy { $0.contains("<td>unresolved</td>") })
                #expect(html.contains("<a href=\"\(Self.page)?status=unresolved#places\" aria-current=\"page\">"))
                #expect(html.contains("<a rel=\"next\" href=\"\(Self.page)?status=unresolved&amp;page=2#places\">")
                    || html.contains("<a rel=\"next\" href=\"\(Self.page)?status=unresolved&page=2#places\">"))
            }
            try await client.execute(uri: Self.page + "?status=unresolved&page=2", method: .get) { response in
                let html = response.text
                #expect(html.contains("101–\(unresolved) of \(unresolved) places"))
                #expect(html.contains("rel=\"prev\"") && !html.contains("rel=\"next\""))
            }
        }
    }

    @Test("The page answers an unknown dataset with 404, the study's with 409, a bad status with 400, as pages", arguments: [
        ("/datasets/nowhere/quality", 404), ("/datasets/iran-2018/quality", 409), ("/datasets/imported-sample/quality?status=found", 400),
        ("/datasets/imported-sample/quality?page=0", 400),
    ])
    func pageErrors(path: String, status: Int) async throws {
        try await Self.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status.code == status, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test("The dashboard links an imported dataset's quality report, and no report for a dataset not imported")
    func dashboardLinks() async throws {
        try await Self.withClient { client in
            try await client.execute(uri: "/?dataset=imported-sample", method: .get) { response in
                #expect(response.text.contains("href=\"\(Self.page)\""))
                #expect(!response.text.contains("/datasets/iran-2018/quality"))
                #expect(!response.text.contains("/datasets/hostile/quality"))
            }
            try await client.execute(uri: "/?lang=fa", method: .get) { response in
                #expect(response.text.contains("href=\"\(Self.page)?lang=fa\""))
            }
        }
    }
}
