import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Hummingbird

/// `/documents/new?attach=RECORD_ID`: the form that adds a document to a record, from a file
/// (`.txt`, `.md`, `.html`, `.pdf`) or pasted text, with its source, language, date and title.
struct NewDocumentForm {
    let observatory: Observatory
    let context: PageContext

    /// The form's fields as sent, by multipart (with a file) or URL-encoded (pasted text only).
    struct Fields {
        var values: [String: String] = [:]
        var file: MultipartForm.Part?

        static let names = ["csrf", "attach", "source", "language", "date", "title", "title_fa", "kind", "text"]

        init(_ form: MultipartForm) {
            for name in Self.names { values[name] = form[name] }
            file = form.file("file")
        }

        init(_ form: FormFields) {
            for name in Self.names { values[name] = form[name] }
        }

        func request(actor: String) throws(WebError) -> AddDocumentRequest {
            var input = DocumentInput(attach: values["attach"], source: values["source"], text: values["text"], language: values["language"],
                                      date: values["date"], title: values["title"], titleFa: values["title_fa"], kind: values["kind"])
            if let file {
                input.content = file.data.base64EncodedString()
                input.fileName = file.fileName
                input.text = nil
            }
            return try input.request(actor: actor)
        }
    }

    func response(csrf: String, values: [String: String], error: WebError?) async throws -> Response {
        let c = context
        var values = values
        if values["attach"] == nil { values["attach"] = c.filters.text("attach") }
        var record: String?
        if let attach = values["attach"] {
            record = (try? await observatory.workspace.record(attach)).map { c.text($0.label) }
        }
        func field(_ name: String, hint: String = "") -> NewDocumentView.Field {
            .init(name: name, label: c.text(.message("web.document.new.\(name.replacingOccurrences(of: "_", with: "-"))")), value: values[name] ?? "", hint: hint,
                  error: error?.field == name || (name == "text" && error?.field == "file") ? error?.message : nil)
        }
        let known = ["attach", "source", "language", "date", "title", "title_fa", "text", "file", "kind"]
        let view = NewDocumentView(
            heading: c.text(.message("web.document.new.heading")),
            about: record.map { c.text(.message("web.document.new.about", ["record": $0])) },
            generalError: error.flatMap { known.contains($0.field ?? "") ? nil : $0.message },
            action: c.href("/documents"), csrf: csrf,
            attach: field("attach", hint: "iran-2018:isfahan/florence/sister_city"),
            fileLabel: c.text(.message("web.document.new.file")),
            text: field("text"), source: field("source", hint: "https://"), language: field("language", hint: "fa"),
            date: field("date", hint: "1396-09-21 SH"), title: field("title"), titleFa: field("title_fa"),
            kindLabel: c.text(.message("column.kind")),
            kinds: AgreementDocument.Kind.allCases.map { kind in
                .init(value: kind.rawValue, label: c.text(.message("document.kind.\(kind.rawValue)")), selected: (values["kind"] ?? "other") == kind.rawValue)
            },
            submit: c.text(.message("web.document.new.submit")))
        return try Layout.response("document-new", title: view.heading, content: view, context: c, status: error?.status ?? .ok)
    }
}

/// What the `document-new` template shows.
struct NewDocumentView {
    struct Field {
        let name: String
        let label: String
        let value: String
        let hint: String
        let error: String?
    }

    struct Kind {
        let value: String
        let label: String
        let selected: Bool
    }

    let heading: String
    let about: String?
    let generalError: String?
    let action: String
    let csrf: String
    let attach: Field
    let fileLabel: String
    let text: Field
    let source: Field
    let language: Field
    let date: Field
    let title: Field
    let titleFa: Field
    let kindLabel: String
    let kinds: [Kind]
    let submit: String
}
