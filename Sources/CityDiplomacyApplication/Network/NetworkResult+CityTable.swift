import CityDiplomacyCore
import CityDiplomacyNetwork

extension NetworkResult {
    /// The measures a city's page shows, in the order it shows them.
    public static let cityMeasures: [Measure] = [.degree, .relations, .betweenness, .closeness, .eigenvector, .pagerank, .core]

    /// One city's measures, each with its rank among all the network's cities and among those of
    /// its country, and its communities in a note: what a city's page shows of the network.
    ///
    /// ```swift
    /// if let node = result.cities.node(ofCity: "iran-2018:tehran") { result.cityTable(node: node) }
    /// ```
    public func cityTable(node: Int) -> Tabulation {
        let country = nodes[node].country
        let inCountry = nodes.count { $0.country == country }
        let countryName = countryLabel(country)
        return Tabulation(
            title: .message("network.city.title", localized: ["city": nodes[node].name]),
            columns: [.init(key: "measure", title: .message("network.measure")), .init(key: "value", title: .message("network.value")),
                      .init(key: "rank", title: .message("network.rank-among", ["count": String(nodes.count)])),
                      .init(key: "country_rank", title: .message("network.rank-among-country", localized: ["country": countryName], ["count": String(inCountry)]))],
            rows: Self.cityMeasures.map { measure in
                [.code(measure.rawValue, label: measure.label), cell(values(measure)[node], measure),
                 .number(ranks[measure]?[node]), .number(countryRanks[measure]?[node])]
            },
            notes: [.message("network.city.ranks-note"), communityNote(node)])
    }

    /// Which community the node is in by each method, and how large it is.
    func communityNote(_ node: Int) -> LocalizedText {
        func values(_ partition: CommunityPartition, _ method: String) -> [String: String] {
            let community = partition.membership[node]
            return ["\(method)": String(community + 1), "\(method)Count": String(partition.communityCount),
                    "\(method)Size": String(partition.members(of: community).count)]
        }
        return .message("network.city.communities", localized: ["city": nodes[node].name],
                        values(louvain, "louvain").merging(values(leiden, "leiden")) { first, _ in first }.merging(["seed": String(request.seed)]) { first, _ in first })
    }
}
