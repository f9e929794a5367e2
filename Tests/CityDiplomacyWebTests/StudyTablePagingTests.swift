import CityDiplomacyWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Table 1 lists every relation of a dataset (24,509 rows for the Wikipedia one): its page shows
/// a page of rows at a time, with links to the others; its files stay whole.
@Suite("Table 1's page is paged, every row on exactly one page, in both languages")
struct StudyTablePagingTests {
    /// The rows of the table body in `html`, as written.
    static func rows(_ html: String) -> [String] {
        guard let body = html.range(of: "<tbody>"), let end = html.range(of: "</tbody>", range: body.upperBound..<html.endIndex) else { return [] }
        return html[body.upperBound..<end.lowerBound].components(separatedBy: "</tr>")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.hasPrefix("<tr") }
    }

    /// The address of the link to the next page, if there is one (`&amp;` read back as `&`).
    static func next(_ html: String) -> String? {
        guard let link = html.range(of: "<a rel=\"next\" href=\""), let end = html.range(of: "\"", range: link.upperBound..<html.endIndex) else { return nil }
        return String(html[link.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("Following the next links from the first page shows every row of the whole table once, in order", arguments: ["en", "fa"])
    func everyRowOnce(language: String) async throws {
        try await ObservatoryFixture.withClient { client in
            let lang = language == "fa" ? "&lang=fa" : ""
            var whole: [String] = []
            try await client.execute(uri: "/tables/1?per_page=5000\(lang)", method: .get) { response in
                #expect(response.status == .ok)
                whole = Self.rows(response.text)
                #expect(Self.next(response.text) == nil)
            }
            #expect(whole.count > 40, "the study's Table 1 has more rows than two pages of 20")
            var shown: [String] = []
            var address: String? = "/tables/1?per_page=20\(lang)"
            var pages = 0
            while let uri = address, pages < 100 {
                pages += 1
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = response.text
                    let rows = Self.rows(html)
                    #expect(rows.count <= 20)
                    shown += rows
                    address = Self.next(html)
                    if let next = address {
                        #expect(next.contains("page=\(pages + 1)") && next.contains("per_page=20"), "\(next)")
                        #expect(language != "fa" || next.contains("lang=fa"), "the next page stays in Persian: \(next)")
                    }
                    if pages > 1 { #expect(html.contains("rel=\"prev\""), "\(uri) links back") }
                    // The downloads are of the whole table, not of this page.
                    let downloads = try #require(html.range(of: "<p class=\"downloads\">").map { html[$0.upperBound...].prefix { $0 != "\n" } })
                    #expect(downloads.contains("/api/v1/tables/1.csv"))
                    #expect(!downloads.contains("page="), "\(downloads)")
                    let total = whole.count
                    let first = (pages - 1) * 20 + 1, last = min(pages * 20, total)
                    if language == "fa" {
                        let digits = { (n: Int) in String(n).map { String(UnicodeScalar(0x06F0 + Int(String($0))!)!) }.joined() }
                        #expect(html.contains("ردیف‌های \(digits(first)) تا \(digits(last)) از \(digits(total))"), "Persian digits on \(uri)")
                    } else {
                        #expect(html.contains("Rows \(first)–\(last) of \(total)"), "\(uri)")
                    }
                }
            }
            #expect(pages == (whole.count + 19) / 20)
            #expect(shown == whole, "the pages together are the whole table, each row once and in order")
            #expect(Set(shown).count == shown.count)
        }
    }

    @Test("The first page holds the default number of rows; a page past the last shows the last; a bad page is refused")
    func bounds() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/tables/1?per_page=20&page=999", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("rel=\"prev\""))
                #expect(Self.next(response.text) == nil)
            }
            for bad in ["/tables/1?page=0", "/tables/1?page=x", "/tables/1?per_page=0"] {
                try await client.execute(uri: bad, method: .get) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
            // The other tables are not paged.
            try await client.execute(uri: "/tables/2", method: .get) { response in
                #expect(!response.text.contains("rel=\"next\""))
            }
        }
    }

    @Test("A city's page lists its relations a page at a time, every relation once; few relations make no pages", arguments: ["en", "fa"])
    func cityRelationsPaged(language: String) async throws {
        try await ObservatoryFixture.withClient { client in
            let lang = language == "fa" ? "&lang=fa" : ""
            var whole: [String] = []
            try await client.execute(uri: "/cities/iran-2018:tehran?per_page=5000\(lang)", method: .get) { response in
                #expect(response.status == .ok)
                whole = Self.rows(response.text)
                #expect(!response.text.contains("<nav class=\"paging\">"), "one page has no links to others")
            }
            try await client.execute(uri: "/cities/iran-2018:tehran\(language == "fa" ? "?lang=fa" : "")", method: .get) { response in
                #expect(Self.rows(response.text) == whole, "the default page holds every relation of a city of the study")
                #expect(!response.text.contains("rel=\"next\""))
            }
            #expect(whole.count > 6, "Tehran has relations enough for three pages of 3")
            var shown: [String] = []
            var address: String? = "/cities/iran-2018:tehran?per_page=3\(lang)"
            var pages = 0
            while let uri = address, pages < 100 {
                pages += 1
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let rows = Self.rows(response.text)
                    #expect(rows.count <= 3 && !rows.isEmpty)
                    shown += rows
                    address = Self.next(response.text)
                    if language == "en" {
                        #expect(response.text.contains("Rows \((pages - 1) * 3 + 1)–\((pages - 1) * 3 + rows.count) of \(whole.count)"), "\(uri)")
                    } else {
                        #expect(response.text.contains("ردیف‌های "), "\(uri)")
                        #expect(address.map { $0.contains("lang=fa") } ?? true)
                    }
                }
            }
            #expect(pages == (whole.count + 2) / 3)
            #expect(shown == whole, "the pages together list every relation once, in order")
            for bad in ["/cities/iran-2018:tehran?page=0", "/cities/iran-2018:tehran?per_page=x"] {
                try await client.execute(uri: bad, method: .get) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(bad) answers a page")
                }
            }
        }
    }
}
