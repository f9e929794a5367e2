import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip documents show` in Markdown: the document's description, its text as a quotation,
/// then its coded passages and the suggestions to decide as tables.
struct DocumentMarkdown {
    let view: DocumentView
    let language: Language

    func render() -> String {
        let style = OutputStyle(language: language)
        let document = view.document
        var lines = ["# " + style.asWritten(document.title[language]), ""]
        func field(_ key: String, _ value: String) { lines.append("- " + style.message(key) + style.message("list.colon") + value) }
        field("column.id", style.code(document.id))
        field("column.attached-to", style.asWritten(view.summary.record[language]) + " (" + style.code(document.attachedTo.id) + ")")
        field("column.kind", style.text(.message("document.kind.\(document.kind.rawValue)")))
        field("column.language", style.text(Workspace.languageName(document.language)))
        if let date = document.date { field("column.date", style.date(date)) }
        field("column.source", style.asWritten(document.source[language]) + (document.locator.map { style.comma + style.asWritten($0[language]) } ?? ""))
        field("column.codings", style.number(view.summary.codings))
        lines.append("")
        lines += document.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        lines.append("")
        let renderer = TabulationRenderer(format: .md, language: language)
        var output = lines.joined(separator: "\n") + "\n" + renderer.render(view.segmentsTable)
        if !view.suggestions.isEmpty { output += "\n" + renderer.render(view.suggestionsTable) }
        return output
    }
}
