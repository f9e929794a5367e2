import CityDiplomacyCore
import CityDiplomacyNetwork

/// One city's place in a network of cities, as `/api/v1/network/cities/{id}` gives it and a
/// city's page shows it: `{"datasets", "seed", "city": {"id", "name", "name_fa", "country_iso2"},
/// "nodes", "country_nodes", "node", "communities"}`. `node` carries every measure with the
/// city's ranks among all cities and within its country (as in ``NetworkMeasuresView``), and
/// `communities` the city's community by each method; both are `null` for a city with no relation
/// to another city, which is no node of the network.
///
/// ```swift
/// let result = try await workspace.network(NetworkRequest(datasets: ["iran-2018"]))
/// let tehran = result.cityView(cityID: "iran-2018:tehran")   // nil: the datasets hold no such city
/// tehran?.node?.ranks["betweenness"]                          // 1
/// ```
public struct NetworkCityView: Encodable, Sendable {
    struct City: Encodable {
        var id: String
        var name: String
        var nameFa: String?
        var countryISO2: String

        enum CodingKeys: String, CodingKey { case id, name, nameFa = "name_fa", countryISO2 = "country_iso2" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(nameFa, forKey: .nameFa)
            try container.encode(countryISO2, forKey: .countryISO2)
        }
    }

    /// The city's community by one method: its number (1 = the largest), its size, and how many
    /// communities the method found, with their modularity.
    public struct Membership: Encodable, Sendable {
        public var community: Int
        public var size: Int
        public var count: Int
        public var modularity: Double
    }

    struct Communities: Encodable {
        var louvain: Membership
        var leiden: Membership
    }

    var datasets: [String]
    var seed: UInt64
    var city: City
    /// Cities in the network, and those of the city's country.
    public var nodes: Int
    public var countryNodes: Int
    var node: NetworkMeasuresView.MeasuredNode?
    var communities: Communities?

    /// Whether the city is a node of the network (has a relation to another city).
    public var isNode: Bool { node != nil }

    enum CodingKeys: String, CodingKey { case datasets, seed, city, nodes, countryNodes = "country_nodes", node, communities }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(datasets, forKey: .datasets)
        try container.encode(seed, forKey: .seed)
        try container.encode(city, forKey: .city)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(countryNodes, forKey: .countryNodes)
        // Written as null, not left out, so that "no node" is said rather than implied.
        try container.encode(node, forKey: .node)
        try container.encode(communities, forKey: .communities)
    }
}

extension NetworkResult {
    /// City record `cityID`'s place in this network of cities; `nil` where the network's datasets
    /// hold no such city, or the network is of countries.
    public func cityView(cityID: String) -> NetworkCityView? {
        guard level == .city, let index = cities.snapshot.cityIndex[cityID] else { return nil }
        let city = cities.snapshot.city(at: Int(index))
        let node = cities.node(ofCity: cityID)
        func membership(_ partition: CommunityPartition, _ node: Int) -> NetworkCityView.Membership {
            let community = partition.membership[node]
            return .init(community: community + 1, size: partition.members(of: community).count, count: partition.communityCount,
                         modularity: partition.modularity)
        }
        return NetworkCityView(
            datasets: datasets.map(\.id), seed: request.seed,
            city: .init(id: city.id, name: city.name.en, nameFa: city.name.fa, countryISO2: city.country.rawValue),
            nodes: nodes.count, countryNodes: nodes.count { $0.country == city.country },
            node: node.map(measuredNode),
            communities: node.map { .init(louvain: membership(louvain, $0), leiden: membership(leiden, $0)) })
    }
}
