import HTTPTypes
import Hummingbird

/// Headers that tell browsers what the observatory's pages may do, on every answer, errors too.
///
/// The pages load only the observatory's own stylesheet and script and have no inline script or
/// style, so the content security policy allows nothing from elsewhere: an HTML injection that
/// escaping missed could still not run a script or send a form to another site. `blob:` images
/// are the charts' PNG downloads, drawn from their SVG in the page. No page is meant to be framed
/// (`frame-ancestors`, and `X-Frame-Options` for older browsers). The sign-in and edit pages,
/// which carry a CSRF token or a token field, are never stored by browsers or proxies.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ObservatoryContext

    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:", "connect-src 'self'",
        "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.xFrameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        if Self.holdsSecrets(request.uri.path) { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// The sign-in form, the edit forms and the copy form: what a shared computer's cache must not keep.
    static func holdsSecrets(_ path: String) -> Bool {
        path == "/sign-in" || path == "/sign-out" || path.hasPrefix("/edit/") || (path.hasPrefix("/datasets/") && path.hasSuffix("/copy"))
    }
}
