/// The whole-network figures of a graph, those KONECT publishes for each network: size,
/// connectivity, distances, degrees, assortativity, clustering and cores.
///
/// ```swift
/// let summary = NetworkAnalysis.summarize(graph)
/// summary.largestComponentSize          // nodes of the largest component
/// summary.largestComponentMeanDistance  // mean distance within it
/// summary.assortativity                 // nil when undefined (every edge end of one degree)
/// ```
///
/// Every figure is taken on the simple graph: a pair joined by several relations is one edge,
/// a self-pair none (``selfPairs`` says how many the edge list held, ``relations`` how many
/// relations join different nodes). The definitions are those of the types that compute them:
/// ``ConnectedComponents``, ``PathMeasures``, ``DegreeDistribution``, ``DegreeAssortativity``,
/// ``Triangles`` and ``CoreDecomposition``.
public struct NetworkSummary: Sendable, Hashable, Codable {
    /// Number of nodes, isolated ones included.
    public var nodes: Int
    /// Number of distinct pairs of different nodes.
    public var edges: Int
    /// Number of relations between different nodes, a repeated pair counting each time (the
    /// graph's total weight).
    public var relations: Double
    /// Number of self-pairs in the edge list, which are not edges.
    public var selfPairs: Int
    /// Number of nodes without a neighbour.
    public var isolatedNodes: Int
    /// Number of connected components, an isolated node being one.
    public var components: Int
    /// Number of nodes of the largest component.
    public var largestComponentSize: Int
    /// The greatest distance between two nodes of the largest component.
    public var largestComponentDiameter: Int
    /// The mean distance between two different nodes of the largest component.
    public var largestComponentMeanDistance: Double
    /// The greatest degree.
    public var maxDegree: Int
    /// The mean degree, 2 × edges / nodes.
    public var meanDegree: Double
    /// The Gini coefficient of the degrees (see ``DegreeDistribution``).
    public var degreeGini: Double
    /// Degree assortativity, `nil` where undefined (see ``DegreeAssortativity``).
    public var assortativity: Double?
    /// Global transitivity, 3 × triangles / connected triples.
    public var transitivity: Double
    /// Mean local clustering, nodes of degree below 2 counting 0.
    public var averageClustering: Double
    /// Number of triangles.
    public var triangles: Int
    /// The degeneracy: the k of the maximum k-core.
    public var maxCore: Int
    /// Number of nodes in the maximum k-core.
    public var maxCoreSize: Int

    public init(
        nodes: Int, edges: Int, relations: Double, selfPairs: Int, isolatedNodes: Int, components: Int,
        largestComponentSize: Int, largestComponentDiameter: Int, largestComponentMeanDistance: Double,
        maxDegree: Int, meanDegree: Double, degreeGini: Double, assortativity: Double?,
        transitivity: Double, averageClustering: Double, triangles: Int, maxCore: Int, maxCoreSize: Int
    ) {
        self.nodes = nodes
        self.edges = edges
        self.relations = relations
        self.selfPairs = selfPairs
        self.isolatedNodes = isolatedNodes
        self.components = components
        self.largestComponentSize = largestComponentSize
        self.largestComponentDiameter = largestComponentDiameter
        self.largestComponentMeanDistance = largestComponentMeanDistance
        self.maxDegree = maxDegree
        self.meanDegree = meanDegree
        self.degreeGini = degreeGini
        self.assortativity = assortativity
        self.transitivity = transitivity
        self.averageClustering = averageClustering
        self.triangles = triangles
        self.maxCore = maxCore
        self.maxCoreSize = maxCoreSize
    }
}
