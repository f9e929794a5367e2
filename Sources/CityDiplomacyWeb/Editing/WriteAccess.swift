import Crypto
import Foundation
import Hummingbird

/// Who may write: API clients by `Authorization: Bearer TOKEN`, people at forms by a session
/// cookie set when they sign in with a token. Forms also carry a CSRF token that must equal the
/// session's (a page of another site can make the browser send the cookie, never read the token).
struct WriteAccess: Sendable {
    let tokens: [String: String]

    static let sessionCookie = "citydip_session"
    /// The sign-in form's CSRF token, before there is a session.
    static let signInCookie = "citydip_sign_in"

    /// 32 random bytes as hex, from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// The token's name, or a 401.
    func bearer(_ request: Request) throws(WebError) -> String {
        guard !tokens.isEmpty else { throw WebError(.unauthorized, "this observatory is read-only: start it with --token NAME:TOKEN to allow writes") }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw WebError(.unauthorized, "writes need a token: Authorization: Bearer TOKEN", field: "Authorization")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let name = name(of: token) else { throw WebError(.unauthorized, "unknown token", field: "Authorization") }
        return name
    }

    /// The session cookie's value for a token: derived from it, so that the cookie never holds
    /// the token itself.
    static func sessionValue(for token: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data("citydip-session".utf8), using: SymmetricKey(data: Data(token.utf8))))
    }

    static func hex(_ mac: HMAC<SHA256>.MAC) -> String {
        Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// The token whose session value the cookie holds, with its name, if any.
    private func session(_ request: Request) -> (token: String, name: String)? {
        guard let value = request.cookies[Self.sessionCookie]?.value else { return nil }
        for (token, name) in tokens where Self.sessionValue(for: token) == value {
            return (token, name)
        }
        return nil
    }

    /// The name of the token the session cookie stands for, if it is valid.
    func sessionName(_ request: Request) -> String? {
        session(request)?.name
    }

    /// Compared in constant time, so that response times do not tell how much of a guess was right.
    func name(of token: String) -> String? {
        let offered = SHA256.hash(data: Data(token.utf8))
        for (known, name) in tokens where SHA256.hash(data: Data(known.utf8)) == offered {
            return name
        }
        return nil
    }

    /// The CSRF token of a session: derived from the session token, so it needs no storage.
    func csrfToken(_ request: Request) -> String? {
        guard let token = session(request)?.token else { return nil }
        return Self.hex(HMAC<SHA256>.authenticationCode(for: Data("citydip-csrf".utf8), using: SymmetricKey(data: Data(token.utf8))))
    }

    /// The signed-in editor's name, after checking the form's CSRF token; else a 401 or 403.
    func formEditor(_ request: Request, form: FormFields) throws(WebError) -> String {
        guard let name = sessionName(request), let expected = csrfToken(request) else {
            throw WebError(.unauthorized, "sign in with a write token to edit", field: "token")
        }
        guard let given = form["csrf"], given == expected else {
            throw WebError(.forbidden, "the form's CSRF token is missing or wrong: reload the form and send it again", field: "csrf")
        }
        return name
    }
}
