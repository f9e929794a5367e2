import CityDiplomacyAnalysis
import CityDiplomacyCore

extension Workspace {
    /// Totals of one dataset, or of all when `dataset` is `nil`; with `aggregateParts`, each
    /// district or other part of a city counted with its city (``DatasetContent/aggregatingParts(keepingWhole:)``).
    public func statistics(dataset: String?, top: Int, aggregateParts: Bool = false) async throws -> StatisticsView {
        guard top > 0 else { throw ApplicationError.invalid("top", "invalid \(parameter: "top") \(top): expected a positive whole number") }
        if let dataset { _ = try await requireDataset(dataset) }
        let key = "\(dataset ?? "")|\(top)|\(aggregateParts)"
        let revision = try await registry.revision()
        return try await statisticsViews.value(for: key, revision: revision) { [self] in
            let snapshot = try await snapshot(ofDatasets: dataset.map { [$0] } ?? [])
            guard aggregateParts else { return StatisticsView(RegistryStatistics(snapshot: snapshot, top: top), dataset: dataset) }
            var contents: [DatasetContent] = []
            for id in snapshot.datasetIDs { contents.append(try await content(ofDataset: id)) }
            let counted = counted(contents, aggregateParts: true)
            return StatisticsView(RegistryStatistics(contents: counted.contents, top: top), dataset: dataset,
                                  aggregation: counted.aggregation.map { PartAggregationView($0, scope: .datasets) })
        }
    }
}

/// Totals as the CLI and the API give them: `{"relations", "cities", "countries", "by_country":
/// {"IR": N, …}, "top_cities": [{"city", "city_id", "country_iso2", "degree"}, …],
/// "aggregated_parts": null or {…}}`. A city's degree is its number of distinct partners;
/// by_country counts relations with at least one end in the country, highest first;
/// aggregated_parts says what counting parts with their cities changed, when asked for.
public struct StatisticsView: Encodable, Sendable {
    public struct CityDegree: Encodable, Sendable {
        public var city: String
        public var cityID: String
        public var name: LocalizedText
        public var countryISO2: String
        public var degree: Int

        enum CodingKeys: String, CodingKey { case city, cityID = "city_id", countryISO2 = "country_iso2", degree }
    }

    /// The dataset counted, or `nil` for all.
    public var dataset: String?
    public var relations: Int
    public var cities: Int
    public var countries: Int
    /// Relations by country code, highest first (ties by code).
    public var byCountry: [(code: String, relations: Int)]
    public var topCities: [CityDegree]
    /// What counting parts with their cities changed; `nil` when they are counted as themselves.
    public var aggregation: PartAggregationView?

    public init(_ statistics: RegistryStatistics, dataset: String?, aggregation: PartAggregationView? = nil) {
        self.dataset = dataset
        self.aggregation = aggregation
        relations = statistics.relations
        cities = statistics.cities
        countries = statistics.countries
        byCountry = statistics.byCountry.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        topCities = statistics.topCities.map {
            CityDegree(city: $0.city.name.en, cityID: $0.city.id, name: $0.city.name, countryISO2: $0.city.country.rawValue, degree: $0.degree)
        }
    }

    enum CodingKeys: String, CodingKey { case relations, cities, countries, byCountry = "by_country", topCities = "top_cities", aggregation = "aggregated_parts" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relations, forKey: .relations)
        try container.encode(cities, forKey: .cities)
        try container.encode(countries, forKey: .countries)
        var counts = container.nestedContainer(keyedBy: NameKey.self, forKey: .byCountry)
        for (code, count) in byCountry { try counts.encode(count, forKey: NameKey(code)) }
        try container.encode(topCities, forKey: .topCities)
        try container.encodeIfPresent(aggregation, forKey: .aggregation)
    }
}
