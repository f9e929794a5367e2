import CityDiplomacyCore
import Foundation

/// `citydip documents add` and the web's form: a file to read as a document, the record it is
/// about, and what it is.
public struct AddDocumentRequest: Sendable {
    /// The file: `.txt`, `.md`, `.html` or `.pdf`. Its name gives the format and the title.
    public var path: String
    /// The file's bytes where they come with the request rather than from `path` (an upload on
    /// the web); `path` then only names it.
    public var contents: Data?
    /// The id of the relation, city, membership or event the document is about.
    public var attachTo: String
    /// A URL or a citation as text (required: every document says where it comes from).
    public var source: String
    /// An ISO 639-1 code; the text's own script decides where it is not given (Persian or English).
    public var language: String?
    /// As written: `2017-12-12`, `1396/09/21 SH`, Persian digits too.
    public var date: String?
    public var title: String?
    public var titleFa: String?
    public var kind: AgreementDocument.Kind
    /// Who adds it (the write token's name on the web, `--coder` or the user on the command line).
    public var actor: String

    public init(path: String, attachTo: String, source: String, language: String? = nil, date: String? = nil, title: String? = nil,
                titleFa: String? = nil, kind: AgreementDocument.Kind = .other, actor: String) {
        self.path = path
        contents = nil
        self.attachTo = attachTo
        self.source = source
        self.language = language
        self.date = date
        self.title = title
        self.titleFa = titleFa
        self.kind = kind
        self.actor = actor
    }
}

/// `citydip code` and the document page's form: a passage of a document and the theme a coder
/// gives it.
public struct CodeRequest: Sendable {
    /// Where the passage is: offsets, or a quotation of it.
    public enum Passage: Hashable, Sendable {
        /// Unicode-scalar offsets of the document's text, `START:END`.
        case span(Range<Int>)
        /// The words of the passage (matched as searching matches: letter variants, digits and
        /// ZWNJ folded); `occurrence` picks one where they occur more than once (1 is the first).
        case quote(String, occurrence: Int?)
    }

    public var documentID: String
    public var theme: String
    public var passage: Passage
    public var coder: String
    public var memo: String?
    /// `.rejected` records that the coder rejected a suggestion of the theme for the passage.
    public var status: CodedSegment.Status
    /// The keyword whose suggestion this decides, where it does.
    public var keyword: String?

    public init(documentID: String, theme: String, passage: Passage, coder: String, memo: String? = nil,
                status: CodedSegment.Status = .coded, keyword: String? = nil) {
        self.documentID = documentID
        self.theme = theme
        self.passage = passage
        self.coder = coder
        self.memo = memo
        self.status = status
        self.keyword = keyword
    }

    /// Reads `START:END` (ASCII or Persian digits).
    public static func span(parsing text: String, field: String = "span") throws(ApplicationError) -> Range<Int> {
        let parts = PersianText.asciiDigits(text).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), start >= 0, start < end else {
            throw ApplicationError.invalid(field, "invalid \(parameter: field) '\(text)': expected START:END, two character offsets with START below END, such as 120:184")
        }
        return start..<end
    }
}
