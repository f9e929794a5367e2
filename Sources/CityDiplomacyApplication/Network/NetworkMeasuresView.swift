import CityDiplomacyCore
import CityDiplomacyNetwork

/// A network's measures as the API and `citydip network --format json` give them:
/// `{"datasets", "level", "summary": {…}, "top": {"degree": [node…], …}, "focus": null or
/// {"country_iso2", "nodes": [node…]}, "communities": {"louvain": {…}, "leiden": {…}},
/// "shares": null or {…}}`. A node is `{"id", "name", "name_fa", "country_iso2", "value",
/// "rank", "country_rank"}` in a ranking, and carries every measure in the focus list.
public struct NetworkMeasuresView: Encodable, Sendable {
    struct Summary: Encodable {
        var nodes, edges, relations, selfPairs, mergedRecords, components, largestComponent, diameter: Int
        var meanDistance: Double?
        var maxDegree: Int
        var meanDegree, degreeGini: Double?
        var assortativity: Double?
        var transitivity, averageClustering: Double?
        var triangles, maxCore, maxCoreSize: Int

        enum CodingKeys: String, CodingKey {
            case nodes, edges, relations, selfPairs = "self_pairs", mergedRecords = "merged_records", components
            case largestComponent = "largest_component", diameter, meanDistance = "mean_distance", maxDegree = "max_degree"
            case meanDegree = "mean_degree", degreeGini = "degree_gini", assortativity, transitivity
            case averageClustering = "average_clustering", triangles, maxCore = "max_core", maxCoreSize = "max_core_size"
        }
    }

    struct RankedNode: Encodable {
        var id: String
        var name: String
        var nameFa: String?
        var countryISO2: String
        var value: Double
        var rank: Int
        var countryRank: Int

        enum CodingKeys: String, CodingKey { case id, name, nameFa = "name_fa", countryISO2 = "country_iso2", value, rank, countryRank = "country_rank" }
    }

    struct MeasuredNode: Encodable {
        var id: String
        var name: String
        var nameFa: String?
        var countryISO2: String
        var degree: Int
        var relations: Double
        /// `null` where the network is too large for them (``NetworkRequest/maximumPathNodes``).
        var betweenness, closeness, harmonic: Double?
        var eigenvector, pagerank, clustering: Double
        var core, triangles, component, louvain, leiden: Int
        var ranks: OrderedObject<Int>
        var countryRanks: OrderedObject<Int>

        enum CodingKeys: String, CodingKey {
            case id, name, nameFa = "name_fa", countryISO2 = "country_iso2", degree, relations, betweenness, closeness, harmonic
            case eigenvector, pagerank, clustering, core, triangles, component, louvain, leiden, ranks, countryRanks = "country_ranks"
        }
    }

    struct Focus: Encodable {
        var countryISO2: String
        var nodes: [MeasuredNode]
        enum CodingKeys: String, CodingKey { case countryISO2 = "country_iso2", nodes }
    }

    struct Community: Encodable {
        var community: Int
        var size: Int
        var largest: [String]
        var countries: OrderedObject<Int>
    }

    struct Partition: Encodable {
        var method: String
        var modularity: Double
        var count: Int
        var seed: UInt64
        var communities: [Community]
    }

    struct ShareRow: Encodable {
        var countryISO2: String
        var pairs: Int
        var domestic: Double
        var byGroup: OrderedObject<Double>
        enum CodingKeys: String, CodingKey { case countryISO2 = "country_iso2", pairs, domestic, byGroup = "by_group" }
    }

    struct Shares: Encodable {
        var scheme: String
        var groups: [String]
        var countries: [ShareRow]
    }

    struct Interval: Encodable {
        var estimate, lower, upper: Double
    }

    struct Bin: Encodable {
        var fromKm: Double
        var toKm: Double?
        var pairs: Int
        enum CodingKeys: String, CodingKey { case fromKm = "from_km", toKm = "to_km", pairs }
    }

    struct Geography: Encodable {
        var locatedPairs, unlocatedPairs: Int
        var medianKm, meanKm, lowerQuartileKm, upperQuartileKm, p10Km, p90Km: Double?
        var histogram: [Bin]
        var draws: Int
        var seed: UInt64
        var baselineMedianKm, baselineMeanKm, shareCloserThanBaselineMedian: Interval?

        enum CodingKeys: String, CodingKey {
            case locatedPairs = "located_pairs", unlocatedPairs = "unlocated_pairs", medianKm = "median_km", meanKm = "mean_km"
            case lowerQuartileKm = "lower_quartile_km", upperQuartileKm = "upper_quartile_km", p10Km = "p10_km", p90Km = "p90_km"
            case histogram, draws, seed, baselineMedianKm = "baseline_median_km", baselineMeanKm = "baseline_mean_km"
            case shareCloserThanBaselineMedian = "share_closer_than_baseline_median"
        }
    }

    var datasets: [String]
    var level: String
    var summary: Summary
    var top: [String: [RankedNode]]
    var focus: Focus?
    var communities: [String: Partition]
    var shares: Shares?
    var geography: Geography?

    enum CodingKeys: String, CodingKey { case datasets, level, summary, top, focus, communities, shares, geography }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(datasets, forKey: .datasets)
        try container.encode(level, forKey: .level)
        try container.encode(summary, forKey: .summary)
        // Rankings in the order of the measures, not of a dictionary.
        var rankings = container.nestedContainer(keyedBy: NameKey.self, forKey: .top)
        for measure in NetworkResult.Measure.allCases where top[measure.rawValue] != nil {
            try rankings.encode(top[measure.rawValue], forKey: NameKey(measure.rawValue))
        }
        try container.encode(focus, forKey: .focus)
        var partitions = container.nestedContainer(keyedBy: NameKey.self, forKey: .communities)
        for method in ["louvain", "leiden"] { try partitions.encode(communities[method], forKey: NameKey(method)) }
        try container.encode(shares, forKey: .shares)
        try container.encode(geography, forKey: .geography)
    }
}

