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

        /// The order of a ranking: more partners first, ties by English name, then by id.
        static func ranksBefore(_ a: CityDegree, _ b: CityDegree) -> Bool {
            if a.degree != b.degree { return a.degree > b.degree }
            if a.city.name.en != b.city.name.en { return a.city.name.en < b.city.name.en }
            return a.city.id < b.city.id
        }
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
            .sorted(by: CityDegree.ranksBefore)
            .prefix(top).map { $0 }
    }

    /// The same totals read off a snapshot's arrays: what `citydip stats`, the API's statistics
    /// and the dashboard's totals cost is a pass over integer arrays, not over records.
    public init(snapshot: AnalysisSnapshot, top: Int = 10) {
        let cityCount = snapshot.cityCount
        var relationsByCountry = [Int](repeating: 0, count: snapshot.countryCodes.count)
        // Distinct partners: each pair once, as (smaller, larger) packed in 64 bits, sorted.
        var pairs: [UInt64] = []
        pairs.reserveCapacity(snapshot.relationCount)
        for index in 0..<snapshot.relationCount {
            let a = snapshot.relationCity[index]
            let b = snapshot.relationPartner[index]
            let countryA = snapshot.cityCountry[Int(a)]
            let countryB = snapshot.cityCountry[Int(b)]
            relationsByCountry[Int(countryA)] += 1
            if countryB != countryA { relationsByCountry[Int(countryB)] += 1 }
            if a != b { pairs.append(UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))) }
        }
        pairs.sort()
        var degree = [Int](repeating: 0, count: cityCount)
        var previous: UInt64?
        for pair in pairs where pair != previous {
            degree[Int(pair >> 32)] += 1
            degree[Int(pair & 0xFFFF_FFFF)] += 1
            previous = pair
        }
        relations = snapshot.relationCount
        cities = cityCount
        countries = Set(snapshot.cityCountry).count
        var byCountry: [String: Int] = [:]
        for (index, count) in relationsByCountry.enumerated() where count > 0 {
            byCountry[snapshot.countryCodes[index].rawValue, default: 0] += count
        }
        self.byCountry = byCountry
        // The top by degree, ties by English name: sort only the cities that can be in it.
        let ranked = (0..<cityCount).filter { degree[$0] > 0 }.sorted { degree[$0] > degree[$1] }
        let cutoff = ranked.count > top ? degree[ranked[top - 1]] : 0
        topCities = ranked.prefix { degree[$0] >= cutoff }
            .map { CityDegree(city: snapshot.city(at: $0), degree: degree[$0]) }
            .sorted(by: CityDegree.ranksBefore)
            .prefix(top).map { $0 }
    }
}
