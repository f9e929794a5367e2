import CityDiplomacyAnalysis
import CityDiplomacyCore
import Foundation

/// Documents as JSON (`citydip documents … --format json` and the API) and as tables of their
/// codings and suggestions (the Markdown, CSV and HTML of `citydip documents show`).
extension DocumentSummary: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, dataset, attachedTo = "attached_to", title, kind, language, date, source, locator, format, addedBy = "added_by"
        case addedAt = "added_at", length, codings, coders, themes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let document = document
        try container.encode(document.id, forKey: .id)
        try container.encode(document.datasetID, forKey: .dataset)
        try container.encode(AttachedJSON(kind: document.attachedTo.kind.rawValue, id: document.attachedTo.id, label: TextJSON(record)), forKey: .attachedTo)
        try container.encode(TextJSON(document.title), forKey: .title)
        try container.encode(document.kind.rawValue, forKey: .kind)
        try container.encode(document.language, forKey: .language)
        try container.encode(document.date.map(DateJSON.init), forKey: .date)
        try container.encode(TextJSON(document.source), forKey: .source)
        try container.encode(document.locator.map(TextJSON.init), forKey: .locator)
        try container.encode(document.format, forKey: .format)
        try container.encode(document.addedBy, forKey: .addedBy)
        try container.encode(document.addedAt.map { $0.formatted(.iso8601) }, forKey: .addedAt)
        try container.encode(document.scalarCount, forKey: .length)
        try container.encode(codings, forKey: .codings)
        try container.encode(coders, forKey: .coders)
        try container.encode(themes, forKey: .themes)
    }
}

extension DocumentView: Encodable {
    enum CodingKeys: String, CodingKey { case document, text, segments, suggestions }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary, forKey: .document)
        try container.encode(document.text, forKey: .text)
        try container.encode(segments.map { SegmentJSON($0, in: self) }, forKey: .segments)
        try container.encode(suggestions.map { SuggestionJSON($0, in: self) }, forKey: .suggestions)
    }

    /// The passages coded (and the suggestions rejected) as a table: id, theme, coder, status,
    /// offsets, the passage, memo.
    public var segmentsTable: Tabulation {
        Tabulation(
            title: .message("document.segments.title"),
            columns: [.titled("id"), .titled("theme"), .titled("coder"), .titled("status"), .titled("start"), .titled("end"),
                      .titled("passage"), .titled("memo")],
            rows: segments.map { segment in
                [.identifier(segment.id), .code(segment.theme, label: themeName(segment.theme)), .text(Workspace.coderName(segment.coder)),
                 .code(segment.status.rawValue, label: .message("segment.status.\(segment.status.rawValue)")),
                 .number(segment.start), .number(segment.end), .verbatim(document.passage(segment.range) ?? ""),
                 segment.memo.map { .verbatim($0) } ?? .empty]
            })
    }

    /// The suggestions no coder has decided: theme, the keyword that matched, offsets, passage.
    public var suggestionsTable: Tabulation {
        Tabulation(
            title: .message("document.suggestions.title"),
            columns: [.titled("number"), .titled("theme"), .titled("keyword"), .titled("start"), .titled("end"), .titled("passage")],
            rows: suggestions.enumerated().map { index, suggestion in
                [.number(index + 1), .code(suggestion.theme, label: themeName(suggestion.theme)), .verbatim(suggestion.keyword),
                 .number(suggestion.range.lowerBound), .number(suggestion.range.upperBound),
                 .verbatim(document.passage(suggestion.range) ?? "")]
            },
            notes: suggestions.isEmpty ? [] : [.message("document.suggestions.note")])
    }
}

struct TextJSON: Encodable {
    var en: String
    var fa: String?
    init(_ text: LocalizedText) { (en, fa) = (text.en, text.fa) }
}

struct AttachedJSON: Encodable {
    var kind: String
    var id: String
    var label: TextJSON
}

/// A date as given, with its calendar, and the Gregorian years it falls in.
struct DateJSON: Encodable {
    var written: String
    var calendar: String
    var gregorian: String

    init(_ date: PartialDate) {
        written = date.description
        calendar = date.calendar.rawValue
        let years = date.gregorianYears
        gregorian = years.lowerBound == years.upperBound ? String(years.lowerBound) : "\(years.lowerBound)-\(years.upperBound)"
    }
}

struct SegmentJSON: Encodable {
    var id: String
    var theme: String
    var themeName: TextJSON
    var coder: String
    var status: String
    var keyword: String?
    var start: Int
    var end: Int
    var passage: String
    var memo: String?
    var codedAt: String?

    init(_ segment: CodedSegment, in view: DocumentView) {
        id = segment.id
        theme = segment.theme
        themeName = TextJSON(view.themeName(segment.theme))
        coder = segment.coder
        status = segment.status.rawValue
        keyword = segment.keyword
        start = segment.start
        end = segment.end
        passage = view.document.passage(segment.range) ?? ""
        memo = segment.memo
        codedAt = segment.codedAt.map { $0.formatted(.iso8601) }
    }

    enum CodingKeys: String, CodingKey {
        case id, theme, themeName = "theme_name", coder, status, keyword, start, end, passage, memo, codedAt = "coded_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(theme, forKey: .theme)
        try container.encode(themeName, forKey: .themeName)
        try container.encode(coder, forKey: .coder)
        try container.encode(status, forKey: .status)
        try container.encode(keyword, forKey: .keyword)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(passage, forKey: .passage)
        try container.encode(memo, forKey: .memo)
        try container.encode(codedAt, forKey: .codedAt)
    }
}

struct SuggestionJSON: Encodable {
    var theme: String
    var themeName: TextJSON
    var keyword: String
    var language: String
    var start: Int
    var end: Int
    var passage: String

    init(_ suggestion: ThemeSuggestions.Suggestion, in view: DocumentView) {
        theme = suggestion.theme
        themeName = TextJSON(view.themeName(suggestion.theme))
        keyword = suggestion.keyword
        language = suggestion.language.rawValue
        start = suggestion.range.lowerBound
        end = suggestion.range.upperBound
        passage = view.document.passage(suggestion.range) ?? ""
    }

    enum CodingKeys: String, CodingKey {
        case theme, themeName = "theme_name", keyword, language, start, end, passage
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(theme, forKey: .theme)
        try container.encode(themeName, forKey: .themeName)
        try container.encode(keyword, forKey: .keyword)
        try container.encode(language, forKey: .language)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(passage, forKey: .passage)
    }
}
