import Foundation
import Hummingbird

/// The server-rendered pages, in English or (`?lang=fa`) Persian.
struct PageRoutes {
    let observatory: Observatory

    func register(on router: Router<ObservatoryContext>) {
        router.get("/") { request, _ in
            try await page(request) { try await DashboardPage(observatory: observatory, context: $0).render() }
        }
        router.get("relations") { request, _ in
            try await page(request) { try await RelationsPage(observatory: observatory, context: $0).render() }
        }
        router.get("cities/:id") { request, context in
            let id = try Self.parameter("id", context)
            return try await page(request) { try await CityPage(observatory: observatory, context: $0).render(cityID: id) }
        }
        router.get("countries/:code") { request, context in
            let code = try Self.parameter("code", context)
            return try await page(request) { try await CountryPage(observatory: observatory, context: $0).render(code: code) }
        }
        router.get("datasets/:id") { request, context in
            let id = try Self.parameter("id", context)
            return try await page(request) { try await CitationPages(observatory: observatory, context: $0).datasetPage(id) }
        }
        router.get("datasets/:id/cite.{format}") { request, context in
            let id = try Self.parameter("id", context)
            let format = try Self.parameter("format", context)
            return try await CitationPages(observatory: observatory, context: PageContext(request: request)).file(.dataset(id), extension: format)
        }
        router.get("study/cite.{format}") { request, context in
            let format = try Self.parameter("format", context)
            let page = PageContext(request: request)
            return try await CitationPages(observatory: observatory, context: page).file(.study(dataset: page.filters.text("dataset")), extension: format)
        }
        router.get("sources/:id/cite") { request, context in
            let id = try Self.parameter("id", context)
            return try await page(request) { try await CitationPages(observatory: observatory, context: $0).sourcePage(id) }
        }
        router.get("sources/:id/cite.{format}") { request, context in
            let id = try Self.parameter("id", context)
            let format = try Self.parameter("format", context)
            return try await CitationPages(observatory: observatory, context: PageContext(request: request)).file(.source(id), extension: format)
        }
        router.get("datasets/:id/quality") { request, context in
            let id = try Self.parameter("id", context)
            return try await page(request) { try await QualityPage(observatory: observatory, context: $0).render(datasetID: id) }
        }
        router.get("network") { request, _ in
            try await page(request) { try await NetworkAnalysisPage(observatory: observatory, context: $0).render() }
        }
        router.get("compare") { request, _ in
            try await page(request) { try await ComparisonPages(observatory: observatory, context: $0).compare() }
        }
        router.get("baseline") { request, _ in
            try await page(request) { try await ComparisonPages(observatory: observatory, context: $0).baseline() }
        }
        router.get("alignment") { request, _ in
            try await page(request) { try await AlignmentPage(observatory: observatory, context: $0).render(posted: nil).html }
        }
        // A posted form is answered anew every time and never cached: its priorities are the
        // sender's own.
        router.post("alignment") { request, _ in
            var context = PageContext(request: request)
            context.canEdit = WriteAccess(tokens: observatory.configuration.writeTokens).sessionName(request) != nil
            do {
                _ = try PageContext.language(context.filters)
                // URL-encoding may triple the text's bytes: the text itself is held to 64 KiB when read.
                let body = try await Observatory.body(request, limit: 3 * Observatory.alignmentBodyLimit + 4096)
                let page = try await AlignmentPage(observatory: observatory, context: context).render(posted: Filters(body))
                return Response.body(page.html, contentType: "text/html; charset=utf-8", status: page.status, headers: [.cacheControl: "no-store"])
            } catch let error as WebError {
                throw error.page == nil ? error.asPage(context) : error
            }
        }
        router.get("networks") { request, _ in
            try await page(request) { try await NetworkPages(observatory: observatory, context: $0).list() }
        }
        router.get("networks/:id") { request, context in
            let id = try Self.parameter("id", context)
            return try await page(request) { try await NetworkPages(observatory: observatory, context: $0).detail(networkID: id) }
        }
        router.get("tables/:number") { request, context in
            let number = try Self.parameter("number", context)
            return try await page(request) { try await StudyPages(observatory: observatory, context: $0).table(number) }
        }
        router.get("schemes/:id") { request, context in
            let id = try Self.parameter("id", context)
            return try await page(request) { try SchemePage(observatory: observatory, context: $0).render(schemeID: id) }
        }
        router.get("codebook") { request, _ in
            try await page(request) { try CodebookPage(observatory: observatory, context: $0).render() }
        }
        router.get("audit") { request, _ in
            try await page(request) { try await StudyPages(observatory: observatory, context: $0).audit() }
        }
        router.get("charts/:file") { request, context in
            let file = try Self.parameter("file", context)
            let page = PageContext(request: request)
            let (name, format) = try Self.asPage(page) { () throws(WebError) in try ChartFiles.parse(file, page) }
            var response = try await respond(request, contentType: format.contentType) {
                try await ChartFiles(observatory: observatory, context: $0).render(name, format)
            }
            let subject: [(String, String?)] = name.isCountryChart
                ? [("country", page.filters.text("country")?.uppercased())]
                : [("dataset", page.filters.text("dataset")), ("aggregate_parts", page.filters.text("aggregate_parts"))]
            let filename = ChartFiles.filename(name, query: subject, language: page.language) + "." + format.rawValue
            response.headers[.contentDisposition] = "inline; filename=\"\(filename)\""
            return response
        }
        router.get("assets/:name") { _, context in
            let name = try Self.parameter("name", context)
            guard let contentType = Assets.contentTypes[name] else { throw WebError.notFound("asset '\(name)'", field: "name") }
            return Response.body(try Assets.text(name), contentType: contentType, headers: [.cacheControl: "public, max-age=86400"])
        }
    }

    /// A path parameter, percent-decoded.
    static func parameter(_ name: String, _ context: ObservatoryContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// Renders a page from the cache or anew; any error is answered as a page.
    private func page(_ request: Request, _ render: (PageContext) async throws -> String) async throws -> Response {
        try await respond(request, contentType: "text/html; charset=utf-8", render)
    }

    /// Answers with what `render` makes of the request, from the cache or anew; any error is
    /// answered as a page in the request's language.
    private func respond(_ request: Request, contentType: String, _ render: (PageContext) async throws -> String) async throws -> Response {
        var context = PageContext(request: request)
        do {
            _ = try PageContext.language(context.filters)
        } catch {
            throw error.asPage(context)
        }
        context.canEdit = WriteAccess(tokens: observatory.configuration.writeTokens).sessionName(request) != nil
        // A signed-in editor's pages carry edit controls: they are kept apart from the pages
        // every visitor shares.
        let key = (context.canEdit ? "editor " : "") + request.uri.description
        let revision = observatory.cache.isEnabled ? try await observatory.cache.revision(asking: observatory.registry) : ""
        if case let .hit(entry) = observatory.cache.lookup(key, revision: revision) {
            return .body(entry.body, contentType: entry.contentType)
        }
        defer { observatory.cache.abandon(key) }
        do {
            let body = try await render(context)
            observatory.cache.put(key, body: body, contentType: contentType, revision: revision)
            return .body(body, contentType: contentType)
        } catch let error as WebError {
            throw error.page == nil ? error.asPage(context) : error
        }
    }

    /// `body`'s value, or its error answered as a page in `context`'s language.
    private static func asPage<T>(_ context: PageContext, _ body: () throws(WebError) -> T) throws(WebError) -> T {
        do {
            return try body()
        } catch {
            throw error.asPage(context)
        }
    }
}
