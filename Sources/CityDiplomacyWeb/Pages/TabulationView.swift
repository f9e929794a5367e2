import CityDiplomacyCore
import CityDiplomacyPresentation

/// A ``Tabulation`` as the `_tabulation` template shows it, where cells may link to pages (a city
/// to its page, a country to its): each cell's text written by the same renderer as the CLI's
/// tables, the template escaping it. Wide tables scroll sideways within the page.
///
/// ```swift
/// let view = TabulationView(table, context: c) { row, column, item, cell in
///     column == "city" ? "/cities/\(ids[row])" : nil
/// }
/// ```
///
/// Names are unique across the page's views (`tableCaption`, `itemLink`…): Mustache looks a
/// missing or `nil` value up in the enclosing views, and must not find theirs.
struct TabulationView {
    struct Cell {
        let cellItems: [Item]
    }

    /// A cell's text, or one value of a list.
    struct Item {
        let itemText: String
        let itemLink: String?
        /// An id a program reads: set as code.
        let itemCode: Bool
        /// A negative number: set left to right, so that a Persian page keeps its minus sign
        /// before the digits rather than moving it after them.
        let itemSigned: Bool
    }

    struct Row {
        let rowCells: [Cell]
    }

    let tableCaption: String
    let tableColumns: [String]
    let tableRows: [Row]
    let tableNotes: [String]
    /// The semicolon of the page's language, between a list's values.
    let listSeparator: String
    /// Too many columns for the page's width: the table scrolls within its box.
    let wide: Bool

    /// Columns beyond which a table is set to scroll sideways.
    static let wideColumns = 8

    /// `table` in the page's language; `link` gives the address of a row's cell in the column of
    /// key `column` (of the `item`th value, in a list, which is then the cell given), or `nil` for none.
    init(_ table: Tabulation, context c: PageContext,
         link: (_ row: Int, _ column: String, _ item: Int, _ cell: Tabulation.Cell) -> String? = { _, _, _, _ in nil }) {
        let renderer = TabulationRenderer(format: .html, language: c.language)
        func items(_ cell: Tabulation.Cell, row: Int, column: String) -> [Item] {
            switch cell {
            case let .list(values):
                values.enumerated().map { index, value in
                    Self.item(renderer.text(of: value), link: link(row, column, index, value), cell: value)
                }
            default:
                [Self.item(renderer.text(of: cell), link: link(row, column, 0, cell), cell: cell)]
            }
        }
        tableCaption = c.text(table.title)
        tableColumns = table.columns.map { c.text($0.title) }
        tableRows = table.rows.enumerated().map { index, cells in
            Row(rowCells: zip(table.columns, cells).map { column, cell in Cell(cellItems: items(cell, row: index, column: column.key)) })
        }
        tableNotes = table.notes.map { c.text($0) }
        listSeparator = c.style.semicolon
        wide = table.columns.count > Self.wideColumns
    }

    private static func item(_ text: String, link: String?, cell: Tabulation.Cell) -> Item {
        let identifier = if case .identifier = cell { true } else { false }
        let signed = text.count > 1 && (text.hasPrefix("-") || text.hasPrefix("\u{2212}")) && text.dropFirst().first?.isNumber == true
        return Item(itemText: text, itemLink: link, itemCode: identifier, itemSigned: signed)
    }
}
