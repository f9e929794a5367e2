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

    /// One page of Table 1 of dataset `id` (the default dataset when `nil`), with the dataset:
    /// only that page's relations are read, in dataset order through the registry's index, and
    /// the total comes from the dataset's columns (kept per revision), so that a page costs what
    /// its rows cost. The rows are those of ``studyTable(_:)``'s whole table on that page.
    public func relationsTablePage(ofDataset id: String?, page: Int, perPage: Int) async throws -> (dataset: Dataset, page: TabulationPage) {
        let revision = try await registry.revision()
        let columns = try await analysisColumns(ofDataset: id)
        let total = columns.relationCount
        let perPage = max(1, perPage)
        let shown = min(max(1, page), max(1, (total + perPage - 1) / perPage))
        // Within the rows there are: `shown` is clamped to the last page.
        let offset = (shown - 1) * perPage
        let registry = self.registry, countries = countriesByCode, dataset = columns.dataset.id
        // Kept per revision, a page at a time, as the whole tables are.
        let page = try await tablePages.value(for: "\(dataset)|\(shown)|\(perPage)", revision: revision) {
            let selection = try await registry.relations(matching: RelationQuery(datasetID: dataset, limit: perPage, offset: offset))
            let table = StudyTables.relationsTable(selection.relations, cities: selection.cities, countries: countries, total: total)
            return TabulationPage(pageOf: table, page: shown, perPage: perPage, totalRows: total)
        }
        return (columns.dataset, page)
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

/// One page of a table's rows: what a page of the observatory shows of a long table (Table 1
/// lists every relation, 24,509 rows for the Wikipedia dataset), while its files keep it whole.
public struct TabulationPage: Hashable, Sendable {
    /// The table with only this page's rows, its groups cut to them; its title, columns, notes
    /// and total (of every row) as they were.
    public var table: Tabulation
    /// The page shown, from 1; a page past the last is the last.
    public var page: Int
    /// How many rows a page holds.
    public var perPage: Int
    /// How many pages the whole table makes (at least 1).
    public var pageCount: Int
    /// The rows of the whole table.
    public var totalRows: Int
    /// The first and last row shown, counted from 1 in the whole table; both 0 when it is empty.
    public var firstRow: Int
    public var lastRow: Int

    /// A page whose rows `table` already holds (``Workspace/relationsTablePage(ofDataset:page:perPage:)``
    /// read only them): page `page` (already within the pages there are) of `totalRows` rows.
    public init(pageOf table: Tabulation, page: Int, perPage: Int, totalRows: Int) {
        self.table = table
        self.perPage = max(1, perPage)
        pageCount = max(1, (totalRows + self.perPage - 1) / self.perPage)
        self.page = min(max(1, page), pageCount)
        self.totalRows = totalRows
        firstRow = table.rows.isEmpty ? 0 : (self.page - 1) * self.perPage + 1
        lastRow = table.rows.isEmpty ? 0 : firstRow + table.rows.count - 1
    }

    /// Rows `(page - 1) * perPage ..< page * perPage` of `table` (`perPage` at least 1; `page` at
    /// least 1 and at most the last page).
    public init(_ table: Tabulation, page: Int, perPage: Int) {
        let perPage = max(1, perPage)
        let total = table.rows.count
        let pageCount = max(1, (total + perPage - 1) / perPage)
        let page = min(max(1, page), pageCount)
        let range = min(total, (page - 1) * perPage)..<min(total, page * perPage)
        var shown = table
        shown.rows = Array(table.rows[range])
        shown.groups = table.groups.compactMap { group in
            let rows = group.rows.clamped(to: range)
            guard !rows.isEmpty else { return nil }
            return Tabulation.RowGroup(rows: (rows.lowerBound - range.lowerBound)..<(rows.upperBound - range.lowerBound), subtotal: group.subtotal)
        }
        self.table = shown
        self.page = page
        self.perPage = perPage
        self.pageCount = pageCount
        self.totalRows = total
        firstRow = range.isEmpty ? 0 : range.lowerBound + 1
        lastRow = range.upperBound
    }
}

extension Workspace {
    /// Rows a page of a study table holds by default: enough to read on, few enough to render at once.
    public static let studyTableRowsPerPage = 250

    /// A page of one of the study's tables, computed from records already read (as
    /// ``studyTable(_:of:)``, whose whole table is kept until the registry changes).
    public func studyTablePage(_ request: StudyTableRequest, of content: DatasetContent, page: Int,
                               perPage: Int = Workspace.studyTableRowsPerPage) async throws -> TabulationPage {
        TabulationPage(try await studyTable(request, of: content), page: page, perPage: perPage)
    }
}
