import CityDiplomacyAnalysis
import CityDiplomacyCore
import Foundation

/// A document as the JSON API gives it (`GET /api/v1/documents`): what it is, what it is about,
/// and how far it is coded — the fields of ``DocumentSummary``, in snake case.
///
/// ```swift
/// let summaries = try await workspace.documents(dataset: "iran-2018")
/// let json = try OrderedJSONEncoder().encode(summaries.map(DocumentSummaryJSON.init))
/// ```
public struct DocumentSummaryJSON: Encodable, Sendable {
    public struct Text: Encodable, Sendable {
        public var en: String
        public var fa: String?
        init(_ text: LocalizedText) { en = text.en; fa = text.fa }
    }

    /// A date as written and in both calendars' reading.
    public struct DateJSON: Encodable, Sendable {
        public var asWritten: String
        public var written: Text
        enum CodingKeys: String, CodingKey { case asWritten = "as_written", written }
    }

    public var id: String
    public var dataset: String
    public var attachedTo: Reference
    public var record: Text
    public var title: Text
    public var kind: String
    public var language: String
    public var date: DateJSON?
    public var source: Text
    public var locator: Text?
    public var format: String
    public var characters: Int
    public var codings: Int
    public var coders: [String]
    public var themes: [String]
    public var addedBy: String?

    public struct Reference: Encodable, Sendable {
        public var kind: String
        public var id: String
    }

    enum CodingKeys: String, CodingKey {
        case id, dataset, attachedTo = "attached_to", record, title, kind, language, date, source, locator, format, characters, codings,
             coders, themes, addedBy = "added_by"
    }

    public init(_ summary: DocumentSummary) {
        let document = summary.document
        id = document.id
        dataset = document.datasetID
        attachedTo = Reference(kind: document.attachedTo.kind.rawValue, id: document.attachedTo.id)
        record = Text(summary.record)
        title = Text(document.title)
        kind = document.kind.rawValue
        language = document.language
        date = document.date.map { DateJSON(asWritten: $0.description, written: Text($0.written)) }
        source = Text(document.source)
        locator = document.locator.map(Text.init)
        format = document.format
        characters = document.scalarCount
        codings = summary.codings
        coders = summary.coders
        themes = summary.themes
        addedBy = document.addedBy
    }
}

/// A coded segment (or a rejected suggestion) as the JSON API gives it: offsets count the
/// Unicode scalars of the document's text, and `passage` is the text between them.
public struct SegmentJSON: Encodable, Sendable {
    public var id: String
    public var document: String
    public var theme: String
    public var start: Int
    public var end: Int
    public var passage: String
    public var coder: String
    public var memo: String?
    public var status: String
    public var keyword: String?
    public var codedAt: String?

    enum CodingKeys: String, CodingKey { case id, document, theme, start, end, passage, coder, memo, status, keyword, codedAt = "coded_at" }

    public init(_ segment: CodedSegment, in document: AgreementDocument) {
        id = segment.id
        self.document = segment.documentID
        theme = segment.theme
        start = segment.start
        end = segment.end
        passage = document.passage(segment.range) ?? ""
        coder = segment.coder
        memo = segment.memo
        status = segment.status.rawValue
        keyword = segment.keyword
        codedAt = segment.codedAt.map { ISO8601DateFormatter().string(from: $0) }
    }
}

/// A document with its text, its segments and the suggestions no coder has decided
/// (`GET /api/v1/documents/{id}`).
public struct DocumentJSON: Encodable, Sendable {
    public struct Suggestion: Encodable, Sendable {
        public var theme: String
        public var start: Int
        public var end: Int
        public var keyword: String
        public var language: String
    }

    public var document: DocumentSummaryJSON
    public var text: String
    public var segments: [SegmentJSON]
    public var suggestions: [Suggestion]

    public init(_ view: DocumentView) {
        document = DocumentSummaryJSON(view.summary)
        text = view.document.text
        segments = view.segments.map { SegmentJSON($0, in: view.document) }
        suggestions = view.suggestions.map {
            Suggestion(theme: $0.theme, start: $0.range.lowerBound, end: $0.range.upperBound, keyword: $0.keyword, language: $0.language.rawValue)
        }
    }
}
