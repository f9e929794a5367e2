import CityDiplomacyAnalysis
import CityDiplomacyCore

/// A dimension to count by, as users name it: `scheme:ID`, `group:ID`, `period:ID`, `kind`,
/// `status`, `city`, `partner-city`, `partner-country`, `theme` or `decade`.
public struct DimensionName: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        case scheme, group, period, kind, status, city, partnerCity = "partner-city", partnerCountry = "partner-country", theme, decade

        var takesID: Bool { self == .scheme || self == .group || self == .period }
    }

    public var kind: Kind
    /// The scheme or periodisation, for `scheme:`, `group:` and `period:`.
    public var id: String?

    public static let accepted = "scheme:ID, group:ID, period:ID, kind, status, city, partner-city, partner-country, theme or decade"

    public init(parsing text: String, field: String = "by") throws(ApplicationError) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first, let kind = Kind(rawValue: first), kind.takesID == (parts.count == 2), parts.last?.isEmpty == false else {
            throw .invalid(field, "unknown dimension '\(text)': expected \(Self.accepted)")
        }
        self.kind = kind
        id = parts.count == 2 ? parts[1] : nil
    }

    public var description: String { id.map { "\(kind.rawValue):\($0)" } ?? kind.rawValue }
}

/// What to count: relations, memberships or events.
public enum CountedRecords: String, Choice {
    case relations, memberships, events
    public static let noun = "record type"
}

/// A count, cross-tabulation or ranking of one dataset.
public struct CountRequest: Hashable, Sendable {
    public var records: CountedRecords
    public var by: [DimensionName]
    public var dataset: String?
    /// Count relations touching this country (code or name), the partner at the other end.
    public var focusCountry: String?
    public var rule: AmbiguityRuleChoice?
    public var rank: Bool
    public var top: Int?
    /// Count each district or other part of a city with its city rather than as itself.
    public var aggregateParts: Bool

    public init(records: CountedRecords = .relations, by: [DimensionName], dataset: String? = nil, focusCountry: String? = nil,
                rule: AmbiguityRuleChoice? = nil, rank: Bool = false, top: Int? = nil, aggregateParts: Bool = false) {
        self.records = records
        self.by = by
        self.dataset = dataset
        self.focusCountry = focusCountry
        self.rule = rule
        self.rank = rank
        self.top = top
        self.aggregateParts = aggregateParts
    }

    public func validate() throws(ApplicationError) {
        if records == .relations, by.isEmpty { throw .invalid("by", "a dimension to count by is required: expected e.g. scheme:study-regions, kind or period:iran-presidencies") }
        if by.count > 2 { throw .invalid("by", "at most two dimensions: one for rows, one for columns") }
        if let top, top < 1 { throw .invalid("top", "invalid \(parameter: "top") \(top): expected a positive whole number") }
    }
}

extension Workspace {
    /// Counts, shares, a cross-tabulation or a ranking, as a table (noting what aggregating parts
    /// changed, when asked to).
    ///
    /// Relations are counted from the dataset's columns (``analysisColumns(ofDataset:)``), with
    /// the results of counting its records; memberships and events from its cities, networks,
    /// memberships and events alone. Only aggregating parts, which counts an edited copy of the
    /// records, reads them whole.
    public func count(_ request: CountRequest) async throws -> Tabulation {
        try request.validate()
        guard !request.aggregateParts else {
            let counted = try await countedContent(ofDataset: request.dataset, aggregateParts: true)
            var table = try count(request, of: counted.content)
            if let aggregation = counted.aggregationView { table.notes.append(aggregation.note) }
            return table
        }
        let columns = try await analysisColumns(ofDataset: request.dataset)
        switch request.records {
        case .relations:
            return try count(request, counting: ColumnAnalysis(columns: columns, focus: try focus(of: request)))
        case .memberships, .events:
            let id = columns.dataset.id
            let content = DatasetContent(
                dataset: columns.dataset, cities: columns.cities, networks: try await registry.networks(datasetID: id),
                memberships: try await registry.memberships(datasetID: id), events: try await registry.events(datasetID: id))
            return try count(request, of: content)
        }
    }

    /// Counts, shares, a cross-tabulation or a ranking of records already read (an aggregated or
    /// edited copy, or a dataset's records to hold the counting of columns to).
    public func count(_ request: CountRequest, of content: DatasetContent) throws -> Tabulation {
        try request.validate()
        let analysis = RelationAnalysis(content: content, focus: try focus(of: request))
        switch request.records {
        case .memberships:
            let tally = request.by.first?.kind == .city ? analysis.membershipsByCity() : analysis.membershipsByNetwork()
            return table(tally, noun: "memberships", request: request)
        case .events:
            return table(analysis.eventsByKind(), noun: "events", request: request)
        case .relations:
            return try count(request, counting: analysis)
        }
    }

