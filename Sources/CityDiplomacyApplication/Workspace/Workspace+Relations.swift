import CityDiplomacyAnalysis
import CityDiplomacyCore

/// The filters of a relation list as users type them — on the command line or in a query
/// string — read by one set of rules: a city by any name, a country by code or name, a kind
/// among the known ones, years Gregorian (`2006`) or Solar Hijri (`1385SH`, Persian digits too).
public struct RelationFilter: Hashable, Sendable {
    public var dataset: String?
    public var city: String?
    public var country: String?
    public var kind: String?
    public var from: String?
    public var to: String?

    public init(dataset: String? = nil, city: String? = nil, country: String? = nil, kind: String? = nil, from: String? = nil, to: String? = nil) {
        self.dataset = dataset
        self.city = city
        self.country = country
        self.kind = kind
        self.from = from
        self.to = to
    }

    /// The Gregorian years a typed year may stand for.
    public static func years(_ text: String, field: String) throws(ApplicationError) -> ClosedRange<Int> {
        guard let date = try? PartialDate(parsing: PersianText.normalized(text)), date.precision == .year else {
            throw .invalid(field, "invalid year '\(text)' for \(parameter: field): expected a year such as 2006, or 1385SH for a Solar Hijri year")
        }
        return date.gregorianYears
    }

    /// Checks what can be checked without the registry (kind, years, their order).
    public func validate() throws(ApplicationError) {
        if let kind { _ = try RelationKindFilter.term(kind, field: "kind") }
        let fromYears = try from.map { text throws(ApplicationError) in try Self.years(text, field: "from") }
        let toYears = try to.map { text throws(ApplicationError) in try Self.years(text, field: "to") }
        let fromDate = from.flatMap { try? PartialDate(parsing: PersianText.normalized($0)) }
        let toDate = to.flatMap { try? PartialDate(parsing: PersianText.normalized($0)) }
        let reversedInOneCalendar = fromDate.flatMap { first in toDate.map { first.calendar == $0.calendar && first.year > $0.year } } ?? false
        if let fromYears, let toYears, fromYears.lowerBound > toYears.upperBound || reversedInOneCalendar {
            throw .invalid("from", "\(parameter: "from") \(from!) is after \(parameter: "to") \(to!): expected \(parameter: "from") to be no later than \(parameter: "to")")
        }
    }
}

/// A page of relations with the cities at their ends, and how many match in all.
public struct RelationsResult: Sendable {
    public var selection: RelationSelection
    public var total: Int
    public var limit: Int?
    public var offset: Int
    /// What counting parts with their cities changed; `nil` when they are counted apart.
    public var aggregation: PartAggregationView?

    /// The page as the API gives it: `{"total", "limit", "offset", "items": [relation…]}`.
    public var page: PageView<RelationView> {
        PageView(total: total, limit: limit ?? total, offset: offset,
                 items: selection.relations.map { RelationView($0, cities: selection.cities) })
    }
}

extension Workspace {
    /// The registry query `filter` asks for, every value checked (unknown dataset, city, country
    /// or kind, malformed or reversed years are errors naming the parameter).
    public func relationQuery(_ filter: RelationFilter, limit: Int?, offset: Int) async throws -> RelationQuery {
        try filter.validate()
        if let dataset = filter.dataset { _ = try await requireDataset(dataset) }
        if let city = filter.city, try await registry.findCities(named: city, datasetID: filter.dataset).isEmpty {
            throw unknownCity(city, dataset: filter.dataset)
        }
        return RelationQuery(
            datasetID: filter.dataset, city: filter.city.map(PersianText.normalized),
            country: try filter.country.map { text throws(ApplicationError) in try country(named: text, field: "country").code },
            kind: try await relationKind(filter.kind, dataset: filter.dataset),
            signedFrom: try filter.from.map { text throws(ApplicationError) in try RelationFilter.years(text, field: "from").lowerBound },
            signedTo: try filter.to.map { text throws(ApplicationError) in try RelationFilter.years(text, field: "to").upperBound },
            limit: limit, offset: offset)
    }

