import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Hummingbird

/// `/tables/{1..4}` (also `.csv` and `.md`), `/audit` and `/statistics`: the study's tables, its
/// audit, and totals.
struct StudyController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("tables/:number") { request, context in
            let table = try Self.tableNumber(try PageRoutes.parameter("number", context))
            return try await responder.json(request) {
                let filters = Filters(request.uri.query)
                let language = try PageContext.language(filters)
                let tabulation = try await observatory.workspace.studyTable(try filters.studyTableRequest(table))
                return StudyTableView(table: table, tabulation: tabulation, language: language)
            }
        }
        // The table as a file, in the language asked for: the same renderers as `citydip tables --format csv|md`.
        for (suffix, format, contentType) in [("csv", OutputFormat.csv, "text/csv; charset=utf-8"), ("md", .md, "text/markdown; charset=utf-8")] {
            api.get("tables/{number}.\(suffix)") { request, context in
                let table = try Self.tableNumber(try PageRoutes.parameter("number", context))
                return try await responder.cached(request) {
                    let filters = Filters(request.uri.query)
                    let language = try PageContext.language(filters)
                    let tabulation = try await WebError.answering { try await observatory.workspace.studyTable(try filters.studyTableRequest(table)) }
                    return (TabulationRenderer(format: format, language: language).render(tabulation), contentType)
                }
            }
        }
        api.get("audit") { request, _ in
            try await responder.json(request) {
                let filters = Filters(request.uri.query)
                let language = try PageContext.language(filters)
                let status = try filters.auditStatus()
                let kind = try filters.auditKind()
                return AuditView(try await observatory.workspace.audit(dataset: filters.text("dataset")), language: language,
                                 status: status, kind: kind)
            }
        }
        api.get("statistics") { request, _ in
            try await responder.json(request) {
                let filters = Filters(request.uri.query)
                let top = try filters.integer("top", in: 1...1000) ?? 10
                return try await observatory.workspace.statistics(dataset: filters.text("dataset"), top: top, aggregateParts: try filters.aggregateParts)
            }
        }
    }
}

extension StudyController {
    /// The table a path names (Persian digits too), or a 404.
    static func tableNumber(_ raw: String) throws -> StudyTableNumber {
        guard let table = StudyTableNumber(rawValue: PersianText.asciiDigits(raw)) else {
            throw WebError.notFound("table '\(raw)' (the study has tables 1 to 4)", field: "number")
        }
        return table
    }
}

/// A study table as the API gives it: `{"table", "title", "columns": [{"key", "title"}], "rows",
/// "notes"}`, the rows as `citydip tables --format json` prints them.
struct StudyTableView: Encodable {
    struct Column: Encodable {
        var key: String
        var title: String
    }

    var table: Int
    var title: String
    var columns: [Column]
    var rows: JSONValue
    var notes: [String]

    init(table: StudyTableNumber, tabulation: Tabulation, language: Language) {
        self.table = table.number
        title = tabulation.title[language]
        columns = tabulation.columns.map { Column(key: $0.key, title: $0.title[language]) }
        rows = TabulationRenderer(format: .json, language: language).jsonRows(tabulation)
        notes = tabulation.notes.map { $0[language] }
    }
}
