import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork

extension Workspace {
    /// How the partners of a country's cities follow a priorities file, per city and overall,
    /// against partner countries drawn as the world draws them (``PriorityAlignment``).
    public func alignment(_ request: AlignmentRequest) async throws -> AlignmentResult {
        try request.validate()
        // Thousands of draws for every city: one such computation at a time, as comparisons.
        await comparisonGate.enter()
        defer { Task { await comparisonGate.leave() } }
        let priorities: PartnerPriorities
        if let text = request.prioritiesText {
            priorities = try self.priorities(text: text)
        } else {
            priorities = try self.priorities(file: request.prioritiesFile)
        }
        let focus = try country(named: request.focusCountry, field: "focus")
        let ids = try await analysedDatasets(request.datasets)
        var referenceIDs = request.against.isEmpty ? ids : try await analysedDatasets(request.against, field: "against")
        // The measured datasets are the world unless they leave none (the study's dataset alone,
        // every relation of which has an Iranian end): then, as a baseline does, the largest other
        // imported dataset, named in the output.
        if request.against.isEmpty, try await worldEnds(of: referenceIDs, without: focus.code).isEmpty,
           let id = ids.first, ids.count == 1, let other = try await defaultReferenceDataset(besides: id) {
            referenceIDs = [other]
        }
        let snapshot = try await self.snapshot(ofDatasets: ids)
        let reference = try await self.snapshot(ofDatasets: referenceIDs)
        // The world: each country's share of the relation ends of the reference, every relation with
        // an end in the focus country left out. Dropping only the focus's own ends would keep its
        // partners' ends, and a dataset of the focus's relations alone would measure its partners
        // against themselves.
        // Both sides are read as networks of cities: a place recorded by two datasets is one node,
        // and a pair of cities joined by several relations or datasets is counted once.
        let network = try await cityNetwork(ofDatasets: ids)
        let ends = try await worldEnds(of: referenceIDs, without: focus.code)
        let totalEnds = Double(ends.values.reduce(0, +))
        guard totalEnds > 0 else {
            throw ApplicationError.invalid(
                "against",
                "every relation of \(referenceIDs.joined(separator: ", ")) has an end in \(focus.code.rawValue): no world is left to draw \(focus.code.rawValue)'s partners from; name a reference dataset with \(parameter: "against")")
        }
        let world = ends.sorted { $0.key < $1.key }.map { (weight: priorities.weight(of: $0.key), probability: Double($0.value) / max(totalEnds, 1)) }
        // The focus's relations with partners abroad, by city.
        var partnersOf: [Int: [CountryCode]] = [:]
        var domestic = 0
        for edge in network.graph.edges {
            let a = edge.a, b = edge.b
            let ca = network.country(at: a), cb = network.country(at: b)
            switch (ca == focus.code, cb == focus.code) {
            case (true, true): domestic += 1
            case (true, false): partnersOf[a, default: []].append(cb)
            case (false, true): partnersOf[b, default: []].append(ca)
            case (false, false): break
            }
        }
        func measure(_ partners: [CountryCode], seed: UInt64) -> PriorityAlignment {
            PriorityAlignment(partnerWeights: partners.map(priorities.weight(of:)), world: world, maximumWeight: priorities.maximumWeight,
                              draws: request.draws, seed: seed)
        }
        let all: [CountryCode] = partnersOf.values.flatMap { $0 }
        let cities = partnersOf.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }.map { city, partners in
            AlignmentResult.CityRow(city: network.city(at: city), alignment: measure(partners, seed: request.seed &+ UInt64(city) &+ 1))
        }
        let groups = priorities.groups.map { group in
            AlignmentResult.GroupRow(group: group,
                                     observed: all.isEmpty ? .nan : Double(all.filter { priorities.group(of: $0)?.id == group.id }.count) / Double(all.count),
                                     expected: ends.filter { priorities.group(of: $0.key)?.id == group.id }.values.reduce(0) { $0 + Double($1) } / max(totalEnds, 1))
        }
        return AlignmentResult(request: request, priorities: priorities, focus: focus, datasets: snapshot.datasets,
                               reference: reference.datasets, overall: measure(all, seed: request.seed), cities: cities,
                               groups: groups, domesticRelations: domestic, referenceCountries: ends.count)
    }

    /// Each country's relation ends in the network of `ids`, every relation with an end in
    /// `focus` left out: the world a focus's partners are drawn from.
    func worldEnds(of ids: [String], without focus: CountryCode) async throws -> [CountryCode: Int] {
        let network = try await cityNetwork(ofDatasets: ids)
        var ends: [CountryCode: Int] = [:]
        for edge in network.graph.edges {
            let a = network.country(at: edge.a), b = network.country(at: edge.b)
            guard a != focus, b != focus else { continue }
            ends[a, default: 0] += 1
            ends[b, default: 0] += 1
        }
        return ends
    }
}

