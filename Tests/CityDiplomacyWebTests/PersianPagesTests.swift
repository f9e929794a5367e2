import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every Persian page reads as Persian: a crawl from the Persian dashboard over every page it
/// links to, with the text a reader sees checked for Latin-script words that are not one of the
/// exceptions `LatinInPersian` lists.
@Suite("Persian pages hold no English words but the listed exceptions")
struct PersianPagesTests {
    /// What a reader sees of a page: text and tooltips (`title`, `aria-label`, `alt`), without
    /// scripts, styles and code.
    static func visibleText(_ html: String) -> String {
        var text = html
        // The language switch names the other language in that language ("English"), as a
        // language switch should; it is the one English word a Persian page shows on purpose.
        text = text.replacingOccurrences(of: "<a class=\"lang\"[^>]*>[^<]*</a>", with: " ", options: .regularExpression)
        for element in ["script", "style", "code", "pre"] {
            // Over lines too: a citation's BibTeX is many lines of code.
            text = text.replacingOccurrences(of: "<\(element)[^>]*>[\\s\\S]*?</\(element)>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        // Tooltips and labels are read too: keep their values as text.
        text = text.replacingOccurrences(of: "\\s(?:title|aria-label|alt|placeholder)=\"([^\"]*)\"", with: ">$1<", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The titles and publishers of the study's sources that are not in Persian: cited as printed.
    static func foreignSourceWords() throws -> [String] {
        let content = try #require(try BundledDatasets.load(id: "iran-2018", countries: CountryDirectory.bundled()))
        let sources = content.sources + content.relations.flatMap(\.sources) + content.memberships.flatMap(\.sources)
            + content.networks.flatMap(\.sources) + content.events.flatMap(\.sources)
        return sources.filter { $0.language != "fa" }.flatMap { [$0.title, $0.publisher].compactMap { $0 } }
    }

    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "href=\"(/[^\"#]*)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }

    /// Pages that are files (downloads, exports, the API) are not prose and are not crawled.
    static func isPage(_ path: String) -> Bool {
        let bare = path.split(separator: "?").first.map(String.init) ?? path
        if bare.hasPrefix("/api/") || bare.hasPrefix("/assets/") || bare.hasPrefix("/export") { return false }
        let last = bare.split(separator: "/").last.map(String.init) ?? ""
        return !last.contains(".") || last.hasSuffix(".html")
    }

    @Test("A crawl of the Persian observatory finds no English words outside the exceptions")
    func crawl() async throws {
        let countries = try CountryDirectory.bundled()
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        try await registry.store(try #require(try BundledDatasets.load(id: "iran-2018", countries: countries)))
        let allowed = try Self.foreignSourceWords()
        try await ObservatoryFixture.withClient(registry: registry) { client in
            var queue = ["/?lang=fa", "/relations?lang=fa&city=Tehran", "/audit?lang=fa", "/tables/3?lang=fa&rule=later"]
            var seen = Set(queue)
            var pages = 0
            var faults: [String] = []
            while !queue.isEmpty, pages < 400 {
                let path = queue.removeFirst()
                pages += 1
                try await client.execute(uri: path, method: .get) { response in
                    guard response.status == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true else { return }
                    let html = response.text
                    let runs = LatinInPersian.offendingRuns(in: Self.visibleText(html), allowing: allowed)
                    if !runs.isEmpty { faults.append("\(path): " + Array(Set(runs)).sorted().prefix(12).joined(separator: " | ")) }
                    for link in Self.links(in: html) where Self.isPage(link) && link.contains("lang=fa") && !seen.contains(link) {
                        seen.insert(link)
                        queue.append(link)
                    }
                }
            }
            #expect(pages > 100, "the crawl reached only \(pages) pages")
            #expect(faults.isEmpty, Comment(rawValue: "English on \(faults.count) Persian pages:\n" + faults.prefix(60).joined(separator: "\n")))
        }
    }
}
