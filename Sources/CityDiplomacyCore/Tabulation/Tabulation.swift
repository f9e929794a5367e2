/// A table computed from records, ready to be rendered as CSV, Markdown or JSON in either language.
///
/// Analysis produces tabulations; presentation renders them. A column has a stable machine
/// ``Column/key`` (the CSV header in English) and a title in both languages; a cell keeps both
/// the machine value and the human label, so that the English CSV says `sister_city` and `IR`
/// while the Persian table gives their Persian names.
///
/// ```swift
/// let table = Tabulation(
///     title: LocalizedText.message("analysis.table-4"),
///     columns: [.init(key: "network", title: LocalizedText.message("core.network"))],
///     rows: [[.text(LocalizedText.message("core.citynet"))]])
/// ```
public struct Tabulation: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        public var key: String
        public var title: LocalizedText

        public init(key: String, title: LocalizedText) {
            self.key = key
            self.title = title
        }
    }

    public indirect enum Cell: Hashable, Sendable {
        /// Text for people, in both languages.
        case text(LocalizedText)
        /// Text shown exactly as it is in every language: ids, file names, citations' locators.
        case verbatim(String)
        /// An id a program reads (`iran-2018`, `table2.AF.relations`): the same in every
        /// language, and marked as code for people (`<code>` in HTML, backticks in Markdown).
        case identifier(String)
        /// A machine value (`sister_city`, `IR`) shown to people as `label`.
        case code(String, label: LocalizedText)
        /// A whole number, or an empty cell.
        case number(Int?)
        /// Several values in one cell (CSV joins them with `;`).
        case list([Cell])
        /// A link: shown as its text, the URL kept for formats that can carry it.
        case link(url: String, text: LocalizedText)
        case empty
    }

    /// Consecutive rows that belong together (a region's countries), with the row that sums them.
    ///
    /// A group is shown for people — its rows together and its subtotal after them — and left
    /// out of CSV and JSON, whose rows are data: a script summing a column must not count a
    /// subtotal twice.
    public struct RowGroup: Hashable, Sendable {
        /// The indices of the group's rows in ``Tabulation/rows``.
        public var rows: Range<Int>
        /// One cell per column: the group's name under the first, its sums under the counted ones.
        public var subtotal: [Cell]

        public init(rows: Range<Int>, subtotal: [Cell]) {
            self.rows = rows
            self.subtotal = subtotal
        }
    }

    public var title: LocalizedText
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Notes printed under the table: method, sources, caveats.
    public var notes: [LocalizedText]
    /// The groups of rows with their subtotals, in row order; empty where the table has none.
    public var groups: [RowGroup]
    /// The row summing every row, one cell per column; `nil` where the table has none.
    public var total: [Cell]?

    public init(title: LocalizedText, columns: [Column], rows: [[Cell]], notes: [LocalizedText] = [],
                groups: [RowGroup] = [], total: [Cell]? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.groups = groups
        self.total = total
    }
}
