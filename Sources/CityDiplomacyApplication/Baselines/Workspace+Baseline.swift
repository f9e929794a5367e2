import CityDiplomacyAnalysis
import CityDiplomacyCore

/// A focus's share of relations with a group against the share the reference dataset's world
/// would give it, with what was left out of the share and why.
public struct BaselineResult: Sendable {
    public var request: BaselineRequest
    public var focusLabel: LocalizedText
    public var scheme: ClassificationScheme
    public var groupLabel: LocalizedText
    /// The focus's dataset and the reference.
    public var dataset: Dataset
    public var reference: Dataset
    public var baseline: PartnerBaseline
    /// The focus's relations with a partner in its own countries, left out of the share.
    public var domesticLeftOut: Int
    /// The focus's relations with a partner in a country the scheme does not classify, left out
    /// of the observed share, as such countries are left out of the expected one.
    public var unclassifiedPartners: Int
    /// The share (0–1) of the reference world's weight (the ends of its relations between two
    /// countries) in countries the scheme does not classify, left out of the expected share.
    public var unclassifiedReferenceShare: Double = 0
    /// The reference relations the world is read from (the focus's countries' and domestic pairs left out).
    public var referenceRelations: Int
    /// How many countries the group holds in the scheme.
    public var groupCountries: Int
}

