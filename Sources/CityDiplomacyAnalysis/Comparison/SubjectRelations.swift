import CityDiplomacyCore
import CityDiplomacyNetwork

/// The relations of one subject of a comparison — a city, a country's cities, a group's, a list —
/// read off a network of one or more datasets: each relation once, with the partner it reaches.
///
/// Records of one place in several datasets are one place (``CityNetworkGraph``), and a pair of
/// places listed by several datasets is one relation, taken from the first dataset that lists
/// it; what was merged so is counted (``listedTwice``), never hidden. A relation between two of
/// the subject's own cities is counted once (``internalRelations``), its partner the city it
/// names second.
///
/// ```swift
/// let network = CityNetworkGraph(snapshot: snapshot)
/// let iran = SubjectRelations(network: network) { snapshot.countryCodes[Int(snapshot.cityCountry[$0])].rawValue == "IR" }
/// iran.relations.count, iran.partnerNodes.count
/// ```
public struct SubjectRelations: Sendable {
    /// One relation: its index in the snapshot and the nodes of its two ends, the subject's first.
    public struct Relation: Hashable, Sendable {
        public var index: Int
        public var node: Int
        public var partner: Int
        /// Whether both ends are the subject's own cities (a domestic pair of a country's cities).
        public var isInternal: Bool = false
    }

    public let relations: [Relation]
    /// The subject's cities that are nodes of the network (with at least one relation).
    public let nodes: Set<Int>
    /// Relations listed by more than one dataset (or twice by one), counted once.
    public let listedTwice: Int
    /// Relations between two of the subject's cities.
    public let internalRelations: Int
    /// Relations of a place with itself, which no comparison counts.
    public let selfPairs: Int
    /// How many of ``relations`` each dataset of the snapshot gave, in the snapshot's order.
    public let byDataset: [Int]

    /// - Parameters:
    ///   - includes: whether the snapshot's city at an index belongs to the subject.
    ///   - datasets: the snapshot's datasets (indices into ``AnalysisSnapshot/contents``) the subject
    ///     is read in; all when `nil`.
    public init(network: CityNetworkGraph, datasets: Set<Int>? = nil, includes: (Int) -> Bool) {
        let snapshot = network.snapshot
        var relations: [Relation] = []
        var pairDataset: [Int64: Int32] = [:]
        var nodes = Set<Int>()
        var listedTwice = 0, internalRelations = 0, selfPairs = 0
        var byDataset = [Int](repeating: 0, count: snapshot.datasets.count)
        for index in 0..<snapshot.relationCount {
            let dataset = snapshot.relationDataset[index]
            if let datasets, !datasets.contains(Int(dataset)) { continue }
            let city = Int(snapshot.relationCity[index]), partner = Int(snapshot.relationPartner[index])
            let cityIn = includes(city), partnerIn = includes(partner)
            guard cityIn || partnerIn else { continue }
            guard let a = network.node(ofCityAt: city), let b = network.node(ofCityAt: partner), a != b else {
                selfPairs += 1
                continue
            }
            // One relation per pair of places and dataset: the same pair in another dataset is the same relation.
            let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
            if let first = pairDataset[key], first != dataset {
                listedTwice += 1
                continue
            }
            pairDataset[key] = dataset
            if cityIn { nodes.insert(a) }
            if partnerIn { nodes.insert(b) }
            if cityIn && partnerIn { internalRelations += 1 }
            relations.append(cityIn ? Relation(index: index, node: a, partner: b, isInternal: partnerIn)
                                    : Relation(index: index, node: b, partner: a, isInternal: false))
            byDataset[Int(dataset)] += 1
        }
        self.relations = relations
        self.nodes = nodes
        self.listedTwice = listedTwice
        self.internalRelations = internalRelations
        self.selfPairs = selfPairs
        self.byDataset = byDataset
    }

    /// The distinct partner cities (nodes), the subject's own cities among them where two of them are paired.
    public var partnerNodes: Set<Int> { Set(relations.map(\.partner)) }

    /// The relations with a partner outside the subject: those the profiles count (a relation
    /// between two of the subject's cities has its own count, ``internalRelations``).
    public var externalRelations: [Relation] { relations.filter { !$0.isInternal } }

    /// The distinct countries of the partner cities outside the subject, other than `own` (the
    /// subject's own countries): foreign partner states, domestic pairs left out.
    public func partnerCountries(in network: CityNetworkGraph, excluding own: Set<CountryCode> = []) -> Set<CountryCode> {
        Set(externalRelations.map { network.country(at: $0.partner) }).subtracting(own)
    }
}
