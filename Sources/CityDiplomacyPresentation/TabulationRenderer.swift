import CityDiplomacyCore
import Foundation

/// Writes a ``Tabulation`` as CSV, Markdown or JSON, in English or Persian.
///
/// English CSV and JSON are the machine contract: column keys as headers and field names, codes
/// (`sister_city`, `IR`) as values. Persian output gives the same rows with Persian headers,
/// names, labels and digits; JSON keeps its field names and numbers in any language.
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
        }
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
        case let .code(code, label): machine ? code : style.text(label)
        case let .number(value): value.map(style.number) ?? ""
        case let .list(cells): cells.map { plain($0, machine: machine) }.joined(separator: listSeparator)
        case let .link(url, _): url
        case .empty: ""
        }
    }

    // MARK: Markdown

    private func markdown(_ table: Tabulation) -> String {
        let separator = style.language == .fa ? "؛ " : "; "
        func cell(_ value: Tabulation.Cell) -> String {
            plain(value, machine: false, listSeparator: separator)
                .replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["## \(style.text(table.title))", ""]
        lines.append("| " + table.columns.map { style.text($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { _ in "---|" }.joined())
        for row in table.rows {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        if !table.notes.isEmpty {
            lines.append("")
            lines += table.notes.map { style.text($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    private func json(_ table: Tabulation) -> String {
        let rows = table.rows.map { row in
            JSONValue.object(zip(table.columns, row).map { column, cell in (column.key, jsonValue(cell)) })
        }
        return JSONValue.array(rows).serialized(pretty: true) + "\n"
    }

    private func jsonValue(_ cell: Tabulation.Cell) -> JSONValue {
        switch cell {
        case let .text(text): .string(text[style.language])
        case let .code(code, label): .string(style.language == .en ? code : label[style.language])
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
enum CSVField {
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
