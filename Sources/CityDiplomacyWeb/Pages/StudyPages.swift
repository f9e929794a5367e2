import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/tables/{1..4}` and `/audit`: the study's tables computed from the records, and the audit of
/// what the study printed.
struct StudyPages {
    let observatory: Observatory
    let context: PageContext

    func table(_ raw: String) async throws -> String {
        let c = context
        guard let number = Int(PersianText.asciiDigits(raw)), Observatory.tableNumbers.contains(number) else {
            throw WebError.notFound(c.text(.message("web.not-found.table", ["number": raw])), field: "number").asPage(c)
        }
        let table: Tabulation
        do {
            table = try await observatory.studyTable(number, filters: c.filters)
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let view = StudyTablePageView(
            tabs: Observatory.tableNumbers.map { .init(text: c.text(.message("web.table-tab", ["number": String($0)])), address: c.href("/tables/\($0)"), current: $0 == number) },
            ruleForm: number == 3 ? ruleForm() : nil,
            table: TabulationRenderer(format: .html, language: c.language).htmlFragment(table),
            json: "/api/v1/tables/\(number)" + (c.language == .fa ? "?lang=fa" : ""))
        return try Layout.page("study-table", title: c.text(table.title), content: view, context: c)
    }

    /// Table 3's choice of where a year that changes the period goes.
    private func ruleForm() -> StudyTablePageView.RuleForm {
        let c = context
        let chosen = c.fields["rule"] ?? "recorded"
        return .init(persian: c.language == .fa, label: c.text(.message("web.years-of-a-change-of-period")), submit: c.text(.message("web.show")),
                     rules: ["recorded", "later", "earlier", "exclude"]
                        .map { .init(value: $0, label: c.text(.message("web.rule.\($0)")), selected: chosen == $0) })
    }

    func audit() async throws -> String {
        let c = context
        let findings: [AuditFinding], title: LocalizedText
        do {
            (findings, title) = try await observatory.audit(dataset: c.filters.text("dataset"))
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let renderer = AuditRenderer(format: .html, language: c.language)
        let table = TabulationRenderer(format: .html, language: c.language).htmlFragment(renderer.table(findings, title: title))
        return try Layout.page("audit", title: c.text(.message("web.audit")), content: AuditPageView(table: table), context: c)
    }
}

/// What the `study-table` template shows: the tabs of the four tables, Table 3's rule, the table.
struct StudyTablePageView {
    struct Tab {
        let text: String
        let address: String
        let current: Bool
    }

    struct RuleForm {
        let persian: Bool
        let label: String
        let submit: String
        let rules: [RelationsView.Choice]
    }

    let tabs: [Tab]
    let ruleForm: RuleForm?
    /// The table as the report renders it for the CLI too, every cell escaped there: a trusted
    /// fragment, written into the page as it is.
    let table: String
    let json: String
}

/// What the `audit` template shows: the audit's table, escaped by the report's renderer.
struct AuditPageView {
    let table: String
}
