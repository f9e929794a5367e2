import CityDiplomacyCore

/// Totals of one or more datasets: relations, cities, countries, relations by country, and the
/// cities with the most distinct partners.
///
/// ```swift
/// let stats = RegistryStatistics(contents: [study])
/// stats.relations            // 70
/// stats.byCountry["IR"]      // 70
/// ```
public struct RegistryStatistics: Sendable {
    public struct CityDegree: Hashable, Sendable {
        public var city: City
        /// Distinct partners of the city.
        public var degree: Int
    }

    public var relations: Int
    public var cities: Int
    public var countries: Int
    /// Relations with at least one end in the country (a domestic relation counts once).
    public var byCountry: [String: Int]
    /// Cities by number of distinct partners, highest first.
    public var topCities: [CityDegree]

    public init(contents: [DatasetContent], top: Int = 10) {
        var byCountry: [String: Int] = [:]
        var partners: [String: Set<String>] = [:]
        var cityByID: [String: City] = [:]
        var relations = 0
        for content in contents {
            for city in content.cities { cityByID[city.id] = city }
            for relation in content.relations {
                relations += 1
                let countries = Set([relation.cityID, relation.partnerID].compactMap { cityByID[$0]?.country.rawValue })
                for country in countries { byCountry[country, default: 0] += 1 }
                if relation.cityID != relation.partnerID {
                    partners[relation.cityID, default: []].insert(relation.partnerID)
                    partners[relation.partnerID, default: []].insert(relation.cityID)
                }
            }
        }
        self.relations = relations
        self.cities = cityByID.count
        self.countries = Set(cityByID.values.map(\.country)).count
        self.byCountry = byCountry
        self.topCities = partners.compactMap { id, set in cityByID[id].map { CityDegree(city: $0, degree: set.count) } }
            .sorted { $0.degree != $1.degree ? $0.degree > $1.degree : $0.city.name.en < $1.city.name.en }
            .prefix(top).map { $0 }
    }
}
