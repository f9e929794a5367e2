import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/schemes/{id}`: one classification scheme as a reader checks it — its source, then every
/// category with its countries and its family under each reading — as `citydip schemes --scheme
/// ID` prints it (#13).
struct SchemePage {
    let observatory: Observatory
    let context: PageContext

    func render(schemeID: String) throws -> String {
        let c = context
        let table: SchemeTable
        do {
            table = try observatory.workspace.schemeTable(schemeID, field: "id")
        } catch {
            throw WebError.notFound(c.text(.message("web.not-found.scheme", ["id": schemeID])), field: "id").asPage(c)
        }
        let renderer = SchemeRenderer(format: .html, language: c.language)
        // Scheme ids as code, each a link to its page but the page's own.
        let paragraphs = renderer.paragraphs(table, code: { id in
            let code = "<code dir=\"ltr\">\(HTMLPage.escape(id))</code>"
            return id == table.id ? code : "<a href=\"\(HTMLPage.escape(Self.address(id, c)))\">\(code)</a>"
        }, escape: HTMLPage.escape)
        let view = SchemePageView(
            heading: c.text(table.title),
            paragraphs: paragraphs,
            table: TabulationRenderer(format: .html, language: c.language).htmlFragment(table.table),
            json: LinkView(text: "JSON", target: "/api/v1/schemes/\(PageContext.segment(table.id))?lang=\(c.language.rawValue)"))
        return try Layout.page("scheme", title: c.text(table.title), content: view, context: c)
    }

    /// The page of scheme `id`, in the context's language.
    static func address(_ id: String, _ context: PageContext) -> String {
        context.href("/schemes/\(PageContext.segment(id))")
    }
}

/// What the `scheme` template shows.
struct SchemePageView {
    let heading: String
    /// The source and the readings, as trusted HTML: every text escaped by ``SchemeRenderer``,
    /// ids as code.
    let paragraphs: [String]
    /// The table as `citydip schemes --scheme ID --format html` renders it, escaped there.
    let table: String
    let json: LinkView
}
