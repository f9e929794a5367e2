import CityDiplomacyCore
import CityDiplomacyNetwork

/// The network of countries that a network of cities aggregates to, as Kaltenbrunner et al.
/// ("Not all paths lead to Rome", 2013) aggregate the twinning network: one node per country
/// with a city in the network, one edge per pair of countries whose cities are paired, weighted
/// by the number of city pairs between them; pairs within one country are a country's domestic
/// pairs, counted apart (a country is not its own partner).
///
/// ```swift
/// let countries = CountryNetworkGraph(cities: network)
/// countries.graph.nodeCount            // countries with a paired city
/// countries.domesticPairs[0]           // city pairs within the first country
/// ```
public struct CountryNetworkGraph: Sendable {
    public let graph: UndirectedGraph
    /// For each node, its country.
    public let countries: [CountryCode]
    /// For each node, the city pairs (edges of the city network) within the country.
    public let domesticPairs: [Int]
    /// For each node, every city pair with at least one end in the country (domestic pairs once).
    public let pairs: [Int]

    public init(cities network: CityNetworkGraph) {
        let cityGraph = network.graph
        var nodeOfCountry: [Int32: Int] = [:]
        var countries: [CountryCode] = []
        var countryOfCity = [Int](repeating: 0, count: cityGraph.nodeCount)
        for city in 0..<cityGraph.nodeCount {
            let country = network.nodeCountry[city]
            if let node = nodeOfCountry[country] { countryOfCity[city] = node } else {
                nodeOfCountry[country] = countries.count
                countryOfCity[city] = countries.count
                countries.append(network.snapshot.countryCodes[Int(country)])
            }
        }
        var domestic = [Int](repeating: 0, count: countries.count)
        var pairs = [Int](repeating: 0, count: countries.count)
        var edges: [(Int, Int)] = []
        for edge in cityGraph.edges {
            let a = countryOfCity[edge.a], b = countryOfCity[edge.b]
            pairs[a] += 1
            if a == b { domestic[a] += 1 } else {
                pairs[b] += 1
                edges.append((a, b))
            }
        }
        graph = UndirectedGraph(nodeCount: countries.count, edges: edges)
        self.countries = countries
        domesticPairs = domestic
        self.pairs = pairs
    }
}
