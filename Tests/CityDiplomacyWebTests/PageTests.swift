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
        "/datasets/iran-2018", "/sources/iran-2018:t1-tehran-fn2/cite",
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
                #expect(html.contains("<image href=\"/assets/world-110m.svg\""))
                #expect(html.components(separatedBy: "<path d=\"M").count > 5)
                #expect(html.contains("href=\"/networks/"))
                #expect(html.contains("<ol class=\"sources\">"))
                #expect(html.contains("href=\"https://"))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                #expect(response.text.contains("ه‍.ش"))
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

    @Test("Persian charts are laid out left to right with explicit anchors: labels at the right edge, values left of the bars")
    func persianCharts() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/?lang=fa", method: .get) { response in
                let html = response.text
                let charts = html.components(separatedBy: "<svg class=\"chart\"").dropFirst()
                #expect(charts.count == 4)
                for chart in charts {
                    #expect(chart.hasPrefix(" role=\"img\""))
                    #expect(chart.contains("direction=\"ltr\""))
                    // Labels end at the right edge (710 wide, 4 in); no text starts there to run off it.
                    #expect(chart.contains("x=\"706.0\" y=\"20.0\" text-anchor=\"end\""))
                    #expect(!chart.contains("text-anchor=\"start\""))
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("x=\"4.0\" y=\"20.0\" text-anchor=\"start\""))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                #expect(response.text.contains("<svg class=\"map\" role=\"img\""))
                #expect(response.text.contains("direction=\"ltr\""))
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
        "/cities/nowhere:atlantis", "/countries/QQ", "/networks/none", "/tables/9", "/no/such/page", "/audit?dataset=hostile", "//evil.example/x",
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
