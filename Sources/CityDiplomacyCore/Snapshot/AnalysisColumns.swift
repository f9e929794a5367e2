/// The columns of one dataset that an ``AnalysisSnapshot`` and the counting of relations read:
/// its cities as records, and of each relation its two ends, kind, status, signing date, the
/// periods its record places it in, and its themes — each an index into a short list of the
/// distinct values the dataset holds.
///
/// A registry reads these with a few narrow queries (``CityDiplomacyRegistry/analysisColumns(ofDataset:)``)
/// rather than the dataset's whole records: a relation's sources, notes, flags and rows of import
/// are what made a million relations cost 29 s and 1.85 GB to read, and no total, count, study
/// table of counts or network measure looks at them.
///
/// ```swift
/// let columns = AnalysisColumns(content: study)      // or from the registry
/// columns.cities[Int(columns.relationCity[0])].name.en  // "Tehran"
/// columns.kinds[Int(columns.relationKind[0])]           // .sisterCity
/// columns.signed(at: 0)                                  // the signing date, or nil
/// ```
public struct AnalysisColumns: Sendable {
    public var dataset: Dataset
    /// The dataset's cities, in dataset order.
    public var cities: [City]
    /// The city that lists each relation and its partner: positions in ``cities``.
    public var relationCity: [Int32]
    public var relationPartner: [Int32]
    /// Index into ``kinds``.
    public var relationKind: [Int32]
    public var kinds: [RelationKind]
    /// The first Gregorian year the signing date may fall in; ``AnalysisSnapshot/undated`` where unknown.
    public var relationYear: [Int32]
    /// Index into ``statuses``.
    public var relationStatus: [Int32]
    public var statuses: [RelationStatus]
    /// Index into ``signedDates``; -1 where the relation is undated.
    public var relationSigned: [Int32]
    /// The distinct signing dates, in order of first appearance.
    public var signedDates: [PartialDate]
    /// Index into ``placementSets``; -1 where the record places the relation in no period.
    public var relationPlacements: [Int32]
    /// The distinct placements records hold (periodisation id to period id), as
    /// ``BilateralRelation/periodPlacements``; none of them empty.
    public var placementSets: [[String: String]]
    /// Index into ``themeSets``; -1 where the relation has no theme.
    public var relationThemes: [Int32]
    /// The distinct lists of themes, each in the relation's order; none of them empty.
    public var themeSets: [[Theme]]

    /// Columns of equal length; the indices point into the lists given with them.
    public init(dataset: Dataset, cities: [City], relationCity: [Int32], relationPartner: [Int32],
                relationKind: [Int32], kinds: [RelationKind], relationYear: [Int32],
                relationStatus: [Int32], statuses: [RelationStatus], relationSigned: [Int32], signedDates: [PartialDate],
                relationPlacements: [Int32], placementSets: [[String: String]], relationThemes: [Int32], themeSets: [[Theme]]) {
        let count = relationCity.count
        precondition(relationPartner.count == count && relationKind.count == count && relationYear.count == count
                     && relationStatus.count == count && relationSigned.count == count && relationPlacements.count == count
                     && relationThemes.count == count, "the relation columns differ in length")
        self.dataset = dataset
        self.cities = cities
        self.relationCity = relationCity
        self.relationPartner = relationPartner
        self.relationKind = relationKind
        self.kinds = kinds
        self.relationYear = relationYear
        self.relationStatus = relationStatus
        self.statuses = statuses
        self.relationSigned = relationSigned
        self.signedDates = signedDates
        self.relationPlacements = relationPlacements
        self.placementSets = placementSets
        self.relationThemes = relationThemes
        self.themeSets = themeSets
    }

    /// The columns of records already read. A relation whose ends are not cities of the dataset
    /// (which a stored dataset cannot have: the registry's foreign keys) is left out, as a
    /// registry's reading leaves it out.
    public init(content: DatasetContent) {
        var position: [String: Int32] = [:]
        position.reserveCapacity(content.cities.count)
        for (index, city) in content.cities.enumerated() where position[city.id] == nil { position[city.id] = Int32(index) }
        let count = content.relations.count
        var relationCity: [Int32] = [], relationPartner: [Int32] = [], relationYear: [Int32] = []
        relationCity.reserveCapacity(count)
        relationPartner.reserveCapacity(count)
        relationYear.reserveCapacity(count)
        var kinds = Interned<RelationKind>(), statuses = Interned<RelationStatus>(), dates = Interned<PartialDate>()
        var placements = Interned<[String: String]>(), themes = Interned<[Theme]>()
        for relation in content.relations {
            guard let city = position[relation.cityID], let partner = position[relation.partnerID] else { continue }
            relationCity.append(city)
            relationPartner.append(partner)
            kinds.append(relation.kind)
            statuses.append(relation.status)
            relationYear.append(relation.signed.map { Int32($0.gregorianYears.lowerBound) } ?? AnalysisSnapshot.undated)
            dates.append(relation.signed)
            placements.append(relation.periodPlacements.isEmpty ? nil : relation.periodPlacements)
            themes.append(relation.themes.isEmpty ? nil : relation.themes)
        }
        self.init(dataset: content.dataset, cities: content.cities, relationCity: relationCity, relationPartner: relationPartner,
                  relationKind: kinds.indices, kinds: kinds.values, relationYear: relationYear,
                  relationStatus: statuses.indices, statuses: statuses.values, relationSigned: dates.indices, signedDates: dates.values,
                  relationPlacements: placements.indices, placementSets: placements.values,
                  relationThemes: themes.indices, themeSets: themes.values)
    }

    public var relationCount: Int { relationCity.count }

    /// The signing date of the relation at `index`, if it has one.
    public func signed(at index: Int) -> PartialDate? {
        let date = relationSigned[index]
        return date < 0 ? nil : signedDates[Int(date)]
    }

    /// The periods the record of the relation at `index` places it in (empty where none).
    public func periodPlacements(at index: Int) -> [String: String] {
        let placements = relationPlacements[index]
        return placements < 0 ? [:] : placementSets[Int(placements)]
    }

    /// The themes of the relation at `index`, in its order.
    public func themes(at index: Int) -> [Theme] {
        let themes = relationThemes[index]
        return themes < 0 ? [] : themeSets[Int(themes)]
    }
}

/// A column of values kept as indices into the distinct values, in order of first appearance;
/// `nil` is kept as -1.
private struct Interned<Value: Hashable> {
    var values: [Value] = []
    var indices: [Int32] = []
    private var index: [Value: Int32] = [:]

    mutating func append(_ value: Value?) {
        guard let value else { indices.append(-1); return }
        if let known = index[value] { indices.append(known); return }
        let new = Int32(values.count)
        index[value] = new
        values.append(value)
        indices.append(new)
    }
}
