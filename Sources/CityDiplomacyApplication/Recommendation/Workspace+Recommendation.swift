import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork
import CityDiplomacyReferenceData
import Foundation

/// The network of cities a recommendation, a peer list or an evaluation reads: the datasets'
/// graph with each node's country as a group.
struct CityNetworkContext: Sendable {
    let datasets: [Dataset]
    let cities: CityNetworkGraph
    /// Each node's country, as an index into ``countries``.
    let group: [Int32]
    let countries: [CountryCode]

    var graph: UndirectedGraph { cities.graph }
}

extension Workspace {
    /// The priorities of file `path`, or an error naming its file, line, field and value.
    public func priorities(file path: String, field: String = "priorities") throws(ApplicationError) -> PartnerPriorities {
        do {
            return try PrioritiesFile.load(contentsOf: URL(fileURLWithPath: path), schemes: classifications.schemes, countries: directory)
        } catch {
            throw .invalid(field, "invalid priorities file: \(error.description)")
        }
    }

    /// Priorities given as YAML text (a web request's body), named `name` in any message about them.
    public func priorities(text: String, name: String = "priorities", field: String = "priorities") throws(ApplicationError) -> PartnerPriorities {
        guard text.utf8.count <= AlignmentRequest.maximumPrioritiesText else {
            throw .invalid(field, "the priorities are \(text.utf8.count) bytes: at most \(AlignmentRequest.maximumPrioritiesText) are read")
        }
        do {
            return try PrioritiesFile.load(data: Data(text.utf8), fileName: name, schemes: classifications.schemes, countries: directory)
        } catch {
            throw .invalid(field, "invalid priorities: \(error.description)")
        }
    }

    /// Datasets `ids` (the default dataset when empty), checked, sorted and without repeats.
    func analysedDatasets(_ ids: [String], field: String = "dataset") async throws -> [String] {
        var chosen = ids
        if chosen.isEmpty {
            guard let id = try await defaultDatasetID() else { throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)") }
            chosen = [id]
        }
        chosen = Array(Set(chosen)).sorted()
        for id in chosen { _ = try await requireDataset(id, field: field) }
        return chosen
    }

    /// The network of cities of `ids`, each node placed where it can be; kept per registry revision.
    func cityNetworkContext(_ ids: [String]) async throws -> CityNetworkContext {
        // The revision is read once: the snapshot is asked for under it, so that an import
        // between two reads cannot keep an older network under a newer revision.
        let revision = try await registry.revision()
        return try await cityNetworks.value(for: ids, revision: revision) { [self] in
            try await buildCityNetworkContext(ids)
        }
    }

    /// ``PartnerChoiceModel`` of the network of `context`, kept per registry revision.
    func partnerChoiceModel(_ context: CityNetworkContext) async throws -> PartnerChoiceModel {
        let revision = try await registry.revision()
        return try await partnerChoiceModels.value(for: context.datasets.map(\.id), revision: revision) {
            PartnerChoiceModel(context.graph, group: context.group, groupCount: context.countries.count)
        }
    }

    private func buildCityNetworkContext(_ ids: [String]) async throws -> CityNetworkContext {
        let cities = try await cityNetwork(ofDatasets: ids)
        var countryIndex: [CountryCode: Int32] = [:], countries: [CountryCode] = []
        let group = (0..<cities.graph.nodeCount).map { node -> Int32 in
            let code = cities.country(at: node)
            if let known = countryIndex[code] { return known }
            countryIndex[code] = Int32(countries.count)
            countries.append(code)
            return Int32(countries.count - 1)
        }
        return CityNetworkContext(datasets: cities.snapshot.datasets, cities: cities, group: group, countries: countries)
    }

    /// Where the city of `node` is: its recorded coordinates, else the gazetteer's place of its
    /// name (as the maps place it); `nil` where neither is known. Asked only for the cities a
    /// list shows, so that a page about one city does not place a whole dataset.
    func place(_ node: Int, in context: CityNetworkContext) async -> (latitude: Double, longitude: Double)? {
        let city = context.cities.city(at: node)
        if let coordinates = city.coordinates { return (coordinates.latitude, coordinates.longitude) }
        return await locator.location(of: city).map { ($0.coordinates.latitude, $0.coordinates.longitude) }
    }

    /// The datasets a question about city `text` reads: `ids` where given, else the one dataset
    /// the cities of that name are in (an error where they are in several).
    func datasets(forCity text: String, _ ids: [String]) async throws -> [String] {
        guard ids.isEmpty else { return try await analysedDatasets(ids) }
        let matches = try await registry.findCities(named: text, datasetID: nil)
        guard !matches.isEmpty else { throw unknownCity(text, dataset: nil) }
        let datasets = Set(matches.compactMap { RecordID($0.id)?.dataset }).sorted()
        guard datasets.count == 1 else {
            throw ApplicationError.invalid("city", "ambiguous city '\(text)': it names cities in datasets \(datasets.joined(separator: ", ")); choose one with \(parameter: "dataset")")
        }
        return datasets
    }

    /// The node of the network that city `text` names: an unknown name, a name of several places
    /// in the network, or a city with no relation to another city is an error saying so.
    func node(ofCity text: String, in context: CityNetworkContext) async throws -> Int {
        let ids = context.datasets.map(\.id)
        var matches: [City] = []
        for id in ids { matches += try await registry.findCities(named: text, datasetID: id) }
        guard !matches.isEmpty else { throw unknownCity(text, dataset: ids.count == 1 ? ids[0] : nil) }
        // An id names its city, whatever other city's name reads like it.
        if let exact = matches.first(where: { $0.id == text }) { matches = [exact] }
        let nodes = Set(matches.compactMap { context.cities.node(ofCity: $0.id) })
        if nodes.count > 1 {
            let named = matches.map { "\($0.id) (\($0.country.rawValue))" }.sorted()
            throw ApplicationError.invalid("city", "ambiguous city '\(text)': it names \(named.joined(separator: ", ")); give one of these ids")
        }
        guard let node = nodes.first else {
            // The city is there but is no node: nothing of the network names it (a 404, not a 400,
            // as a well-formed request cannot be made right by changing its form).
            throw ApplicationError.notFound("city", "city '\(text)' (\(matches[0].id)) has no relation to another city in \(ids.joined(separator: ", ")): nothing to start from")
        }
        return node
    }

