import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyReferenceData

/// Two datasets to triangulate, optionally only the relations of a country or a city.
public struct DiffRequest: Hashable, Sendable {
    public var datasetA: String
    public var datasetB: String
    public var country: String?
    public var city: String?

    public init(datasetA: String, datasetB: String, country: String? = nil, city: String? = nil) {
        self.datasetA = datasetA
        self.datasetB = datasetB
        self.country = country
        self.city = city
    }
}

extension Workspace {
    /// Relations in both datasets, only in one, and in both with conflicting kind or year. Cities
    /// are matched through the gazetteer (GeoNames id), else by name and country.
    public func diff(_ request: DiffRequest) async throws -> DiffView {
        let a = try await content(ofDataset: request.datasetA)
        let b = try await content(ofDataset: request.datasetB)
        let countryCode = try request.country.map { text throws(ApplicationError) in try country(named: text, field: "country").code }
        // The bundled directory, not the registry's: it knows which territories belong to which state.
        let resolver = PlaceResolver(gazetteer: try Gazetteer.bundled(), countries: try CountryDirectory.bundled())
        let cityKey = request.city.map(PersianText.searchKey)
        func identity(_ city: City) -> String {
            if let id = city.geonamesID { return "gn:\(id)" }
            let place = resolver.place(name: city.name.en, country: city.country.rawValue, coordinates: city.coordinates)
            if let entry = place.resolution.entry { return "gn:\(entry.geonameID)" }
            // A dataset that keeps no coordinates (the study's) names the city a reader knows.
            if city.coordinates == nil, let entry = resolver.locate(name: city.name.en, country: city.country.rawValue) {
                return "gn:\(entry.geonameID)"
            }
            // A district the gazetteer does not list is known by its city and its own name.
            if let parent = place.parent { return "part:gn:\(parent.geonameID):\(PersianText.searchKey(place.name))" }
            return "name:\(city.country):\(PersianText.searchKey(city.name.en))"
        }
        func matches(_ city: City) -> Bool {
            guard let cityKey else { return true }
            return city.allNames.contains { PersianText.searchKey($0) == cityKey }
        }
        let comparison = DatasetComparison(a: a, b: b, identity: identity) { first, second in
            (countryCode == nil || first.country == countryCode || second.country == countryCode) && (matches(first) || matches(second))
        }
        return DiffView(comparison: comparison, request: request)
    }
}

/// Two datasets triangulated: `{"a", "b", "in_both": [{"a", "b"}], "only_in_a", "only_in_b",
/// "conflicting": [{"a", "b", "conflicts"}]}`, each relation as `{"relation", "city",
/// "city_country_iso2", "partner", "partner_country_iso2", "kind", "signed"}`.
public struct DiffView: Encodable, Sendable {
    public struct Relation: Encodable, Sendable {
        public var relation: String
        public var city: String
        public var cityCountryISO2: String
        public var partner: String
        public var partnerCountryISO2: String
        public var kind: String
        public var signed: String?
        // For people, not in the JSON: the names in both languages, the kind's label and the date
        // itself, so that Markdown and pages can write them in either language.
        public var cityName: LocalizedText
        public var partnerName: LocalizedText
        public var kindLabel: LocalizedText
        public var signedDate: PartialDate?

        init(_ item: (relation: BilateralRelation, city: City, partner: City)) {
            relation = item.relation.id
            city = item.city.name.en
            cityCountryISO2 = item.city.country.rawValue
            partner = item.partner.name.en
            partnerCountryISO2 = item.partner.country.rawValue
            kind = item.relation.kind.rawValue
            signed = item.relation.signed?.description
            cityName = item.city.name
            partnerName = item.partner.name
            kindLabel = item.relation.kind.label
            signedDate = item.relation.signed
        }

        enum CodingKeys: String, CodingKey {
            case relation, city, cityCountryISO2 = "city_country_iso2", partner, partnerCountryISO2 = "partner_country_iso2", kind, signed
        }
    }

    public struct Pair: Encodable, Sendable {
        public var a: Relation
        public var b: Relation
    }

    public struct Conflict: Encodable, Sendable {
        public var a: Relation
        public var b: Relation
        /// The differences as scripts read them (`kind: cooperation_mou vs sister_city`).
        public var conflicts: [String]
        /// The same for people, not in the JSON.
        public var differences: [DatasetComparison.Difference]

        enum CodingKeys: String, CodingKey { case a, b, conflicts }
    }

    public var request: DiffRequest
    public var a: String
    public var b: String
    public var inBoth: [Pair]
    public var onlyInA: [Relation]
    public var onlyInB: [Relation]
    public var conflicting: [Conflict]

    init(comparison: DatasetComparison, request: DiffRequest) {
        self.request = request
        a = comparison.datasetA
        b = comparison.datasetB
        inBoth = comparison.inBoth.map { Pair(a: Relation($0.a[0]), b: Relation($0.b[0])) }
        onlyInA = comparison.onlyInA.map { Relation($0.a[0]) }
        onlyInB = comparison.onlyInB.map { Relation($0.b[0]) }
        conflicting = comparison.conflicting.map { Conflict(a: Relation($0.a[0]), b: Relation($0.b[0]), conflicts: $0.conflicts, differences: $0.differences) }
    }

    enum CodingKeys: String, CodingKey { case a, b, inBoth = "in_both", onlyInA = "only_in_a", onlyInB = "only_in_b", conflicting }
}
