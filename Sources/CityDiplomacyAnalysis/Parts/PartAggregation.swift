import CityDiplomacyCore

/// What counting parts with their cities changed (``DatasetContent/aggregatingParts(keepingWhole:)``):
/// which parts were folded into which cities, which relations merged into another and which were
/// left out as internal to one city — so that every output aggregating parts can say so.
///
/// ```swift
/// let (content, summary) = berlin.aggregatingParts()
/// summary.partsFolded                // 2: Mitte and Pankow…
/// summary.citiesWithParts            // …into 1 city, Berlin
/// summary.relationsMerged            // 1: Mitte–Paris merged into Berlin–Paris
/// summary.internalRelationsLeftOut   // 1: Mitte–Berlin
/// ```
public struct PartAggregation: Hashable, Sendable {
    /// The city each folded part is counted with, by the part's id.
    public var wholeOfPart: [String: String]
    /// Relations that became the same pair and kind as an earlier one, by id, with the id of the
    /// relation they were merged into.
    public var mergedRelations: [String: String]
    /// Relations between a part and its city (or two parts of one city), left out, by id, with
    /// the city they are internal to.
    public var internalRelations: [String: String]
    /// Memberships of a part in a network its city (or another of its parts) is a member of too,
    /// by id, with the id of the membership they were merged into.
    public var mergedMemberships: [String: String]
    /// Cities whose `part of` names no city of their dataset: counted as themselves.
    public var danglingLinks: [String]
    /// Cities whose `part of` links go round in a cycle: counted as themselves.
    public var cyclicLinks: [String]

    public init(
        wholeOfPart: [String: String] = [:], mergedRelations: [String: String] = [:], internalRelations: [String: String] = [:],
        mergedMemberships: [String: String] = [:], danglingLinks: [String] = [], cyclicLinks: [String] = []
    ) {
        self.wholeOfPart = wholeOfPart
        self.mergedRelations = mergedRelations
        self.internalRelations = internalRelations
        self.mergedMemberships = mergedMemberships
        self.danglingLinks = danglingLinks
        self.cyclicLinks = cyclicLinks
    }

    /// How many parts were counted with another city.
    public var partsFolded: Int { wholeOfPart.count }
    /// How many cities had parts counted with them.
    public var citiesWithParts: Int { Set(wholeOfPart.values).count }
    public var relationsMerged: Int { mergedRelations.count }
    public var internalRelationsLeftOut: Int { internalRelations.count }
    /// Links not followed, dangling or cyclic, in the order found.
    public var ignoredLinks: [String] { danglingLinks + cyclicLinks }

    /// The summaries of two datasets together (ids are unique across datasets, so nothing collides).
    public mutating func add(_ other: PartAggregation) {
        wholeOfPart.merge(other.wholeOfPart) { first, _ in first }
        mergedRelations.merge(other.mergedRelations) { first, _ in first }
        internalRelations.merge(other.internalRelations) { first, _ in first }
        mergedMemberships.merge(other.mergedMemberships) { first, _ in first }
        danglingLinks += other.danglingLinks
        cyclicLinks += other.cyclicLinks
    }

    /// What the aggregation changed for one city: its parts, the merges among the relations and
    /// memberships it keeps (`relationIDs`, `membershipIDs`: its own after aggregation), the
    /// relations internal to it, and the ignored links of it and its parts.
    public func restricted(toCity cityID: String, relationIDs: Set<String>, membershipIDs: Set<String> = []) -> PartAggregation {
        let parts = wholeOfPart.filter { $0.value == cityID }
        let family = Set(parts.keys).union([cityID])
        return PartAggregation(
            wholeOfPart: parts,
            mergedRelations: mergedRelations.filter { relationIDs.contains($0.value) },
            internalRelations: internalRelations.filter { $0.value == cityID },
            mergedMemberships: mergedMemberships.filter { membershipIDs.contains($0.value) },
            danglingLinks: danglingLinks.filter(family.contains),
            cyclicLinks: cyclicLinks.filter(family.contains))
    }
}
