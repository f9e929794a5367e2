import CityDiplomacyApplication
import CityDiplomacyCore
import Hummingbird

extension EditPages {
    /// `/datasets/{id}/copy`: the form that copies a dataset under a new id, for a signed-in
    /// editor, so that a bundled dataset, which is read-only, can be changed in a copy. The same
    /// use case as `citydip copy-dataset`.
    func registerCopyDataset(on router: Router<ObservatoryContext>) {
        router.get("datasets/:id/copy") { request, requestContext in
            let c = PageContext(request: request)
            return try await copyForm(try PageRoutes.parameter("id", requestContext), request: request, context: c)
        }
        router.post("datasets/:id/copy") { request, requestContext in
            let c = PageContext(request: request)
            let source = try PageRoutes.parameter("id", requestContext)
            let form = try await formBody(request, limit: 16 * 1024, context: c)
            do {
                _ = try access.formEditor(request, form: form)
            } catch let error as WebError {
                throw error.asPage(c)
            }
            let newID = form["new_id"] ?? ""
            do {
                let copy = try await observatory.workspace.copyDataset(source, to: newID)
                observatory.cache.clear()
                return Response(status: .seeOther, headers: [.location: Self.asciiLocation(c.href("/datasets/\(PageContext.segment(copy.dataset.id))"))])
            } catch let error as ApplicationError where error.kind != .notFound {
                return try await copyForm(source, request: request, context: c, value: newID, error: error.message,
                                          status: error.kind == .conflict ? .conflict : .badRequest)
            } catch let error as ApplicationError {
                throw WebError(error).asPage(c)
            }
        }
    }

    func copyForm(_ source: String, request: Request, context c: PageContext, value: String = "", error: String? = nil,
                  status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let csrf = access.csrfToken(request) else { return try signInPrompt(c, request: request) }
        do {
            _ = try await observatory.content(ofDataset: source)
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let view = CopyDatasetView(
            heading: c.text(.message("web.copy-dataset.heading", ["dataset": source])),
            explanation: c.text(.message("web.copy-dataset.explanation")),
            error: error, action: c.href("/datasets/\(PageContext.segment(source))/copy"), csrf: csrf,
            label: c.text(.message("web.copy-dataset.new-id")), value: value.isEmpty ? source + "-copy" : value,
            submit: c.text(.message("web.copy-dataset.submit")))
        return try Layout.response("copy-dataset", title: view.heading, content: view, context: c, status: status)
    }
}
