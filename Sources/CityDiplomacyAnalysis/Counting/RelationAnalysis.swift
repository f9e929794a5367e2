import CityDiplomacyCore

/// Counts, shares, cross-tabulations and rankings of a dataset's relations, memberships and events.
///
/// Nothing in the engine is specific to a country: a relation's *partner* is the end opposite the
/// city that lists it, or — with ``Focus/country(_:)`` — the end outside a chosen country, so the
/// same calls serve the study's Iranian cities and any other country's. Categories come from
/// ``ClassificationScheme``s and ``Periodisation``s passed in; a partner state a scheme does not
/// classify is counted as *unclassified*, an undated record as *undated* — never dropped.
///
/// ```swift
/// let analysis = RelationAnalysis(content: study)
/// let byRegion = analysis.tally(by: .category(regions))        // 7 regions, 70 relations
/// let table = analysis.crossTabulation(rows: .category(regions), columns: .period(discourses, .standard))
/// ```
public struct RelationAnalysis: RelationCounting {
    /// Which end of a relation is the partner.
    public enum Focus: Hashable, Sendable {
        /// The end opposite the city that lists the relation (the study's reading of Table 1).
        case listingCity
        /// The end outside this country; a domestic relation's partner is the second city.
        case country(CountryCode)
    }

    public let content: DatasetContent
    public let focus: Focus
    private let cities: [String: City]

    public init(content: DatasetContent, focus: Focus = .listingCity) {
        self.content = content
        self.focus = focus
        self.cities = content.citiesByID
    }

    /// The relations the analysis counts: all of them, or with a country focus those touching it.
    public var relations: [BilateralRelation] {
        switch focus {
        case .listingCity:
            return content.relations
        case let .country(code):
            return content.relations.filter { cities[$0.cityID]?.country == code || cities[$0.partnerID]?.country == code }
        }
    }

    /// The focal city of a relation (the lister, or the end in the focus country).
    public func homeCity(of relation: BilateralRelation) -> City? {
        switch focus {
        case .listingCity:
            return cities[relation.cityID]
        case let .country(code):
            return cities[relation.cityID]?.country == code ? cities[relation.cityID] : cities[relation.partnerID]
        }
    }

    /// The partner city of a relation under the focus.
    public func partnerCity(of relation: BilateralRelation) -> City? {
        guard let home = homeCity(of: relation) else { return cities[relation.partnerID] }
        return cities[relation.partner(of: home.id)]
    }

    public func city(_ id: String) -> City? { cities[id] }

    // MARK: Keys

    /// The categories a relation falls in along a dimension (one, or several for themes).
    public func keys(of relation: BilateralRelation, by dimension: Dimension) -> [Dimension.Key] {
        let partner = partnerCity(of: relation)
        switch dimension {
        case let .category(scheme):
            guard let country = partner?.country, let category = scheme.category(of: country) else {
                return [.unclassified]
            }
            return [Dimension.Key(id: category.id, label: category.label)]
        case let .group(scheme):
            guard let country = partner?.country, let category = scheme.category(of: country) else { return [.unclassified] }
            guard let groupID = category.groupID, let group = scheme.group(id: groupID) else {
                return [Dimension.Key(id: category.id, label: category.label)]
            }
            return [Dimension.Key(id: group.id, label: group.label)]
        case let .period(periodisation, rule):
            return Dimension.Key.period(periodisation.place(relation.signed, rule: rule, recorded: relation.periodPlacements[periodisation.id]), in: periodisation)
        case .kind:
            return [Dimension.Key(id: relation.kind.rawValue, label: relation.kind.label)]
        case .status:
            return [Dimension.Key(id: relation.status.rawValue, label: relation.status.label)]
        case .city:
            guard let home = homeCity(of: relation) else { return [.unclassified] }
            return [Dimension.Key(id: home.id, label: home.name)]
        case .partnerCity:
            guard let partner else { return [.unclassified] }
            return [Dimension.Key(id: partner.id, label: partner.name)]
        case let .partnerCountry(names):
            guard let partner else { return [.unclassified] }
            return [Dimension.Key(id: partner.country.rawValue, label: names[partner.country] ?? LocalizedText(en: partner.country.rawValue))]
        case .theme:
            guard !relation.themes.isEmpty else { return [Dimension.Key(id: "none", label: LocalizedText.message("analysis.no-theme-recorded"))] }
            return relation.themes.map { Dimension.Key(id: $0.rawValue, label: $0.label) }
        case .decade:
            guard let year = relation.signed?.gregorianYears.lowerBound else { return [.undated] }
            let decade = year / 10 * 10
            return [Dimension.Key(id: String(decade), label: .message("analysis.decade", ["decade": String(decade)]))]
        }
    }

    // MARK: Counting

