/// The entry point of the network measures: everything `citydip network` shows, computed with as
/// few passes over the graph as the measures allow.
///
/// ```swift
/// let graph = UndirectedGraph(nodeCount: cities.count, edges: pairs)
/// let (summary, nodes) = NetworkAnalysis.measure(graph)
/// summary.largestComponentDiameter   // from the same sweep as every node's betweenness
/// nodes.pagerank[0]
///
/// let figures = NetworkAnalysis.summarize(hugeGraph)   // whole-network figures only
/// ```
///
/// ``measure(_:options:)`` finds the components once, runs one sweep of breadth-first searches
/// for every distance-based measure (``PathMeasures``), one pass each for triangles, cores,
/// degrees and assortativity, and the two power iterations. The sweep, which is nearly all the
/// time (O(nm)), runs on every core. ``summarize(_:workers:)`` gives the same summary without
/// per-node measures, its distances from bit-parallel searches (``LargestComponentDistances``),
/// for graphs where per-node betweenness would take too long.
public enum NetworkAnalysis {
    /// What the analysis may be told.
    public struct Options: Sendable, Hashable, Codable {
        /// Threads for the searches; `nil` for one per active processor. The results do not
        /// depend on it.
        public var workers: Int?
        /// Whether PageRank follows an edge in proportion to its number of relations rather than
        /// treating every partner alike.
        public var weightedPageRank: Bool

        public init(workers: Int? = nil, weightedPageRank: Bool = false) {
            self.workers = workers
            self.weightedPageRank = weightedPageRank
        }
    }

    /// The whole-network figures and every node's measures.
    public static func measure(
        _ graph: UndirectedGraph, options: Options = Options()
    ) -> (summary: NetworkSummary, nodes: NodeMeasures) {
        let components = ConnectedComponents(graph)
        let paths = PathMeasures(graph, components: components, workers: options.workers)
        let degrees = DegreeDistribution(graph)
        let triangles = Triangles(graph)
        let cores = CoreDecomposition(graph)
        let summary = summary(
            graph, components: components, degrees: degrees, triangles: triangles, cores: cores,
            diameter: paths.largestComponentDiameter, meanDistance: paths.largestComponentMeanDistance
        )
        let nodes = NodeMeasures(
            degree: degrees.degrees,
            strength: (0..<graph.nodeCount).map(graph.strength(of:)),
            betweenness: paths.betweenness,
            closeness: paths.closeness,
            harmonic: paths.harmonic,
            eigenvector: EigenvectorCentrality(graph).values,
            pagerank: PageRank(graph, weighted: options.weightedPageRank).values,
            core: cores.coreNumber,
            clustering: triangles.clustering,
            triangles: triangles.perNode,
            component: components.componentOf.map(Int.init),
            eccentricity: paths.eccentricity
        )
        return (summary, nodes)
    }

    /// The whole-network figures alone, for graphs too large for ``measure(_:options:)``.
    public static func summarize(_ graph: UndirectedGraph, workers: Int? = nil) -> NetworkSummary {
        let components = ConnectedComponents(graph)
        let distances = LargestComponentDistances(graph, components: components, workers: workers)
        return summary(
            graph, components: components, degrees: DegreeDistribution(graph), triangles: Triangles(graph),
            cores: CoreDecomposition(graph), diameter: distances.diameter, meanDistance: distances.meanDistance
        )
    }

    static func summary(
        _ graph: UndirectedGraph, components: ConnectedComponents, degrees: DegreeDistribution,
        triangles: Triangles, cores: CoreDecomposition, diameter: Int, meanDistance: Double
    ) -> NetworkSummary {
        NetworkSummary(
            nodes: graph.nodeCount,
            edges: graph.edgeCount,
            relations: graph.totalWeight,
            selfPairs: graph.selfPairs,
            isolatedNodes: components.isolatedNodes,
            components: components.count,
            largestComponentSize: components.largestSize,
            largestComponentDiameter: diameter,
            largestComponentMeanDistance: meanDistance,
            maxDegree: degrees.max,
            meanDegree: degrees.mean,
            degreeGini: degrees.gini,
            assortativity: DegreeAssortativity.coefficient(of: graph),
            transitivity: triangles.transitivity,
            averageClustering: triangles.averageClustering,
            triangles: triangles.total,
            maxCore: cores.degeneracy,
            maxCoreSize: cores.maxCoreSize
        )
    }
}
