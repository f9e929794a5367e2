import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork

extension Workspace {
    /// The measures of the network of `request.datasets` (the default dataset when none), read
    /// off the analysis snapshot: every figure exact, communities by Louvain and Leiden with the
    /// request's seed.
    public func network(_ request: NetworkRequest) async throws -> NetworkResult {
        try request.validate()
        var ids = request.datasets
        if ids.isEmpty {
            guard let id = try await defaultDatasetID() else {
                throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)")
            }
            ids = [id]
        }
        var seen: Set<String> = []
        ids = ids.filter { seen.insert($0).inserted }
        for id in ids { _ = try await requireDataset(id) }
        let focus = try request.focusCountry.map { text throws(ApplicationError) in try country(named: text, field: "focus-country") }
        let scheme = try classifications.scheme(request.scheme ?? NetworkRequest.defaultScheme, field: "scheme")
        // Measured once per revision and per network; the focus and the length of the lists
        // only choose what is shown, so they are not part of the key.
        var key = request
        key.datasets = ids
        key.focusCountry = nil
        key.top = NetworkRequest().top
        let snapshot = try await snapshot(ofDatasets: ids)
        var result = try await networks.value(for: key, revision: try await registry.revision()) { [self, key] in
            measure(key, snapshot: snapshot, focus: nil, scheme: scheme)
        }
        result.request = request
        result.request.datasets = ids
        result.focus = focus
        return result
    }

    private func measure(_ request: NetworkRequest, snapshot: AnalysisSnapshot, focus: Country?, scheme: ClassificationScheme) -> NetworkResult {
        let cities = CityNetworkGraph(snapshot: snapshot)
        let result: NetworkResult
        switch request.level {
        case .city:
            let nodes = (0..<cities.graph.nodeCount).map { node in
                let city = cities.city(at: node)
                return NetworkResult.Node(id: city.id, name: city.name, country: city.country)
            }
            result = measure(cities.graph, nodes: nodes, cities: cities, request: request, datasets: snapshot.contents.map(\.dataset),
                             focus: focus, shares: nil)
        case .country:
            let countries = CountryNetworkGraph(cities: cities)
            let nodes = countries.countries.map { code in
                NetworkResult.Node(id: code.rawValue, name: countriesByCode[code]?.name ?? LocalizedText(en: code.rawValue), country: code)
            }
            result = measure(countries.graph, nodes: nodes, cities: cities, request: request, datasets: snapshot.contents.map(\.dataset),
                             focus: focus, shares: Self.shares(countries, cities: cities, scheme: scheme))
        }
        return result
    }

    private func measure(_ graph: UndirectedGraph, nodes: [NetworkResult.Node], cities: CityNetworkGraph, request: NetworkRequest,
                         datasets: [Dataset], focus: Country?, shares: CountryShares?) -> NetworkResult {
        // Country-level edges carry how many city pairs join two countries: PageRank follows them.
        let (summary, measures) = NetworkAnalysis.measure(graph, options: .init(weightedPageRank: request.level == .country))
        let louvain = Louvain(seed: request.seed).communities(in: graph)
        let leiden = Leiden(seed: request.seed).communities(in: graph)
        var countryIndex: [CountryCode: Int] = [:]
        let groups = nodes.map { node in
            if let known = countryIndex[node.country] { return known }
            countryIndex[node.country] = countryIndex.count
            return countryIndex.count - 1
        }
        var ranks: [NetworkResult.Measure: [Int]] = [:]
        var countryRanks: [NetworkResult.Measure: [Int]] = [:]
        let partial = NetworkResult(request: request, datasets: datasets, level: request.level, cities: cities, graph: graph, nodes: nodes,
                                    summary: summary, measures: measures, louvain: louvain, leiden: leiden, ranks: [:], countryRanks: [:],
                                    focus: focus, shares: shares, countryNames: countriesByCode.mapValues(\.name))
        for measure in NetworkResult.Measure.allCases {
            let values = partial.values(measure)
            ranks[measure] = Ranking.ranks(of: values)
            countryRanks[measure] = Ranking.ranks(of: values, groups: groups)
        }
        return NetworkResult(request: request, datasets: datasets, level: request.level, cities: cities, graph: graph, nodes: nodes,
                             summary: summary, measures: measures, louvain: louvain, leiden: leiden, ranks: ranks, countryRanks: countryRanks,
                             focus: focus, shares: shares, countryNames: countriesByCode.mapValues(\.name))
    }

    /// Each country's city pairs: within it, and by the scheme's category of the partner country.
    static func shares(_ countries: CountryNetworkGraph, cities: CityNetworkGraph, scheme: ClassificationScheme) -> CountryShares {
        let categories = scheme.categories
        let categoryIndex = Dictionary(categories.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let groupOf = countries.countries.map { code in scheme.category(of: code).flatMap { categoryIndex[$0.id] } ?? categories.count }
        var rows = countries.countries.enumerated().map { index, code in
            CountryShares.Row(country: code, pairs: countries.pairs[index], domestic: countries.domesticPairs[index],
                              byGroup: [Int](repeating: 0, count: categories.count + 1))
        }
        let graph = countries.graph
        for a in 0..<graph.nodeCount {
            for position in graph.offsets[a]..<graph.offsets[a + 1] {
                let b = Int(graph.neighbourIndex[position])
                rows[a].byGroup[groupOf[b]] += Int(graph.weights[position])
            }
        }
        rows.sort { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : $0.country.rawValue < $1.country.rawValue }
        return CountryShares(scheme: scheme, groups: categories, rows: rows)
    }
}
