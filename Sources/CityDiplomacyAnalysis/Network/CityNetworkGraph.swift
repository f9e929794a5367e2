import CityDiplomacyCore
import CityDiplomacyNetwork

/// The network of cities a snapshot holds: one node per city with at least one relation to
/// another city, one edge per pair of cities joined by at least one relation, weighted by the
/// number of relations between them — what KONECT's "sister cities" network is, and what every
/// network measure here is computed on.
///
/// - A relation of a city with itself (a self-pair) is no edge; it is counted in
///   ``UndirectedGraph/selfPairs``.
/// - Several relations between two cities (a twinning and a memorandum, or one relation listed
///   by two datasets) are one edge of weight 2.
/// - Over several datasets, records of the same place are one node: the same GeoNames id, or
///   else the same English name (compared by ``PersianText/searchKey(_:)``) in the same country —
///   a record without a GeoNames id joining a record with one of its name and country.
///
/// ```swift
/// let network = CityNetworkGraph(snapshot: snapshot)
/// network.graph.nodeCount              // cities with a partner
/// network.city(at: 0).name.en
/// ```
public struct CityNetworkGraph: Sendable {
    public let snapshot: AnalysisSnapshot
    public let graph: UndirectedGraph
    /// For each node, the snapshot's index of the city that stands for it (its first record).
    public let nodeCity: [Int32]
    /// For each node, the index of its country in ``AnalysisSnapshot/countryCodes``.
    public let nodeCountry: [Int32]
    /// How many city records were merged into another's node (0 for one dataset).
    public let mergedRecords: Int
    /// Relations of a city with itself (or, over several datasets, with another record of the
    /// same place): counted here, never edges.
    public let selfPairs: Int
    /// For each city of the snapshot, the node its place is (a record merged into another's node
    /// too), or -1 for a city with no relation to another city.
    private let cityNode: [Int32]

    public init(snapshot: AnalysisSnapshot) {
        self.snapshot = snapshot
        // Each city record's place: itself, or over several datasets the first record of the same place.
        var place = [Int32](repeating: -1, count: snapshot.cityCount)
        var merged = 0
        if snapshot.datasets.count > 1 {
            var byKey: [String: Int32] = [:]
            func nameKey(_ city: City) -> String { "n\(city.country.rawValue):\(PersianText.searchKey(city.name.en))" }
            // Records with a GeoNames id first, each also claiming its name in its country, so that
            // a transcription's record without one (the study's Tehran) joins the identified place
            // of the same name whichever dataset comes first.
            for index in 0..<snapshot.cityCount {
                let city = snapshot.city(at: index)
                guard let id = city.geonamesID else { continue }
                if let first = byKey["g\(id)"] { place[index] = first; merged += 1 } else {
                    byKey["g\(id)"] = Int32(index)
                    place[index] = Int32(index)
                    if byKey[nameKey(city)] == nil { byKey[nameKey(city)] = Int32(index) }
                }
            }
            for index in 0..<snapshot.cityCount where snapshot.city(at: index).geonamesID == nil {
                let key = nameKey(snapshot.city(at: index))
                if let first = byKey[key] { place[index] = first; merged += 1 } else {
                    byKey[key] = Int32(index)
                    place[index] = Int32(index)
                }
            }
        } else {
            for index in 0..<snapshot.cityCount { place[index] = Int32(index) }
        }
        // Nodes: the places with at least one relation to another place, in snapshot order.
        var node = [Int32](repeating: -1, count: snapshot.cityCount)
        var nodeCity: [Int32] = []
        for index in 0..<snapshot.relationCount {
            let a = place[Int(snapshot.relationCity[index])], b = place[Int(snapshot.relationPartner[index])]
            guard a != b else { continue }
            for end in [a, b] where node[Int(end)] < 0 {
                node[Int(end)] = Int32(nodeCity.count)
                nodeCity.append(end)
            }
        }
        // Nodes in snapshot order, so that a node's number does not depend on relation order.
        let order = nodeCity.sorted()
        for (number, city) in order.enumerated() { node[Int(city)] = Int32(number) }
        var edges: [(Int, Int)] = []
        edges.reserveCapacity(snapshot.relationCount)
        var selfPairs = 0
        for index in 0..<snapshot.relationCount {
            let a = place[Int(snapshot.relationCity[index])], b = place[Int(snapshot.relationPartner[index])]
            if a == b { selfPairs += 1; continue }
            edges.append((Int(node[Int(a)]), Int(node[Int(b)])))
        }
        graph = UndirectedGraph(nodeCount: order.count, edges: edges)
        self.selfPairs = selfPairs
        self.nodeCity = order
        nodeCountry = order.map { snapshot.cityCountry[Int($0)] }
        mergedRecords = merged
        cityNode = place.map { $0 < 0 ? -1 : node[Int($0)] }
    }

    /// The node of the city record `id`: the node of its place, which over several datasets may
    /// stand for another record of the same place; `nil` for a city with no relation to another
    /// city, or one the snapshot does not hold.
    public func node(ofCity id: String) -> Int? {
        guard let index = snapshot.cityIndex[id], cityNode[Int(index)] >= 0 else { return nil }
        return Int(cityNode[Int(index)])
    }

    /// The node of the snapshot's city at `index` (see ``node(ofCity:)``).
    public func node(ofCityAt index: Int) -> Int? {
        cityNode[index] >= 0 ? Int(cityNode[index]) : nil
    }

    /// The city node `node` stands for.
    public func city(at node: Int) -> City { snapshot.city(at: Int(nodeCity[node])) }

    /// How many relations the graph's edges stand for (self-pairs aside).
    public var relationCount: Int { snapshot.relationCount - selfPairs }

    /// The country code of node `node`.
    public func country(at node: Int) -> CountryCode { snapshot.countryCodes[Int(nodeCountry[node])] }
}
