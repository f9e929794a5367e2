import CityDiplomacyApplication
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Pages are rendered on the server, in English and Persian, escaped, with 404 pages")
struct PageTests {
    @Test("Every page answers in both languages; Persian pages are right-to-left with Persian digits", arguments: [
        "/", "/relations", "/relations?city=Tehran&kind=sister_city", "/cities/iran-2018:tehran", "/countries/IR",
        "/networks", "/tables/1", "/tables/2", "/tables/3?rule=later", "/tables/4", "/audit", "/audit?status=mismatch",
        "/datasets/iran-2018", "/sources/iran-2018:t1-tehran-fn2/cite", "/schemes/study-civilisations", "/schemes/study-civilisations:by-region",
    ])
    func pages(path: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<html lang=\"en\" dir=\"ltr\">"))
                // One frame around every page, with the version that rendered it.
                #expect(response.text.components(separatedBy: "<html ").count == 2, "\(path)")
                #expect(response.text.components(separatedBy: "<main>").count == 2, "\(path)")
                #expect(response.text.contains("CityDiplomacy \(BuildInfo.current.description)"), "\(path)")
                #expect(!response.text.contains("{{"), "\(path)")
            }
            let persian = path + (path.contains("?") ? "&" : "?") + "lang=fa"
            try await client.execute(uri: persian, method: .get) { response in
                #expect(response.status == .ok, "\(persian)")
                #expect(response.text.contains("<html lang=\"fa\" dir=\"rtl\">"))
                #expect(response.text.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) }, "Persian digits on \(persian)")
            }
        }
    }

    @Test("The city page draws its partners on the map, links every source, and shows both calendars in Persian")
    func cityPage() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/cities/iran-2018:isfahan", method: .get) { response in
                let html = response.text
                #expect(html.contains("<image href=\"/assets/world-110m.svg?projection=equal-earth\""))
                #expect(html.components(separatedBy: "<path d=\"M").count > 5)
                #expect(html.contains("href=\"/networks/"))
                #expect(html.contains("<ol class=\"sources\">"))
                #expect(html.contains("href=\"https://"))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                // Access dates in both calendars, written as Persian texts print them.
                #expect(response.text.contains("۲۰۱۸/۰۳/۱۸ (۱۳۹۶/۱۲/۲۷)"))
                // The language switch leads to the English page; every other link keeps Persian.
                #expect(response.text.contains("hreflang=\"en\" href=\"/cities/iran-2018:isfahan\""))
                #expect(response.text.contains("href=\"/countries/IR?lang=fa\""))
                #expect(!response.text.contains("href=\"/countries/IR\""))
            }
            try await client.execute(uri: "/assets/world-110m.svg", method: .get) { response in
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.text.components(separatedBy: "<path ").count > 170)
            }
        }
    }

    @Test("Persian charts are laid out left to right with explicit anchors: labels right of the bars, anchored at their start, embedded right to left")
    func persianCharts() async throws {
        try await ObservatoryFixture.withClient { client in
            for path in ["/?lang=fa", "/countries/IR?lang=fa"] {
                try await client.execute(uri: path, method: .get) { response in
                    let charts = response.text.components(separatedBy: "<svg class=\"chart\"").dropFirst()
                    #expect(charts.count == (path.hasPrefix("/?") ? 4 : 1))
                    for chart in charts {
                        #expect(chart.hasPrefix(" role=\"img\""))
                        #expect(chart.contains("direction=\"ltr\""))
                        // Labels begin against the bars and run rightwards to the edge; values end left of the bars.
                        let labels = chart.components(separatedBy: "<text class=\"label\"").dropFirst().map { $0.prefix { $0 != "<" } }
                        #expect(!labels.isEmpty)
                        #expect(labels.allSatisfy { $0.contains("text-anchor=\"start\"") })
                        #expect(labels.filter { !$0.hasSuffix(">") }.allSatisfy { $0.contains("\u{202B}") })
                        let values = chart.components(separatedBy: "<text class=\"value\"").dropFirst()
                        #expect(values.allSatisfy { $0.contains("text-anchor=\"end\"") })
                    }
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                let labels = response.text.components(separatedBy: "<text class=\"label\"").dropFirst().map { $0.prefix { $0 != "<" } }
                #expect(!labels.isEmpty)
                #expect(labels.allSatisfy { $0.contains("text-anchor=\"end\"") && !$0.contains("\u{202B}") })
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                #expect(response.text.contains("<svg class=\"map\" role=\"img\""))
                #expect(response.text.contains("direction=\"ltr\""))
            }
        }
    }

    @Test("A country's page says since when it is a state and what it was part of before, in both languages; an older state's says nothing of it")
    func countryStatehood() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/countries/TJ", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<p class=\"note\">State since 1991-09-09 (before: the Soviet Union)</p>"))
            }
            try await client.execute(uri: "/countries/TJ?lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                // The date in both calendars with Persian digits, as the project writes dates in Persian.
                #expect(response.text.contains("<p class=\"note\">کشوری مستقل از ۱۹۹۱/۰۹/۰۹ (۱۳۷۰/۰۶/۱۸) به بعد؛ پیش از آن: اتحاد جماهیر شوروی</p>"))
            }
            for path in ["/countries/IR", "/countries/RU", "/countries/IR?lang=fa"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(!response.text.contains("State since"), "\(path)")
                    #expect(!response.text.contains("پیش از آن:"), "\(path)")
                }
            }
        }
    }

    @Test("Study tables let only addresses break anywhere: a link showing its address is of class url")
    func addressesBreak() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/tables/1", method: .get) { response in
                #expect(response.text.contains("class=\"url\" rel=\"noreferrer\">https://"))
            }
        }
    }

    @Test("Outside addresses are links only when http, https or mailto, escaped, and may break anywhere; names may not")
    func outsideLinks() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/cities/hostile:x", method: .get) { response in
                let html = response.text
                // A title is not an address: it must not break anywhere.
                #expect(html.contains("<a href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\" rel=\"noreferrer\"><bdi>A &quot;quoted&quot; &lt;b&gt;source&lt;/b&gt;</bdi></a>"))
                #expect(html.contains("click me (javascript:alert(1))"))
                #expect(!html.contains("href=\"javascript:"))
            }
            try await client.execute(uri: "/assets/style.css", method: .get) { response in
                #expect(response.text.contains("a.url, table:has(> caption) a[rel~=\"noreferrer\"] { overflow-wrap: anywhere; }"))
                #expect(!response.text.contains("word-break: break-all"))
                #expect(!response.text.contains("td a {"))
            }
        }
    }

    @Test("What this project added beside the study says so, in both languages; event notes are in the page's language; a section names its network")
    func supplements() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/cities/iran-2018:tehran", method: .get) { response in
                let html = response.text
                let mark = "<em class=\"supplement\">(added by this project, not the study)</em>"
                // The two AFC Asian Cups, which only this project's sources cite, and those two sources.
                let cup = try #require(html.range(of: "Host of the 4th AFC Asian Cup (1968)"))
                #expect(html[cup.upperBound...].prefix(300).contains(mark))
                #expect(html.contains("the finals were played in Tehran, 10–19 May 1968."))
                #expect(html.components(separatedBy: mark).count - 1 == 4)
                // The study's own events are not marked.
                let games = try #require(html.range(of: "Host of the 7th Asian Games (1974)"))
                #expect(!html[games.upperBound...].prefix { $0 != "\n" }.contains("supplement"))
            }
            try await client.execute(uri: "/cities/iran-2018:tehran?lang=fa", method: .get) { response in
                let html = response.text
                #expect(html.contains("<em class=\"supplement\">(افزودهٔ این پروژه، نه مطالعه)</em>"))
                // The Persian notes, digits written back in Persian.
                #expect(html.contains("مسابقات نهایی از ۱۰ تا ۱۹ مه ۱۹۶۸ در تهران برگزار شد."))
                #expect(!html.contains("the finals were played"))
            }
            // A relation that cites the study and a correction of ours: the correction is marked in its table.
            try await client.execute(uri: "/cities/iran-2018:shiraz", method: .get) { response in
                let row = try #require(response.text.components(separatedBy: "<tr id=\"iran-2018:shiraz/dushanbe/sister_city\">").dropFirst().first)
                let cells = row.prefix { $0 != "\n" }
                #expect(cells.contains("List of sovereign states by date of formation</bdi></a> <em class=\"supplement\">(added by this project, not the study)</em>"))
            }
            try await client.execute(uri: "/networks/iran-2018:metropolis", method: .get) { response in
                #expect(response.text.contains("<p>Section of <a href=\"/networks/iran-2018:uclg\"><bdi>United Cities and Local Governments (UCLG)</bdi></a></p>"))
            }
            try await client.execute(uri: "/networks/iran-2018:metropolis?lang=fa", method: .get) { response in
                #expect(response.text.contains("<p>بخشی از <a href=\"/networks/iran-2018:uclg?lang=fa\"><bdi>سازمان حکومت‌های محلی و شهرهای متحد</bdi></a></p>"))
            }
            try await client.execute(uri: "/networks/iran-2018:uclg", method: .get) { response in
                #expect(!response.text.contains("Section of"))
            }
            try await client.execute(uri: "/sources/iran-2018:project-afc-1968/cite", method: .get) { response in
                #expect(response.text.contains("<em class=\"supplement\">(added by this project, not the study)</em>"))
            }
        }
    }

    @Test("A network's page lists its members with links to their pages, and its sources")
    func networkPage() async throws {
        try await ObservatoryFixture.withClient { client in
            var networkID = ""
            try await client.execute(uri: "/api/v1/networks?dataset=iran-2018", method: .get) { response in
                networkID = try #require((try response.json() as? [[String: Any]])?.first?["id"] as? String)
            }
            try await client.execute(uri: "/networks/\(networkID)?lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("href=\"/cities/iran-2018:tehran?lang=fa\""))
                #expect(response.text.contains("<ol class=\"sources\">"))
            }
            try await client.execute(uri: "/networks", method: .get) { response in
                #expect(response.text.contains("href=\"/networks/\(networkID)\""))
            }
        }
    }

    @Test("A city named like a script shows as text on every page that names it", arguments: [
        "/cities/hostile:x", "/cities/hostile:lyon", "/relations?dataset=hostile", "/countries/FR", "/?dataset=hostile",
    ])
    func escaping(path: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok, "\(path)")
                #expect(!response.text.contains("<script>"), "\(path)")
                #expect(!response.text.contains("<b>source</b>"), "\(path)")
                #expect(!response.text.lowercased().contains("href=\"javascript:"), "\(path)")
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
        }
    }

    @Test("An unknown record or address is a 404 page, in the page's language", arguments: [
        "/cities/nowhere:atlantis", "/countries/QQ", "/networks/none", "/tables/9", "/no/such/page", "/audit?dataset=hostile", "//evil.example/x", "/schemes/nowhere",
    ])
    func notFound(path: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<h1>Not found</h1>"))
                #expect(!response.text.contains("href=\"//"))
            }
            try await client.execute(uri: path + (path.contains("?") ? "&" : "?") + "lang=fa", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("dir=\"rtl\""))
            }
        }
    }

    @Test("Bad filters on a page are a 400 page naming the field")
    func badFilter() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/relations?from=abc", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("<code>from</code>"))
            }
        }
    }
}
