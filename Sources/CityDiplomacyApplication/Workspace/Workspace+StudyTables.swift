import CityDiplomacyAnalysis
import CityDiplomacyCore

/// Which of the study's tables to compute, and under which classifications; `nil` takes the
/// study's default.
public struct StudyTableRequest: Hashable, Sendable {
    public var table: StudyTableNumber
    public var dataset: String?
    public var regions: String?
    public var affiliations: String?
    public var periodisation: String?
    public var rule: AmbiguityRuleChoice?

    public init(table: StudyTableNumber, dataset: String? = nil, regions: String? = nil, affiliations: String? = nil,
                periodisation: String? = nil, rule: AmbiguityRuleChoice? = nil) {
        self.table = table
        self.dataset = dataset
        self.regions = regions
        self.affiliations = affiliations
        self.periodisation = periodisation
        self.rule = rule
    }
}

extension Workspace {
    /// One of the study's tables of a dataset: Tables 2–4 from its columns, networks and
    /// memberships (``analysisColumns(ofDataset:)``), Table 1, which lists the relations'
    /// records, from its records; kept until the registry changes.
    public func studyTable(_ request: StudyTableRequest) async throws -> Tabulation {
        guard request.table != .relations else { return try await studyTable(request, of: try await content(ofDataset: request.dataset)) }
        let revision = try await registry.revision()
        let columns = try await analysisColumns(ofDataset: request.dataset)
        var key = request
        key.dataset = columns.dataset.id
        return try await studyTables.value(for: key, revision: revision) { [self] in
            let id = columns.dataset.id
            let networks = request.table == .networks ? try await registry.networks(datasetID: id) : []
            let memberships = request.table == .networks ? try await registry.memberships(datasetID: id) : []
            return try studyTable(request, from: StudyTables(columns: columns, networks: networks, memberships: memberships, countries: countries))
        }
    }

    /// One of the study's tables, computed from records already read (`request.dataset` is not read
    /// again). When the records are a dataset as read, the table is the dataset's, kept until the
    /// registry changes (Tables 2–4 then counted from its columns); an edited or aggregated copy
    /// is counted as it is.
    public func studyTable(_ request: StudyTableRequest, of content: DatasetContent) async throws -> Tabulation {
        let revision = try await registry.revision()
        guard await isAsRead(content, at: revision) else {
            return try studyTable(request, from: StudyTables(content: content, countries: countries))
        }
        var key = request
        key.dataset = content.dataset.id
        guard request.table == .relations else { return try await studyTable(key) }
        return try await studyTables.value(for: key, revision: revision) { [self] in
            try studyTable(request, from: StudyTables(content: content, countries: countries))
        }
    }

    private func studyTable(_ request: StudyTableRequest, from tables: StudyTables) throws -> Tabulation {
        switch request.table {
        case .relations:
            return tables.relationsTable()
        case .regions:
            return tables.regionTable(
                regions: try classifications.scheme(request.regions ?? defaults.regionScheme, field: "regions"),
                affiliations: try classifications.scheme(request.affiliations ?? defaults.affiliationScheme, field: "affiliations"))
        case .periods:
            return tables.periodTable(
                periodisation: try classifications.periodisation(request.periodisation ?? defaults.periodisation),
                rule: (request.rule ?? defaults.rule).rule)
        case .networks:
            return tables.networksTable()
        }
    }
}
