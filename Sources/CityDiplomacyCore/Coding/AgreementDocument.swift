import Foundation

/// A text kept beside a record — the agreement itself, a memorandum, a news item, council minutes —
/// so that what the relation is about can be coded from evidence rather than asserted.
///
/// A document belongs to the dataset of the record it is attached to (a relation, a city, a
/// membership or an event), cites where it comes from, and keeps its text as written: offsets of
/// coded passages (``CodedSegment``) count the Unicode scalars of ``text``, and searching folds
/// Persian letter variants without changing it.
///
/// ```swift
/// let document = AgreementDocument(
///     id: "iran-2018:doc/isfahan-freiburg", datasetID: "iran-2018",
///     attachedTo: RecordReference(kind: .relation, id: "iran-2018:isfahan/freiburg/sister_city"),
///     title: LocalizedText(en: "Section 5-1 on Isfahan and Freiburg"), kind: .study, language: "en",
///     source: LocalizedText(en: "The study, section 5-1"), format: "text", text: "Freiburg's stated aim …")
/// document.scalarCount   // the length offsets are counted in
/// ```
public struct AgreementDocument: Identifiable, Hashable, Sendable, Codable {
    /// What kind of text a document is.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// The agreement or its text as signed.
        case agreement
        /// A memorandum of understanding or a protocol under an agreement.
        case memorandum
        /// A news item or press release about the relation.
        case news
        /// Minutes or resolutions of a city council.
        case minutes
        /// A passage of a study that describes the relation (the study's section 5-1).
        case study
        case other
    }

    public var id: String
    public var datasetID: String
    /// The record the document is about.
    public var attachedTo: RecordReference
    public var title: LocalizedText
    public var kind: Kind
    /// The document's language, an ISO 639-1 code (`fa`, `en`, `de`).
    public var language: String
    /// When the document was written or published, in the calendar it gives.
    public var date: PartialDate?
    /// Where the document comes from: a URL or a citation as text.
    public var source: LocalizedText
    /// Where in the source the text stands (a section, a page), where it is a part of it.
    public var locator: LocalizedText?
    /// The format the text was read from: `text`, `markdown`, `html`, `pdf`.
    public var format: String
    /// The text as coders read it: line ends as `\n`, no control or bidirectional characters.
    public var text: String
    /// Who added the document, and when.
    public var addedBy: String?
    public var addedAt: Date?
    public var position: Int

    public init(
        id: String, datasetID: String, attachedTo: RecordReference, title: LocalizedText, kind: Kind = .other, language: String,
        date: PartialDate? = nil, source: LocalizedText, locator: LocalizedText? = nil, format: String, text: String,
        addedBy: String? = nil, addedAt: Date? = nil, position: Int = 0
    ) {
        self.id = id
        self.datasetID = datasetID
        self.attachedTo = attachedTo
        self.title = title
        self.kind = kind
        self.language = language
        self.date = date
        self.source = source
        self.locator = locator
        self.format = format
        self.text = text
        self.addedBy = addedBy
        self.addedAt = addedAt.map(Self.wholeSecond)
        self.position = position
    }

    /// A time to the whole second, as both backends store it, so that a record reads back equal
    /// to the one stored (and its dataset's version with it).
    public static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// The length of ``text`` in Unicode scalars: the bound of every coded passage's offsets.
    public var scalarCount: Int { text.unicodeScalars.count }

    /// The passage between two scalar offsets of ``text``; `nil` if they are not a range inside it.
    public func passage(_ range: Range<Int>) -> String? {
        guard range.lowerBound >= 0, range.upperBound <= scalarCount else { return nil }
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        return String(scalars[start..<end])
    }
}

/// A record a document is attached to: its kind and id.
public struct RecordReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kinds of record a document can be about.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case relation, city, membership, event
    }

    public var kind: Kind
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind.rawValue) \(id)" }
}

/// A passage of a document that a coder marked with a theme of a codebook — or, where
/// ``status`` is ``Status/rejected``, a passage a coder decided does not carry the theme a keyword
/// suggested, kept so that the suggestion is not offered again and the decision can be audited.
///
/// Offsets count the Unicode scalars of the document's text as written; they are stable under the
/// normalisation that searching applies, which never changes the stored text.
///
/// ```swift
/// let segment = CodedSegment(id: "iran-2018:doc/isfahan-freiburg/s1", documentID: "iran-2018:doc/isfahan-freiburg",
///                            datasetID: "iran-2018", theme: "political_values", range: 0..<82, coder: "study")
/// ```
public struct CodedSegment: Identifiable, Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// The coder gives the passage the theme.
        case coded
        /// The coder rejected a suggestion of the theme for the passage.
        case rejected
    }

    public var id: String
    public var documentID: String
    public var datasetID: String
    /// The id of a theme of the codebook the segment was coded with.
    public var theme: String
    /// Unicode-scalar offsets into the document's text.
    public var start: Int
    public var end: Int
    public var coder: String
    public var memo: String?
    public var status: Status
    /// The codebook keyword whose suggestion the coder accepted or rejected, where it came from one.
    public var keyword: String?
    public var codedAt: Date?
    public var position: Int

    public init(
        id: String, documentID: String, datasetID: String, theme: String, range: Range<Int>, coder: String, memo: String? = nil,
        status: Status = .coded, keyword: String? = nil, codedAt: Date? = nil, position: Int = 0
    ) {
        self.id = id
        self.documentID = documentID
        self.datasetID = datasetID
        self.theme = theme
        self.start = range.lowerBound
        self.end = range.upperBound
        self.coder = coder
        self.memo = memo
        self.status = status
        self.keyword = keyword
        self.codedAt = codedAt.map(AgreementDocument.wholeSecond)
        self.position = position
    }

    public var range: Range<Int> { start..<max(start, end) }
}