/// How a country's cities' partners follow declared priorities: what `citydip alignment` prints.
public struct AlignmentResult: Sendable {
    public struct CityRow: Sendable {
        public var city: City
        public var alignment: PriorityAlignment
    }

    public struct GroupRow: Sendable {
        public var group: PartnerPriorities.Group
        /// The share of the focus's relations abroad whose partner counts for this group.
        public var observed: Double
        /// The share of the world's relation ends (the focus left out) in countries counting for it.
        public var expected: Double
    }

    public let request: AlignmentRequest
    public let priorities: PartnerPriorities
    public let focus: Country
    public let datasets: [Dataset]
    public let reference: [Dataset]
    public let overall: PriorityAlignment
    public let cities: [CityRow]
    public let groups: [GroupRow]
    /// Relations between two cities of the focus country: no partner abroad, left out and said so.
    public let domesticRelations: Int
    public let referenceCountries: Int

    static func quoted(_ datasets: [Dataset]) -> LocalizedText {
        .joined(datasets.map { .message("text.quoted", localized: ["text": $0.title]) }, separator: "list.and")
    }

    static func share(_ value: Double) -> Tabulation.Cell { value.isFinite ? .percent(value) : .empty }

    func cells(_ a: PriorityAlignment) -> [Tabulation.Cell] {
        [.number(a.relations), Self.share(a.observedInAnyGroup), Self.share(a.observed), Self.share(a.expected), Self.share(a.lower), Self.share(a.upper),
         a.pValue.isFinite ? NetworkResult.pValueCell(a.pValue) : .empty]
    }

    var alignmentColumns: [Tabulation.Column] {
        [.init(key: "relations", title: .message("column.relations")),
         .init(key: "in_groups_percent", title: .message("alignment.column.in-groups")),
         .init(key: "weighted_percent", title: .message("alignment.column.weighted")),
         .init(key: "expected_percent", title: .message("alignment.column.expected")),
         .init(key: "lower_percent", title: .message("alignment.column.lower")),
         .init(key: "upper_percent", title: .message("alignment.column.upper")),
         .init(key: "p_value", title: .message("alignment.column.p-value"))]
    }

    /// One row per city of the focus with partners abroad, and the whole country first.
    public var table: Tabulation {
        Tabulation(
            title: .message("alignment.table", localized: ["country": focus.name]),
            columns: [.init(key: "city_id", title: .message("column.id")), .init(key: "city", title: .message("web.city"))] + alignmentColumns,
            rows: [[.empty, .text(.message("alignment.all-cities", localized: ["country": focus.name]))] + cells(overall)]
                + cities.map { [.identifier($0.city.id), .text($0.city.name)] + cells($0.alignment) })
    }

    public var groupTable: Tabulation {
        Tabulation(
            title: .message("alignment.groups.table"),
            columns: [.init(key: "group", title: .message("recommend.column.priority-group")), .init(key: "weight", title: .message("alignment.column.weight")),
                      .init(key: "observed_percent", title: .message("alignment.column.observed")),
                      .init(key: "expected_percent", title: .message("alignment.column.expected"))],
            rows: groups.map { [.code($0.group.id, label: $0.group.label), .decimal($0.group.weight, places: 1), Self.share($0.observed), Self.share($0.expected)] })
    }

    /// Where the priorities came from: a file's name, or the text a form or the API posted.
    private var prioritiesOrigin: LocalizedText {
        request.prioritiesText == nil ? .message("alignment.priorities-file", ["file": priorities.fileName]) : .message("alignment.priorities-posted")
    }

