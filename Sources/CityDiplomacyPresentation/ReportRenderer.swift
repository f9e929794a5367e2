import CityDiplomacyCore

/// Writes a ``ReportDocument`` as Markdown, a standalone HTML page, or JSON, in English or Persian.
///
/// ```swift
/// let html = ReportRenderer(format: .html, language: .fa).render(report)   // dir="rtl"
/// ```
public struct ReportRenderer: Sendable {
    public var format: OutputFormat
    public var style: OutputStyle

    public init(format: OutputFormat, language: Language) {
        self.format = format
        self.style = OutputStyle(language: language)
    }

    public func render(_ report: ReportDocument) -> String {
        switch format {
        case .md, .csv: markdown(report)
        case .html: html(report)
        case .json: json(report)
        }
    }

    private func markdown(_ report: ReportDocument) -> String {
        let tables = TabulationRenderer(format: .md, language: style.language)
        var lines = ["# \(style.text(report.title))", ""]
        if let subtitle = report.subtitle { lines += [style.text(subtitle), ""] }
        for section in report.sections {
            lines += ["## \(style.text(section.heading))", ""]
            for paragraph in section.paragraphs { lines += [style.text(paragraph), ""] }
            for (index, item) in section.items.enumerated() {
                lines.append(section.numbered ? style.digits("\(index + 1). ") + style.text(item) : "- " + style.text(item))
            }
            if !section.items.isEmpty { lines.append("") }
            for table in section.tables {
                // Tables carry their own headings one level down.
                lines.append(tables.render(table).replacingOccurrences(of: "## ", with: "### ", options: .anchored))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func html(_ report: ReportDocument) -> String {
        let tables = TabulationRenderer(format: .html, language: style.language)
        var body = "<h1>\(HTMLPage.escape(style.text(report.title)))</h1>\n"
        if let subtitle = report.subtitle { body += "<p>\(HTMLPage.escape(style.text(subtitle)))</p>\n" }
        for section in report.sections {
            body += "<section>\n<h2>\(HTMLPage.escape(style.text(section.heading)))</h2>\n"
            for paragraph in section.paragraphs { body += "<p>\(HTMLPage.escape(style.text(paragraph)))</p>\n" }
            if !section.items.isEmpty {
                let tag = section.numbered ? "ol" : "ul"
                body += "<\(tag)>\n" + section.items.map { "<li>\(HTMLPage.escape(style.text($0)))</li>\n" }.joined() + "</\(tag)>\n"
            }
            for table in section.tables { body += tables.htmlFragment(table) }
            body += "</section>\n"
        }
        return HTMLPage.page(title: style.text(report.title), language: style.language, body: body)
    }

    private func json(_ report: ReportDocument) -> String {
        let language = style.language
        func tableValue(_ table: Tabulation) -> JSONValue {
            let rows = TabulationRenderer(format: .json, language: language).jsonRows(table)
            return .object([
                ("title", .string(table.title[language])),
                ("columns", .array(table.columns.map { .string($0.key) })),
                ("rows", rows),
                ("notes", .array(table.notes.map { .string($0[language]) })),
            ])
        }
        let sections: [JSONValue] = report.sections.map { section in
            .object([
                ("heading", .string(section.heading[language])),
                ("paragraphs", .array(section.paragraphs.map { .string($0[language]) })),
                ("items", .array(section.items.map { .string($0[language]) })),
                ("tables", .array(section.tables.map(tableValue))),
            ])
        }
        return JSONValue.object([
            ("title", .string(report.title[language])),
            ("subtitle", report.subtitle.map { .string($0[language]) } ?? .null),
            ("language", .string(language.rawValue)),
            ("sections", .array(sections)),
        ]).serialized(pretty: true) + "\n"
    }
}
