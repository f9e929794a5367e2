import CityDiplomacyApplication
import CityDiplomacyCore

/// `/compare` and `/baseline`: what `citydip compare` and `citydip baseline` give, as a page with
/// a form for the parameters and the same data as JSON (and CSV) from the API:
///
/// ```
/// GET /compare?subject=Istanbul&subject=country:IR&dataset=wikipedia-2026&dataset=iran-2018&lang=fa
/// GET /baseline?focus=country:IR&scheme=study-regions&group=periphery&against=wikipedia-2026
/// ```
///
/// Without enough parameters the page is the form alone, with the syntax of a subject.
struct ComparisonPages {
    let observatory: Observatory
    let context: PageContext

    func compare() async throws -> String {
        let c = context
        let filters = c.filters
        let subjects = filters.texts("subject")
        var sections: [NetworkAnalysisPageView.Section] = []
        var heading = c.text(.message("web.compare.heading"))
        var downloads: [StudyTablePageView.Download] = []
        if subjects.count >= 2 {
            let result: ComparisonResult
            do { result = try await observatory.compare(filters) } catch let error as WebError { throw error.asPage(c) }
            heading = c.text(result.title)
            sections = Self.sections(result.document, context: c)
            let query = "/api/v1/compare?" + c.fields.pairs.map { "\(PageContext.encode($0.name))=\(PageContext.encode($0.value))" }.joined(separator: "&")
            downloads = [
                .init(name: c.text(.message("web.compare.json")), address: query, file: "comparison.json", mediaType: "application/json"),
                .init(name: c.text(.message("web.compare.csv")), address: query + "&format=csv", file: "comparison.csv", mediaType: "text/csv"),
            ]
        }
        let fields = (subjects + [""] + (subjects.count < 2 ? [""] : [])).prefix(ComparisonRequest.maximumSubjects).map {
            ComparisonPageView.Field(label: c.text(.message("web.compare.subject")), name: "subject", value: $0, size: 24)
        } + (filters.texts("dataset") + [""]).map { ComparisonPageView.Field(label: c.text(.message("web.compare.dataset")), name: "dataset", value: $0, size: 16) }
            + [ComparisonPageView.Field(label: c.text(.message("web.compare.scheme")), name: "scheme", value: filters.text("scheme") ?? "", size: 16)]
        let view = ComparisonPageView(
            heading: heading, hidden: c.language == .fa ? [.init(name: "lang", value: "fa")] : [], fields: Array(fields),
            submit: c.text(.message("web.show")), help: c.text(.message("web.compare.help")),
            examples: ["Istanbul", "country:IR", "group:un-m49:western-asia", "group:study-regions:periphery", "cities:Tehran,Isfahan", "country:IR@iran-2018"],
            dataLabel: c.text(.message("web.network-analysis.data")), downloads: downloads, hasDownloads: !downloads.isEmpty, sections: sections)
        return try Layout.page("comparison", title: heading, content: view, context: c)
    }

    func baseline() async throws -> String {
        let c = context
        let filters = c.filters
        var sections: [NetworkAnalysisPageView.Section] = []
        var heading = c.text(.message("web.baseline.heading"))
        var downloads: [StudyTablePageView.Download] = []
        if ["focus", "scheme", "group"].allSatisfy({ filters.text($0) != nil }) {
            let result: BaselineResult
            do { result = try await observatory.baseline(filters) } catch let error as WebError { throw error.asPage(c) }
            heading = c.text(result.title)
            sections = Self.sections(result.document, context: c)
            let query = "/api/v1/baseline?" + c.fields.pairs.map { "\(PageContext.encode($0.name))=\(PageContext.encode($0.value))" }.joined(separator: "&")
            downloads = [.init(name: c.text(.message("web.compare.json")), address: query, file: "baseline.json", mediaType: "application/json")]
        }
        let fields = ["focus", "scheme", "group", "dataset", "against", "model", "draws", "seed"].map { name in
            ComparisonPageView.Field(label: c.text(.message("web.baseline.\(name)")), name: name, value: filters.text(name) ?? "", size: name == "focus" ? 20 : 12)
        }
        let view = ComparisonPageView(
            heading: heading, hidden: c.language == .fa ? [.init(name: "lang", value: "fa")] : [], fields: fields,
            submit: c.text(.message("web.show")), help: c.text(.message("web.baseline.help")),
            examples: ["focus=country:IR", "scheme=study-regions", "group=periphery", "against=wikipedia-2026", "model=world"],
            dataLabel: c.text(.message("web.network-analysis.data")), downloads: downloads, hasDownloads: !downloads.isEmpty, sections: sections)
        return try Layout.page("comparison", title: heading, content: view, context: c)
    }

    /// A document's sections as the network page shows them.
    static func sections(_ document: ReportDocument, context c: PageContext) -> [NetworkAnalysisPageView.Section] {
        document.sections.map { section in
            NetworkAnalysisPageView.Section(sectionHeading: c.text(section.heading), paragraphs: section.paragraphs.map { c.text($0) },
                                            tables: section.tables.map { TabulationView($0, context: c) })
        }
    }
}

/// What the `comparison` template shows.
struct ComparisonPageView {
    struct Field {
        let label: String
        let name: String
        let value: String
        let size: Int
    }

    struct Hidden {
        let name: String
        let value: String
    }

    let heading: String
    let hidden: [Hidden]
    let fields: [Field]
    let submit: String
    let help: String
    /// How a subject is written: code, the same in every language.
    let examples: [String]
    let dataLabel: String
    let downloads: [StudyTablePageView.Download]
    let hasDownloads: Bool
    let sections: [NetworkAnalysisPageView.Section]
}
