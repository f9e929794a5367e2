extension GraphDocument {
    /// The document as GEXF 1.3 (gexf.net), Gephi's own format, in one `String`.
    ///
    /// Labels are the nodes' `label`, weights the edges' `weight`; attribute columns are declared
    /// in `<attributes>` and given in `<attvalues>`. GEXF has no attributes of the graph itself:
    /// graph properties go in `<meta>`, a property named `creator` or `keywords` as that element
    /// and every other as a `name: value` line of `<description>`. networkx's `read_gexf` reads
    /// it back with every node and edge attribute typed.
    public func gexf() -> String {
        var output = ""
        writeGEXF(chunkSize: Int.max) { output += $0 }
        return output
    }

    /// Writes the document as GEXF 1.3 to `sink`, in chunks of about `chunkSize` bytes, so that
    /// a large graph goes to a file without a second copy of it in memory.
    public func writeGEXF(chunkSize: Int = defaultChunkSize, to sink: (String) throws -> Void) rethrows {
        validate()
        var out = ""
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        if !graphProperties.isEmpty {
            out += "  <meta>\n"
            var description: [String] = []
            for property in graphProperties {
                guard let text = property.text else { continue }
                if property.name == "creator" || property.name == "keywords" {
                    out += "    <\(property.name)>"
                    XMLEscaping.appendText(text, to: &out)
                    out += "</\(property.name)>\n"
                } else {
                    description.append("\(property.name): \(text)")
                }
            }
            if !description.isEmpty {
                out += "    <description>"
                XMLEscaping.appendText(description.joined(separator: "\n"), to: &out)
                out += "</description>\n"
            }
            out += "  </meta>\n"
        }
        out += "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
        Self.appendDeclarations(nodeAttributes, class: "node", to: &out)
        Self.appendDeclarations(edgeAttributes, class: "edge", to: &out)

        out += "    <nodes>\n"
        for v in 0..<graph.nodeCount {
            out += "      <node id=\""
            XMLEscaping.appendAttribute(nodeIDs[v], to: &out)
            if let labels {
                out += "\" label=\""
                XMLEscaping.appendAttribute(labels[v], to: &out)
            }
            out += "\""
            Self.appendValues(nodeAttributes, at: v, element: "node", to: &out)
            if out.utf8.count >= chunkSize { try sink(out); out.removeAll(keepingCapacity: true) }
        }
        out += "    </nodes>\n    <edges>\n"
        var e = 0
        for a in 0..<graph.nodeCount {
            for position in graph.offsets[a]..<graph.offsets[a + 1] where Int(graph.neighbourIndex[position]) > a {
                out += "      <edge id=\"\(e)\" source=\""
                XMLEscaping.appendAttribute(nodeIDs[a], to: &out)
                out += "\" target=\""
                XMLEscaping.appendAttribute(nodeIDs[Int(graph.neighbourIndex[position])], to: &out)
                out += "\""
                if includesWeights, let text = GraphAttributeColumn.text(of: graph.weights[position]) {
                    out += " weight=\"\(text)\""
                }
                Self.appendValues(edgeAttributes, at: e, element: "edge", to: &out)
                e += 1
                if out.utf8.count >= chunkSize { try sink(out); out.removeAll(keepingCapacity: true) }
            }
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        try sink(out)
    }

    private static func appendDeclarations(_ columns: [GraphAttributeColumn], class kind: String, to out: inout String) {
        guard !columns.isEmpty else { return }
        out += "    <attributes class=\"\(kind)\" mode=\"static\">\n"
        for (i, column) in columns.enumerated() {
            out += "      <attribute id=\"\(i)\" title=\""
            XMLEscaping.appendAttribute(column.name, to: &out)
            out += "\" type=\"\(column.typeName)\"/>\n"
        }
        out += "    </attributes>\n"
    }

    /// Closes the open start tag of `element`, with its `<attvalues>` when any value is known.
    private static func appendValues(_ columns: [GraphAttributeColumn], at index: Int, element: String, to out: inout String) {
        var opened = false
        for (i, column) in columns.enumerated() {
            guard let text = column.text(at: index) else { continue }
            if !opened { out += "><attvalues>"; opened = true }
            out += "<attvalue for=\"\(i)\" value=\""
            XMLEscaping.appendAttribute(text, to: &out)
            out += "\"/>"
        }
        out += opened ? "</attvalues></\(element)>\n" : "/>\n"
    }
}
