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
        // One network whatever the order the datasets are named in: where records of one place
        // are merged, the record of the dataset first by id stands for it.
        ids = Array(Set(ids)).sorted()
        for id in ids { _ = try await requireDataset(id) }
        let focus = try request.focusCountry.map { text throws(ApplicationError) in try country(named: text, field: "focus-country") }
        let scheme = try classifications.scheme(request.scheme ?? NetworkRequest.defaultScheme, field: "scheme")
        // Measured once per revision and per network; the focus and the length of the lists
        // only choose what is shown, so they are not part of the key.
        var key = request
        key.datasets = ids
        key.focusCountry = nil
        key.top = NetworkRequest().top
        let cities = try await cityNetwork(ofDatasets: ids)
        let snapshot = cities.snapshot
        var result = try await networks.value(for: key, revision: try await registry.revision()) { [self, key] in
            // One measurement at a time: each takes seconds of both cores, and requests for
            // different seeds or datasets must queue rather than starve every other page.
            await measurementGate.enter()
            defer { Task { await measurementGate.leave() } }
            // Cities recorded without coordinates are placed as the maps place them: at the
            // gazetteer's place of their name in their country (the study records none).
            var latitudes = snapshot.latitude, longitudes = snapshot.longitude
            for index in 0..<snapshot.cityCount where !latitudes[index].isFinite {
                if let location = await locator.location(of: snapshot.city(at: index)) {
                    latitudes[index] = location.coordinates.latitude
                    longitudes[index] = location.coordinates.longitude
                }
            }
            return measure(key, cities: cities, locations: (latitudes, longitudes), scheme: scheme)
        }
        result.request = request
        result.request.datasets = ids
        result.focus = focus
        return result
    }

    private func measure(_ request: NetworkRequest, cities: CityNetworkGraph, locations: (latitudes: [Double], longitudes: [Double]),
                         scheme: ClassificationScheme) -> NetworkResult {
        let snapshot = cities.snapshot
        let result: NetworkResult
        switch request.level {
        case .city:
            let nodes = (0..<cities.graph.nodeCount).map { node in
                let city = cities.city(at: node)
                return NetworkResult.Node(id: city.id, name: city.name, country: city.country)
            }
            result = measure(cities.graph, nodes: nodes, cities: cities, request: request, datasets: snapshot.datasets,
                             shares: nil,
                             geography: ProximityBaseline(cities.graph, latitudes: cities.nodeCity.map { locations.latitudes[Int($0)] },
                                                          longitudes: cities.nodeCity.map { locations.longitudes[Int($0)] },
                                                          draws: request.draws, seed: request.seed))
        case .country:
            let countries = CountryNetworkGraph(cities: cities)
            let nodes = countries.countries.map { code in
                NetworkResult.Node(id: code.rawValue, name: countriesByCode[code]?.name ?? LocalizedText(en: code.rawValue), country: code)
            }
            result = measure(countries.graph, nodes: nodes, cities: cities, request: request, datasets: snapshot.datasets,
                             shares: Self.shares(countries, cities: cities, scheme: scheme), geography: nil)
        }
        return result
    }

    private func measure(_ graph: UndirectedGraph, nodes: [NetworkResult.Node], cities: CityNetworkGraph, request: NetworkRequest,
                         datasets: [Dataset], shares: CountryShares?, geography: ProximityBaseline?) -> NetworkResult {
        // Country-level edges carry how many city pairs join two countries: PageRank follows them.
        let (summary, measures) = graph.nodeCount <= NetworkRequest.maximumPathNodes
            ? NetworkAnalysis.measure(graph, options: .init(weightedPageRank: request.level == .country))
            : Self.measureWithoutPaths(graph, weightedPageRank: request.level == .country)
        let louvain = Louvain(seed: request.seed).communities(in: graph)
        let leiden = Leiden(seed: request.seed).communities(in: graph)
        var countryIndex: [CountryCode: Int] = [:]
        let groups = nodes.map { node in
            if let known = countryIndex[node.country] { return known }
            countryIndex[node.country] = countryIndex.count
            return countryIndex.count - 1
        }
        var result = NetworkResult(
            request: request, datasets: datasets, level: request.level, cities: cities, graph: graph, nodes: nodes,
            summary: summary, measures: measures, louvain: louvain, leiden: leiden, ranks: [:], countryRanks: [:],
            focus: nil, shares: shares, geography: geography, countryNames: countriesByCode.mapValues(\.name))
        for measure in result.measuresComputed {
            let values = result.values(measure)
            result.ranks[measure] = Ranking.ranks(of: values)
            result.countryRanks[measure] = Ranking.ranks(of: values, groups: groups)
        }
        return result
    }

    /// The whole-network figures (exact, by bit-parallel searches) and every node measure but
    /// betweenness, closeness and harmonic centrality, which are left undefined (NaN): above
    /// ``NetworkRequest/maximumPathNodes`` nodes one search from every node would take hours.
    static func measureWithoutPaths(_ graph: UndirectedGraph, weightedPageRank: Bool) -> (NetworkSummary, NodeMeasures) {
        let summary = NetworkAnalysis.summarize(graph)
        let degrees = DegreeDistribution(graph)
        let triangles = Triangles(graph)
        let undefined = [Double](repeating: .nan, count: graph.nodeCount)
        let nodes = NodeMeasures(
            degree: degrees.degrees, strength: (0..<graph.nodeCount).map(graph.strength(of:)),
            betweenness: undefined, closeness: undefined, harmonic: undefined,
            eigenvector: EigenvectorCentrality(graph).values, pagerank: PageRank(graph, weighted: weightedPageRank).values,
            core: CoreDecomposition(graph).coreNumber, clustering: triangles.clustering, triangles: triangles.perNode,
            component: ConnectedComponents(graph).componentOf.map(Int.init), eccentricity: [Int](repeating: 0, count: graph.nodeCount))
        return (summary, nodes)
    }

    /// Each country's city pairs: within it, and by the partner country's group in the scheme
    /// (its category where the scheme has no groups: UN M49's five regions rather than its 22 sub-regions).
    static func shares(_ countries: CountryNetworkGraph, cities: CityNetworkGraph, scheme: ClassificationScheme) -> CountryShares {
        let columns: [CountryShares.Column] = scheme.groups.isEmpty
            ? scheme.categories.map { .init(id: $0.id, label: $0.label) }
            : scheme.groups.map { .init(id: $0.id, label: $0.label) }
        let columnIndex = Dictionary(columns.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let columnOf = countries.countries.map { code -> Int in
            guard let category = scheme.category(of: code) else { return -1 }
            return columnIndex[scheme.groups.isEmpty ? category.id : (category.groupID ?? "")] ?? -1
        }
        let shares = RelationShares(countries.quotient, categories: columnOf, categoryCount: columns.count)
        let pairs = countries.pairs
        let rows = countries.countries.indices.map { index in
            CountryShares.Row(country: countries.countries[index], pairs: pairs[index], domestic: shares.domestic[index],
                              byGroup: shares.toCategory[index], unclassified: shares.unclassified[index])
        }.sorted { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : $0.country.rawValue < $1.country.rawValue }
        return CountryShares(scheme: scheme, groups: columns, rows: rows)
    }
}

extension Workspace {
    /// Relations up to which a page about one city measures its dataset's network itself (the
    /// Wikipedia dataset's 24,248 in seconds); a larger one is measured by its own page or the API.
    public static let networkOnCityPageRelations = 50_000

    /// Whether a page about one city shows the measures of dataset `id`'s network and the partners
    /// it suggests: when they are kept for the registry's revision (its network page or the API
    /// measured it), or when the dataset is small enough to measure now
    /// (``networkOnCityPageRelations``). A page about one city reads through indexes: it must not
    /// wait for every relation of a large dataset to be read and measured (minutes at a million).
    /// Finding the size costs a walk of that many entries of an index, never a read of the dataset.
    public func cityPageShowsNetwork(ofDataset id: String) async throws -> Bool {
        var key = NetworkRequest(datasets: [id])
        key.top = NetworkRequest().top
        if await networks.holds(key, revision: try await registry.revision()) { return true }
        let beyond = try await registry.relations(matching: RelationQuery(datasetID: id, limit: 1, offset: Self.networkOnCityPageRelations))
        return beyond.relations.isEmpty
    }
}