    /// The partner of a relation as the request reads it: opposite the listing city, or outside its focus country.
    private func focus(of request: CountRequest) throws(ApplicationError) -> RelationAnalysis.Focus {
        try request.focusCountry.map { text throws(ApplicationError) in
            RelationAnalysis.Focus.country(try country(named: text, field: "focus-country").code)
        } ?? .listingCity
    }

    /// Relations counted along the request's one or two dimensions.
    private func count(_ request: CountRequest, counting: some RelationCounting) throws -> Tabulation {
        let dimensions = try request.by.map { name throws(ApplicationError) in try dimension(name, rule: request.rule) }
        if dimensions.count == 2 {
            return crossTable(counting.crossTabulation(rows: dimensions[0], columns: dimensions[1]), rows: dimensions[0], columns: dimensions[1])
        }
        var table = table(counting.tally(by: dimensions[0], includeEmpty: false), noun: "relations", request: request)
        if case let .period(periodisation, rule) = dimensions[0] {
            table.notes.append(Self.placementNote(counting, periodisation, rule))
        }
        return table
    }

    func dimension(_ name: DimensionName, rule: AmbiguityRuleChoice?) throws(ApplicationError) -> Dimension {
        switch name.kind {
        case .scheme: .category(try classifications.scheme(name.id!, field: "by"))
        case .group: .group(try classifications.scheme(name.id!, field: "by"))
        case .period: .period(try classifications.periodisation(name.id!, field: "by"), (rule ?? defaults.rule).rule)
        case .kind: .kind
        case .status: .status
        case .city: .city
        case .partnerCity: .partnerCity
        case .partnerCountry: .partnerCountry(countriesByCode.mapValues(\.name))
        case .theme: .theme
        case .decade: .decade
        }
    }

    func table(_ tally: Tally, noun: String, request: CountRequest) -> Tabulation {
        var rows = request.rank ? tally.ranked : tally.rows
        if let top = request.top { rows = Array(rows.prefix(top)) }
        return Tabulation(
            title: .message("count.title.\(noun)", localized: ["dimension": tally.label]),
            columns: [
                .init(key: "key", title: .message("column.id")),
                .titled("category"),
                .titled("count"),
                .titled("share_percent"),
            ],
            rows: rows.map { row in
                let share = tally.total == 0 ? 0 : Int((Double(row.count) * 1000 / Double(tally.total)).rounded())
                return [.identifier(row.key.id), .text(row.key.label), .number(row.count),
                        .code("\(share / 10).\(share % 10)", label: LocalizedText(en: "\(share / 10).\(share % 10)", fa: "\(share / 10)\(PersianText.decimalSeparator)\(share % 10)"))]
            },
            notes: [.message("count.total.\(noun)", ["total": String(tally.total)])])
    }

    /// Which rule placed the relations signed in a year when the period changed, and how many
    /// of them the dataset's own recorded placement decided: stated, never left implicit.
    static func placementNote(_ counting: some RelationCounting, _ periodisation: Periodisation, _ rule: AmbiguityRule) -> LocalizedText {
        let ambiguous = counting.ambiguousPlacements(in: periodisation)
        let recorded = ambiguous.filter { $0.recorded != nil }.count
        let values = ["ambiguous": String(ambiguous.count), "recorded": String(recorded)]
        if ambiguous.isEmpty { return .message("count.period.none-ambiguous") }
        if rule.honoursRecordedPlacement, recorded == 0 {
            let fallback = AmbiguityRule(honoursRecordedPlacement: false, fallback: rule.fallback)
            return .message("count.period.nothing-recorded", localized: ["rule": fallback.label], values)
        }
        if rule.honoursRecordedPlacement {
            return .message(recorded == ambiguous.count ? "count.period.all-recorded" : "count.period.recorded", localized: ["rule": rule.label], values)
        }
        return .message("count.period.rule", localized: ["rule": rule.label], values)
    }

    /// A cross-tabulation as a table, titled by the dimensions' names for people (a periodisation
    /// by its title, in the reader's language), not their ids.
    func crossTable(_ cross: CrossTabulation, rows: Dimension, columns: Dimension) -> Tabulation {
        Tabulation(
            title: .message("count.cross.title", localized: ["rows": rows.label, "columns": columns.label]),
            columns: [.init(key: "key", title: rows.label)]
                + cross.columns.map { .init(key: $0.id, title: $0.label) }
                + [.titled("total")],
            rows: cross.rows.map { row in
                [.text(row.label)] + cross.columns.map { .number(cross.count(row: row.id, column: $0.id)) }
                    + [.number(cross.columns.map { cross.count(row: row.id, column: $0.id) }.reduce(0, +))]
            })
    }
}
