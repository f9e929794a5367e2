/// Which cities to list: filters combine with AND; a `nil` filter does not restrict.
///
/// ```swift
/// // the first 50 Iranian cities of the study's dataset, by name
/// CityQuery(datasetID: "iran-2018", country: CountryCode(unchecked: "IR"), limit: 50)
/// ```
public struct CityQuery: Hashable, Sendable {
    public var datasetID: String?
    public var country: CountryCode?
    /// A name (any language, any alias, compared by ``PersianText/searchKey(_:)``) or a city id.
    public var name: String?
    public var limit: Int?
    public var offset: Int

    public init(datasetID: String? = nil, country: CountryCode? = nil, name: String? = nil, limit: Int? = nil, offset: Int = 0) {
        self.datasetID = datasetID
        self.country = country
        self.name = name
        self.limit = limit
        self.offset = offset
    }
}

/// A network with its member cities, as the network page shows it.
public struct NetworkProfile: Hashable, Sendable {
    public var network: CityNetwork
    public var memberships: [NetworkMembership]
    /// The member cities, by id.
    public var cities: [String: City]

    public init(network: CityNetwork, memberships: [NetworkMembership], cities: [String: City]) {
        self.network = network
        self.memberships = memberships
        self.cities = cities
    }
}
