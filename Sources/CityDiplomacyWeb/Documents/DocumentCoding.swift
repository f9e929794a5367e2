import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation

/// The document use cases as the web calls them, for the forms and the API alike: a bundled
/// dataset is refused with the 403 every other web edit of it gets (before the use case, which
/// refuses it too), the use case's errors are answered with their status, and a change clears
/// the response cache.
struct DocumentCoding {
    let observatory: Observatory
    var workspace: Workspace { observatory.workspace }
    var edits: EditService { EditService(observatory: observatory) }

    func add(_ request: AddDocumentRequest) async throws -> AgreementDocument {
        let record = try await WebError.answering { try await workspace.record(request.attachTo) }
        try await edits.refuseBundled(dataset: record.datasetID)
        defer { observatory.cache.clear() }
        return try await WebError.answering { try await workspace.addDocument(request) }
    }

    func code(_ input: SegmentInput, documentID: String, coder: String) async throws -> CodedSegment {
        guard let document = try await observatory.registry.document(id: documentID) else {
            throw WebError.notFound("document '\(documentID)'", field: "id")
        }
        try await edits.refuseBundled(dataset: document.datasetID)
        let request = CodeRequest(documentID: documentID, theme: try input.requiredTheme(), passage: try input.passage(), coder: coder,
                                  memo: input.memo, status: try input.codedStatus(), keyword: input.keyword)
        defer { observatory.cache.clear() }
        return try await WebError.answering { try await workspace.code(request, codebook: try workspace.codebook()) }
    }

    func uncode(segmentID: String, actor: String) async throws -> CodedSegment {
        guard let segment = try await observatory.registry.segment(id: segmentID) else {
            throw WebError.notFound("segment '\(segmentID)'", field: "id")
        }
        try await edits.refuseBundled(dataset: segment.datasetID)
        defer { observatory.cache.clear() }
        return try await WebError.answering { try await workspace.uncode(segmentID: segmentID, actor: actor) }
    }
}

/// A coding as the document page's forms and `POST /api/v1/documents/{id}/segments` give it:
/// the theme, the passage (offsets, `START:END`, or a quotation with its occurrence), a memo, and
/// for a decided suggestion its status and keyword.
struct SegmentInput: Decodable {
    var theme: String?
    var start: Int?
    var end: Int?
    var span: String?
    var quote: String?
    var occurrence: Int?
    var memo: String?
    var status: String?
    var keyword: String?

    init(theme: String? = nil, start: Int? = nil, end: Int? = nil, span: String? = nil, quote: String? = nil, occurrence: Int? = nil,
         memo: String? = nil, status: String? = nil, keyword: String? = nil) {
        self.theme = theme
        self.start = start
        self.end = end
        self.span = span
        self.quote = quote
        self.occurrence = occurrence
        self.memo = memo
        self.status = status
        self.keyword = keyword
    }

    /// A form's fields; numbers in ASCII or Persian digits.
    init(form: FormFields) throws(WebError) {
        func number(_ name: String) throws(WebError) -> Int? {
            guard let text = form[name] else { return nil }
            guard let value = Int(PersianText.asciiDigits(text)) else {
                throw WebError.badRequest("invalid \(name) '\(text)': expected a whole number", field: name)
            }
            return value
        }
        self.init(theme: form["theme"], start: try number("start"), end: try number("end"), span: form["span"], quote: form["quote"],
                  occurrence: try number("occurrence"), memo: form["memo"], status: form["status"], keyword: form["keyword"])
    }

    func requiredTheme() throws(WebError) -> String {
        guard let theme = theme?.trimmingCharacters(in: .whitespaces), !theme.isEmpty else {
            throw WebError.badRequest("a coding needs a theme: the id of one of the codebook's themes", field: "theme")
        }
        return theme
    }

