import Synchronization

/// One or more datasets as the analyses read them: the records as stored, and beside them a
/// compact form — integer ids for cities and countries, each relation's ends, kind and year as
/// flat arrays — that statistics and network measures walk without hashing a string.
///
/// Built once per registry revision and shared: the CLI builds one for its command, the web
/// observatory keeps it until the registry changes (``AnalysisSnapshotCache`` in the application
/// layer), so the dashboard, the statistics, the study's tables, counting and the network pages
/// all read the same arrays. Questions about one city or one filter do not come here: they go to
/// the database through its indexes.
///
/// ```swift
/// let snapshot = AnalysisSnapshot(contents: [wikipedia])
/// snapshot.relationCount                       // 24,509
/// snapshot.cityIDs[Int(snapshot.relationCity[0])]
/// snapshot.countryCodes[Int(snapshot.cityCountry[0])]   // "AL"
/// ```
///
/// ## Topics
/// - Records: ``contents``, ``datasetIDs``
/// - Cities: ``cityIDs``, ``cityIndex``, ``cityCountry``, ``latitude``, ``longitude``, ``cityDataset``
/// - Relations: ``relationCity``, ``relationPartner``, ``relationKind``, ``relationYear``, ``relationDataset``
public struct AnalysisSnapshot: Sendable {
    /// Hashes computed so far, shared by every copy of the snapshot.
    final class RecordsHashes: Sendable {
        let values = Mutex<[Int: String]>([:])
    }

    /// The datasets' records, in the order asked for.
    public let contents: [DatasetContent]
    public var datasetIDs: [String] { contents.map(\.dataset.id) }

    /// Every city of the datasets, in dataset order; a city's index is its position here.
    public let cityIDs: [String]
    public let cityIndex: [String: Int32]
    /// Index into ``countryCodes``.
    public let cityCountry: [Int32]
    /// Degrees; `.nan` where the city has no coordinates.
    public let latitude: [Double]
    public let longitude: [Double]
    /// Index into ``contents``.
    public let cityDataset: [Int32]
    /// The city's position in its dataset's ``DatasetContent/cities``.
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
    /// Index into ``contents``.
    public let relationDataset: [Int32]

    public static let undated = Int32.min

    /// Each dataset's ``DatasetContent/recordsHash``, computed the first time it is asked for:
    /// hashing the Wikipedia dataset's records takes most of a second, and every page that
    /// cites a dataset gives its version.
    private let hashes = RecordsHashes()

    public init(contents: [DatasetContent]) {
        self.contents = contents
        var cityIDs: [String] = []
        var cityIndex: [String: Int32] = [:]
        var cityCountry: [Int32] = []
        var latitude: [Double] = []
        var longitude: [Double] = []
        var cityDataset: [Int32] = []
        var cityPosition: [Int32] = []
        var countryCodes: [CountryCode] = []
        var countryIndex: [CountryCode: Int32] = [:]
        let cityCount = contents.reduce(0) { $0 + $1.cities.count }
        cityIDs.reserveCapacity(cityCount)
        cityIndex.reserveCapacity(cityCount)
        for (datasetIndex, content) in contents.enumerated() {
            for (position, city) in content.cities.enumerated() where cityIndex[city.id] == nil {
                cityPosition.append(Int32(position))
                cityIndex[city.id] = Int32(cityIDs.count)
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
        }
        var relationCity: [Int32] = []
        var relationPartner: [Int32] = []
        var relationKind: [Int32] = []
        var relationYear: [Int32] = []
        var relationDataset: [Int32] = []
        var kinds: [RelationKind] = []
        var kindIndex: [RelationKind: Int32] = [:]
        let relationCount = contents.reduce(0) { $0 + $1.relations.count }
        relationCity.reserveCapacity(relationCount)
        relationPartner.reserveCapacity(relationCount)
        relationKind.reserveCapacity(relationCount)
        relationYear.reserveCapacity(relationCount)
        relationDataset.reserveCapacity(relationCount)
        for (datasetIndex, content) in contents.enumerated() {
            for relation in content.relations {
                // A stored relation's ends are cities of its dataset (the registry's foreign keys).
                guard let city = cityIndex[relation.cityID], let partner = cityIndex[relation.partnerID] else { continue }
                relationCity.append(city)
                relationPartner.append(partner)
                let kind: Int32
                if let known = kindIndex[relation.kind] { kind = known } else {
                    kind = Int32(kinds.count)
                    kindIndex[relation.kind] = kind
                    kinds.append(relation.kind)
                }
                relationKind.append(kind)
                relationYear.append(relation.signed.map { Int32($0.gregorianYears.lowerBound) } ?? Self.undated)
                relationDataset.append(Int32(datasetIndex))
            }
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

    /// The index in ``contents`` of `content` if it is one of this snapshot's datasets as read —
    /// the same storage, not merely equal records (an aggregated or edited copy is not) — else `nil`.
    /// Cheap: it compares where the arrays are stored, which copy-on-write keeps shared until a change.
    public func index(of content: DatasetContent) -> Int? {
        func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
            a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        }
        return contents.firstIndex { held in
            held.dataset == content.dataset && sameStorage(held.relations, content.relations) && sameStorage(held.cities, content.cities)
                && sameStorage(held.sources, content.sources) && sameStorage(held.networks, content.networks)
                && sameStorage(held.memberships, content.memberships) && sameStorage(held.events, content.events)
        }
    }

    /// The records hash of the dataset at `index` in ``contents``, computed once.
    public func recordsHash(ofDatasetAt index: Int) -> String {
        if let known = hashes.values.withLock({ $0[index] }) { return known }
        let hash = contents[index].recordsHash
        hashes.values.withLock { $0[index] = hash }
        return hash
    }

    public var cityCount: Int { cityIDs.count }
    public var relationCount: Int { relationCity.count }

    /// The city at `index`, as stored.
    public func city(at index: Int) -> City {
        contents[Int(cityDataset[index])].cities[Int(cityPosition[index])]
    }
}
