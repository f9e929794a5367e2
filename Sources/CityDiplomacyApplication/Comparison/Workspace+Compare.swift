import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork

extension Workspace {
    /// The subjects of `request` compared side by side in its datasets (the default dataset when none).
    public func compare(_ request: ComparisonRequest) async throws -> ComparisonResult {
        try request.validate()
        await comparisonGate.enter()
        defer { Task { await comparisonGate.leave() } }
        let ids = try await comparedDatasets(request.datasets)
        let scheme = try classifications.scheme(request.scheme ?? ComparisonRequest.defaultScheme, field: "scheme")
        let snapshot = try await snapshot(ofDatasets: ids)
        var resolved: [ResolvedSubject] = []
        for subject in request.subjects { resolved.append(try await resolve(subject, in: snapshot)) }
        let network = try await cityNetwork(ofDatasets: ids)
        // Subjects sharing a place (Tehran and country:IR) are not independent samples: their
        // profiles are shown side by side but not tested.
        let places = resolved.map { Set($0.cities.compactMap { network.node(ofCityAt: $0) }) }
        var shared: [(Int, Int)] = []
        for i in places.indices { for j in places.indices where i < j && !places[i].isDisjoint(with: places[j]) { shared.append((i, j)) } }
        let relations = resolved.map { subject in
            SubjectRelations(network: network, datasets: subject.datasets) { subject.cities.contains($0) }
        }
        let degrees = DegreeDistribution(network.graph).degrees
        let ranks = Ranking.ranks(of: degrees.map(Double.init))
        let subjects = zip(resolved, relations).map { subject, relations in
            var figures = Self.figures(subject, relations, network: network, degrees: degrees, ranks: ranks)
            figures.byDataset = snapshot.datasets.indices.map { dataset in
                guard subject.datasets.contains(dataset) else { return (0, 0) }
                let alone = SubjectRelations(network: network, datasets: [dataset]) { subject.cities.contains($0) }
                return (alone.relations.count, alone.partnerNodes.count)
            }
            return figures
        }
        let profiles = [
            Self.groupProfile(relations, network: network, scheme: scheme),
            Self.decadeProfile(relations, snapshot: snapshot),
            Self.kindProfile(relations, snapshot: snapshot),
        ].map { profile in
            var profile = profile
            let tested = profile.categories.filter { !$0.untested }
            guard shared.isEmpty else {
                profile.test = ProfileDifference(ContingencyTable([]), draws: 1, seed: request.seed)
                return profile
            }
            profile.test = ProfileDifference(ContingencyTable(resolved.indices.map { row in tested.map { $0.counts[row] } }),
                                             draws: request.draws, seed: request.seed)
            return profile
        }
        var subjectsRanked = subjects
        if request.networkMeasures {
            let measured = try await self.network(NetworkRequest(datasets: ids))
            for index in subjectsRanked.indices {
                guard let id = subjectsRanked[index].centralID, let node = measured.cities.node(ofCity: id) else { continue }
                subjectsRanked[index].centralRanks = [NetworkResult.Measure.betweenness, .eigenvector, .pagerank]
                    .filter(measured.measuresComputed.contains).compactMap { measure in measured.ranks[measure].map { (measure, $0[node]) } }
            }
        }
        var result = ComparisonResult(request: request, datasets: snapshot.datasets, scheme: scheme,
                                      subjects: subjectsRanked, profiles: profiles, networkCities: network.graph.nodeCount)
        result.sharedCities = shared
        result.request.datasets = ids
        return result
    }

    static func figures(_ subject: ResolvedSubject, _ relations: SubjectRelations, network: CityNetworkGraph,
                        degrees: [Int], ranks: [Int]) -> ComparisonResult.Subject {
        let snapshot = network.snapshot
        let partners = relations.partnerNodes
        let central = relations.nodes.max { degrees[$0] != degrees[$1] ? degrees[$0] < degrees[$1] : $0 > $1 }
        return ComparisonResult.Subject(
            subject: subject.subject, label: subject.label,
            datasets: subject.datasets.sorted().map { snapshot.datasetIDs[$0] },
            cities: subject.cities.count, citiesWithRelations: relations.nodes.count,
            relations: relations.relations.count, partnerCities: partners.count,
            partnerStates: relations.partnerCountries(in: network, excluding: subject.countries).count,
            internalRelations: relations.internalRelations, listedTwice: relations.listedTwice, selfPairs: relations.selfPairs,
            undated: relations.relations.filter { snapshot.relationYear[$0.index] == AnalysisSnapshot.undated }.count,
            partnersWithoutIdentity: partners.filter { network.city(at: $0).geonamesID == nil }.count,
            byDataset: [],
            central: central.map { (network.city(at: $0).name, degrees[$0], ranks[$0]) },
            centralID: central.map { network.city(at: $0).id })
    }

