/// A report as a document: a title and sections of paragraphs, lists and tables, each text in
/// both languages. Analysis writes reports; presentation renders them as Markdown, HTML or JSON.
///
/// ```swift
/// let report = ReportDocument(title: LocalizedText(en: "City diplomacy of Iran"), sections: [
///     .init(heading: LocalizedText(en: "Findings"), items: findings),
///     .init(heading: LocalizedText(en: "Table 1"), tables: [table1]),
/// ])
/// ```
public struct ReportDocument: Hashable, Sendable {
    public struct Section: Hashable, Sendable {
        public var heading: LocalizedText
        public var paragraphs: [LocalizedText]
        /// A bulleted (or, with `numbered`, numbered) list.
        public var items: [LocalizedText]
        public var numbered: Bool
        public var tables: [Tabulation]

        public init(heading: LocalizedText, paragraphs: [LocalizedText] = [], items: [LocalizedText] = [], numbered: Bool = false, tables: [Tabulation] = []) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.items = items
            self.numbered = numbered
            self.tables = tables
        }
    }

    public var title: LocalizedText
    public var subtitle: LocalizedText?
    public var sections: [Section]

    public init(title: LocalizedText, subtitle: LocalizedText? = nil, sections: [Section]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}
