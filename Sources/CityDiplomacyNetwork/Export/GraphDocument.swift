/// A graph ready to be written as GraphML or GEXF for Gephi, Cytoscape, yEd or networkx: the
/// graph, an identifier and a label per node, typed attribute columns on nodes and edges, and
/// properties of the graph as a whole.
///
/// Edge columns follow the order of ``UndirectedGraph/edges`` (`a < b`, node order). Each
/// edge's weight (its number of relations) is written as the attribute `weight` unless
/// ``includesWeights`` is false.
///
/// ```swift
/// let document = GraphDocument(
///     graph: graph, nodeIDs: cityIDs, labels: cityNames,
///     nodeAttributes: [GraphAttributeColumn("country", strings: countryCodes)],
///     graphProperties: [GraphProperty("dataset", .string("wikidata-2025"))])
/// let xml = document.graphML()                      // the whole file in a String
/// try document.writeGEXF { chunk in try handle.write(contentsOf: Data(chunk.utf8)) }  // chunk by chunk
/// ```
public struct GraphDocument: Sendable {
    public var graph: UndirectedGraph
    /// Each node's identifier in the file, unique (a record id, say). By default `n0`, `n1`, ….
    public var nodeIDs: [String]
    /// Each node's label (a city's name), or none.
    public var labels: [String]?
    public var nodeAttributes: [GraphAttributeColumn]
    public var edgeAttributes: [GraphAttributeColumn]
    public var graphProperties: [GraphProperty]
    /// Whether each edge's weight is written (as `weight`).
    public var includesWeights: Bool

    public init(graph: UndirectedGraph, nodeIDs: [String]? = nil, labels: [String]? = nil,
                nodeAttributes: [GraphAttributeColumn] = [], edgeAttributes: [GraphAttributeColumn] = [],
                graphProperties: [GraphProperty] = [], includesWeights: Bool = true) {
        self.graph = graph
        self.nodeIDs = nodeIDs ?? (0..<graph.nodeCount).map { "n\($0)" }
        self.labels = labels
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        self.graphProperties = graphProperties
        self.includesWeights = includesWeights
    }

    /// Checks what a file cannot represent, before a byte is written: a mismatch of lengths,
    /// a repeated node id, or two attributes of one kind with the same name.
    func validate() {
        precondition(nodeIDs.count == graph.nodeCount, "one id per node")
        precondition(Set(nodeIDs).count == nodeIDs.count, "node ids must be unique")
        precondition(labels == nil || labels!.count == graph.nodeCount, "one label per node")
        precondition(nodeAttributes.allSatisfy { $0.count == graph.nodeCount }, "one value per node in every node attribute")
        precondition(edgeAttributes.allSatisfy { $0.count == graph.edgeCount }, "one value per edge in every edge attribute")
        let nodeNames = nodeAttributes.map(\.name) + (labels == nil ? [] : ["label"])
        precondition(Set(nodeNames).count == nodeNames.count, "node attribute names must be unique (label included)")
        let edgeNames = edgeAttributes.map(\.name) + (includesWeights ? ["weight"] : [])
        precondition(Set(edgeNames).count == edgeNames.count, "edge attribute names must be unique (weight included)")
        precondition(Set(graphProperties.map(\.name)).count == graphProperties.count, "graph property names must be unique")
    }

    /// How much text gathers before it goes to a sink.
    public static let defaultChunkSize = 1 << 16
}