extension NetworkResult {
    /// The measures as the API gives them.
    public var view: NetworkMeasuresView {
        let s = summary
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        var top: [String: [NetworkMeasuresView.RankedNode]] = [:]
        for measure in measuresComputed {
            let values = values(measure)
            top[measure.rawValue] = topNodes(measure).map { node in
                NetworkMeasuresView.RankedNode(id: nodes[node].id, name: nodes[node].name.en, nameFa: nodes[node].name.fa, countryISO2: nodes[node].country.rawValue,
                                       value: values[node], rank: ranks[measure]?[node] ?? 0, countryRank: countryRanks[measure]?[node] ?? 0)
            }
        }
        return NetworkMeasuresView(
            datasets: datasets.map(\.id), level: level.rawValue,
            summary: .init(nodes: s.nodes, edges: s.edges, relations: Int(graph.totalWeight), selfPairs: cities.selfPairs, mergedRecords: cities.mergedRecords,
                           components: s.components, largestComponent: s.largestComponentSize, diameter: s.largestComponentDiameter,
                           meanDistance: finite(s.largestComponentMeanDistance), maxDegree: s.maxDegree, meanDegree: finite(s.meanDegree),
                           degreeGini: finite(s.degreeGini), assortativity: finite(s.assortativity), transitivity: finite(s.transitivity),
                           averageClustering: finite(s.averageClustering), triangles: s.triangles, maxCore: s.maxCore, maxCoreSize: s.maxCoreSize),
            top: top,
            focus: focus.map { NetworkMeasuresView.Focus(countryISO2: $0.code.rawValue, nodes: focusNodes.map(measuredNode)) },
            communities: ["louvain": partitionView(louvain, "louvain"), "leiden": partitionView(leiden, "leiden")],
            shares: shares.map { shares in
                NetworkMeasuresView.Shares(scheme: shares.scheme.id, groups: shares.groups.map(\.id), countries: shares.rows.map { row in
                    let byGroup = OrderedObject(shares.groups.enumerated().map { (key: $0.element.id, value: row.byGroup[$0.offset]) }
                                                + [(key: "unclassified", value: row.unclassified)])
                    return NetworkMeasuresView.ShareRow(countryISO2: row.country.rawValue, pairs: row.pairs, domestic: row.domestic, byGroup: byGroup)
                })
            },
            geography: geography.map(geographyView))
    }

    func geographyView(_ baseline: ProximityBaseline) -> NetworkMeasuresView.Geography {
        let o = baseline.observed
        let located = o.count > 0
        func value(_ x: Double) -> Double? { located && x.isFinite ? x : nil }
        func interval(_ i: ProximityBaseline.Interval) -> NetworkMeasuresView.Interval? {
            located ? .init(estimate: i.estimate, lower: i.lower, upper: i.upper) : nil
        }
        return .init(locatedPairs: o.count, unlocatedPairs: graph.edgeCount - o.count, medianKm: value(o.median), meanKm: value(o.mean),
                     lowerQuartileKm: value(o.lowerQuartile), upperQuartileKm: value(o.upperQuartile), p10Km: value(o.p10), p90Km: value(o.p90),
                     histogram: o.histogram.map { .init(fromKm: $0.lower, toKm: $0.upper.isFinite ? $0.upper : nil, pairs: $0.count) },
                     draws: baseline.draws, seed: baseline.seed, baselineMedianKm: interval(baseline.baselineMedian),
                     baselineMeanKm: interval(baseline.baselineMean), shareCloserThanBaselineMedian: interval(baseline.shareCloserThanBaselineMedian))
    }

    func measuredNode(_ node: Int) -> NetworkMeasuresView.MeasuredNode {
        func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
        let m = measures
        let ranks = OrderedObject(measuresComputed.compactMap { measure in self.ranks[measure].map { (key: measure.rawValue, value: $0[node]) } })
        let countryRanks = OrderedObject(measuresComputed.compactMap { measure in self.countryRanks[measure].map { (key: measure.rawValue, value: $0[node]) } })
        return NetworkMeasuresView.MeasuredNode(
            id: nodes[node].id, name: nodes[node].name.en, nameFa: nodes[node].name.fa, countryISO2: nodes[node].country.rawValue,
            degree: m.degree[node], relations: m.strength[node], betweenness: finite(m.betweenness[node]), closeness: finite(m.closeness[node]),
            harmonic: finite(m.harmonic[node]), eigenvector: m.eigenvector[node], pagerank: m.pagerank[node], clustering: m.clustering[node],
            core: m.core[node], triangles: m.triangles[node], component: m.component[node] + 1, louvain: louvain.membership[node] + 1,
            leiden: leiden.membership[node] + 1, ranks: ranks, countryRanks: countryRanks)
    }

    func partitionView(_ partition: CommunityPartition, _ method: String) -> NetworkMeasuresView.Partition {
        NetworkMeasuresView.Partition(
            method: method, modularity: partition.modularity, count: partition.communityCount, seed: request.seed,
            communities: (0..<listedCommunities(partition)).map { community in
                let members = partition.members(of: community)
                let countries = countryMix(of: members).map { (key: $0.country.rawValue, value: $0.count) }
                return NetworkMeasuresView.Community(
                    community: community + 1, size: members.count,
                    largest: largestMembers(of: community, in: partition).map { nodes[$0].id },
                    countries: OrderedObject(countries))
            })
    }
}
