import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Hummingbird
import NIOCore

/// The document pages and their forms: `/documents`, `/documents/{id}`, coding a passage,
/// deciding a suggestion, deleting a coding, and adding a document to a record.
///
/// The pages are rendered anew for every request and never kept in the response cache: a
/// signed-in coder's page carries the session's CSRF token. Every form is CSRF-checked, answers
/// `no-store`, and sends the browser back to the document's page.
struct DocumentRoutes {
    let observatory: Observatory
    var access: WriteAccess { WriteAccess(tokens: observatory.configuration.writeTokens) }
    var coding: DocumentCoding { DocumentCoding(observatory: observatory) }

    func register(on router: Router<ObservatoryContext>) {
        router.get("documents") { request, _ in
            try await page(request) { try await DocumentListPage(observatory: observatory, context: $0).render() }
        }
        router.get("documents/new") { request, _ in
            let c = try context(request)
            guard let csrf = access.csrfToken(request) else { return try EditPages(observatory: observatory).signInPrompt(c, request: request) }
            return try await NewDocumentForm(observatory: observatory, context: c).response(csrf: csrf, values: [:], error: nil)
        }
        router.post("documents") { request, _ in try await addDocument(request) }
        router.get("documents/:id") { request, requestContext in
            let id = try PageRoutes.parameter("id", requestContext)
            return try await page(request) { c in
                try await DocumentPage(observatory: observatory, context: c, csrf: access.csrfToken(request)).render(id: id)
            }
        }
        router.post("documents/:id/code") { request, requestContext in
            let id = try PageRoutes.parameter("id", requestContext)
            return try await form(request) { form, coder in
                _ = try await coding.code(try SegmentInput(form: form), documentID: id, coder: coder)
                return id
            }
        }
        for (decision, status) in [("accept", CodedSegment.Status.coded), ("reject", CodedSegment.Status.rejected)] as [(String, CodedSegment.Status)] {
            router.post("documents/:id/suggestions/\(decision)") { request, requestContext in
                let id = try PageRoutes.parameter("id", requestContext)
                return try await form(request) { form, coder in
                    var input = try SegmentInput(form: form)
                    input.status = status.rawValue
                    input.span = nil
                    input.quote = nil
                    _ = try await coding.code(input, documentID: id, coder: coder)
                    return id
                }
            }
        }
        router.post("segments/:id/delete") { request, requestContext in
            let id = try PageRoutes.parameter("id", requestContext)
            return try await form(request) { _, coder in try await coding.uncode(segmentID: id, actor: coder).documentID }
        }
    }

    private func context(_ request: Request) throws -> PageContext {
        var c = PageContext(request: request)
        do {
            _ = try PageContext.language(c.filters)
        } catch {
            throw error.asPage(c)
        }
        c.canEdit = access.sessionName(request) != nil
        return c
    }

    /// A page rendered anew, `no-store` for a signed-in coder; any error answered as a page.
    private func page(_ request: Request, _ render: (PageContext) async throws -> String) async throws -> Response {
        let c = try context(request)
        do {
            return .body(try await render(c), contentType: "text/html; charset=utf-8",
                         headers: c.canEdit ? [.cacheControl: "no-store"] : [:])
        } catch let error as WebError {
            throw error.page == nil ? error.asPage(c) : error
        }
    }

    /// A form posted by a signed-in coder: CSRF-checked, then `act` with the fields and the
    /// coder's name, which gives the id of the document to go back to.
    private func form(_ request: Request, _ act: (FormFields, String) async throws -> String) async throws -> Response {
        let c = try context(request)
        let pages = EditPages(observatory: observatory)
        let form = try await pages.formBody(request, limit: observatory.configuration.maxBodySize, context: c)
        do {
            let coder = try access.formEditor(request, form: form)
            let documentID = try await act(form, coder)
            return Self.backTo(documentID, context: c)
        } catch let error as WebError {
            throw (error.page == nil ? error.asPage(c) : error).noStore
        }
    }

    /// A 303 to the document's page, `no-store`, its address in ASCII.
    static func backTo(_ documentID: String, context c: PageContext) -> Response {
        Response(status: .seeOther, headers: [.location: EditPages.asciiLocation(c.href("/documents/\(PageContext.segment(documentID))")),
                                              .cacheControl: "no-store"])
    }

    /// `POST /documents`: the add-document form, a file (multipart) or pasted text.
    private func addDocument(_ request: Request) async throws -> Response {
        let c = try context(request)
        let body: Data
        do {
            body = Data(buffer: try await request.body.collect(upTo: observatory.configuration.maxDocumentBodySize))
        } catch is NIOTooManyBytesError {
            throw WebError(.contentTooLarge, c.text(.message("web.edit.form-too-large", ["limit": String(observatory.configuration.maxDocumentBodySize)])), field: "body").asPage(c)
        }
        let fields: NewDocumentForm.Fields
        if let boundary = MultipartForm.boundary(contentType: request.headers[.contentType]) {
            guard let multipart = MultipartForm(body, boundary: boundary) else {
                throw WebError.badRequest("the form's body is not multipart/form-data", field: "body").asPage(c).noStore
            }
            fields = NewDocumentForm.Fields(multipart)
        } else {
            fields = NewDocumentForm.Fields(FormFields(String(decoding: body, as: UTF8.self)))
        }
        let coder: String
        do {
            coder = try access.formEditor(request, form: FormFields("csrf=" + PageContext.encode(fields.values["csrf"] ?? "")))
        } catch {
            throw error.asPage(c).noStore
        }
        let csrf = access.csrfToken(request) ?? ""
        do {
            let document = try await coding.add(try fields.request(actor: coder))
            return Self.backTo(document.id, context: c)
        } catch let error as WebError where error.status == .badRequest || error.status == .notFound || error.status == .conflict {
            var response = try await NewDocumentForm(observatory: observatory, context: c).response(csrf: csrf, values: fields.values, error: error)
            response.headers[.cacheControl] = "no-store"
            return response
        } catch let error as WebError {
            throw error.asPage(c).noStore
        }
    }
}

extension WebError {
    /// The same error, its answer kept by no cache.
    var noStore: WebError {
        var error = self
        error.headers[.cacheControl] = "no-store"
        return error
    }
}