    /// Partner cities `request.city` has no relation with, best first, each with its reasons (see
    /// ``PartnerChoiceModel`` for the score).
    public func recommend(_ request: RecommendationRequest) async throws -> RecommendationResult {
        try request.validate()
        let priorities = try request.prioritiesFile.map { path throws(ApplicationError) in try self.priorities(file: path) }
        var excluded: [Country] = []
        for text in request.excludeCountries { excluded.append(try country(named: text, field: "exclude-country")) }
        let ids = try await datasets(forCity: request.city, request.datasets)
        let context = try await cityNetworkContext(ids)
        let node = try await node(ofCity: request.city, in: context)
        let model = try await partnerChoiceModel(context)
        let factor = priorities.map { priorities in
            context.countries.map { 1 + priorities.weight(of: $0) / max(priorities.maximumWeight, 1e-12) }
        }
        // The city's own country is left out unless asked for: most of a network's suggestions would otherwise be domestic.
        let ownCountry = context.cities.country(at: node)
        let excludedCodes = Set(excluded.map(\.code)).union(request.includeDomestic || ownCountry.rawValue == "ZZ" ? [] : [ownCountry])
        let excludedGroups = Set(context.countries.indices.filter { excludedCodes.contains(context.countries[$0]) }.map(Int32.init))
        let affinity = model.groupAffinity(of: node)
        let origin = await place(node, in: context)
        var candidates: [RecommendationResult.Candidate] = []
        for candidate in model.recommend(for: node, count: request.top, groupFactor: factor, excludedGroups: excludedGroups) {
            var kilometres: Double?
            if let origin, let destination = await place(candidate.node, in: context) {
                kilometres = GreatCircle.kilometres(fromLatitude: origin.latitude, longitude: origin.longitude,
                                                    toLatitude: destination.latitude, longitude: destination.longitude)
            }
            candidates.append(RecommendationResult.Candidate(
                node: candidate.node, city: context.cities.city(at: candidate.node), score: candidate.score,
                neighbourhood: candidate.neighbourhood,
                sharedPartners: NeighbourhoodScores.sharedPartners(context.graph, node, candidate.node).map { context.cities.city(at: $0) },
                priorityGroup: priorities?.group(of: context.cities.country(at: candidate.node)),
                degree: context.graph.degree(of: candidate.node),
                countryAffinity: affinity[Int(context.group[candidate.node])],
                kilometres: kilometres))
        }
        // What the list cannot show, said rather than left to be read as "no city left".
        let adjacent = Set(context.graph.neighbours(of: node).map(Int.init))
        let eligible = (0..<context.graph.nodeCount).filter { $0 != node && !adjacent.contains($0) && !excludedGroups.contains(context.group[$0]) }
        let suggestedCountries = Set(candidates.map(\.city.country))
        let unreachable = priorities.map { priorities in
            Set(eligible.map { Int(context.group[$0]) }.filter { affinity[$0] == 0 && priorities.weight(of: context.countries[$0]) > 0 }
                .map { context.countries[$0] }).subtracting(suggestedCountries).sorted()
        } ?? []
        var result = RecommendationResult(request: request, datasets: context.datasets, city: context.cities.city(at: node),
                                    degree: context.graph.degree(of: node), located: origin != nil,
                                    priorities: priorities, excludedCountries: excluded, candidates: candidates,
                                    countryNames: countriesByCode.mapValues(\.name))
        result.eligibleCities = eligible.count
        result.unreachablePriorityCountries = unreachable
        return result
    }

    /// The recommender and its baselines on relations held out of `request.datasets`' network.
    public func evaluateRecommender(_ request: RecommendationEvaluationRequest) async throws -> RecommendationEvaluation {
        try request.validate()
        let context = try await cityNetworkContext(try await analysedDatasets(request.datasets))
        // Fewer than ten held-out pairs give figures of zeros and ones that say nothing about the method.
        let heldOut = Int((request.holdout * Double(context.graph.edgeCount)).rounded())
        guard heldOut >= RecommendationEvaluationRequest.minimumHeldOut else {
            throw ApplicationError.invalid("holdout", "\(parameter: "holdout") \(request.holdout) of the \(context.graph.edgeCount) pairs of cities of \(context.datasets.map(\.id).joined(separator: ", ")) holds out \(heldOut) pairs, fewer than \(RecommendationEvaluationRequest.minimumHeldOut): too few to evaluate; hold out a larger share or add datasets")
        }
        let split = LinkPredictionEvaluation.Split(context.graph, holdout: request.holdout, seed: request.seed)
        let figures = LinkPredictionEvaluation.Method.allCases.map { method in
            LinkPredictionEvaluation.evaluate(method, on: split, groups: context.group, groupCount: context.countries.count,
                                              k: request.k, aucSamples: request.aucSamples, seed: request.seed)
        }
        return RecommendationEvaluation(request: request, datasets: context.datasets, nodes: context.graph.nodeCount,
                                        pairs: context.graph.edgeCount, heldOut: split.heldOut.count, figures: figures)
    }
}
