import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Pages a researcher can cite from: tables with their files, the audit by status, citations and the data's description")
struct CitationPageTests {
    @Test("Each table page links its CSV, JSON and Markdown in the page's language and under its rule", arguments: [1, 2, 3, 4])
    func tableDownloads(number: Int) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/tables/\(number)?lang=fa", method: .get) { response in
                let html = response.text
                #expect(html.contains("href=\"/api/v1/tables/\(number).csv?lang=fa\" download=\"table-\(number)-fa.csv\" type=\"text/csv\""))
                #expect(html.contains("href=\"/api/v1/tables/\(number)?lang=fa\" download=\"table-\(number)-fa.json\" type=\"application/json\""))
                #expect(html.contains("href=\"/api/v1/tables/\(number).md?lang=fa\" download=\"table-\(number)-fa.md\" type=\"text/markdown\""))
                #expect(html.contains("class=\"cite-box\""))
            }
            try await client.execute(uri: "/tables/\(number)", method: .get) { response in
                #expect(response.text.contains("href=\"/api/v1/tables/\(number).csv\" download=\"table-\(number).csv\""))
            }
        }
    }

    @Test("The files are the CLI's tables with their media types: CSV the contract, Markdown with Table 2's subtotals, Persian with lang=fa")
    func tableFiles() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/tables/2.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.text.hasPrefix("region,country_iso2,affiliation,relations\n"))
                #expect(response.text.split(separator: "\n").count == 40)
            }
            try await client.execute(uri: "/api/v1/tables/2.md", method: .get) { response in
                #expect(response.headers[.contentType] == "text/markdown; charset=utf-8")
                #expect(response.text.contains("| **Subtotal: Middle East and West Asia** |  |  | **20** |"))
                #expect(response.text.contains("| **Total** |  |  | **70** |"))
            }
            try await client.execute(uri: "/api/v1/tables/3.csv?rule=later&lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) })
                #expect(!response.text.hasPrefix("period,"))
            }
            try await client.execute(uri: "/api/v1/tables/7.md", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test("Table 2's page groups each region's rows under its subtotal and ends with the total")
    func table2Page() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/tables/2", method: .get) { response in
                let html = response.text
                #expect(html.components(separatedBy: "<tr class=\"subtotal\">").count == 8)
                #expect(html.contains("<tfoot><tr class=\"total\"><th scope=\"row\" colspan=\"3\">Total</th><td>70</td></tr></tfoot>"))
            }
            try await client.execute(uri: "/tables/2?lang=fa", method: .get) { response in
                #expect(response.text.contains("<td>۷۰</td></tr></tfoot>"))
            }
        }
    }

    @Test("The audit page gives the summary first, then the findings that do not match at the top")
    func auditPage() async throws {
        try await ObservatoryFixture.withClient { client in
            // The counts the page must show, as the API gives them (the audit grows; the page follows it).
            var summary: [String: Int] = [:]
            try await client.execute(uri: "/api/v1/audit", method: .get) { response in
                let audit = try #require(try response.json() as? [String: Any])
                summary = try #require(audit["summary"] as? [String: Int])
            }
            let total = summary.values.reduce(0, +)
            let mismatches = try #require(summary["mismatch"])
            #expect(mismatches > 0 && total > 200)
            try await client.execute(uri: "/audit", method: .get) { response in
                let html = response.text
                let summaryBox = try #require(html.range(of: "class=\"audit-summary\""))
                let table = try #require(html.range(of: "<table class=\"audit\">"))
                #expect(summaryBox.lowerBound < table.lowerBound)
                // Every status with its count, as a link that lists it.
                for status in ["match", "mismatch"] {
                    let count = try #require(summary[status])
                    #expect(html.contains("<a class=\"status-\(status)\" href=\"/audit?status=\(status)\"><span class=\"figure\">\(count)</span>"))
                }
                #expect(html.contains("href=\"/audit\" aria-current=\"page\">All findings (\(total))</a>"))
                let rows = html.components(separatedBy: "<tr class=\"finding ").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(rows.count == total)
                #expect(rows.prefix(2) == ["status-mismatch", "status-mismatch"])
                #expect(rows.last == "status-match")
            }
            try await client.execute(uri: "/audit?status=mismatch&lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                // The audit names the study in Persian on a Persian page.
                #expect(response.text.contains("<h1>راستی‌آزمایی دهشیری و خرمی (۱۳۹۷)"))
                #expect(response.text.components(separatedBy: "<tr class=\"finding ").count == mismatches + 1)
                #expect(response.text.contains("href=\"/audit?lang=fa&amp;status=mismatch\" aria-current=\"page\"")
                        || response.text.contains("href=\"/audit?status=mismatch&amp;lang=fa\" aria-current=\"page\""))
            }
            try await client.execute(uri: "/audit?status=sometimes", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("<code>status</code>"))
            }
            try await client.execute(uri: "/api/v1/audit?status=scheme-dependent", method: .get) { response in
                let audit = try #require(try response.json() as? [String: Any])
                let findings = try #require(audit["findings"] as? [[String: Any]])
                #expect(!findings.isEmpty && findings.allSatisfy { $0["status"] as? String == "scheme-dependent" })
                #expect((audit["summary"] as? [String: Int]) == summary)
            }
        }
    }

    @Test("Citation files are served with their formats' media types, as citydip cite writes them", arguments: [
        ("/study/cite.bib", "application/x-bibtex; charset=utf-8", "@article{dehshiri2018,"),
        ("/study/cite.ris?dataset=iran-2018", "application/x-research-info-systems; charset=utf-8", "TY  - JOUR\n"),
        ("/study/cite.json", "application/vnd.citationstyles.csl+json; charset=utf-8", "[\n  {\n    \"id\": \"dehshiri2018\""),
        ("/datasets/iran-2018/cite.bib", "application/x-bibtex; charset=utf-8", "@misc{citydiplomacy-iran-2018,"),
        ("/datasets/iran-2018/cite.ris", "application/x-research-info-systems; charset=utf-8", "TY  - DATA\n"),
        ("/sources/iran-2018:t1-tehran-fn4/cite.json", "application/vnd.citationstyles.csl+json; charset=utf-8", "[\n  {\n    \"id\": \"iran-2018-t1-tehran-fn4\""),
    ])
    func citationFiles(path: String, contentType: String, start: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == contentType)
                #expect(response.headers[.contentDisposition]?.hasPrefix("inline; filename=") == true)
                #expect(response.text.hasPrefix(start), "\(response.text.prefix(120))")
            }
        }
    }

    @Test("An unknown format, source or dataset of a citation is a 404 page; a dataset without a study has none to cite")
    func citationErrors() async throws {
        try await ObservatoryFixture.withClient { client in
            for path in ["/study/cite.doc", "/sources/nowhere:x/cite.bib", "/datasets/nowhere/cite.ris", "/study/cite.bib?dataset=hostile",
                         "/sources/nowhere:x/cite", "/datasets/nowhere"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                }
            }
        }
    }

    @Test("A dataset's page says what the data is — provenance, method, licence, version, counts — and how to cite it and the study")
    func datasetPage() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/datasets/iran-2018", method: .get) { response in
                let html = response.text
                #expect(response.status == .ok)
                #expect(html.contains("<section class=\"about-data\""))
                #expect(html.contains("<code dir=\"ltr\">CC BY 4.0</code>"))
                #expect(html.contains("Content analysis"))
                #expect(html.contains("id=\"cite-dehshiri2018\""))
                #expect(html.contains("id=\"cite-citydiplomacy-iran-2018\""))
                #expect(html.contains("href=\"/datasets/iran-2018/cite.bib\" download=\"citydiplomacy-iran-2018.bib\""))
                #expect(html.contains("href=\"/study/cite.ris?dataset=iran-2018\""))
                // Its 54 sources (the study's 48 and this project's 6), each linked to its citation.
                #expect(html.components(separatedBy: "href=\"/sources/iran-2018:").count == 55)
            }
            try await client.execute(uri: "/datasets/iran-2018?lang=fa", method: .get) { response in
                let html = response.text
                #expect(html.contains("تحلیل محتوا"))
                #expect(html.contains("<code dir=\"ltr\">CC BY 4.0</code>"))
                // The dataset's own Persian wording of its provenance.
                #expect(html.contains("به‌دست از متن فارسی اصلی رونویسی شده است"))
                #expect(!html.contains("Transcribed by hand"))
                #expect(html.contains("href=\"/sources/iran-2018:t1-tehran-fn2/cite?lang=fa\""))
                // A licence keeps its Latin digits on a Persian page, in the footer too.
                #expect(html.contains("ژئونیمز (CC BY 4.0)"))
                #expect(!html.contains("CC BY ۴"))
            }
            try await client.execute(uri: "/datasets/hostile", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("id=\"cite-dehshiri2018\""), "no study behind it")
                #expect(response.text.contains("not stated"))
                #expect(!response.text.contains("<script>alert"))
            }
        }
    }

    @Test("A source's page cites it; every list of sources links there; the dashboard cites the study and the dataset")
    func sourcePages() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/sources/iran-2018:t1-tehran-fn4/cite", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("href=\"/sources/iran-2018:t1-tehran-fn4/cite.ris\""))
                #expect(response.text.contains("Hungary Today"))
                #expect(response.text.contains("href=\"/datasets/iran-2018\""))
            }
            try await client.execute(uri: "/cities/iran-2018:tehran", method: .get) { response in
                #expect(response.text.contains("href=\"/sources/iran-2018:t1-tehran-fn4/cite\""))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("id=\"cite-dehshiri2018\""))
                #expect(response.text.contains("href=\"/datasets/iran-2018\""))
                #expect(response.text.contains("<section class=\"about-data\""))
            }
        }
    }
}
