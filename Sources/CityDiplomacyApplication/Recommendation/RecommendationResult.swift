import CityDiplomacyCore
import CityDiplomacyNetwork
import CityDiplomacyPresentation
import Foundation

/// Partner cities suggested for one city, each with its reasons, as the CLI, the city page and
/// the API show them (``document``, ``table``, ``view``).
///
/// ```swift
/// let result = try await workspace.recommend(RecommendationRequest(city: "Tabriz"))
/// result.candidates.map(\.city.name.en)
/// result.candidates[0].reason(of: result.city).en
/// ```
public struct RecommendationResult: Sendable {
    /// One suggested partner and what speaks for it.
    public struct Candidate: Sendable {
        public var node: Int
        public var city: City
        /// ``PartnerChoiceModel``'s score, multiplied by the priority factor where priorities are given.
        public var score: Double
        public var neighbourhood: NeighbourhoodScores
        /// The partners the two cities share, in node order.
        public var sharedPartners: [City]
        public var priorityGroup: PartnerPriorities.Group?
        /// How many partners the candidate has.
        public var degree: Int
        /// The smoothed share of the city's partners in the candidate's country.
        public var countryAffinity: Double
        /// Great-circle distance from the city; `nil` where either cannot be placed.
        public var kilometres: Double?
    }

    public let request: RecommendationRequest
    public let datasets: [Dataset]
    public let city: City
    /// The city's own number of partners.
    public let degree: Int
    /// Whether the city itself could be placed (for distances).
    public let located: Bool
    public let priorities: PartnerPriorities?
    public let excludedCountries: [Country]
    public let candidates: [Candidate]
    let countryNames: [CountryCode: LocalizedText]
    /// Cities that could have been suggested: not the city, not a partner, not excluded.
    var eligibleCities = 0
    /// Prioritised countries with eligible cities where the city's expected share of partners is 0:
    /// a priority multiplies a score, so it cannot bring their cities forward.
    var unreachablePriorityCountries: [CountryCode] = []

    func countryName(_ code: CountryCode) -> LocalizedText { countryNames[code] ?? LocalizedText(en: code.rawValue) }

    static func decimal(_ value: Double, places: Int) -> LocalizedText {
        let text = String(format: "%.\(places)f", value)
        return LocalizedText(en: text, fa: text.replacingOccurrences(of: ".", with: String(PersianText.decimalSeparator)))
    }

    /// Why `candidate` is suggested, in one sentence in each language.
    public func reason(_ candidate: Candidate) -> LocalizedText {
        var parts: [LocalizedText] = []
        if candidate.sharedPartners.isEmpty {
            parts.append(.message("recommend.reason.no-shared", localized: ["city": city.name]))
        } else {
            let shown = candidate.sharedPartners.prefix(5).map(\.name)
            let more = candidate.sharedPartners.count - shown.count
            var names = LocalizedText.joined(Array(shown), separator: "list.comma")
            if more > 0 { names = .message("recommend.and-more", localized: ["names": names], ["count": String(more)]) }
            parts.append(.message(candidate.sharedPartners.count == 1 ? "recommend.reason.shared-one" : "recommend.reason.shared", localized: ["city": city.name, "partners": names],
                                  ["count": String(candidate.sharedPartners.count)]))
        }
        // A share that rounds to 0.0% would read as none: it is said to be under 0.1%.
        let share = candidate.countryAffinity * 100
        parts.append(.message(share < 0.05 ? "recommend.reason.country-under" : "recommend.reason.country",
                              localized: ["city": city.name, "country": countryName(candidate.city.country),
                                          "share": Self.decimal(share < 0.05 ? 0.1 : share, places: 1)]))
        parts.append(.message("recommend.reason.activity", ["count": String(candidate.degree)]))
        if let group = candidate.priorityGroup {
            parts.append(.message("recommend.reason.priority", localized: ["group": group.label, "weight": Self.decimal(group.weight, places: 1)]))
        }
        parts.append(candidate.kilometres.map { .message("recommend.reason.distance", ["km": String(Int($0.rounded()))]) }
                     ?? .message("recommend.reason.unlocated"))
        parts.append(candidate.city.population.map { .message("recommend.reason.population", ["population": String($0)]) }
                     ?? .message("recommend.reason.no-population"))
        return .message("recommend.reason", localized: ["candidate": candidate.city.name, "reasons": .joined(parts, separator: "list.semicolon")])
    }

    public var title: LocalizedText { .message("recommend.title", localized: ["city": city.name]) }