    public var document: ReportDocument {
        var paragraphs: [LocalizedText] = [
            .message("alignment.method", localized: ["title": priorities.title, "country": focus.name, "datasets": Self.quoted(datasets),
                                                     "reference": Self.quoted(reference), "file": prioritiesOrigin],
                     ["draws": String(request.draws), "seed": String(request.seed), "countries": String(referenceCountries)]),
        ]
        if let source = priorities.source { paragraphs.append(.message("priorities.source", localized: ["source": source])) }
        if let own = priorities.group(of: focus.code) {
            paragraphs.append(.message("priorities.own-country", localized: ["country": focus.name, "group": own.label]))
        }
        if overall.relations > 0 {
            let key = overall.pValue < 0.05 ? "alignment.verdict.above" : "alignment.verdict.chance"
            paragraphs.append(.message(key, localized: ["country": focus.name, "observed": RecommendationResult.decimal(overall.observed * 100, places: 1),
                                                        "expected": RecommendationResult.decimal(overall.expected * 100, places: 1),
                                                        "p": NetworkResult.pRelationText(overall.pValue)]))
        } else {
            paragraphs.append(.message("alignment.none", localized: ["country": focus.name]))
        }
        if domesticRelations > 0 { paragraphs.append(.message("alignment.domestic", ["count": String(domesticRelations)])) }
        return ReportDocument(title: .message("alignment.title", localized: ["country": focus.name, "title": priorities.title]),
                              sections: [.init(heading: .message("alignment.section"), paragraphs: paragraphs, tables: [table, groupTable])])
    }
}

extension AlignmentResult {
    public var view: AlignmentView { AlignmentView(self) }
}

/// `{"priorities", "focus_iso2", "datasets", "against", "draws", "seed", "domestic_relations", "overall", "cities", "groups"}`;
/// shares from 0 to 1, `null` where there is no relation to measure.
public struct AlignmentView: Encodable, Sendable {
    struct Figures: Encodable {
        var cityID: String?
        var relations: Int
        var inGroups: Double?
        var weighted: Double?
        var expected: Double
        var lower: Double?
        var upper: Double?
        var pValue: Double?
        enum CodingKeys: String, CodingKey { case cityID = "city_id", relations, inGroups = "in_groups", weighted, expected, lower, upper, pValue = "p_value" }

        init(_ a: PriorityAlignment, cityID: String?) {
            func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
            self.cityID = cityID
            relations = a.relations
            inGroups = finite(a.observedInAnyGroup)
            weighted = finite(a.observed)
            expected = a.expected
            lower = finite(a.lower)
            upper = finite(a.upper)
            pValue = finite(a.pValue)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let cityID { try c.encode(cityID, forKey: .cityID) }
            try c.encode(relations, forKey: .relations)
            try c.encode(inGroups, forKey: .inGroups)
            try c.encode(weighted, forKey: .weighted)
            try c.encode(expected, forKey: .expected)
            try c.encode(lower, forKey: .lower)
            try c.encode(upper, forKey: .upper)
            try c.encode(pValue, forKey: .pValue)
        }
    }

    struct Group: Encodable {
        var id: String
        var weight: Double
        var observed: Double?
        var expected: Double
    }

    var priorities: String
    var focusISO2: String
    var datasets: [String]
    var against: [String]
    var draws: Int
    var seed: UInt64
    var domesticRelations: Int
    var overall: Figures
    var cities: [Figures]
    var groups: [Group]

    enum CodingKeys: String, CodingKey {
        case priorities, focusISO2 = "focus_iso2", datasets, against, draws, seed, domesticRelations = "domestic_relations", overall, cities, groups
    }

    init(_ r: AlignmentResult) {
        priorities = r.priorities.id
        focusISO2 = r.focus.code.rawValue
        datasets = r.datasets.map(\.id)
        against = r.reference.map(\.id)
        draws = r.request.draws
        seed = r.request.seed
        domesticRelations = r.domesticRelations
        overall = Figures(r.overall, cityID: nil)
        cities = r.cities.map { Figures($0.alignment, cityID: $0.city.id) }
        groups = r.groups.map { Group(id: $0.group.id, weight: $0.group.weight, observed: $0.observed.isFinite ? $0.observed : nil, expected: $0.expected) }
    }
}
