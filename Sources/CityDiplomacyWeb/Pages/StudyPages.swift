import CityDiplomacyApplication
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
        var table: Tabulation
        let about: Dataset
        let version: DatasetVersion
        var paging: StudyTablePageView.Paging?
        do {
            // The page's own parameters first: a bad one costs no read of the dataset.
            let requestedPage = try c.filters.integer("page", in: 1...10_000_000) ?? 1
            let perPage = try c.filters.integer("per_page", in: 1...5_000) ?? Workspace.studyTableRowsPerPage
            if number == 1 {
                // Table 1 lists every relation: the page reads only its own rows (its files are
                // whole), and the citation the version kept with the dataset.
                let workspace = observatory.workspace
                let read = try await WebError.answering {
                    try await workspace.relationsTablePage(ofDataset: c.filters.text("dataset"), page: requestedPage, perPage: perPage)
                }
                table = read.page.table
                paging = pagingView(read.page)
                about = read.dataset
                version = try await WebError.answering { try await workspace.version(ofDataset: about.id) }
            } else {
                // Tables 2-4 are counts: they come from the dataset's columns, and the citation
                // from the version kept with the dataset, so that the page reads no records.
                let workspace = observatory.workspace
                table = try await observatory.studyTable(number, filters: c.filters)
                about = try await WebError.answering { try await workspace.analysisColumns(ofDataset: c.filters.text("dataset")).dataset }
                version = try await WebError.answering { try await workspace.version(ofDataset: about.id) }
            }
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let dataset = about.id
        let citations = CitationPages(observatory: observatory, context: c)
        let view = StudyTablePageView(
            tabs: Observatory.tableNumbers.map { .init(text: c.text(.message("web.table-tab", ["number": String($0)])), address: c.href("/tables/\($0)"), current: $0 == number) },
            ruleForm: number == 3 ? ruleForm() : nil,
            table: TabulationRenderer(format: .html, language: c.language).htmlFragment(table),
            paging: paging,
            schemes: number == 2 ? schemesNote() : nil,
            downloadsLabel: c.text(.message("web.table.downloads")),
            downloads: downloads(number),
            about: LinkView(text: c.text(.message("about.link")), target: c.href("/datasets/\(PageContext.segment(dataset))")),
            citations: try await citations.boxes(about, version: version))
        return try Layout.page("study-table", title: c.text(table.title), content: view, context: c)
    }

    /// Which rows of Table 1 the page shows, and the links to the pages before and after it,
    /// keeping the page's other choices.
    private func pagingView(_ page: TabulationPage) -> StudyTablePageView.Paging {
        let c = context
        return .init(
            shown: c.text(.message("web.table.rows-shown", ["first": c.number(page.firstRow), "last": c.number(page.lastRow),
                                                            "total": c.number(page.totalRows), "page": c.number(page.page),
                                                            "pages": c.number(page.pageCount)])),
            links: (page.page > 1 ? [.init(rel: "prev", text: c.text(.message("web.previous")), address: c.href(setting: "page", to: String(page.page - 1)))] : [])
                + (page.page < page.pageCount ? [.init(rel: "next", text: c.text(.message("web.next")), address: c.href(setting: "page", to: String(page.page + 1)))] : []))
    }

    /// The table as files — CSV, JSON, Markdown — as the page shows it: in its language, under its
    /// rule and dataset, and whole (not the page of Table 1 shown). JSON is the API's answer for
    /// the table; CSV and Markdown are what `citydip tables --format csv|md` prints.
    private func downloads(_ number: Int) -> [StudyTablePageView.Download] {
        let c = context
        let kept = c.fields.pairs.filter { !["page", "per_page"].contains($0.name) }
            .map { "\(PageContext.encode($0.name))=\(PageContext.encode($0.value))" }.joined(separator: "&")
        let query = kept.isEmpty ? "" : "?" + kept
        let suffix = c.language == .fa ? "-fa" : ""
        return [("CSV", ".csv", "text/csv", "csv"), ("JSON", "", "application/json", "json"), ("Markdown", ".md", "text/markdown", "md")].map { name, path, type, ext in
            .init(name: name, address: "/api/v1/tables/\(number)\(path)\(query)", file: "table-\(number)\(suffix).\(ext)", mediaType: type)
        }
    }

    /// Table 2's classifications, each linked to its page: the table of categories and families
    /// the counts apply.
    private func schemesNote() -> StudyTablePageView.SchemesNote? {
        let c = context
        let defaults = observatory.workspace.defaults
        let ids = [c.filters.text("regions") ?? defaults.regionScheme, c.filters.text("affiliations") ?? defaults.affiliationScheme]
        let links = ids.compactMap { id in
            observatory.schemes[id].map { LinkView(text: c.text($0.title), target: SchemePage.address(id, c)) }
        }
        return links.isEmpty ? nil : .init(label: c.text(.message("web.table.schemes")),
                                           links: links.enumerated().map { .init(link: $1, more: $0 < links.count - 1) })
    }

    /// Table 3's choice of where a year that changes the period goes.
    private func ruleForm() -> StudyTablePageView.RuleForm {
        let c = context
        let chosen = c.fields["rule"] ?? "recorded"
        return .init(persian: c.language == .fa, label: c.text(.message("web.years-of-a-change-of-period")), submit: c.text(.message("web.show")),
                     rules: ["recorded", "later", "earlier", "exclude"]
                        .map { .init(value: $0, label: c.text(.message("web.rule.\($0)")), selected: chosen == $0) })
    }

    /// The audit: the summary first (the headline, each kind of check counted apart, and the
    /// findings by status), then the findings of the status and kind asked for (all by default),
    /// in the sections of ``AuditResult/sections(_:kind:)``: those that do not match at the top,
    /// the consistency checks at the bottom.
    func audit() async throws -> String {
        let c = context
        let result: AuditResult, status: AuditFinding.Status?, kind: AuditFinding.Kind?
        do {
            status = try c.filters.auditStatus()
            kind = try c.filters.auditKind()
            result = try await observatory.audit(dataset: c.filters.text("dataset"))
        } catch let error as WebError {
            throw error.asPage(c)
        }
        return try Self.auditPage(result, status: status, kind: kind, context: c)
    }

    /// The audit page of `result`, listing the findings of `status` and `kind` (all when `nil`).
    static func auditPage(_ result: AuditResult, status: AuditFinding.Status?, kind: AuditFinding.Kind?, context c: PageContext) throws -> String {
        let renderer = AuditRenderer(format: .html, language: c.language)
        // A status's link counts the findings it would list: under the kind chosen, and the other way round.
        func statusFilter(_ choice: AuditFinding.Status?, kind: AuditFinding.Kind?) -> AuditPageView.FilterLink {
            .init(code: choice?.rawValue ?? "all", label: c.text(.message("audit.status.\(choice?.rawValue ?? "all")")),
                  figure: c.number(result.count(status: choice, kind: kind)), address: c.href(setting: "status", to: choice?.rawValue),
                  current: choice == status)
        }
        func kindFilter(_ choice: AuditFinding.Kind?) -> AuditPageView.FilterLink {
            .init(code: choice?.rawValue ?? "all", label: c.text(.message("web.audit.kind.\(choice?.rawValue ?? "all")")),
                  figure: c.number(result.count(status: status, kind: choice)), address: c.href(setting: "kind", to: choice?.rawValue),
                  current: choice == kind)
        }
        let sections = result.sections(status, kind: kind)
        let query = [("status", status?.rawValue), ("kind", kind?.rawValue), ("lang", c.language.rawValue)]
            .compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: "&")
        let view = AuditPageView(
            heading: c.text(result.title),
            summaryHeading: c.text(.message("web.audit.summary")),
            headline: c.text(AuditRenderer.headline(result.findings)),
            kindsNote: c.text(.message("web.audit.kinds-note")),
            summary: AuditFinding.Status.allCases.map { statusFilter($0, kind: nil) },
            filterLabel: c.text(.message("web.audit.filter")),
            filters: ([nil] + AuditResult.statusOrder).map { statusFilter($0, kind: kind) },
            kindFilterLabel: c.text(.message("web.audit.filter-kind")),
            kindFilters: ([nil] + AuditFinding.Kind.allCases).map(kindFilter),
            findingsHeading: c.text(.message("web.audit.findings")),
            order: c.text(.message("web.audit.order-by-kind")),
            columns: ["presentation.status", "web.audit.claim", "presentation.printed", "presentation.from-the-records",
                      "web.audit.evidence", "column.id"].map { c.text(.message($0)) },
            sections: sections.map { section in
                AuditPageView.Section(heading: c.text(section.heading), findings: section.findings.map { finding in
                    AuditPageView.Finding(
                        id: finding.id, status: finding.status.rawValue, kind: finding.kind.rawValue,
                        statusLabel: c.text(AuditRenderer.label(finding.status)), kindLabel: c.text(AuditRenderer.label(finding.kind)),
                        claim: c.text(finding.claim), claimInEnglish: c.language != .en && finding.claim.fa == nil,
                        sentence: finding.sentence.map { c.text($0) }, sentenceInEnglish: c.language != .en && finding.sentence?.fa == nil,
                        published: renderer.text(of: finding.published), computed: renderer.text(of: finding.computed),
                        detail: c.text(finding.detail))
                })
            },
            emptyNote: sections.isEmpty ? c.text(.message("audit.none-listed")) : nil,
            json: LinkView(text: "JSON", target: "/api/v1/audit?" + query))
        return try Layout.page("audit", title: c.text(.message("web.audit")), content: view, context: c)
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

    /// A file of the table.
    struct Download {
        let name: String
        let address: String
        /// The name the file is saved under.
        let file: String
        let mediaType: String
    }

    /// Which rows a page of a long table shows, with the links to the pages around it.
    struct Paging {
        /// "Rows 1–250 of 24,509 (page 1 of 99)", in the page's language and digits.
        let shown: String
        let links: [RelationsView.PagingLink]
    }

    /// The classifications a table is counted by, each linked to its page.
    struct SchemesNote {
        struct Item {
            let link: LinkView
            /// Another link follows.
            let more: Bool
        }

        let label: String
        let links: [Item]
    }

    let tabs: [Tab]
    let ruleForm: RuleForm?
    /// The table as the report renders it for the CLI too, every cell escaped there: a trusted
    /// fragment, written into the page as it is.
    let table: String
    /// The rows shown and the links to other pages, for Table 1; `nil` for the other tables.
    let paging: Paging?
    /// Table 2's schemes of regions and affiliations; `nil` for the other tables.
    let schemes: SchemesNote?
    let downloadsLabel: String
    let downloads: [Download]
    /// The page of the dataset the table is computed from.
    let about: LinkView
    /// How to cite the study and the dataset.
    /// The citation boxes as rendered (``CitationPages/boxes(_:version:)``).
    let citations: [String]
}

