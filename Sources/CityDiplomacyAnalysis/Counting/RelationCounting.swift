import CityDiplomacyCore

/// What counts of relations, the count commands and the study's Tables 2–3 ask of a dataset,
/// answered either from its records (``RelationAnalysis``) or from its columns (``ColumnAnalysis``)
/// with exactly the same results: the tables are written once, against this.
///
/// ```swift
/// let counting: any RelationCounting = ColumnAnalysis(columns: columns)
/// counting.tally(by: .kind, includeEmpty: false).total
/// ```
public protocol RelationCounting: Sendable {
    /// Relations counted along one dimension (see ``RelationAnalysis/tally(by:includeEmpty:)``).
    func tally(by dimension: Dimension, includeEmpty: Bool) -> Tally
    /// Relations counted along two dimensions at once.
    func crossTabulation(rows: Dimension, columns: Dimension) -> CrossTabulation
    /// How many relations a key of a dimension holds, and their partner states in order of first
    /// appearance (dataset order).
    func partnerStates(in keyID: String, by dimension: Dimension) -> (relations: Int, states: [CountryCode])
    /// The dated relations whose date alone cannot place them in `periodisation`, in dataset order.
    func ambiguousPlacements(in periodisation: Periodisation) -> [AmbiguousPlacement]
}

/// A relation whose signing date straddles periods: its ends, its date, the periods it could
/// fall in and the period its record places it in, if any.
public struct AmbiguousPlacement: Hashable, Sendable {
    public var cityID: String
    public var partnerID: String
    /// The ends' names (their ids where a city is not known).
    public var cityName: LocalizedText
    public var partnerName: LocalizedText
    public var signed: PartialDate
    /// The candidate periods' ids, in the periodisation's order.
    public var candidates: [String]
    /// The period the record places the relation in for this periodisation, if any.
    public var recorded: String?

    public init(cityID: String, partnerID: String, cityName: LocalizedText, partnerName: LocalizedText, signed: PartialDate,
                candidates: [String], recorded: String?) {
        self.cityID = cityID
        self.partnerID = partnerID
        self.cityName = cityName
        self.partnerName = partnerName
        self.signed = signed
        self.candidates = candidates
        self.recorded = recorded
    }
}

extension Dimension {
    /// The order in which a dimension's categories are listed, before any unlisted ones.
    var declaredOrder: [String] {
        switch self {
        case let .category(scheme): return scheme.categories.map(\.id)
        case let .group(scheme): return scheme.groups.map(\.id) + scheme.categories.filter { $0.groupID == nil }.map(\.id)
        case let .period(periodisation, _): return periodisation.periods.map(\.id)
        case .kind: return RelationKind.knownTerms.map(\.term.rawValue)
        case .status: return RelationStatus.knownTerms.map(\.term.rawValue)
        case .theme: return Theme.knownTerms.map(\.term.rawValue)
        case .city, .partnerCity, .partnerCountry, .decade: return []
        }
    }

    /// How a declared category of the dimension is named when no relation falls in it.
    func label(ofDeclared id: String) -> LocalizedText {
        switch self {
        case let .category(scheme): return scheme.category(id: id)?.label ?? LocalizedText(en: id)
        case let .group(scheme): return scheme.group(id: id)?.label ?? scheme.category(id: id)?.label ?? LocalizedText(en: id)
        case let .period(periodisation, _): return periodisation.periods.first { $0.id == id }?.label ?? LocalizedText(en: id)
        case .kind: return RelationKind(unchecked: id).label
        case .status: return RelationStatus(unchecked: id).label
        case .theme: return Theme(unchecked: id).label
        default: return LocalizedText(en: id)
        }
    }

    /// A tally of counted keys along the dimension, in its order: declared categories first in
    /// their order, then the others by count (highest first), English label and id; the special
    /// categories (unclassified, undated, …) last, by id. With `includeEmpty`, declared categories
    /// no relation falls in are listed with 0.
    func tally(keys: [Key], counts: [Int], total: Int, includeEmpty: Bool) -> Tally {
        var keys = keys, counts = counts
        let declared = declaredOrder
        if includeEmpty {
            let present = Set(keys.map(\.id))
            for id in declared where !present.contains(id) {
                keys.append(Key(id: id, label: label(ofDeclared: id)))
                counts.append(0)
            }
        }
        let special = Set(Key.special.map(\.id))
        var declaredIndex: [String: Int] = [:]
        for (index, id) in declared.enumerated() where declaredIndex[id] == nil { declaredIndex[id] = index }
        let isSpecial = keys.map { special.contains($0.id) }
        let rank = keys.map { declaredIndex[$0.id] }
        let order = keys.indices.sorted { lhs, rhs in
            switch (isSpecial[lhs], isSpecial[rhs]) {
            case (false, true): return true
            case (true, false): return false
            case (true, true): return keys[lhs].id < keys[rhs].id
            case (false, false): break
            }
            switch (rank[lhs], rank[rhs]) {
            case let (l?, r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil):
                if counts[lhs] != counts[rhs] { return counts[lhs] > counts[rhs] }
                // The id last: two partner cities of the same name and count keep one order.
                if keys[lhs].label.en != keys[rhs].label.en { return keys[lhs].label.en < keys[rhs].label.en }
                return keys[lhs].id < keys[rhs].id
            }
        }
        return Tally(dimension: name, label: label, rows: order.map { Tally.Row(key: keys[$0], count: counts[$0]) }, total: total)
    }
}
