@testable import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CityDiplomacyWeb

@Suite("The network page, the network of countries on the map, and each city's place in the network")
struct NetworkPageTests {
    @Test("The network page gives the whole network, the rankings, the communities and the map, each city linked to its page")
    func englishPage() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/network?dataset=iran-2018", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>The network of cities of “"))
                #expect(html.contains("<caption>Whole-network figures</caption>"))
                #expect(html.contains("<caption>The most central by betweenness</caption>"))
                #expect(html.contains("<caption>Communities by the Leiden method</caption>"))
                // Cities in the rankings and among a community's largest link to their pages; countries to theirs.
                #expect(html.contains("<td><a href=\"/cities/iran-2018:tehran\"><bdi>Tehran</bdi></a></td>"))
                #expect(html.contains("<a href=\"/countries/IR\"><bdi>Iran</bdi></a>"))
                #expect(html.components(separatedBy: "href=\"/cities/").count > 40)
                // The level switch, the focus form and the same data from the API.
                #expect(html.contains("<a href=\"/network?dataset=iran-2018&amp;level=country\">countries</a>"))
                #expect(html.contains("<select name=\"focus_country\">"))
                #expect(html.contains("<input type=\"hidden\" name=\"dataset\" value=\"iran-2018\">"))
                #expect(html.contains("href=\"/api/v1/network?dataset=iran-2018\""))
                #expect(html.contains("href=\"/api/v1/network?dataset=iran-2018&amp;format=csv\""))
                // The network of countries, drawn on the server over the base map, with its files.
                let map = try Self.map(html)
                #expect(map.contains("<image href=\"/assets/world-110m.svg?projection=equal-earth\""))
                #expect(map.contains(">Iran</text>"))
                #expect(map.contains("<g class=\"legend\""))
                #expect(map.contains(">6 city pairs</text>"))
                #expect(map.components(separatedBy: "<circle ").count > 30)
                #expect(html.contains("href=\"/charts/country-network.svg?dataset=iran-2018\""))
            }
        }
    }

    @Test("The focus country's cities are listed; at country level the shares are given and each country links to its page")
    func focusAndCountries() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/network?focus_country=Iran&top=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h2>Iran in the network</h2>"))
                #expect(response.text.contains("<option value=\"IR\" selected>Iran</option>"))
                #expect(response.text.contains("<caption>The most central by PageRank</caption>"))
            }
            try await client.execute(uri: "/network?level=country&focus_country=IR", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>The network of countries of “"))
                #expect(html.contains("aria-current=\"page\">countries</a>"))
                #expect(html.contains("<h2>Domestic and regional shares by"))
                #expect(html.contains("<td><a href=\"/countries/IQ\"><bdi>Iraq</bdi></a></td>"))
                // The focus country and its edges stand out on the map.
                let map = try Self.map(html)
                #expect(map.contains("font-weight=\"700\">Iran</text>"))
                #expect(map.contains("stroke=\"#d95f02\""))
                // A negative figure keeps its minus before its digits on a Persian page too.
                #expect(html.contains("<td><span dir=\"ltr\">-1.0000</span></td>"))
            }
        }
    }

    @Test("The Persian network page reads as Persian: its tables, map and legend, with Persian digits and mirrored names")
    func persianPage() async throws {
        try await ObservatoryFixture.withClient { client in
            for path in ["/network?lang=fa&focus_country=IR", "/network?lang=fa&level=country"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    let html = response.text
                    #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
                    #expect(html.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) })
                    let runs = LatinInPersian.offendingRuns(in: PersianPagesTests.visibleText(html))
                    #expect(runs.isEmpty, "English on \(path): \(Set(runs).sorted())")
                    let map = try Self.map(html)
                    #expect(map.contains("direction=\"ltr\""))
                    // Names placed on the reading side, and Persian text embedded right to left.
                    #expect(map.contains("text-anchor=\"end\""))
                    #expect(map.contains(">\u{202B}"))
                    #expect(!map.contains(">Iran</text>"))
                    // Links keep the language.
                    #expect(html.contains("href=\"/countries/IR?lang=fa\""))
                    #expect(!html.contains("href=\"/cities/iran-2018:tehran\""))
                }
            }
        }
    }

    @Test("A bad parameter is the observatory's 400 page naming it; an unknown dataset or country its 404", arguments: [
        ("level=region", "level"), ("top=0", "top"), ("seed=abc", "seed"),
    ])
    func badParameter(query: String, field: String) async throws {
        try await ObservatoryFixture.withClient { client in
            for language in ["", "&lang=fa"] {
                try await client.execute(uri: "/network?" + query + language, method: .get) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.text.contains("<code>\(field)</code>"))
                    #expect(response.text.contains(language.isEmpty ? "dir=\"ltr\"" : "dir=\"rtl\""))
                }
            }
            try await client.execute(uri: "/network?dataset=nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("<code>dataset</code>"))
            }
            try await client.execute(uri: "/network?focus_country=Narnia", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("<code>focus_country</code>"))
            }
        }
    }

    @Test("The dashboard and the dataset's page link to its network")
    func links() async throws {
        try await ObservatoryFixture.withClient { client in
            for path in ["/?dataset=iran-2018", "/datasets/iran-2018"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.text.contains("href=\"/network?dataset=iran-2018\""), "\(path)")
                }
            }
            try await client.execute(uri: "/datasets/hostile?lang=fa", method: .get) { response in
                #expect(response.text.contains("href=\"/network?dataset=hostile&amp;lang=fa\""))
            }
        }
    }

    @Test("A city's page gives its measures and ranks in its dataset's network, or says it is no node of it")
    func cityPage() async throws {
        try await ObservatoryFixture.withClient { client in
            var nodes = 0
            try await client.execute(uri: "/api/v1/network/cities/iran-2018:isfahan", method: .get) { response in
                let view = try #require(try response.json() as? [String: Any])
                nodes = try #require(view["nodes"] as? Int)
                let node = try #require(view["node"] as? [String: Any])
                #expect((node["ranks"] as? [String: Int])?["degree"] == 2)
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan", method: .get) { response in
                let html = response.text
                #expect(html.contains("<h2>In the network of cities</h2>"))
                #expect(html.contains("<caption>The measures of Isfahan and its ranks</caption>"))
                #expect(html.contains("<th>rank among the \(nodes) cities</th>"))
                #expect(html.contains("<tr><td>partner cities (degree)</td><td>14</td><td>2</td><td>2</td></tr>"))
                #expect(html.contains("Isfahan is in community "))
                #expect(html.contains("href=\"/network?dataset=iran-2018&amp;focus_country=IR\""))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                #expect(response.text.contains("<caption>\u{0634}\u{0627}\u{062E}\u{0635}\u{200C}\u{0647}"), "the table's caption in Persian")
                #expect(response.text.contains("href=\"/network?dataset=iran-2018&amp;focus_country=IR&amp;lang=fa\""))
            }
            // Ahvaz has memberships but no relation to another city.
            try await client.execute(uri: "/cities/iran-2018:ahvaz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Ahvaz has no relation to another city in its dataset, and so is no node of its network."))
                #expect(!response.text.contains("The measures of Ahvaz"))
            }
        }
    }

    @Test("The city page and the network page ask the workspace for the same measures")
    func sharedMeasures() async throws {
        let registry = try await ObservatoryFixture.registry()
        let observatory = try await Observatory(registry: registry, configuration: WebConfiguration(cacheLifetime: 0))
        _ = try await observatory.network(Filters("dataset=iran-2018&focus_country=IR&top=3"))
        _ = try await observatory.network(Filters(nil))
        _ = try await observatory.network(ofDataset: "iran-2018")
        #expect(await observatory.workspace.networks.count == 1)
        // The map asks for the countries of the same datasets: one more.
        _ = try await observatory.countryNetwork(of: NetworkRequest(datasets: ["iran-2018"]))
        #expect(await observatory.workspace.networks.count == 2)
    }

    @Test("The network API answers the measures, every node as CSV, and one city's place")
    func api() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/network?level=country&focus_country=IR&top=3", method: .get) { response in
                let view = try #require(try response.json() as? [String: Any])
                #expect(view["level"] as? String == "country")
                #expect(((view["top"] as? [String: Any])?["degree"] as? [Any])?.count == 3)
                #expect((view["focus"] as? [String: Any])?["country_iso2"] as? String == "IR")
                #expect(view["shares"] is [String: Any])
            }
            try await client.execute(uri: "/api/v1/network?format=csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.text.hasPrefix("city_id,city,country_iso2,degree,relations,"))
                #expect(response.text.contains("\niran-2018:tehran,Tehran,IR,24,24,"))
            }
            try await client.execute(uri: "/api/v1/network/cities/iran-2018:ahvaz", method: .get) { response in
                let view = try #require(try response.json() as? [String: Any])
                #expect(view["node"] is NSNull)
                #expect(view["communities"] is NSNull)
                #expect((view["city"] as? [String: Any])?["name"] as? String == "Ahvaz")
            }
            try await client.execute(uri: "/api/v1/network?level=region", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try response.json() as? [String: Any])
                #expect(error["field"] as? String == "level")
            }
        }
    }

    @Test("The network of countries is a chart file: a standalone SVG with its base map, and its edges as CSV")
    func chartFile() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/charts/country-network.svg?dataset=iran-2018&lang=fa", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "inline; filename=\"country-network-iran-2018-fa.svg\"")
                let svg = response.text
                #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg class=\"network-map\""))
                #expect(svg.contains("width=\"960.0\""))
                // The base map is in the file, without its English names; no address outside it.
                #expect(svg.contains("<path class=\"sphere\""))
                #expect(!svg.contains("<image"))
                #expect(!svg.contains("<a href"))
                #expect(!svg.contains("<title>Iran</title>"))
                #expect(svg.contains("class=\"caption\""))
                #expect(svg.hasSuffix("</svg>\n"))
            }
            try await client.execute(uri: "/charts/country-network.csv?dataset=iran-2018", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.text.hasPrefix("\u{FEFF}Country code,Country,Partner country code,Partner country,city pairs\r\nIR,Iran,IQ,Iraq,6\r\n"))
            }
            try await client.execute(uri: "/charts/country-network.svg?dataset=nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// The page's network of countries, from `<svg class="network-map"` to its end.
    static func map(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<svg class=\"network-map\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }
}
