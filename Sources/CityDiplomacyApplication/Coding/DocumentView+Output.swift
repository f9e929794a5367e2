import CityDiplomacyAnalysis
import CityDiplomacyCore
import Foundation

/// A document's coded passages and its suggestions as tables: the Markdown, CSV and HTML of
/// `citydip documents show` (its JSON is ``DocumentJSON``, the API's).
extension DocumentView {
    /// The passages coded (and the suggestions rejected) as a table: id, theme, coder, status,
    /// offsets, the passage, memo.
    public var segmentsTable: Tabulation {
        Tabulation(
            title: .message("document.segments.title"),
            columns: [.titled("id"), .titled("theme"), .titled("coder"), .titled("status"), .titled("start"), .titled("end"),
                      .titled("passage"), .titled("memo")],
            rows: segments.map { segment in
                [.identifier(segment.id), .code(segment.theme, label: themeName(segment.theme)), Workspace.coderCell(segment.coder),
                 .code(segment.status.rawValue, label: .message("segment.status.\(segment.status.rawValue)")),
                 .number(segment.start), .number(segment.end), .verbatim(passage(segment.range) ?? ""),
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
                 .verbatim(passage(suggestion.range) ?? "")]
            },
            notes: suggestions.isEmpty ? [] : [.message("document.suggestions.note")])
    }
}
