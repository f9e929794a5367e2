/// One or more datasets as the analyses read them: their cities as records, and beside them a
/// compact form — integer ids for cities and countries, each relation's ends, kind and year as
/// flat arrays — that statistics and network measures walk without hashing a string.
///
/// Built from each dataset's ``AnalysisColumns`` — never from its relations as records, whose
/// sources, notes and themes no total or network measure reads — once per registry revision and
/// shared: the CLI builds one for its command, the web observatory keeps it until the registry
/// changes (the workspace's snapshot cache in the application layer), so the dashboard, the
/// statistics and the network pages all read the same arrays. Questions about one city or one
/// filter do not come here: they go to the database through its indexes.
///
/// ```swift
/// let snapshot = AnalysisSnapshot(columns: [try await registry.analysisColumns(ofDataset: "wikipedia-2026")!])
/// snapshot.relationCount                       // 24,509
/// snapshot.cityIDs[Int(snapshot.relationCity[0])]
/// snapshot.countryCodes[Int(snapshot.cityCountry[0])]   // "AL"
/// ```
///
/// ## Topics
/// - Datasets: ``datasets``, ``datasetIDs``
/// - Cities: ``cityIDs``, ``cityIndex``, ``city(at:)``, ``cityCountry``, ``latitude``, ``longitude``, ``cityDataset``
/// - Relations: ``relationCity``, ``relationPartner``, ``relationKind``, ``relationYear``, ``relationDataset``
public struct AnalysisSnapshot: Sendable {
    /// The datasets, in the order asked for.
    public let datasets: [Dataset]
    public var datasetIDs: [String] { datasets.map(\.id) }
    /// Each dataset's cities, in dataset order (``city(at:)`` reads them).
    private let datasetCities: [[City]]

    /// Every city of the datasets, in dataset order; a city's index is its position here.
    public let cityIDs: [String]
    public let cityIndex: [String: Int32]
    /// Index into ``countryCodes``.
    public let cityCountry: [Int32]
    /// Degrees; `.nan` where the city has no coordinates.
    public let latitude: [Double]
    public let longitude: [Double]
    /// Index into ``datasets``.
    public let cityDataset: [Int32]
    /// The city's position in its dataset's cities.
    let cityPosition: [Int32]
    /// The country codes the cities have, each once, in order of first appearance.
    public let countryCodes: [CountryCode]

    /// The city that lists each relation, and its partner (indices into ``cityIDs``).
    public let relationCity: [Int32]
    public let relationPartner: [Int32]
    /// Index into ``kinds``.
    public let relationKind: [Int32]
    public let kinds: [RelationKind]
    /// The first Gregorian year the signing date may fall in; ``undated`` where it is unknown.
    public let relationYear: [Int32]
    /// Index into ``datasets``.
    public let relationDataset: [Int32]

    public static let undated = Int32.min

    /// The snapshot of records already read (tests, and charts of records that are not a
    /// dataset as stored).
    public init(contents: [DatasetContent]) {
        self.init(columns: contents.map(AnalysisColumns.init(content:)))
    }

    public init(columns: [AnalysisColumns]) {
        datasets = columns.map(\.dataset)
        datasetCities = columns.map(\.cities)
        var cityIDs: [String] = []
        var cityIndex: [String: Int32] = [:]
        var cityCountry: [Int32] = []
        var latitude: [Double] = []
        var longitude: [Double] = []
        var cityDataset: [Int32] = []
        var cityPosition: [Int32] = []
        var countryCodes: [CountryCode] = []
        var countryIndex: [CountryCode: Int32] = [:]
        let cityCount = columns.reduce(0) { $0 + $1.cities.count }
        cityIDs.reserveCapacity(cityCount)
        cityIndex.reserveCapacity(cityCount)
        cityCountry.reserveCapacity(cityCount)
        latitude.reserveCapacity(cityCount)
        longitude.reserveCapacity(cityCount)
        cityDataset.reserveCapacity(cityCount)
        cityPosition.reserveCapacity(cityCount)
        // Each dataset's positions of cities mapped to snapshot indices (-1: an id seen before,
        // which a later dataset cannot hold: ids are unique across the registry).
        var snapshotIndex: [[Int32]] = []
        for (datasetIndex, dataset) in columns.enumerated() {
            var indices = [Int32](repeating: -1, count: dataset.cities.count)
            for (position, city) in dataset.cities.enumerated() {
                if let known = cityIndex[city.id] { indices[position] = known; continue }
                let index = Int32(cityIDs.count)
                indices[position] = index
                cityPosition.append(Int32(position))
                cityIndex[city.id] = index
                cityIDs.append(city.id)
                let country: Int32
                if let known = countryIndex[city.country] { country = known } else {
                    country = Int32(countryCodes.count)
                    countryIndex[city.country] = country
                    countryCodes.append(city.country)
                }
                cityCountry.append(country)
                latitude.append(city.coordinates?.latitude ?? .nan)
                longitude.append(city.coordinates?.longitude ?? .nan)
                cityDataset.append(Int32(datasetIndex))
            }
            snapshotIndex.append(indices)
        }
        var relationCity: [Int32] = []
        var relationPartner: [Int32] = []
        var relationKind: [Int32] = []
        var relationYear: [Int32] = []
        var relationDataset: [Int32] = []
        var kinds: [RelationKind] = []
        var kindIndex: [RelationKind: Int32] = [:]
        let relationCount = columns.reduce(0) { $0 + $1.relationCount }
        relationCity.reserveCapacity(relationCount)
        relationPartner.reserveCapacity(relationCount)
        relationKind.reserveCapacity(relationCount)
        relationYear.reserveCapacity(relationCount)
        relationDataset.reserveCapacity(relationCount)
        for (datasetIndex, dataset) in columns.enumerated() {
            let indices = snapshotIndex[datasetIndex]
            // The dataset's kinds as the snapshot's.
            let kindMap: [Int32] = dataset.kinds.map { kind in
                if let known = kindIndex[kind] { return known }
                let index = Int32(kinds.count)
                kindIndex[kind] = index
                kinds.append(kind)
                return index
            }
            for relation in 0..<dataset.relationCount {
                relationCity.append(indices[Int(dataset.relationCity[relation])])
                relationPartner.append(indices[Int(dataset.relationPartner[relation])])
                relationKind.append(kindMap[Int(dataset.relationKind[relation])])
            }
            relationYear.append(contentsOf: dataset.relationYear)
            relationDataset.append(contentsOf: repeatElement(Int32(datasetIndex), count: dataset.relationCount))
        }
        self.cityIDs = cityIDs
        self.cityIndex = cityIndex
        self.cityCountry = cityCountry
        self.latitude = latitude
        self.longitude = longitude
        self.cityDataset = cityDataset
        self.cityPosition = cityPosition
        self.countryCodes = countryCodes
        self.relationCity = relationCity
        self.relationPartner = relationPartner
        self.relationKind = relationKind
        self.kinds = kinds
        self.relationYear = relationYear
        self.relationDataset = relationDataset
    }

    public var cityCount: Int { cityIDs.count }
    public var relationCount: Int { relationCity.count }

    /// The city at `index`, as stored.
    public func city(at index: Int) -> City {
        datasetCities[Int(cityDataset[index])][Int(cityPosition[index])]
    }
}
