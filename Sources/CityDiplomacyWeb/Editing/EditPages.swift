import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Hummingbird
import NIOCore

/// Forms to sign in with a write token, to create, change and delete records, and the change log.
struct EditPages {
    let observatory: Observatory
    var access: WriteAccess { WriteAccess(tokens: observatory.configuration.writeTokens) }
    var service: EditService { EditService(observatory: observatory) }

    struct Field {
        /// The form field's name; its label is the catalogue's `web.edit.field.NAME`.
        var name: String
        var hint: String = ""
        var choices: [String]? = nil
        var multiline = false
    }

    static func fields(_ kind: RecordKind) -> [Field] {
        let sources = Field(name: "sources", hint: "t1-tehran-fn1")
        let notes = Field(name: "notes", multiline: true)
        switch kind {
        case .relation:
            return [Field(name: "city"), Field(name: "partner"),
                    Field(name: "kind", choices: RelationKind.knownTerms.map(\.term.rawValue)),
                    Field(name: "status", choices: [""] + RelationStatus.knownTerms.map(\.term.rawValue)),
                    Field(name: "signed"),
                    Field(name: "themes", hint: "culture, economy"), sources, notes, Field(name: "notes_fa")]
        case .membership:
            return [Field(name: "city"), Field(name: "network"),
                    Field(name: "role_en"), Field(name: "role_fa"),
                    Field(name: "since"), sources, notes, Field(name: "notes_fa")]
        case .event:
            return [Field(name: "city"), Field(name: "kind", choices: EventKind.knownTerms.map(\.term.rawValue)),
                    Field(name: "title_en"), Field(name: "title_fa"),
                    Field(name: "year"), Field(name: "awarding_body"), Field(name: "awarding_body_fa"), sources, notes,
                    Field(name: "notes_fa", multiline: true)]
        case .source:
            return [Field(name: "title"), Field(name: "url", hint: "https://"),
                    Field(name: "publisher"), Field(name: "language", hint: "fa"),
                    Field(name: "published"), Field(name: "accessed"),
                    Field(name: "locator"), Field(name: "title_fa_source"), Field(name: "publisher_fa"), Field(name: "locator_fa"),
                    Field(name: "supplement", choices: ["", "yes", "no"])]
        case .document, .segment:
            return []
        }
    }

    // MARK: Forms

    /// The form for a new record (`id` nil) or an existing one, with values and errors.
    func form(_ kind: RecordKind, id: String?, request: Request, context c: PageContext, values given: [String: String]? = nil,
              errors: [(field: String, message: String)] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let csrf = access.csrfToken(request) else { return try signInPrompt(c, request: request) }
        var values = given ?? [:]
        if given == nil {
            if let id { values = try await currentValues(kind, id: id, context: c) } else {
                for name in ["dataset", "city", "partner", "network"] { if let value = c.fields[name] { values[name] = value } }
            }
        }
        let title = c.text(id.map { .message("web.edit.edit.\(kind.rawValue)", ["id": $0]) } ?? .message("web.edit.new.\(kind.rawValue)"))
        func messages(_ name: String) -> [String] { errors.filter { $0.field == name }.map(\.message) }
        var datasetChoice: EditFormView.DatasetChoice?
        if id == nil {
            let datasets = try await observatory.registry.datasetsWithoutImportReports()
            datasetChoice = .init(label: c.text(.message("web.dataset")), options: datasets.map { .init(value: $0.id, label: $0.id, selected: values["dataset"] == $0.id) },
                                  errors: messages("dataset"))
        }
        let general = errors.first.flatMap { first in
            !Self.fields(kind).contains(where: { $0.name == first.field }) && first.field != "dataset" ? first.message : nil
        }
        let action = id.map { "/edit/\(kind.collection)/\(PageContext.segment($0))" } ?? "/edit/\(kind.collection)"
        let view = EditFormView(
            heading: title, generalError: general, action: c.href(action), csrf: csrf, datasetChoice: datasetChoice,
            fields: Self.fields(kind).map { field in
                EditFormView.Input(name: field.name, label: c.text(.message("web.edit.field.\(field.name.replacingOccurrences(of: "_", with: "-"))")), value: values[field.name] ?? "", hint: field.hint,
                                   choices: field.choices ?? [], isList: field.choices != nil, isMultiline: field.choices == nil && field.multiline,
                                   isLine: field.choices == nil && !field.multiline, errors: messages(field.name))
            },
            saveLabel: c.text(.message("web.save")),
            deletion: id.map { .init(action: c.href("/edit/\(kind.collection)/\(PageContext.segment($0))/delete"), label: c.text(.message("web.edit.delete.\(kind.rawValue)"))) })
        return try Layout.response("edit-form", title: title, content: view, context: c, status: status)
    }

