extension GraphDocument {
    /// The document as GraphML (graphml.graphdrawing.org), in one `String`.
    ///
    /// Labels are the node attribute `label`; weights the edge attribute `weight` (double);
    /// graph properties are `<data>` of the `<graph>` element. Integers are `long`. networkx's
    /// `read_graphml` reads it back with every attribute typed.
    public func graphML() -> String {
        var output = ""
        writeGraphML(chunkSize: Int.max) { output += $0 }
        return output
    }

    /// Writes the document as GraphML to `sink`, in chunks of about `chunkSize` bytes, so that
    /// a large graph goes to a file without a second copy of it in memory.
    public func writeGraphML(chunkSize: Int = defaultChunkSize, to sink: (String) throws -> Void) rethrows {
        validate()
        var out = ""
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        // Keys: g0… for graph properties, n0… for node attributes (the label last), e0… for
        // edge attributes (the weight last).
        for (i, property) in graphProperties.enumerated() {
            Self.appendKey("g\(i)", for: "graph", name: property.name, type: property.typeName, to: &out)
        }
        for (i, column) in nodeAttributes.enumerated() {
            Self.appendKey("n\(i)", for: "node", name: column.name, type: column.typeName, to: &out)
        }
        let labelKey = "n\(nodeAttributes.count)"
        if labels != nil { Self.appendKey(labelKey, for: "node", name: "label", type: "string", to: &out) }
        for (i, column) in edgeAttributes.enumerated() {
            Self.appendKey("e\(i)", for: "edge", name: column.name, type: column.typeName, to: &out)
        }
        let weightKey = "e\(edgeAttributes.count)"
        if includesWeights { Self.appendKey(weightKey, for: "edge", name: "weight", type: "double", to: &out) }

        out += "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        for (i, property) in graphProperties.enumerated() {
            if let text = property.text { Self.appendData("g\(i)", text, indent: "    ", to: &out) }
        }
        for v in 0..<graph.nodeCount {
            out += "    <node id=\""
            XMLEscaping.appendAttribute(nodeIDs[v], to: &out)
            out += "\">"
            for (i, column) in nodeAttributes.enumerated() {
                if let text = column.text(at: v) { Self.appendData("n\(i)", text, indent: "", to: &out) }
            }
            if let labels { Self.appendData(labelKey, labels[v], indent: "", to: &out) }
            out += "</node>\n"
            if out.utf8.count >= chunkSize { try sink(out); out.removeAll(keepingCapacity: true) }
        }
        var e = 0
        for a in 0..<graph.nodeCount {
            for position in graph.offsets[a]..<graph.offsets[a + 1] where Int(graph.neighbourIndex[position]) > a {
                out += "    <edge source=\""
                XMLEscaping.appendAttribute(nodeIDs[a], to: &out)
                out += "\" target=\""
                XMLEscaping.appendAttribute(nodeIDs[Int(graph.neighbourIndex[position])], to: &out)
                out += "\">"
                for (i, column) in edgeAttributes.enumerated() {
                    if let text = column.text(at: e) { Self.appendData("e\(i)", text, indent: "", to: &out) }
                }
                if includesWeights, let text = GraphAttributeColumn.text(of: graph.weights[position]) {
                    Self.appendData(weightKey, text, indent: "", to: &out)
                }
                out += "</edge>\n"
                e += 1
                if out.utf8.count >= chunkSize { try sink(out); out.removeAll(keepingCapacity: true) }
            }
        }
        out += "  </graph>\n</graphml>\n"
        try sink(out)
    }

    private static func appendKey(_ id: String, for domain: String, name: String, type: String, to out: inout String) {
        out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\""
        XMLEscaping.appendAttribute(name, to: &out)
        out += "\" attr.type=\"\(type)\"/>\n"
    }

    private static func appendData(_ key: String, _ text: String, indent: String, to out: inout String) {
        out += "\(indent)<data key=\"\(key)\">"
        XMLEscaping.appendText(text, to: &out)
        out += indent.isEmpty ? "</data>" : "</data>\n"
    }
}
