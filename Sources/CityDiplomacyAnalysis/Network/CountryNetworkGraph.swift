import CityDiplomacyCore
import CityDiplomacyNetwork

/// The network of countries that a network of cities aggregates to, as Kaltenbrunner et al.
/// ("Not all paths lead to Rome", 2013) aggregate the twinning network: one node per country
/// with a city in the network, one edge per pair of countries whose cities are paired, weighted
/// by the number of city pairs between them; pairs within one country are that country's
/// domestic pairs, kept apart (a country is not its own partner).
///
/// ```swift
/// let countries = CountryNetworkGraph(cities: network)
/// countries.graph.nodeCount            // countries with a paired city
/// countries.domesticPairs[0]           // city pairs within the first country
/// ```
public struct CountryNetworkGraph: Sendable {
    /// The city graph grouped by country, counting distinct city pairs.
    public let quotient: QuotientGraph
    public var graph: UndirectedGraph { quotient.graph }
    /// For each node, its country.
    public let countries: [CountryCode]

    public init(cities network: CityNetworkGraph) {
        var nodeOfCountry: [Int32: Int] = [:]
        var countries: [CountryCode] = []
        let groups = network.nodeCountry.map { country in
            if let node = nodeOfCountry[country] { return node }
            nodeOfCountry[country] = countries.count
            countries.append(network.snapshot.countryCodes[Int(country)])
            return countries.count - 1
        }
        quotient = QuotientGraph(network.graph, groups: groups, groupCount: countries.count, counting: .pairs)
        self.countries = countries
    }

    /// For each node, the city pairs within the country.
    public var domesticPairs: [Int] { quotient.domestic.map { Int($0) } }

    /// For each node, every city pair with at least one end in the country (domestic pairs once).
    public var pairs: [Int] { (0..<countries.count).map { Int(quotient.total(of: $0)) } }
}
