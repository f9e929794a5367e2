import CityDiplomacyCore
import Foundation

/// Writes a ``Tabulation`` as CSV, Markdown or JSON, in English or Persian.
///
/// English CSV and JSON are the machine contract: column keys as headers and field names, codes
/// (`sister_city`, `IR`) as values, one row per row of data (a table's subtotals and total are
/// written in Markdown and HTML, for people). Persian output gives the same rows with Persian headers,
/// names, labels and digits; JSON keeps its field names, codes and numbers in any language and
/// gives names in the chosen one.
///
/// ```swift
/// let csv = TabulationRenderer(format: .csv, language: .en).render(table)
/// ```
public struct TabulationRenderer: Sendable {
    public var format: OutputFormat
    public var style: OutputStyle

    public init(format: OutputFormat, language: Language) {
        self.format = format
        self.style = OutputStyle(language: language)
    }

    public func render(_ table: Tabulation) -> String {
        switch format {
        case .csv: csv(table)
        case .md: markdown(table)
        case .json: json(table)
        case .html: HTMLPage.page(title: style.text(table.title), language: style.language, body: htmlFragment(table))
        }
    }

    // MARK: HTML

    /// The table as an HTML `<table>` with its caption and notes, everything escaped. A table with
    /// groups gives each group a `<tbody>` ending in its `<tr class="subtotal">`, the group's name
    /// written once for its rows; the total is the `<tfoot>`.
    public func htmlFragment(_ table: Tabulation) -> String {
        var html = "<table\(table.groups.isEmpty ? "" : " class=\"grouped\"")>\n<caption>\(HTMLPage.escape(style.text(table.title)))</caption>\n<thead><tr>"
        html += table.columns.map { "<th>\(HTMLPage.escape(style.text($0.title)))</th>" }.joined()
        html += "</tr></thead>\n"
        for section in sections(table) {
            html += "<tbody>\n"
            let merged = section.group.flatMap { mergedFirstCell(table, $0.rows) }
            for index in section.rows {
                var cells = table.rows[index].map { "<td>\(htmlCell($0))</td>" }
                if let merged, !cells.isEmpty {
                    cells[0] = index == section.rows.lowerBound
                        ? "<th scope=\"rowgroup\" rowspan=\"\(section.rows.count)\">\(htmlCell(merged))</th>" : ""
                }
                html += "<tr>" + cells.joined() + "</tr>\n"
            }
            if let group = section.group {
                html += "<tr class=\"subtotal\">" + summaryCells(group.subtotal) + "</tr>\n"
            }
            html += "</tbody>\n"
        }
        if let total = table.total {
            html += "<tfoot><tr class=\"total\">" + summaryCells(total) + "</tr></tfoot>\n"
        }
        html += "</table>\n"
        for note in table.notes {
            html += "<p class=\"note\">\(HTMLPage.escape(style.text(note)))</p>\n"
        }
        return html
    }

    /// A cell as people read it in this language, as the HTML and Markdown tables write it (a
    /// list's items joined by the language's semicolon), unescaped: for templates, which escape.
    public func text(of cell: Tabulation.Cell) -> String {
        plain(cell, machine: false, listSeparator: style.semicolon)
    }

    private func htmlCell(_ value: Tabulation.Cell) -> String {
        switch value {
        case let .link(url, _):
            return HTMLPage.link(url, text: url)
        case let .list(cells):
            return cells.map(htmlCell).joined(separator: style.semicolon)
        case let .identifier(id):
            return "<code>\(HTMLPage.escape(id))</code>"
        default:
            return HTMLPage.escape(plain(value, machine: false, listSeparator: style.semicolon))
        }
    }

    /// A subtotal's or the total's cells: its name as the row's header, spanning the empty cells
    /// after it, then its sums.
    private func summaryCells(_ cells: [Tabulation.Cell]) -> String {
        guard let first = cells.first else { return "" }
        let span = 1 + cells.dropFirst().prefix { $0 == .empty }.count
        var html = "<th scope=\"row\"\(span > 1 ? " colspan=\"\(span)\"" : "")>\(htmlCell(first))</th>"
        html += cells.dropFirst(span).map { "<td>\(htmlCell($0))</td>" }.joined()
        return html
    }

    /// The first cell of a group's rows, where every row of the group has the same one (a
    /// region's name): written once, for the whole group.
    private func mergedFirstCell(_ table: Tabulation, _ rows: Range<Int>) -> Tabulation.Cell? {
        guard let first = table.rows[rows.lowerBound].first,
              rows.allSatisfy({ table.rows[$0].first == first }) else { return nil }
        return first
    }

    /// The table's rows cut into its groups, and runs of rows outside any group.
    private func sections(_ table: Tabulation) -> [(rows: Range<Int>, group: Tabulation.RowGroup?)] {
        var sections: [(rows: Range<Int>, group: Tabulation.RowGroup?)] = []
        var next = 0
        for group in table.groups.sorted(by: { $0.rows.lowerBound < $1.rows.lowerBound }) {
            if group.rows.lowerBound > next { sections.append((next..<group.rows.lowerBound, nil)) }
            sections.append((group.rows, group))
            next = group.rows.upperBound
        }
        if next < table.rows.count || sections.isEmpty { sections.append((next..<table.rows.count, nil)) }
        return sections
    }

    // MARK: CSV

    private func csv(_ table: Tabulation) -> String {
        let header = table.columns.map { style.language == .en ? $0.key : style.text($0.title) }
        var lines = [header.map(CSVField.quote).joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { CSVField.quote(plain($0, machine: style.language == .en)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell as one line of text: machine values in English CSV, labels otherwise.
    private func plain(_ cell: Tabulation.Cell, machine: Bool, listSeparator: String = ";") -> String {
        switch cell {
        case let .text(text): style.text(text)
        case let .verbatim(text): text
        case let .identifier(id): id
        case let .code(code, label): machine ? code : style.text(label)
        case let .number(value): value.map(style.number) ?? ""
        case let .list(cells): cells.map { plain($0, machine: machine) }.joined(separator: listSeparator)
        case let .link(url, _): url
        case .empty: ""
        }
    }

    // MARK: Markdown

    private func markdown(_ table: Tabulation) -> String {
        let separator = style.semicolon
        func cell(_ value: Tabulation.Cell) -> String {
            if case let .identifier(id) = value, !id.isEmpty { return "`\(ASCIIReplacements.backquotes.apply(to: id))`" }
            // Markdown passes HTML through: a name from an imported file must not become markup.
            return ASCIIReplacements.markdownCell.apply(to: plain(value, machine: false, listSeparator: separator))
        }
        /// A subtotal or the total, in bold so that it is not read as one more row of data.
        func summary(_ cells: [Tabulation.Cell]) -> String {
            "| " + cells.map { cell($0) }.map { $0.isEmpty ? "" : "**\($0)**" }.joined(separator: " | ") + " |"
        }
        var lines = ["## \(style.text(table.title))", ""]
        lines.append("| " + table.columns.map { style.text($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { _ in "---|" }.joined())
        for section in sections(table) {
            for index in section.rows {
                lines.append("| " + table.rows[index].map(cell).joined(separator: " | ") + " |")
            }
            if let group = section.group { lines.append(summary(group.subtotal)) }
        }
        if let total = table.total { lines.append(summary(total)) }
        for note in table.notes {
            lines += ["", style.text(note)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    private func json(_ table: Tabulation) -> String {
        jsonRows(table).serialized(pretty: true) + "\n"
    }

    /// The rows as a JSON array of objects keyed by the column keys (subtotals and the total left
    /// out: the rows are data). Codes stay codes in every
    /// language (scripts key on them); in a language other than English each code is followed
    /// by its label in that language, as `KEY_label` (`KEY_labels` for a list).
    public func jsonRows(_ table: Tabulation) -> JSONValue {
        .array(table.rows.map { row in
            JSONValue.object(zip(table.columns, row).flatMap { column, cell in
                [(column.key, jsonValue(cell))] + labelField(column.key, cell).map { [$0] }.orEmpty
            })
        })
    }

    /// A subtotal's or the total's cells as one JSON object, keyed as the rows are (for the API,
    /// which gives them beside the rows).
    public func jsonRow(_ cells: [Tabulation.Cell], of table: Tabulation) -> JSONValue {
        var row = table
        row.rows = [cells]
        guard case let .array(objects) = jsonRows(row), let object = objects.first else { return .null }
        return object
    }

    private func labelField(_ key: String, _ cell: Tabulation.Cell) -> (String, JSONValue)? {
        guard style.language != .en else { return nil }
        switch cell {
        case let .code(_, label):
            return (key + "_label", .string(style.text(label)))
        case let .list(cells) where cells.contains(where: { if case .code = $0 { true } else { false } }):
            return (key + "_labels", .array(cells.map { cell in
                if case let .code(_, label) = cell { return .string(style.text(label)) }
                return jsonValue(cell)
            }))
        default:
            return nil
        }
    }

    private func jsonValue(_ cell: Tabulation.Cell) -> JSONValue {
        switch cell {
        case let .text(text): .string(text[style.language])
        case let .verbatim(text): .string(text)
        case let .identifier(id): .string(id)
        // JSON is for scripts: codes stay codes in every language.
        case let .code(code, _): .string(code)
        case let .number(value): value.map { .number($0) } ?? .null
        case let .list(cells): .array(cells.map(jsonValue))
        case let .link(url, _): .string(url)
        case .empty: .null
        }
    }
}

/// RFC 4180 quoting of one CSV field.
///
/// Written here rather than taken from a CSV library: writing needs only this quoting rule, and
/// the libraries at hand write through streams that would add more code than they save.
public enum CSVField {
    public static func quote(_ field: String) -> String {
        // A spreadsheet runs a cell that starts with = + - @ (or a tab or return) as a formula:
        // such text, a name from an imported file say, is set off with an apostrophe (OWASP's rule).
        // Numbers, negative ones included, stay numbers.
        var field = field
        // By scalars and bytes, not characters: `=` with a combining mark after it, or a comma
        // or quote joined to a mark (``ASCIIReplacements``), is read by a spreadsheet as the
        // ASCII character it starts with.
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(field) == nil { field = "'" + field }
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + ASCIIReplacements.csvQuotes.apply(to: field) + "\""
    }
}

extension Optional where Wrapped: RangeReplaceableCollection {
    /// The collection, or an empty one.
    var orEmpty: Wrapped { self ?? Wrapped() }
}