    /// The offsets where both are given, else `span`, else the quotation.
    func passage() throws(WebError) -> CodeRequest.Passage {
        if start != nil || end != nil {
            guard let start, let end else {
                throw WebError.badRequest("give both start and end, the passage's character offsets", field: start == nil ? "start" : "end")
            }
            guard start >= 0, start < end else {
                throw WebError.badRequest("invalid passage \(start):\(end): start must be 0 or more and below end", field: "start")
            }
            return .span(start..<end)
        }
        if let span = span?.trimmingCharacters(in: .whitespaces), !span.isEmpty {
            do throws(ApplicationError) {
                return .span(try CodeRequest.span(parsing: span))
            } catch {
                throw WebError(error)
            }
        }
        if let quote = quote?.trimmingCharacters(in: .whitespacesAndNewlines), !quote.isEmpty {
            if let occurrence, occurrence < 1 {
                throw WebError.badRequest("invalid occurrence \(occurrence): the first is 1", field: "occurrence")
            }
            return .quote(quote, occurrence: occurrence)
        }
        throw WebError.badRequest("a coding needs its passage: start and end offsets, a span START:END or a quote", field: "span")
    }

    func codedStatus() throws(WebError) -> CodedSegment.Status {
        guard let status = status?.trimmingCharacters(in: .whitespaces), !status.isEmpty else { return .coded }
        guard let known = CodedSegment.Status(rawValue: status) else {
            throw WebError.badRequest("invalid status '\(status)': expected coded or rejected", field: "status")
        }
        return known
    }
}

/// A document as `POST /api/v1/documents` gives it: the record it is about, its source, and its
/// text — as text, or as a file's bytes in base64 with the file's name (which gives the format).
struct DocumentInput: Decodable {
    var attach: String?
    var source: String?
    var text: String?
    var content: String?
    var fileName: String?
    var language: String?
    var date: String?
    var title: String?
    var titleFa: String?
    var kind: String?

    enum CodingKeys: String, CodingKey {
        case attach, source, text, content, fileName = "file_name", language, date, title, titleFa = "title_fa", kind
    }

    /// The request the use case takes; `actor` adds it.
    func request(actor: String) throws(WebError) -> AddDocumentRequest {
        guard let attach = attach?.trimmingCharacters(in: .whitespaces), !attach.isEmpty else {
            throw WebError.badRequest("a document needs attach: the id of the relation, city, membership or event it is about", field: "attach")
        }
        let fileName = fileName?.trimmingCharacters(in: .whitespaces).isEmpty == false ? fileName! : nil
        let contents: Data
        let path: String
        if let content, !content.isEmpty {
            guard let data = Data(base64Encoded: content, options: .ignoreUnknownCharacters) else {
                throw WebError.badRequest("content is not base64: send a file's bytes in base64, or its text as text", field: "content")
            }
            guard let fileName else {
                throw WebError.badRequest("content needs file_name, whose extension (.txt, .md, .html, .pdf) gives the format", field: "file_name")
            }
            contents = data
            path = fileName
        } else if let text, !text.isEmpty {
            contents = Data(text.utf8)
            path = fileName ?? "document.txt"
        } else {
            throw WebError.badRequest("a document needs its text: text, or content in base64 with file_name", field: "text")
        }
        var kindValue = AgreementDocument.Kind.other
        if let kind = kind?.trimmingCharacters(in: .whitespaces), !kind.isEmpty {
            guard let known = AgreementDocument.Kind(rawValue: kind) else {
                throw WebError.badRequest("invalid kind '\(kind)': expected one of \(AgreementDocument.Kind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
            }
            kindValue = known
        }
        var request = AddDocumentRequest(path: (path as NSString).lastPathComponent, attachTo: attach, source: source ?? "", language: language,
                                         date: date, title: title, titleFa: titleFa, kind: kindValue, actor: actor)
        request.contents = contents
        return request
    }
}

extension WebError {
    /// A body that is no JSON object of the expected fields, naming the field at fault.
    static func decoding(_ error: any Error) -> WebError {
        switch error {
        case let DecodingError.typeMismatch(type, context):
            let field = context.codingPath.last?.stringValue ?? "body"
            return .badRequest("\(field) must be \(type == String.self ? "a string" : type == Int.self ? "a whole number" : "\(type)")", field: field)
        case let DecodingError.dataCorrupted(context):
            return .badRequest("the body is not a JSON object: \(context.debugDescription)", field: context.codingPath.last?.stringValue ?? "body")
        default:
            return .badRequest("the body is not a JSON object of the fields this address takes", field: "body")
        }
    }
}