    /// What the score is, what the data lack, and what was left out: said above the list.
    public var notes: [LocalizedText] {
        var notes: [LocalizedText] = [
            .message("recommend.method", localized: ["datasets": .joined(datasets.map { .message("text.quoted", localized: ["text": $0.title]) }, separator: "list.and")],
                     ["partners": String(degree)]),
        ]
        if let priorities {
            notes.append(.message("recommend.priorities", localized: ["title": priorities.title], ["file": priorities.fileName]))
            if let source = priorities.source { notes.append(.message("priorities.source", localized: ["source": source])) }
            if let own = priorities.group(of: city.country) {
                notes.append(.message("priorities.own-country", localized: ["country": countryName(city.country), "group": own.label]))
            }
        }
        notes.append(request.includeDomestic
            ? .message("recommend.domestic.included", localized: ["country": countryName(city.country)])
            : .message("recommend.domestic.excluded", localized: ["country": countryName(city.country)]))
        if !excludedCountries.isEmpty {
            notes.append(.message("recommend.excluded", localized: ["countries": .joined(excludedCountries.map(\.name), separator: "list.comma")]))
        }
        let unlocated = candidates.filter { $0.kilometres == nil }.count
        if !located {
            notes.append(.message("recommend.city-unlocated", localized: ["city": city.name]))
        } else if unlocated > 0 {
            notes.append(.message("recommend.unlocated", ["count": String(unlocated)]))
        }
        let unknownPopulation = candidates.filter { $0.city.population == nil }.count
        if unknownPopulation > 0 { notes.append(.message("recommend.no-population", ["count": String(unknownPopulation)])) }
        if !unreachablePriorityCountries.isEmpty {
            notes.append(.message("recommend.priorities.unreachable", localized: [
                "city": city.name, "countries": .joined(unreachablePriorityCountries.map(countryName), separator: "list.comma")]))
        }
        if candidates.isEmpty {
            // "Every city is already a partner, or is excluded" only where that is so.
            notes.append(.message(eligibleCities > 0 ? "recommend.none.unscored" : "recommend.none", localized: ["city": city.name]))
        }
        return notes
    }

    /// The suggestions as a table: one row each, its scores and reasons.
    public var table: Tabulation {
        Tabulation(
            title: .message("recommend.table.title", localized: ["city": city.name]),
            columns: [
                .init(key: "rank", title: .message("network.rank")), .init(key: "city_id", title: .message("column.id")),
                .init(key: "city", title: .message("web.city")), .init(key: "country_iso2", title: .message("web.country")),
                .init(key: "score", title: .message("recommend.column.score")),
                .init(key: "common_neighbours", title: .message("recommend.column.common-neighbours")),
                .init(key: "adamic_adar", title: .message("recommend.column.adamic-adar")),
                .init(key: "resource_allocation", title: .message("recommend.column.resource-allocation")),
                .init(key: "shared_partners", title: .message("recommend.column.shared-partners")),
                .init(key: "priority_group", title: .message("recommend.column.priority-group")),
                .init(key: "partners", title: .message("recommend.column.partners")),
                .init(key: "country_share_percent", title: .message("recommend.column.country-share")),
                .init(key: "distance_km", title: .message("recommend.column.distance")),
                .init(key: "population", title: .message("recommend.column.population")),
            ],
            rows: candidates.enumerated().map { rank, candidate in
                [
                    .number(rank + 1), .identifier(candidate.city.id), .text(candidate.city.name),
                    .code(candidate.city.country.rawValue, label: countryName(candidate.city.country)),
                    .decimal(candidate.score, places: 6), .number(candidate.neighbourhood.commonNeighbours),
                    .decimal(candidate.neighbourhood.adamicAdar, places: 4), .decimal(candidate.neighbourhood.resourceAllocation, places: 4),
                    .list(candidate.sharedPartners.map { .text($0.name) }),
                    candidate.priorityGroup.map { .code($0.id, label: $0.label) } ?? .empty,
                    .number(candidate.degree), .percent(candidate.countryAffinity),
                    candidate.kilometres.map { .number(Int($0.rounded())) } ?? .empty, .number(candidate.city.population),
                ]
            })
    }

    /// The list for people: the notes, the table, and each suggestion's reasons in a sentence.
    public var document: ReportDocument {
        ReportDocument(title: title, sections: [
            .init(heading: .message("recommend.section.suggestions"), paragraphs: notes, tables: [table]),
            .init(heading: .message("recommend.section.reasons"), items: candidates.map(reason), numbered: true),
        ])
    }

    /// The JSON of `citydip recommend --format json` and `/api/v1/cities/{id}/recommendations`.
    public var view: RecommendationView { RecommendationView(self) }
}

