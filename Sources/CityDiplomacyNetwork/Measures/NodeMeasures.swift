/// The measures of every node, as columns indexed by node: what `citydip network` writes per city
/// and what ranks are taken from.
///
/// ```swift
/// let (_, nodes) = NetworkAnalysis.measure(graph)
/// nodes.betweenness[17]            // node 17's normalised betweenness
/// nodes[17].pagerank               // the same node's row
/// Ranking.ranks(of: nodes.degree)  // 1 = most partners
/// ```
///
/// Definitions are those of the types that compute each column: ``PathMeasures`` (betweenness,
/// normalised; closeness; harmonic, not normalised; eccentricity), ``EigenvectorCentrality``,
/// ``PageRank``, ``CoreDecomposition`` and ``Triangles``. Degree counts distinct partners,
/// strength relations (a pair's repeated relations each count).
public struct NodeMeasures: Sendable, Hashable, Codable {
    public var degree: [Int]
    public var strength: [Double]
    public var betweenness: [Double]
    public var closeness: [Double]
    public var harmonic: [Double]
    public var eigenvector: [Double]
    public var pagerank: [Double]
    public var core: [Int]
    public var clustering: [Double]
    public var triangles: [Int]
    /// The connected component (numbered as in ``ConnectedComponents``).
    public var component: [Int]
    /// The greatest distance to a node of the same component.
    public var eccentricity: [Int]

    public init(
        degree: [Int], strength: [Double], betweenness: [Double], closeness: [Double], harmonic: [Double],
        eigenvector: [Double], pagerank: [Double], core: [Int], clustering: [Double], triangles: [Int],
        component: [Int], eccentricity: [Int]
    ) {
        self.degree = degree
        self.strength = strength
        self.betweenness = betweenness
        self.closeness = closeness
        self.harmonic = harmonic
        self.eigenvector = eigenvector
        self.pagerank = pagerank
        self.core = core
        self.clustering = clustering
        self.triangles = triangles
        self.component = component
        self.eccentricity = eccentricity
    }

    /// The number of nodes.
    public var count: Int { degree.count }

    /// One node's measures together.
    public struct Row: Sendable, Hashable, Codable {
        public var degree: Int
        public var strength: Double
        public var betweenness: Double
        public var closeness: Double
        public var harmonic: Double
        public var eigenvector: Double
        public var pagerank: Double
        public var core: Int
        public var clustering: Double
        public var triangles: Int
        public var component: Int
        public var eccentricity: Int
    }

    public subscript(node: Int) -> Row {
        Row(
            degree: degree[node], strength: strength[node], betweenness: betweenness[node],
            closeness: closeness[node], harmonic: harmonic[node], eigenvector: eigenvector[node],
            pagerank: pagerank[node], core: core[node], clustering: clustering[node],
            triangles: triangles[node], component: component[node], eccentricity: eccentricity[node]
        )
    }
}
