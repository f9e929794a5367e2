import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Every chart is a file at a stable address: a standalone SVG, and a CSV of the numbers behind it")
struct ChartFileTests {
    static let datasetCharts = ["by-region", "by-period", "by-kind", "top-cities"]

    @Test("A chart's SVG stands alone: it parses as XML, names its fonts, carries its caption and source, links nowhere", arguments: [
        "/charts/by-region.svg?dataset=iran-2018", "/charts/by-period.svg?dataset=iran-2018&lang=fa", "/charts/by-kind.svg",
        "/charts/top-cities.svg?dataset=iran-2018&aggregate_parts=true&lang=fa", "/charts/partner-countries.svg?country=IR",
        "/charts/partner-countries.svg?country=ir&lang=fa", "/charts/top-cities.svg?dataset=hostile",
    ])
    func standaloneSVG(path: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "image/svg+xml; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.hasPrefix("inline; filename=\"") == true)
                let svg = try SVGDocument(response.text)
                let root = try #require(svg.elements.first)
                #expect(root.name == "svg")
                #expect(response.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
                #expect(response.text.contains(" xmlns=\"http://www.w3.org/2000/svg\""))
                #expect(root.attributes["direction"] == "ltr")
                #expect(root.attributes["width"] != nil && root.attributes["height"] != nil)
                #expect(root.attributes["font-family"]?.contains("Vazirmatn") == true)
                #expect(root.attributes["font-family"]?.contains("DejaVu Sans") == true)
                #expect(svg.elements.contains { $0.attributes["class"] == "caption" && !$0.text.isEmpty })
                #expect(svg.elements.contains { $0.attributes["class"] == "source" && !$0.text.isEmpty })
                // Colours are written on the shapes, not left to a page's stylesheet.
                #expect(svg.elements.filter { $0.name == "rect" && $0.attributes["class"] == nil }.allSatisfy { $0.attributes["fill"] != nil })
                #expect(!svg.elements.contains { $0.name == "a" }, "a file of its own has no links into the site")
                #expect(!svg.elements.contains { $0.name == "script" }, "a city named like a script stays text")
                if path.contains("lang=fa") {
                    #expect(response.text.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) })
                }
            }
        }
    }

    @Test("A chart's CSV holds the numbers it draws: a byte order mark, a header in the page's language, each bar's label and count",
          arguments: ["en", "fa"])
    func csvMatchesTheFigure(language: String) async throws {
        try await ObservatoryFixture.withClient { client in
            for chart in Self.datasetCharts + ["partner-countries"] {
                let query = (chart == "partner-countries" ? "country=IR" : "dataset=iran-2018") + (language == "fa" ? "&lang=fa" : "")
                var drawn: [(String, Int)] = []
                try await client.execute(uri: "/charts/\(chart).svg?\(query)", method: .get) { response in
                    drawn = try SVGDocument(response.text).bars
                }
                try await client.execute(uri: "/charts/\(chart).csv?\(query)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    let bytes = Array(response.body.readableBytesView)
                    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(chart): no byte order mark")
                    let rows = Self.csvRows(response.text)
                    let header = try #require(rows.first)
                    #expect(header.count == 2)
                    let persianHeader = header.joined().unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
                    #expect(persianHeader == (language == "fa"), "\(chart): header \(header)")
                    let numbers = rows.dropFirst().map { ($0[0], Int($0[1]) ?? -1) }
                    #expect(numbers.count == drawn.count, "\(chart)")
                    #expect(!numbers.isEmpty, "\(chart)")
                    for (csv, bar) in zip(numbers, drawn) {
                        #expect(csv.0 == bar.0 && csv.1 == bar.1, "\(chart): \(csv) in the CSV, \(bar) drawn")
                    }
                }
            }
        }
    }

    @Test("The CSV's counts are the dashboard's: by kind, 61 sister cities and 9 memoranda")
    func csvCounts() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/charts/by-kind.csv?dataset=iran-2018", method: .get) { response in
                #expect(response.text == "\u{FEFF}Kind of relation,Relations\r\nSister city,61\r\nCooperation memorandum,9\r\n")
            }
            try await client.execute(uri: "/charts/by-kind.csv?dataset=iran-2018&lang=fa", method: .get) { response in
                let header = LocalizedText.message("chart.category.by-kind")[.fa] + "," + LocalizedText.message("chart.value.relations")[.fa]
                #expect(response.text.hasPrefix("\u{FEFF}" + header + "\r\n"))
                #expect(response.text.hasSuffix(",9\r\n"))
            }
        }
    }

    @Test("The period chart names each period's discourse and draws the undated apart, after a rule, muted")
    func periods() async throws {
        try await ObservatoryFixture.withClient { client in
            for language in Language.allCases {
                try await client.execute(uri: "/charts/by-period.svg?dataset=iran-2018&lang=\(language.rawValue)", method: .get) { response in
                    let svg = try SVGDocument(response.text)
                    let labels = svg.bars.map(\.label)
                    let dialogue = LocalizedText.message("chart.period-label", localized: [
                        "years": LocalizedText(en: "1997–2005", fa: "\u{06F1}\u{06F9}\u{06F9}\u{06F7}–\u{06F2}\u{06F0}\u{06F0}\u{06F5}"),
                        "discourse": LocalizedText(en: "Dialogue among civilisations", fa: "\u{06AF}\u{0641}\u{062A}\u{06AF}\u{0648}\u{06CC} \u{062A}\u{0645}\u{062F}\u{0646}\u{200C}\u{0647}\u{0627}"),
                    ])[language]
                    #expect(labels.contains(dialogue), "\(labels)")
                    #expect(svg.bars.first { $0.label == dialogue }?.value == 15)
                    // All six discourses, the empty ones too, then the undated.
                    #expect(labels.count == 7)
                    let undated = LocalizedText.message("analysis.undated")[language]
                    #expect(labels.last?.lowercased() == undated.lowercased())
                    let rule = try #require(svg.elements.first { $0.attributes["class"] == "separator" })
                    let ruleY = try #require(rule.attributes["y1"].flatMap(Double.init))
                    let bars = svg.elements.filter { $0.name == "rect" && $0.attributes["class"] == nil }
                    let apart = try #require(bars.last)
                    #expect(try #require(apart.attributes["y"].flatMap(Double.init)) > ruleY)
                    #expect(bars.dropLast().allSatisfy { (Double($0.attributes["y"] ?? "") ?? .infinity) < ruleY })
                    #expect(apart.attributes["fill"] != bars.first?.attributes["fill"], "the undated bar is muted")
                    if language == .fa {
                        // No English id or label leaks into the Persian chart.
                        #expect(!response.text.contains("dialogue"))
                        #expect(!response.text.contains("undated"))
                        #expect(!svg.elements.contains { $0.name == "text" && $0.text.range(of: "[A-Za-z]", options: .regularExpression) != nil })
                    }
                }
            }
        }
    }

    @Test("Every figure of the dashboard and the country page links its SVG, CSV and (with the script) PNG, in the page's language")
    func downloadLinks() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/?lang=fa", method: .get) { response in
                let html = response.text
                for chart in Self.datasetCharts {
                    #expect(html.contains("href=\"/charts/\(chart).svg?dataset=iran-2018&amp;lang=fa\" download=\"\(chart)-iran-2018-fa.svg\""))
                    #expect(html.contains("href=\"/charts/\(chart).csv?dataset=iran-2018&amp;lang=fa\" download=\"\(chart)-iran-2018-fa.csv\""))
                    #expect(html.contains("data-png=\"\(chart)-iran-2018-fa.png\""))
                }
                #expect(html.components(separatedBy: "<span class=\"png-download\" hidden>").count == 5, "PNG links hidden until the script shows them")
                #expect(html.contains("<script src=\"/assets/charts.js\" defer></script>"))
            }
            try await client.execute(uri: "/?dataset=hostile&aggregate_parts=true", method: .get) { response in
                #expect(response.text.contains("href=\"/charts/by-kind.svg?dataset=hostile&amp;aggregate_parts=true\""))
            }
            try await client.execute(uri: "/countries/IR", method: .get) { response in
                #expect(response.text.contains("href=\"/charts/partner-countries.svg?country=IR\" download=\"partner-countries-IR.svg\""))
                #expect(response.text.contains("href=\"/charts/partner-countries.csv?country=IR\""))
            }
            try await client.execute(uri: "/assets/charts.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("toBlob"))
                #expect(!response.text.contains("http://") && !response.text.contains("https://"), "no outside resources")
            }
        }
    }

    @Test("Unknown charts and formats are 404 pages; a bad or missing parameter is a 400 page naming it", arguments: [
        ("/charts/nothing.svg", 404, "chart"), ("/charts/by-region.png", 404, "chart"), ("/charts/by-region", 404, "chart"),
        ("/charts/by-region.svg.csv", 404, "chart"), ("/charts/by-region.svg?dataset=nowhere", 404, nil),
        ("/charts/partner-countries.svg?country=QQ", 404, "country"), ("/charts/partner-countries.csv", 400, "country"),
        ("/charts/by-kind.csv?lang=de", 400, "lang"), ("/charts/by-kind.svg?aggregate_parts=maybe", 400, "aggregate_parts"),
    ] as [(String, Int, String?)])
    func refused(path: String, status: Int, field: String?) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status.code == status, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                if let field { #expect(response.text.contains("<code>\(field)</code>"), "\(path)") }
            }
        }
    }

    /// The rows of a CSV text (quoted fields allowed), without the byte order mark.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.drop { $0 == "\u{FEFF}" }.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", true): quoted = false
            case ("\"", false): if !field.isEmpty { field.append("\"") }; quoted = true
            case (",", false): row.append(field); field = ""
            case ("\r\n", false), ("\n", false): row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// An SVG file read as XML: every element with its attributes and its own text.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        /// The element's children's titles, the tooltips of bars.
        var title: String?
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let closed = open.removeLast()
        if name == "title", let parent = open.last { elements[parent].title = elements[closed].text }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    /// The bars drawn, from their tooltips ("label: count"), with counts in ASCII digits.
    var bars: [(label: String, value: Int)] {
        elements.filter { $0.name == "rect" && $0.title != nil }.compactMap { rect in
            guard let title = rect.title, let colon = title.range(of: ": ", options: .backwards) else { return nil }
            return (String(title[..<colon.lowerBound]), Int(PersianText.asciiDigits(String(title[colon.upperBound...]))) ?? -1)
        }
    }
}