/// What the `audit` template shows: the headline and the summary by status, the filters by
/// status and by kind with their counts, and the findings listed by section.
struct AuditPageView {
    /// A status or kind with how many findings have it, as a summary figure and as a filter link.
    struct FilterLink {
        /// The status's or kind's code (`mismatch`, `consistency`, …; `all`), for the page's classes.
        let code: String
        let label: String
        let figure: String
        let address: String
        let current: Bool
    }

    /// Findings under a heading ("Mismatches and contradicted claims").
    struct Section {
        let heading: String
        let findings: [Finding]
    }

    struct Finding {
        let id: String
        let status: String
        /// `independent` or `consistency`, for the page's attributes.
        let kind: String
        let statusLabel: String
        let kindLabel: String
        let claim: String
        /// The claim has no Persian yet: marked English on a Persian page.
        let claimInEnglish: Bool
        /// The finding as one plain sentence a reader can quote, where the audit gives one; shown
        /// above the evidence.
        let sentence: String?
        /// The sentence has no Persian yet: marked English on a Persian page.
        let sentenceInEnglish: Bool
        let published: String
        let computed: String
        /// The evidence: the records that explain the finding, by their cities and years.
        let detail: String
    }

    let heading: String
    let summaryHeading: String
    /// Each kind of check counted apart, independent ones first.
    let headline: String
    /// What the two kinds of check are.
    let kindsNote: String
    let summary: [FilterLink]
    let filterLabel: String
    let filters: [FilterLink]
    let kindFilterLabel: String
    let kindFilters: [FilterLink]
    let findingsHeading: String
    let order: String
    let columns: [String]
    let sections: [Section]
    let emptyNote: String?
    let json: LinkView
}