    private func currentValues(_ kind: RecordKind, id: String, context c: PageContext) async throws -> [String: String] {
        let registry = observatory.registry
        switch kind {
        case .relation:
            guard let r = try await registry.relation(id: id) else { throw WebError.notFound("relation '\(id)'", field: "id").asPage(c) }
            return ["dataset": r.datasetID, "city": r.cityID, "partner": r.partnerID, "kind": r.kind.rawValue, "status": r.status.rawValue,
                    "signed": r.signed?.description ?? "", "themes": r.themes.map(\.rawValue).joined(separator: ", "),
                    "sources": r.sources.map(\.id).joined(separator: ", "), "notes": r.notes ?? "", "notes_fa": r.notesFa ?? ""]
        case .membership:
            guard let m = try await registry.membership(id: id) else { throw WebError.notFound("membership '\(id)'", field: "id").asPage(c) }
            return ["dataset": m.datasetID, "city": m.cityID, "network": m.networkID, "role_en": m.role?.en ?? "", "role_fa": m.role?.fa ?? "",
                    "since": m.since?.description ?? "", "sources": m.sources.map(\.id).joined(separator: ", "), "notes": m.notes ?? "",
                    "notes_fa": m.notesFa ?? ""]
        case .event:
            guard let e = try await registry.event(id: id) else { throw WebError.notFound("event '\(id)'", field: "id").asPage(c) }
            return ["dataset": e.datasetID, "city": e.cityID, "kind": e.kind.rawValue, "title_en": e.title.en, "title_fa": e.title.fa ?? "",
                    "year": String(e.year), "awarding_body": e.awardingBody ?? "", "awarding_body_fa": e.awardingBodyFa ?? "", "sources": e.sources.map(\.id).joined(separator: ", "), "notes": e.notes ?? "",
                    "notes_fa": e.notesFa ?? ""]
        case .source:
            guard let (s, dataset) = try await registry.source(id: id) else { throw WebError.notFound("source '\(id)'", field: "id").asPage(c) }
            return ["dataset": dataset, "title": s.title, "url": s.url ?? "", "publisher": s.publisher ?? "", "language": s.language ?? "",
                    "published": s.published?.description ?? "", "accessed": s.accessed?.description ?? "", "locator": s.locator ?? "",
                    "title_fa_source": s.titleFa ?? "", "publisher_fa": s.publisherFa ?? "", "locator_fa": s.locatorFa ?? "",
                    "supplement": s.supplement.map { $0 ? "yes" : "no" } ?? ""]
        case .document, .segment:
            throw EditService.notEditable(kind).asPage(c)
        }
    }

    /// Saves a submitted form; on invalid input shows the form again with each error by its field.
    func submit(_ kind: RecordKind, id: String?, request: Request, context c: PageContext) async throws -> Response {
        let form = try await formBody(request, limit: observatory.configuration.maxBodySize, context: c)
        let actor: String
        do {
            actor = try access.formEditor(request, form: form)
        } catch {
            throw error.asPage(c)
        }
        let input: EditInput
        do {
            input = try EditInput(form: form)
        } catch {
            throw error.asPage(c)
        }
        do {
            let change = try await service.save(kind, id: id, input: input, actor: actor)
            return redirect(to: try await destination(kind, recordID: change.recordID, context: c))
        } catch let error as WebError where error.status == .badRequest || error.status == .conflict || !error.details.isEmpty {
            // Field errors (a 404 too, for a city or source the dataset lacks) are shown on the form.
            var values: [String: String] = [:]
            for name in form.names { values[name] = input.raw(name) }
            let errors = error.details.isEmpty ? [(field: error.field ?? "", message: error.message)] : error.details
            return try await self.form(kind, id: id, request: request, context: c, values: values, errors: errors, status: error.status)
        } catch let error as WebError {
            throw error.asPage(c)
        }
    }

