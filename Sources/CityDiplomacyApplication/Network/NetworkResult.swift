import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork

/// The measures of one network — whole-network figures, every node's centralities and ranks, its
/// communities, and at country level each country's domestic and regional shares — as the CLI,
/// the web page and the API show them (``NetworkResult/document``, ``NetworkResult/nodeTable``,
/// ``NetworkResult/view``, ``NetworkResult/graphML()``).
///
/// ```swift
/// let result = try await workspace.network(NetworkRequest(datasets: ["wikipedia-2026"]))
/// result.summary.largestComponentDiameter
/// result.ranking(.betweenness).prefix(10)
/// ```
public struct NetworkResult: Sendable {
    /// A measure nodes are ranked by.
    public enum Measure: String, CaseIterable, Sendable {
        case degree, relations, betweenness, closeness, harmonic, eigenvector, pagerank, core
    }

    /// One node: a city (or a country), its country, and its measures.
    public struct Node: Sendable {
        public var id: String
        public var name: LocalizedText
        public var country: CountryCode
    }

    public internal(set) var request: NetworkRequest
    public let datasets: [Dataset]
    public let level: NetworkLevelChoice
    /// The city network the measures start from (at country level, the one aggregated).
    public let cities: CityNetworkGraph
    /// The graph measured: the cities', or the countries'.
    public let graph: UndirectedGraph
    public let nodes: [Node]
    public let summary: NetworkSummary
    public let measures: NodeMeasures
    public let louvain: CommunityPartition
    public let leiden: CommunityPartition
    /// Each measure's ranks (1 = highest, ties share the best rank), among all nodes and within the node's country.
    public internal(set) var ranks: [Measure: [Int]]
    public internal(set) var countryRanks: [Measure: [Int]]
    /// The focus country, where one was asked for.
    public internal(set) var focus: Country?
    /// At country level: each country's city pairs, domestic and by the scheme's groups.
    public let shares: CountryShares?
    /// At city level: the great-circle distance of every pair of located cities, against the same
    /// cities paired at random (`request.draws` draws, `request.seed`).
    public let geography: ProximityBaseline?
    /// Country names, for the country columns.
    public let countryNames: [CountryCode: LocalizedText]

    /// Whether betweenness, closeness and harmonic centrality were computed (not for networks
    /// above ``NetworkRequest/maximumPathNodes`` nodes).
    public var pathMeasuresComputed: Bool { graph.nodeCount <= NetworkRequest.maximumPathNodes }

    /// The measures computed for this network, in their order.
    public var measuresComputed: [Measure] {
        pathMeasuresComputed ? Measure.allCases : Measure.allCases.filter { ![.betweenness, .closeness, .harmonic].contains($0) }
    }

    /// Each node's value of `measure`, as a number.
    public func values(_ measure: Measure) -> [Double] {
        switch measure {
        case .degree: measures.degree.map(Double.init)
        case .relations: measures.strength
        case .betweenness: measures.betweenness
        case .closeness: measures.closeness
        case .harmonic: measures.harmonic
        case .eigenvector: measures.eigenvector
        case .pagerank: measures.pagerank
        case .core: measures.core.map(Double.init)
        }
    }

    /// The nodes by `measure`, highest first (ties by name).
    public func ranking(_ measure: Measure) -> [Int] {
        let values = values(measure)
        return nodes.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : nodes[$0].name.en < nodes[$1].name.en }
    }

    /// Each edge once, with its weight: the relations between two cities, or the city pairs
    /// between two countries.
    public var weightedEdges: [(a: Int, b: Int, weight: Double)] { graph.edges }

    /// The `request.top` nodes by `measure`, highest first: the rows of ``topTable(_:)``.
    public func topNodes(_ measure: Measure) -> [Int] {
        Array(ranking(measure).prefix(request.top))
    }

    /// How many of a partition's communities are listed: its largest, up to `request.top`.
    public func listedCommunities(_ partition: CommunityPartition) -> Int {
        min(partition.communityCount, request.top)
    }

    /// The members of `community` that name it, highest degree first (ties by name), at most `count`.
    public func largestMembers(of community: Int, in partition: CommunityPartition, count: Int = 5) -> [Int] {
        let degree = measures.degree
        return Array(partition.members(of: community)
            .sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : nodes[$0].name.en < nodes[$1].name.en }.prefix(count))
    }

    /// The nodes of the focus country, by betweenness rank (by degree where betweenness was not computed).
    public var focusNodes: [Int] {
        guard let focus else { return [] }
        return ranking(pathMeasuresComputed ? .betweenness : .degree).filter { nodes[$0].country == focus.code }
    }
}

/// At country level, how each country's city pairs divide: within the country, and by the group
/// of a scheme the partner country falls in (``RelationShares``).
public struct CountryShares: Sendable {
    public struct Row: Sendable {
        public var country: CountryCode
        /// City pairs with at least one end in the country.
        public var pairs: Int
        /// The share of those pairs within the country.
        public var domestic: Double
        /// The share with a partner country in each of ``CountryShares/groups``, in that order.
        public var byGroup: [Double]
        /// The share with partner countries the scheme does not classify.
        public var unclassified: Double
    }

    /// A group of the scheme (or a category, for a scheme without groups).
    public struct Column: Sendable {
        public var id: String
        public var label: LocalizedText
    }

    public var scheme: ClassificationScheme
    /// The scheme's groups (or categories) counted by, in its order.
    public var groups: [Column]
    public var rows: [Row]
}