    /// A kind to filter by: a known one, or one that relations of the dataset (of any, without
    /// one) hold.
    func relationKind(_ text: String?, dataset: String?) async throws -> RelationKind? {
        guard let text else { return nil }
        let kind = try RelationKindFilter.term(text, field: "kind")
        if kind.isKnown { return kind }
        // One relation of the kind is enough: counting them all read the whole index of kinds.
        guard try await !registry.relations(matching: RelationQuery(datasetID: dataset, kind: kind, limit: 1)).relations.isEmpty else {
            throw RelationKindFilter.unknown(text, field: "kind")
        }
        return kind
    }

    /// Relations matching `filter`, `limit` at a time from `offset`, with their total; with
    /// `aggregateParts`, each district or other part of a city counted with its city (see
    /// ``aggregatedRelations(_:limit:offset:)``).
    public func relations(_ filter: RelationFilter, limit: Int? = nil, offset: Int = 0, aggregateParts: Bool = false) async throws -> RelationsResult {
        if let limit, limit < 1 { throw ApplicationError.invalid("limit", "invalid \(parameter: "limit") \(limit): expected a whole number of 1 or more") }
        guard offset >= 0 else { throw ApplicationError.invalid("offset", "invalid \(parameter: "offset") \(offset): expected 0 or more") }
        if aggregateParts { return try await aggregatedRelations(filter, limit: limit, offset: offset) }
        let query = try await relationQuery(filter, limit: limit, offset: offset)
        let selection = try await registry.relations(matching: query)
        let total = limit == nil && offset == 0 ? selection.relations.count : try await registry.countRelations(matching: query)
        return RelationsResult(selection: selection, total: total, limit: limit, offset: offset)
    }

    /// The relations `filter` selects, parts counted with their cities: with a city, the relations
    /// of the cities it names and of their parts (a city named is kept whole, as in its profile);
    /// each filter is the registry's, applied before the folding, and the page is cut after it.
    func aggregatedRelations(_ filter: RelationFilter, limit: Int?, offset: Int) async throws -> RelationsResult {
        let query = try await relationQuery(filter, limit: nil, offset: 0)
        let cities: [City]
        var named: [String] = []
        var relations: [BilateralRelation] = []
        if let city = filter.city {
            // The named cities, their parts at every level and the cities their relations reach,
            // with the chains those are part of: what the count of these cities depends on (see
            // Workspace+PartFamily.swift), read through indexes rather than every city.
            let namedCities = try await registry.findCities(named: city, datasetID: filter.dataset)
            named = namedCities.map(\.id)
            var involved = Dictionary(namedCities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let parts = try await partsAtEveryLevel(of: namedCities, dataset: filter.dataset)
            for part in parts { involved[part.id] = part }
            var seen: Set<String> = []
            for id in named + parts.map(\.id) {
                var member = query
                member.city = id
                let selection = try await registry.relations(matching: member)
                involved.merge(selection.cities) { first, _ in first }
                for relation in selection.relations where seen.insert(relation.id).inserted {
                    relations.append(relation)
                }
            }
            relations.sort { ($0.datasetID, $0.position) < ($1.datasetID, $1.position) }
            cities = try await withWholes(involved, dataset: filter.dataset).values.sorted { $0.id < $1.id }
        } else {
            cities = try await registry.cities(matching: CityQuery(datasetID: filter.dataset))
            relations = try await registry.relations(matching: query).relations
        }
        // City ids are unique across datasets, so relations of several datasets never merge.
        let selected = DatasetContent(dataset: Dataset(id: filter.dataset ?? "", title: LocalizedText(en: "")), cities: cities, relations: relations)
        let (counted, summary) = selected.aggregatingParts(keepingWhole: Set(named))
        var stated = summary
        if !named.isEmpty {
            stated = PartAggregation()
            for id in named {
                stated.add(summary.restricted(toCity: id, relationIDs: Set(counted.relations.filter { $0.involves(id) }.map(\.id))))
            }
        }
        let page = Array(counted.relations.dropFirst(offset).prefix(limit ?? Int.max))
        let citiesByID = selected.citiesByID
        let ends = Set(page.flatMap { [$0.cityID, $0.partnerID] })
        return RelationsResult(
            selection: RelationSelection(relations: page, cities: citiesByID.filter { ends.contains($0.key) }),
            total: counted.relations.count, limit: limit, offset: offset,
            aggregation: PartAggregationView(stated, scope: named.count == 1 ? .city : .datasets))
    }
}
