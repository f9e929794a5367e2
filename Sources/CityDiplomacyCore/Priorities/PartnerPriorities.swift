/// A body's declared priorities among partner countries — a ministry's "neighbours first, then the
/// Islamic world, then the East" — as groups of countries with weights: what `citydip alignment`
/// measures a city's partners against and what `citydip recommend` favours.
///
/// Read from a priorities file (`citydiplomacy-priorities/1`, see `Docs/priorities.md`) by
/// `PrioritiesFile`, which resolves each group's scheme groups, categories and tags to countries.
/// Groups may overlap (a neighbour can be in the Islamic world too): a country's weight is the
/// greatest weight of the groups it is in, and it counts for that group.
///
/// ```swift
/// let priorities = try PrioritiesFile.load(contentsOf: url, schemes: catalogue.schemes, countries: directory)
/// priorities.weight(of: CountryCode(unchecked: "TR"))    // 3: Turkey is a neighbour
/// priorities.group(of: CountryCode(unchecked: "CN"))?.id   // "east"
/// ```
public struct PartnerPriorities: Hashable, Sendable {
    /// One prioritised group of countries.
    public struct Group: Hashable, Sendable {
        public var id: String
        public var label: LocalizedText
        /// How much a partner in this group counts, relative to the other groups (positive).
        public var weight: Double
        /// The countries in the group, resolved from its scheme and its explicit countries.
        public var countries: Set<CountryCode>

        public init(id: String, label: LocalizedText, weight: Double, countries: Set<CountryCode>) {
            self.id = id
            self.label = label
            self.weight = weight
            self.countries = countries
        }
    }

    public var id: String
    public var title: LocalizedText
    /// The groups, in the file's order.
    public var groups: [Group]
    /// The name of the file the priorities were read from, as outputs cite it.
    public var fileName: String
    /// Where the priorities come from, as the file's `source` says; outputs cite it.
    public var source: LocalizedText?

    public init(id: String, title: LocalizedText, groups: [Group], fileName: String, source: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.groups = groups
        self.fileName = fileName
        self.source = source
    }

    /// The greatest weight among the groups.
    public var maximumWeight: Double { groups.map(\.weight).max() ?? 0 }

    /// The group `country` counts for: of those it is in, the one of greatest weight (the first
    /// in the file's order among equals); `nil` where no group holds it.
    public func group(of country: CountryCode) -> Group? {
        var best: Group?
        for group in groups where group.countries.contains(country) {
            if best == nil || group.weight > best!.weight { best = group }
        }
        return best
    }

    /// The weight a partner in `country` counts with: its group's, or 0.
    public func weight(of country: CountryCode) -> Double { group(of: country)?.weight ?? 0 }
}
