import CityDiplomacyCore

/// A way of dividing relations into categories for counting.
public enum Dimension: Sendable {
    /// The partner state's category in a scheme.
    case category(ClassificationScheme)
    /// The group of the partner state's category (a region's continent, an affiliation's family).
    case group(ClassificationScheme)
    /// The period the signing date falls in, ambiguous dates placed by the rule.
    case period(Periodisation, AmbiguityRule)
    case kind
    case status
    /// The focal city (the one listing the relation, or the one in the focus country).
    case city
    case partnerCity
    /// The partner state, named from the given country names.
    case partnerCountry([CountryCode: LocalizedText])
    /// Each theme of the relation (a relation with several themes counts under each).
    case theme
    case decade

    /// A category of a dimension.
    public struct Key: Hashable, Sendable {
        public var id: String
        public var label: LocalizedText

        public init(id: String, label: LocalizedText) {
            self.id = id
            self.label = label
        }

        public static let unclassified = Key(id: "(unclassified)", label: LocalizedText.message("analysis.unclassified"))
        public static let undated = Key(id: "(undated)", label: LocalizedText.message("analysis.undated"))
        public static let ambiguous = Key(id: "(ambiguous)", label: LocalizedText.message("analysis.ambiguous-date"))
        public static let outsidePeriods = Key(id: "(outside)", label: LocalizedText.message("analysis.outside-the-periods"))
        static let special: [Key] = [.unclassified, .undated, .ambiguous, .outsidePeriods]

        /// Whether the key counts records that fall in none of the dimension's categories
        /// (unclassified, undated, ambiguous, outside the periods): a chart draws them apart.
        public var isResidual: Bool {
            Self.special.contains { $0.id == id }
        }
    }

    /// How the dimension is named for people: a scheme or periodisation by its title.
    public var label: LocalizedText {
        switch self {
        case let .category(scheme): .message("text.quoted", localized: ["text": scheme.title])
        case let .group(scheme): .message("dimension.groups", localized: ["scheme": .message("text.quoted", localized: ["text": scheme.title])])
        case let .period(periodisation, _): .message("text.quoted", localized: ["text": periodisation.title])
        case .kind: .message("dimension.kind")
        case .status: .message("dimension.status")
        case .city: .message("dimension.city")
        case .partnerCity: .message("dimension.partner-city")
        case .partnerCountry: .message("dimension.partner-country")
        case .theme: .message("dimension.theme")
        case .decade: .message("dimension.decade")
        }
    }

    /// How the dimension is named in outputs for programs.
    public var name: String {
        switch self {
        case let .category(scheme): scheme.id
        case let .group(scheme): "\(scheme.id) (groups)"
        case let .period(periodisation, rule): "\(periodisation.id) (\(rule))"
        case .kind: "kind"
        case .status: "status"
        case .city: "city"
        case .partnerCity: "partner city"
        case .partnerCountry: "partner country"
        case .theme: "theme"
        case .decade: "decade"
        }
    }
}

/// Counts along one dimension.
public struct Tally: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var key: Dimension.Key
        public var count: Int
    }

    public var dimension: String
    /// The dimension as people read it.
    public var label: LocalizedText
    public var rows: [Row]
    /// The number of records counted (a record with several themes counts once here).
    public var total: Int

    public func count(of id: String) -> Int {
        rows.first { $0.key.id == id }?.count ?? 0
    }

    /// The share of the total, from 0 to 1.
    public func share(of id: String) -> Double {
        total == 0 ? 0 : Double(count(of: id)) / Double(total)
    }

    /// Rows by count, highest first (ties keep their order): a ranking.
    public var ranked: [Row] {
        rows.enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }.map(\.element)
    }
}

/// Counts along two dimensions.
public struct CrossTabulation: Hashable, Sendable {
    public var rowDimension: String
    public var columnDimension: String
    public var rows: [Dimension.Key]
    public var columns: [Dimension.Key]
    /// Counts by row id, then column id.
    public var cells: [String: [String: Int]]

    public func count(row: String, column: String) -> Int {
        cells[row]?[column] ?? 0
    }
}

extension Dimension.Key {
    /// The key a relation placed as `placement` in `periodisation` is counted under, whether it
    /// is counted from its record or from the dataset's columns.
    static func period(_ placement: PeriodPlacement, in periodisation: Periodisation) -> [Dimension.Key] {
        switch placement {
        case let .placed(id, _):
            let period = periodisation.periods.first { $0.id == id }!
            return [Dimension.Key(id: id, label: period.label)]
        case .ambiguous: return [.ambiguous]
        case .outside: return [.outsidePeriods]
        case .undated: return [.undated]
        }
    }
}
