/// Which relations to list: filters combine with AND; a `nil` filter does not restrict.
///
/// ```swift
/// // Tehran's relations with Chinese cities signed 2000–2010
/// RelationQuery(city: "Tehran", country: CountryCode(unchecked: "CN"), signedFrom: 2000, signedTo: 2010)
/// ```
public struct RelationQuery: Hashable, Sendable {
    public var datasetID: String?
    /// A city id or name (any language, any alias); matches either end of a relation.
    public var city: String?
    /// With ``city``, the country of the partner; without it, the country of either end.
    public var country: CountryCode?
    public var kind: RelationKind?
    /// Gregorian years, inclusive. A relation passes when its signing date may fall in the range
    /// (a Solar Hijri year straddles two Gregorian years); undated relations do not pass when
    /// either bound is set.
    public var signedFrom: Int?
    public var signedTo: Int?
    public var limit: Int?
    public var offset: Int

    public init(
        datasetID: String? = nil, city: String? = nil, country: CountryCode? = nil,
        kind: RelationKind? = nil, signedFrom: Int? = nil, signedTo: Int? = nil,
        limit: Int? = nil, offset: Int = 0
    ) {
        self.datasetID = datasetID
        self.city = city
        self.country = country
        self.kind = kind
        self.signedFrom = signedFrom
        self.signedTo = signedTo
        self.limit = limit
        self.offset = offset
    }
}
