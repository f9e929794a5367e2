import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CityDiplomacyNetwork

/// Reads back what a writer produced with Foundation's XML parser: each element's name and
/// attributes in document order, and the text inside each `<data>`, `<creator>` or `<description>`.
private final class ParsedXML: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var text: String?

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        if ["data", "creator", "description"].contains(name) { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let done = text { texts.append(done); text = nil }
    }

    func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}

/// Three cities whose names and ids hold everything XML must escape, Persian text among them.
private func sampleDocument() -> GraphDocument {
    let graph = UndirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 0), (1, 2)])
    return GraphDocument(
        graph: graph,
        nodeIDs: ["Q1&2", "id \"quoted\" 'single'", "<three>"],
        labels: ["تهران", "Saint-Étienne & <Loire>", "two\nlines\tand a tab\r and a bell\u{7}"],
        nodeAttributes: [
            GraphAttributeColumn("country", strings: ["IR", "FR", nil]),
            GraphAttributeColumn("population", ints: [9_000_000, nil, -3]),
            GraphAttributeColumn("latitude", doubles: [35.6892, .nan, .infinity]),
        ],
        edgeAttributes: [GraphAttributeColumn("kind", strings: ["sister & friend", "مشارکت"])],
        graphProperties: [
            GraphProperty("source", .string("CityDiplomacy <test> & co")),
            GraphProperty("year", .int(2025)),
            GraphProperty("creator", .string("citydip")),
        ])
}

@Suite("GraphML and GEXF export")
struct ExportTests {
    @Test("Escaping: entities for & < > and quotes, references for line breaks in attributes, control characters replaced")
    func escaping() {
        var attribute = ""
        XMLEscaping.appendAttribute("a&b<c>d\"e'f\tg\nh\ri\u{1}j\u{FFFF}تهران", to: &attribute)
        #expect(attribute == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i\u{FFFD}j\u{FFFD}تهران")
        var text = ""
        XMLEscaping.appendText("a&b<c>d\"e'f\tg\nh\ri\u{1}j", to: &text)
        #expect(text == "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i\u{FFFD}j")
        var plain = ""
        XMLEscaping.appendText("Isfahan اصفهان", to: &plain)
        #expect(plain == "Isfahan اصفهان")
    }

    @Test("GraphML: keys typed, nodes with their data, edges once with their weight, graph data; names read back unchanged")
    func graphML() throws {
        let document = sampleDocument()
        let xml = document.graphML()
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""))
        let parsed = try ParsedXML(xml)
        let keys = parsed.all("key")
        #expect(keys.map { $0["attr.name"]! } == ["source", "year", "creator", "country", "population", "latitude", "label", "kind", "weight"])
        #expect(keys.map { $0["attr.type"]! } == ["string", "long", "string", "string", "long", "double", "string", "string", "double"])
        #expect(keys.map { $0["for"]! } == ["graph", "graph", "graph", "node", "node", "node", "node", "edge", "edge"])
        #expect(parsed.all("graph").first?["edgedefault"] == "undirected")
        #expect(parsed.all("node").map { $0["id"]! } == document.nodeIDs)
        let edges = parsed.all("edge")
        #expect(edges.map { [$0["source"]!, $0["target"]!] } == [["Q1&2", "id \"quoted\" 'single'"], ["id \"quoted\" 'single'", "<three>"]])
        // Graph data, then per node its known values and label, then per edge its kind and weight.
        #expect(parsed.texts == [
            "CityDiplomacy <test> & co", "2025", "citydip",
            "IR", "9000000", "35.6892", "تهران",
            "FR", "Saint-Étienne & <Loire>",
            "-3", "INF", "two\nlines\tand a tab\r and a bell\u{FFFD}",
            "sister & friend", "2.0",
            "مشارکت", "1.0",
        ])
    }

    @Test("GEXF 1.3: attributes declared, labels and weights as attributes, values in attvalues, properties in meta")
    func gexf() throws {
        let document = sampleDocument()
        let xml = document.gexf()
        #expect(xml.contains("<gexf xmlns=\"http://gexf.net/1.3\""))
        #expect(xml.contains("version=\"1.3\""))
        let parsed = try ParsedXML(xml)
        #expect(parsed.texts == ["citydip", "source: CityDiplomacy <test> & co\nyear: 2025"])
        #expect(parsed.all("attributes").map { $0["class"]! } == ["node", "edge"])
        #expect(parsed.all("attribute").map { $0["title"]! } == ["country", "population", "latitude", "kind"])
        #expect(parsed.all("attribute").map { $0["type"]! } == ["string", "long", "double", "string"])
        let nodes = parsed.all("node")
        #expect(nodes.map { $0["id"]! } == document.nodeIDs)
        #expect(nodes.map { $0["label"]! } == document.labels!.map { $0.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}") })
        let edges = parsed.all("edge")
        #expect(edges.map { $0["id"]! } == ["0", "1"])
        #expect(edges.map { $0["weight"]! } == ["2.0", "1.0"])
        #expect(edges.map { $0["target"]! } == ["id \"quoted\" 'single'", "<three>"])
        // Missing values (nil, NaN) are left out: 3 + 1 + 2 node values, 2 edge values.
        #expect(parsed.all("attvalue").map { $0["value"]! } == ["IR", "9000000", "35.6892", "FR", "-3", "INF", "sister & friend", "مشارکت"])
        #expect(parsed.all("attvalue").map { $0["for"]! } == ["0", "1", "2", "0", "1", "2", "0", "0"])
    }

    @Test("Written chunk by chunk, both formats give the same text as in one string, in chunks near the size asked")
    func chunks() {
        let graph = UndirectedGraph(nodeCount: 500, edges: (0..<499).map { ($0, $0 + 1) })
        let document = GraphDocument(graph: graph, labels: (0..<500).map { "city \($0)" })
        var graphMLChunks: [String] = [], gexfChunks: [String] = []
        document.writeGraphML(chunkSize: 1000) { graphMLChunks.append($0) }
        document.writeGEXF(chunkSize: 1000) { gexfChunks.append($0) }
        for (whole, chunks) in [(document.graphML(), graphMLChunks), (document.gexf(), gexfChunks)] {
            #expect(chunks.count > 10)
            #expect(chunks.dropLast().allSatisfy { $0.utf8.count >= 1000 && $0.utf8.count < 1200 })
            #expect(chunks.joined() == whole)
        }
    }

    @Test("Without labels, weights or properties, nothing of them is written")
    func minimal() throws {
        let document = GraphDocument(graph: UndirectedGraph(nodeCount: 2, edges: [(0, 1)]), includesWeights: false)
        let graphML = try ParsedXML(document.graphML())
        #expect(graphML.all("key").isEmpty)
        #expect(graphML.all("node").map { $0["id"]! } == ["n0", "n1"])
        let gexf = try ParsedXML(document.gexf())
        #expect(gexf.all("meta").isEmpty && gexf.all("attributes").isEmpty)
        #expect(gexf.all("edge").first?["weight"] == nil)
        #expect(gexf.all("node").first?["label"] == nil)
    }
}