extension Workspace {
    /// The baseline of `request`: the focus's observed share in the group and the share expected
    /// under the world or the rewiring model of the reference dataset.
    public func baseline(_ request: BaselineRequest) async throws -> BaselineResult {
        try request.validate()
        await comparisonGate.enter()
        defer { Task { await comparisonGate.leave() } }
        guard let datasetID = try await (request.focus.dataset ?? request.dataset).asyncOr({ try await defaultDatasetID() }) else {
            throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)")
        }
        // The request's own values first, so that a bad group is named before a missing reference.
        let scheme = try classifications.scheme(request.scheme, field: "scheme")
        let (groupLabel, groupCountries) = try Self.group(request.group, of: scheme)
        let dataset = try await requireDataset(datasetID)
        let referenceID = try await referenceDataset(request.against, besides: datasetID)
        let reference = try await requireDataset(referenceID, field: "against")
        let ids = datasetID == referenceID ? [datasetID] : [datasetID, referenceID]
        let snapshot = try await snapshot(ofDatasets: ids)
        var focusSubject = request.focus
        focusSubject.dataset = datasetID
        let focus = try await resolve(focusSubject, in: snapshot, field: "focus")
        let countryOf = { (city: Int) in snapshot.countryCodes[Int(snapshot.cityCountry[city])] }
        let referenceIndex = ids.firstIndex(of: referenceID)!
        // The focus's relations, in its dataset.
        var focusEdges: [(Int32, Int32)] = []
        var domestic = 0, unclassified = 0
        for index in 0..<snapshot.relationCount where Int(snapshot.relationDataset[index]) == 0 {
            let a = Int(snapshot.relationCity[index]), b = Int(snapshot.relationPartner[index])
            guard a != b, focus.cities.contains(a) || focus.cities.contains(b) else { continue }
            focusEdges.append((Int32(a), Int32(b)))
            let partner = focus.cities.contains(a) && !focus.cities.contains(b) ? b : focus.cities.contains(b) && !focus.cities.contains(a) ? a : -1
            if partner < 0 || focus.countries.contains(countryOf(partner)) { domestic += 1 } else if scheme.category(of: countryOf(partner)) == nil { unclassified += 1 }
        }
        // The rest of the world: the reference's relations between two other countries.
        var worldEdges: [(Int32, Int32)] = []
        for index in 0..<snapshot.relationCount where Int(snapshot.relationDataset[index]) == referenceIndex {
            let a = Int(snapshot.relationCity[index]), b = Int(snapshot.relationPartner[index])
            let ca = countryOf(a), cb = countryOf(b)
            guard a != b, !focus.countries.contains(ca), !focus.countries.contains(cb) else { continue }
            worldEdges.append((Int32(a), Int32(b)))
        }
        let isFocus = (0..<snapshot.cityCount).map { focus.cities.contains($0) }
        // Observed and expected shares have one denominator: partners in countries the scheme
        // classifies (any category), other than the focus's own. A partner in an unclassified
        // country is left out of both, never counted as outside the group on one side only.
        let classified = (0..<snapshot.cityCount).map { scheme.category(of: countryOf($0)) != nil }
        let eligible = (0..<snapshot.cityCount).map { !focus.countries.contains(countryOf($0)) && classified[$0] }
        let inGroup = (0..<snapshot.cityCount).map { groupCountries.contains(countryOf($0)) }
        let baseline: PartnerBaseline
        let international = worldEdges.filter { countryOf(Int($0.0)) != countryOf(Int($0.1)) }
        let ends = international.flatMap { [Int($0.0), Int($0.1)] }
        let unclassifiedReferenceShare = ends.isEmpty ? 0 : Double(ends.filter { !classified[$0] }.count) / Double(ends.count)
        switch request.model.model {
        case .world:
            var observed = (inGroup: 0, total: 0)
            for (a, b) in focusEdges {
                let partner = isFocus[Int(a)] && !isFocus[Int(b)] ? Int(b) : isFocus[Int(b)] && !isFocus[Int(a)] ? Int(a) : -1
                guard partner >= 0, eligible[partner] else { continue }
                observed.total += 1
                if inGroup[partner] { observed.inGroup += 1 }
            }
            var weights: [CountryCode: Double] = [:]
            for (a, b) in international {
                for end in [Int(a), Int(b)] where classified[end] { weights[countryOf(end), default: 0] += 1 }
            }
            let countries = weights.keys.sorted { $0.rawValue < $1.rawValue }
            baseline = .world(observed: observed, weights: countries.map { weights[$0]! }, inGroup: countries.map { groupCountries.contains($0) },
                              draws: request.draws, seed: request.seed)
        case .rewire:
            baseline = .rewired(edges: focusEdges + worldEdges, focus: isFocus, eligible: eligible, inGroup: inGroup,
                                draws: request.draws, seed: request.seed)
        }
        var result = BaselineResult(request: request, focusLabel: focus.label, scheme: scheme, groupLabel: groupLabel, dataset: dataset,
                                    reference: reference, baseline: baseline, domesticLeftOut: domestic, unclassifiedPartners: unclassified,
                                    referenceRelations: request.model == .world ? international.count : worldEdges.count,
                                    groupCountries: groupCountries.count)
        result.unclassifiedReferenceShare = unclassifiedReferenceShare
        result.request.dataset = datasetID
        result.request.against = referenceID
        return result
    }

    /// The reference dataset: `id`, or the imported dataset (read from a file, as Wikipedia's
    /// list is) with most relations other than `focus`; an error saying a baseline needs one
    /// where there is none.
    func referenceDataset(_ id: String?, besides focus: String) async throws -> String {
        if let id { return id }
        guard let found = try await defaultReferenceDataset(besides: focus) else {
            throw ApplicationError.notFound("against", "a baseline needs a reference dataset besides \(focus), whose relations stand for how the world pairs (import one, e.g. Wikipedia's twin-cities list with citydip import, and name it with \(parameter: "against"))")
        }
        return found
    }

    /// The imported dataset with most relations other than `focus`, if there is one.
    public func defaultReferenceDataset(besides focus: String) async throws -> String? {
        let statistics = try await registry.datasetsWithoutImportReports().filter { $0.id != focus && $0.sourceFile != nil }
        var best: (id: String, relations: Int)?
        for dataset in statistics {
            let relations = try await snapshot(ofDatasets: [dataset.id]).relationCount
            if best == nil || relations > best!.relations { best = (dataset.id, relations) }
        }
        return best?.id
    }

    /// A group of `scheme` (or a category, for a scheme without groups): its label and countries;
    /// a group the scheme lacks is not found, as an unknown scheme is.
    static func group(_ id: String, of scheme: ClassificationScheme) throws(ApplicationError) -> (LocalizedText, Set<CountryCode>) {
        if let group = scheme.group(id: id) {
            return (group.label, Set(scheme.assignments.filter { scheme.category(id: $0.categoryID)?.groupID == id }.map(\.country)))
        }
        if let category = scheme.category(id: id) { return (category.label, Set(scheme.countries(in: id))) }
        throw .notFound("group", "unknown group '\(id)' of scheme \(scheme.id): expected \((scheme.groups.map(\.id) + scheme.categories.map(\.id)).orList())")
    }
}

extension Optional {
    /// The value, or the one `fallback` finds.
    func asyncOr(_ fallback: () async throws -> Wrapped?) async rethrows -> Wrapped? {
        if let self { return self }
        return try await fallback()
    }
}