/// A city as the recommendation, peer and evaluation JSON name it.
public struct SuggestedCityView: Encodable, Sendable {
    // The id, the names and the country: what a list of suggested or similar cities names each by.
    var id: String
    var name: String
    var nameFa: String?
    var countryISO2: String

    init(_ city: City) {
        id = city.id
        name = city.name.en
        nameFa = city.name.fa
        countryISO2 = city.country.rawValue
    }

    enum CodingKeys: String, CodingKey { case id, name, nameFa = "name_fa", countryISO2 = "country_iso2" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(nameFa, forKey: .nameFa)
        try container.encode(countryISO2, forKey: .countryISO2)
    }
}

/// Text in both languages, for JSON: each as a reader reads it (Persian digits in Persian).
struct BilingualView: Encodable, Sendable {
    var en: String
    var fa: String

    init(_ text: LocalizedText) {
        en = text.en
        fa = OutputStyle(language: .fa).text(text)
    }
}

/// `{"city", "datasets", "method", "priorities", "excluded_countries", "notes", "recommendations"}`.
public struct RecommendationView: Encodable, Sendable {
    struct Candidate: Encodable {
        var rank: Int
        var city: SuggestedCityView
        var score: Double
        var commonNeighbours: Int
        var adamicAdar: Double
        var resourceAllocation: Double
        var sharedPartners: [SuggestedCityView]
        var priorityGroup: String?
        var partners: Int
        var countryShare: Double
        var distanceKm: Double?
        var population: Int?
        var reason: BilingualView

        enum CodingKeys: String, CodingKey {
            case rank, city, score, commonNeighbours = "common_neighbours", adamicAdar = "adamic_adar", resourceAllocation = "resource_allocation"
            case sharedPartners = "shared_partners", priorityGroup = "priority_group", partners, countryShare = "country_share"
            case distanceKm = "distance_km", population, reason
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(city, forKey: .city)
            try c.encode(score, forKey: .score)
            try c.encode(commonNeighbours, forKey: .commonNeighbours)
            try c.encode(adamicAdar, forKey: .adamicAdar)
            try c.encode(resourceAllocation, forKey: .resourceAllocation)
            try c.encode(sharedPartners, forKey: .sharedPartners)
            try c.encode(priorityGroup, forKey: .priorityGroup)
            try c.encode(partners, forKey: .partners)
            try c.encode(countryShare, forKey: .countryShare)
            try c.encode(distanceKm, forKey: .distanceKm)
            try c.encode(population, forKey: .population)
            try c.encode(reason, forKey: .reason)
        }
    }

    var city: SuggestedCityView
    var datasets: [String]
    var method: String
    var priorities: String?
    var excludedCountries: [String]
    var notes: [BilingualView]
    var recommendations: [Candidate]

    enum CodingKeys: String, CodingKey { case city, datasets, method, priorities, excludedCountries = "excluded_countries", notes, recommendations }

    init(_ result: RecommendationResult) {
        city = SuggestedCityView(result.city)
        datasets = result.datasets.map(\.id)
        method = "RA(u,v) + \(PartnerChoiceModel.lambda) * P(u -> country(v)) * deg(v) / D(country(v)), m = \(PartnerChoiceModel.pseudoPartners)"
            + (result.priorities == nil ? "" : "; times 1 + w(country(v)) / max w")
        priorities = result.priorities?.id
        excludedCountries = result.excludedCountries.map(\.code.rawValue)
        notes = result.notes.map(BilingualView.init)
        recommendations = result.candidates.enumerated().map { rank, c in
            Candidate(rank: rank + 1, city: SuggestedCityView(c.city), score: c.score, commonNeighbours: c.neighbourhood.commonNeighbours,
                      adamicAdar: c.neighbourhood.adamicAdar, resourceAllocation: c.neighbourhood.resourceAllocation,
                      sharedPartners: c.sharedPartners.map(SuggestedCityView.init), priorityGroup: c.priorityGroup?.id, partners: c.degree,
                      countryShare: c.countryAffinity, distanceKm: c.kilometres.map { ($0 * 10).rounded() / 10 }, population: c.city.population,
                      reason: BilingualView(result.reason(c)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(city, forKey: .city)
        try c.encode(datasets, forKey: .datasets)
        try c.encode(method, forKey: .method)
        try c.encode(priorities, forKey: .priorities)
        try c.encode(excludedCountries, forKey: .excludedCountries)
        try c.encode(notes, forKey: .notes)
        try c.encode(recommendations, forKey: .recommendations)
    }
}