    /// The partners by the scheme's groups (its categories where it has none), the unclassified last.
    static func groupProfile(_ subjects: [SubjectRelations], network: CityNetworkGraph, scheme: ClassificationScheme) -> ComparisonResult.Profile {
        let columns: [(id: String, label: LocalizedText)] = scheme.groups.isEmpty
            ? scheme.categories.map { ($0.id, $0.label) } : scheme.groups.map { ($0.id, $0.label) }
        func column(_ code: CountryCode) -> String {
            guard let category = scheme.category(of: code) else { return "unclassified" }
            return scheme.groups.isEmpty ? category.id : (category.groupID ?? "unclassified")
        }
        var categories = (columns + [("unclassified", LocalizedText.message("analysis.unclassified"))]).map {
            ComparisonResult.Category(id: $0.id, label: $0.label, counts: Array(repeating: 0, count: subjects.count), untested: false)
        }
        let index = Dictionary(categories.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for (row, subject) in subjects.enumerated() {
            for relation in subject.externalRelations { categories[index[column(network.country(at: relation.partner))]!].counts[row] += 1 }
        }
        return ComparisonResult.Profile(dimension: "group", title: .message("compare.profile.group", localized: ["scheme": scheme.title]),
                                        categories: categories.filter { $0.counts.contains { $0 > 0 } }, test: placeholder)
    }

    /// The relations by the decade of their signing, the undated apart (and out of the test).
    static func decadeProfile(_ subjects: [SubjectRelations], snapshot: AnalysisSnapshot) -> ComparisonResult.Profile {
        var counts: [Int32: [Int]] = [:]
        for (row, subject) in subjects.enumerated() {
            for relation in subject.externalRelations {
                let year = snapshot.relationYear[relation.index]
                let decade = year == AnalysisSnapshot.undated ? year : year / 10 * 10
                counts[decade, default: Array(repeating: 0, count: subjects.count)][row] += 1
            }
        }
        let categories = counts.keys.sorted { a, b in a == AnalysisSnapshot.undated ? false : b == AnalysisSnapshot.undated ? true : a < b }.map { decade in
            decade == AnalysisSnapshot.undated
                ? ComparisonResult.Category(id: "undated", label: .message("compare.undated"), counts: counts[decade]!, untested: true)
                : ComparisonResult.Category(id: "\(decade)s", label: .message("compare.decade", ["decade": String(decade)]), counts: counts[decade]!, untested: false)
        }
        return ComparisonResult.Profile(dimension: "decade", title: .message("compare.profile.decade"), categories: categories, test: placeholder)
    }

    /// The relations by kind.
    static func kindProfile(_ subjects: [SubjectRelations], snapshot: AnalysisSnapshot) -> ComparisonResult.Profile {
        var counts = [[Int]](repeating: Array(repeating: 0, count: subjects.count), count: snapshot.kinds.count)
        for (row, subject) in subjects.enumerated() {
            for relation in subject.externalRelations { counts[Int(snapshot.relationKind[relation.index])][row] += 1 }
        }
        let categories = snapshot.kinds.indices.filter { counts[$0].contains { $0 > 0 } }.map { kind in
            ComparisonResult.Category(id: snapshot.kinds[kind].rawValue, label: snapshot.kinds[kind].label, counts: counts[kind], untested: false)
        }
        return ComparisonResult.Profile(dimension: "kind", title: .message("compare.profile.kind"), categories: categories, test: placeholder)
    }

    private static var placeholder: ProfileDifference { ProfileDifference(ContingencyTable([]), draws: 1, seed: 0) }
}
