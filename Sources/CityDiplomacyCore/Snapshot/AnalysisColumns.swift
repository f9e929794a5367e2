/// The columns of one dataset that an ``AnalysisSnapshot`` reads: its cities as records, and of
/// each relation only its two ends, its kind and its first possible year of signing.
///
/// A registry reads these with a few narrow queries (``CityDiplomacyRegistry/analysisColumns(ofDataset:)``)
/// rather than the dataset's whole records: a relation's sources, themes, notes, flags and rows
/// of import are what made a million relations cost 29 s and 1.85 GB to read, and no total,
/// count of partners or network measure looks at them.
///
/// ```swift
/// let columns = AnalysisColumns(content: study)      // or from the registry
/// columns.cities[Int(columns.relationCity[0])].name.en  // "Tehran"
/// columns.kinds[Int(columns.relationKind[0])]           // .sisterCity
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

    public init(dataset: Dataset, cities: [City], relationCity: [Int32], relationPartner: [Int32],
                relationKind: [Int32], kinds: [RelationKind], relationYear: [Int32]) {
        precondition(relationCity.count == relationPartner.count && relationCity.count == relationKind.count
                     && relationCity.count == relationYear.count, "the relation columns differ in length")
        self.dataset = dataset
        self.cities = cities
        self.relationCity = relationCity
        self.relationPartner = relationPartner
        self.relationKind = relationKind
        self.kinds = kinds
        self.relationYear = relationYear
    }

    /// The columns of records already read. A relation whose ends are not cities of the dataset
    /// (which a stored dataset cannot have: the registry's foreign keys) is left out, as a
    /// registry's reading leaves it out.
    public init(content: DatasetContent) {
        var position: [String: Int32] = [:]
        position.reserveCapacity(content.cities.count)
        for (index, city) in content.cities.enumerated() where position[city.id] == nil { position[city.id] = Int32(index) }
        var relationCity: [Int32] = [], relationPartner: [Int32] = [], relationKind: [Int32] = [], relationYear: [Int32] = []
        var kinds: [RelationKind] = []
        var kindIndex: [RelationKind: Int32] = [:]
        relationCity.reserveCapacity(content.relations.count)
        relationPartner.reserveCapacity(content.relations.count)
        relationKind.reserveCapacity(content.relations.count)
        relationYear.reserveCapacity(content.relations.count)
        for relation in content.relations {
            guard let city = position[relation.cityID], let partner = position[relation.partnerID] else { continue }
            relationCity.append(city)
            relationPartner.append(partner)
            if let known = kindIndex[relation.kind] { relationKind.append(known) } else {
                kindIndex[relation.kind] = Int32(kinds.count)
                relationKind.append(Int32(kinds.count))
                kinds.append(relation.kind)
            }
            relationYear.append(relation.signed.map { Int32($0.gregorianYears.lowerBound) } ?? AnalysisSnapshot.undated)
        }
        self.init(dataset: content.dataset, cities: content.cities, relationCity: relationCity, relationPartner: relationPartner,
                  relationKind: relationKind, kinds: kinds, relationYear: relationYear)
    }

    public var relationCount: Int { relationCity.count }
}
