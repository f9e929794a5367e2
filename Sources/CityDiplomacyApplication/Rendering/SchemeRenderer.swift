import CityDiplomacyCore
import CityDiplomacyPresentation

/// A scheme's table for people, in English or Persian: its title, its source, which reading the id
/// selects and how to select the others, then the table of categories, countries and families
/// with each reading's rule under it. `citydip schemes --scheme ID` prints it as Markdown, HTML or
/// CSV (the table's rows); the observatory's `/schemes/{id}` shows the same paragraphs and table.
///
/// It lives beside the view models because the presentation target, below them, cannot see them.
///
/// ```swift
/// let table = try workspace.schemeTable("study-civilisations:by-region")
/// print(SchemeRenderer(format: .md, language: .fa).render(table))
/// ```
public struct SchemeRenderer: Sendable {
    public var format: OutputFormat
    public var style: OutputStyle

    public init(format: OutputFormat, language: Language) {
        self.format = format
        style = OutputStyle(language: language)
    }

    /// Markdown, a standalone HTML page, or the table's rows as CSV. (JSON is ``SchemeView``.)
    public func render(_ table: SchemeTable) -> String {
        let tables = TabulationRenderer(format: format, language: style.language)
        switch format {
        case .csv, .json:
            return tables.render(table.table)
        case .md:
            var lines = ["# " + style.text(table.title), ""]
            for paragraph in paragraphs(table, code: style.code, escape: { $0 }) { lines += [paragraph, ""] }
            return lines.joined(separator: "\n") + "\n" + tables.render(table.table)
        case .html:
            var body = "<h1>\(HTMLPage.escape(style.text(table.title)))</h1>\n"
            for paragraph in paragraphs(table, code: { "<code>\(HTMLPage.escape($0))</code>" }, escape: HTMLPage.escape) {
                body += "<p>\(paragraph)</p>\n"
            }
            return HTMLPage.page(title: style.text(table.title), language: style.language, body: body + tables.htmlFragment(table.table))
        }
    }

    /// What precedes the table, one string per paragraph: the source; for a reading's id, which
    /// reading it selects; for a scheme with readings, the id of each. `code` writes an id (a
    /// scheme's) as code in the format — a link, on a page —, `escape` the text around it.
    public func paragraphs(_ table: SchemeTable, code: (String) -> String, escape: (String) -> String) -> [String] {
        /// A message with its values filled in: text escaped, ids as code.
        func message(_ key: String, text values: [String: String] = [:], codes: [String: String] = [:]) -> String {
            var result = escape(style.message(key, values))
            for (name, value) in codes { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
            return result
        }
        var paragraphs = [message("scheme.page.source", text: ["source": style.text(table.scheme.sourceNote)])]
        if table.selectsReading, let reading = table.selected {
            paragraphs.append(message("scheme.page.selects", text: ["reading": style.text(reading.title)],
                                      codes: ["id": code(table.id), "scheme": code(table.scheme.id)]))
        }
        if !table.readings.isEmpty {
            let schemes = table.readings.map { reading in
                message("scheme.page.reading-scheme", text: ["reading": style.text(reading.title)],
                        codes: ["id": code(table.schemeID(of: reading))])
            }
            paragraphs.append(message("scheme.page.readings", codes: ["schemes": schemes.joined(separator: escape(style.semicolon))]))
        }
        return paragraphs
    }
}