    func delete(_ kind: RecordKind, id: String, request: Request, context c: PageContext) async throws -> Response {
        let form = try await formBody(request, limit: observatory.configuration.maxBodySize, context: c)
        do {
            let actor = try access.formEditor(request, form: form)
            let back = try await destination(kind, recordID: id, context: c)
            _ = try await service.delete(kind, id: id, actor: actor)
            return redirect(to: back)
        } catch let error as WebError {
            throw error.asPage(c)
        }
    }

    /// Where a saved record is seen: its city's page, its network's page, or the change log.
    private func destination(_ kind: RecordKind, recordID: String, context c: PageContext) async throws -> String {
        switch kind {
        case .relation:
            if let relation = try await observatory.registry.relation(id: recordID) { return c.href("/cities/\(PageContext.segment(relation.cityID))") }
        case .membership:
            if let membership = try await observatory.registry.membership(id: recordID) { return c.href("/networks/\(PageContext.segment(membership.networkID))") }
        case .event:
            if let event = try await observatory.registry.event(id: recordID) { return c.href("/cities/\(PageContext.segment(event.cityID))") }
        case .source, .document, .segment:
            break
        }
        return c.href("/changes")
    }

    private func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: Self.asciiLocation(location)])
    }

    /// `location` with every character beyond ASCII percent-encoded as UTF-8: a `Location` header
    /// is ASCII, and a Persian page name sent raw reaches some clients as mojibake. What is
    /// already encoded stays as it is.
    static func asciiLocation(_ location: String) -> String {
        location.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))) ?? location
    }

    // MARK: Signing in

    /// The sign-in form. There is no session yet for the edit forms' CSRF token to derive from, so
    /// the form carries a random one that must come back equal in a cookie only this site can set
    /// (a double-submit token): another site could otherwise sign a visitor in under its own token.
    func signInPrompt(_ c: PageContext, request: Request, status: HTTPResponse.Status = .unauthorized, message: String? = nil) throws -> Response {
        let readOnly = observatory.configuration.writeTokens.isEmpty
        let csrf = request.cookies[WriteAccess.signInCookie]?.value ?? WriteAccess.randomToken()
        let view = SignInView(
            heading: c.text(.message("web.sign-in-to-edit")),
            readOnlyMessage: readOnly ? c.text(.message("web.this-observatory-is-read-only-it-was-started-wit")) : nil,
            prompt: readOnly ? nil : .init(message: message, action: c.href("/sign-in"), tokenLabel: c.text(.message("web.write-token")), next: c.path,
                                           csrf: csrf, submit: c.text(.message("web.sign-in"))))
        var response = try Layout.response("sign-in", title: c.text(.message("web.sign-in")), content: view, context: c, status: status)
        if !readOnly {
            response.setCookie(Cookie(name: WriteAccess.signInCookie, value: csrf, path: "/sign-in", secure: observatory.configuration.secureCookies,
                                      httpOnly: true, sameSite: .strict))
        }
        return response
    }

    func signIn(request: Request, context c: PageContext) async throws -> Response {
        let form = try await formBody(request, limit: 16 * 1024, context: c)
        guard let expected = request.cookies[WriteAccess.signInCookie]?.value, let given = form["csrf"], given == expected else {
            return try signInPrompt(c, request: request, status: .forbidden, message: c.text(.message("web.sign-in-csrf")))
        }
        guard let token = form["token"], access.name(of: token) != nil else {
            return try signInPrompt(c, request: request, message: c.text(.message("web.that-token-is-not-one-of-this-observatory-s-writ")))
        }
        let next = form["next"].flatMap(Self.localPath) ?? "/changes"
        var response = redirect(to: c.language == .fa ? next + (next.contains("?") ? "&" : "?") + "lang=fa" : next)
        response.setCookie(Cookie(name: WriteAccess.sessionCookie, value: WriteAccess.sessionValue(for: token), path: "/", secure: observatory.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// A submitted form, held to `limit` bytes; a larger one is a 413 page, not an empty answer.
    func formBody(_ request: Request, limit: Int, context c: PageContext) async throws -> FormFields {
        do {
            return FormFields(String(buffer: try await request.body.collect(upTo: limit)))
        } catch is NIOTooManyBytesError {
            throw WebError(.contentTooLarge, c.text(.message("web.edit.form-too-large", ["limit": String(limit)])), field: "body").asPage(c)
        }
    }

    /// A path on this site to go to after signing in, or `nil`: never another site (`//host`,
    /// `/\\host`, control characters a browser strips), never the sign-in form itself.
    static func localPath(_ text: String) -> String? {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/sign-in"),
              !text.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control || $0 == " " })
        else { return nil }
        return text
    }

    func signOut(request: Request, context c: PageContext) async throws -> Response {
        let form = try await formBody(request, limit: 16 * 1024, context: c)
        do {
            _ = try access.formEditor(request, form: form)
        } catch {
            throw error.asPage(c)
        }
        var response = redirect(to: c.href("/"))
        response.setCookie(Cookie(name: WriteAccess.sessionCookie, value: "", maxAge: 0, path: "/", secure: observatory.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    // MARK: Change log

    func changes(request: Request, context c: PageContext) async throws -> Response {
        let page: Int
        do {
            page = try c.filters.integer("page", in: 1...1_000_000) ?? 1
        } catch {
            throw error.asPage(c)
        }
        let changes = try await observatory.registry.changes(limit: 50, offset: (page - 1) * 50)
        var session: ChangeLogView.Session?
        if let csrf = access.csrfToken(request), let name = access.sessionName(request) {
            session = .init(signedIn: c.text(.message("web.edit.signed-in-as", ["name": name])),
                            additions: RecordKind.editable.map { LinkView(text: c.text(.message("web.edit.new.\($0.rawValue)")), target: c.href("/edit/\($0.collection)/new")) },
                            signOutAction: c.href("/sign-out"), csrf: csrf, signOutLabel: c.text(.message("web.sign-out")))
        }
        let formatter = ISO8601DateFormatter()
        let view = ChangeLogView(
            heading: c.text(.message("web.change-log")), session: session,
            signInLink: session == nil ? LinkView(text: c.text(.message("web.sign-in-to-edit")), target: c.href("/sign-in")) : nil,
            columns: ["when", "who", "action", "record", "before", "after"].map { c.text(.message("web.changes.column.\($0)")) },
            changes: changes.map { change in
                let action = switch change.action {
                case .create: c.text(.message("web.created"))
                case .update: c.text(.message("web.changed"))
                case .delete: c.text(.message("web.deleted"))
                }
                return .init(at: formatter.string(from: change.at), actor: change.actor, action: action, recordKind: change.recordKind.rawValue,
                             recordID: change.recordID, before: change.before ?? "—", after: change.after ?? "—")
            },
            older: changes.count == 50 ? LinkView(text: c.text(.message("web.older")), target: c.href("/changes", [("page", String(page + 1))])) : nil)
        return try Layout.response("changes", title: c.text(.message("web.change-log")), content: view, context: c)
    }
}

extension EditPages {
    /// Edit pages are never cached: they depend on who is signed in.
    func register(on router: Router<ObservatoryContext>) {
        @Sendable func context(_ request: Request) -> PageContext { PageContext(request: request) }
        router.get("sign-in") { request, _ in
            let c = context(request)
            return try signInPrompt(c, request: request, status: .ok)
        }
        router.post("sign-in") { request, _ in try await signIn(request: request, context: context(request)) }
        router.post("sign-out") { request, _ in try await signOut(request: request, context: context(request)) }
        router.get("changes") { request, _ in try await changes(request: request, context: context(request)) }
        registerCopyDataset(on: router)
        for kind in RecordKind.editable {
            router.get("edit/\(kind.collection)/new") { request, _ in
                try await form(kind, id: nil, request: request, context: context(request))
            }
            router.post(RouterPath("edit/\(kind.collection)")) { request, _ in
                try await submit(kind, id: nil, request: request, context: context(request))
            }
            router.get("edit/\(kind.collection)/:id") { request, requestContext in
                try await form(kind, id: try PageRoutes.parameter("id", requestContext), request: request, context: context(request))
            }
            router.post("edit/\(kind.collection)/:id") { request, requestContext in
                try await submit(kind, id: try PageRoutes.parameter("id", requestContext), request: request, context: context(request))
            }
            router.post("edit/\(kind.collection)/:id/delete") { request, requestContext in
                try await delete(kind, id: try PageRoutes.parameter("id", requestContext), request: request, context: context(request))
            }
        }
    }
}