    /// Relations counted along one dimension, in the dimension's order (or by count, then name,
    /// where it has none); the special categories (unclassified, undated, …) come last.
    public func tally(by dimension: Dimension, includeEmpty: Bool = false) -> Tally {
        var ordinal: [String: Int] = [:]
        var found: [Dimension.Key] = []
        var counts: [Int] = []
        let relations = self.relations
        for relation in relations {
            for key in keys(of: relation, by: dimension) {
                if let known = ordinal[key.id] {
                    counts[known] += 1
                    found[known].label = key.label
                } else {
                    ordinal[key.id] = found.count
                    found.append(key)
                    counts.append(1)
                }
            }
        }
        return dimension.tally(keys: found, counts: counts, total: relations.count, includeEmpty: includeEmpty)
    }

    /// Relations counted along two dimensions at once.
    public func crossTabulation(rows: Dimension, columns: Dimension) -> CrossTabulation {
        let rowOrder = tally(by: rows).rows.map(\.key)
        let columnOrder = tally(by: columns).rows.map(\.key)
        var cells: [String: [String: Int]] = [:]
        for relation in relations {
            for row in keys(of: relation, by: rows) {
                for column in keys(of: relation, by: columns) {
                    cells[row.id, default: [:]][column.id, default: 0] += 1
                }
            }
        }
        return CrossTabulation(rowDimension: rows.name, columnDimension: columns.name, rows: rowOrder, columns: columnOrder, cells: cells)
    }

    /// The relations a key of a dimension holds, in dataset order: the records behind a count.
    public func relations(in keyID: String, by dimension: Dimension) -> [BilateralRelation] {
        relations.filter { relation in keys(of: relation, by: dimension).contains { $0.id == keyID } }
    }

    /// Relations whose partner state carries any of `tags` in `scheme`.
    public func relations(taggedAnyOf tags: Set<String>, in scheme: ClassificationScheme) -> [BilateralRelation] {
        relations.filter { relation in
            guard let country = partnerCity(of: relation)?.country, let category = scheme.category(of: country) else { return false }
            return !category.tags.isDisjoint(with: tags)
        }
    }

    public func partnerStates(in keyID: String, by dimension: Dimension) -> (relations: Int, states: [CountryCode]) {
        var count = 0
        var states: [CountryCode] = []
        for relation in relations where keys(of: relation, by: dimension).contains(where: { $0.id == keyID }) {
            count += 1
            if let country = partnerCity(of: relation)?.country, !states.contains(country) { states.append(country) }
        }
        return (count, states)
    }

    public func ambiguousPlacements(in periodisation: Periodisation) -> [AmbiguousPlacement] {
        ambiguousRecords(in: periodisation).map { relation, candidates in
            AmbiguousPlacement(cityID: relation.cityID, partnerID: relation.partnerID,
                               cityName: cities[relation.cityID]?.name ?? LocalizedText(en: relation.cityID),
                               partnerName: cities[relation.partnerID]?.name ?? LocalizedText(en: relation.partnerID),
                               signed: relation.signed!, candidates: candidates, recorded: relation.periodPlacements[periodisation.id])
        }
    }

    /// The dated records whose year alone cannot place them in the periodisation, with their candidates.
    public func ambiguousRecords(in periodisation: Periodisation) -> [(relation: BilateralRelation, candidates: [String])] {
        relations.compactMap { relation in
            guard case let .ambiguous(candidates) = periodisation.place(relation.signed, rule: .exclude) else { return nil }
            return (relation, candidates)
        }
    }

    // MARK: Memberships and events

    /// Memberships counted by network, in the dataset's network order.
    public func membershipsByNetwork() -> Tally {
        let rows = content.networks.map { network in
            Tally.Row(key: Dimension.Key(id: network.id, label: network.name),
                      count: content.memberships.filter { $0.networkID == network.id }.count)
        }
        return Tally(dimension: "network", label: .message("dimension.network"), rows: rows, total: content.memberships.count)
    }

    /// Memberships counted by city, most first.
    public func membershipsByCity() -> Tally {
        var counts: [String: Int] = [:]
        for membership in content.memberships { counts[membership.cityID, default: 0] += 1 }
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { Tally.Row(key: Dimension.Key(id: $0.key, label: cities[$0.key]?.name ?? LocalizedText(en: $0.key)), count: $0.value) }
        return Tally(dimension: "city", label: .message("dimension.city"), rows: rows, total: content.memberships.count)
    }

    /// Events counted by kind.
    public func eventsByKind() -> Tally {
        var counts: [EventKind: Int] = [:]
        for event in content.events { counts[event.kind, default: 0] += 1 }
        let rows = counts.keys.sorted().map { Tally.Row(key: Dimension.Key(id: $0.rawValue, label: $0.label), count: counts[$0]!) }
        return Tally(dimension: "event kind", label: .message("dimension.event-kind"), rows: rows, total: content.events.count)
    }
}
