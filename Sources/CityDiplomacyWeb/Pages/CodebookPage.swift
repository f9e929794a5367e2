import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/codebook`: the themes coders apply to agreement texts, as `citydip codebook` prints them.
struct CodebookPage {
    let observatory: Observatory
    let context: PageContext

    func render() throws -> String {
        let c = context
        let workspace = observatory.workspace
        let codebook: Codebook
        do throws(ApplicationError) {
            codebook = try workspace.codebook()
        } catch {
            throw WebError(error).asPage(c)
        }
        let table = workspace.codebookTable(codebook)
        let paragraphs = [c.text(.message("codebook.note"))] + (codebook.source.map { [c.text(.message("codebook.source", ["source": c.text($0)]))] } ?? [])
        let view = SchemePageView(
            heading: c.text(codebook.title),
            paragraphs: paragraphs.map(HTMLPage.escape),
            table: TabulationRenderer(format: .html, language: c.language).htmlFragment(table),
            json: LinkView(text: "JSON", target: "/api/v1/codebook"))
        return try Layout.page("scheme", title: c.text(.message("web.codebook")), content: view, context: c)
    }
}
