import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Hummingbird

/// What a page is rendered for: its language and the address it answers, so that links keep the
/// language and the language switch keeps the page.
struct PageContext: Sendable {
    var language: Language
    var path: String
    var fields: FormFields
    /// The query string as received, for the filters of lists.
    var query: String?
    var filters: Filters { Filters(query) }
    var style: OutputStyle { OutputStyle(language: language) }
    /// Whether the visitor is signed in with a write token: only then do pages show edit
    /// controls (✎, "Add …"), which answer 401 to anyone else.
    var canEdit = false

    init(request: Request) {
        fields = FormFields(request.uri.query)
        query = request.uri.query
        // `//host/x` would be a link to another site wherever the path is written back.
        // Browsers read `\` as `/`, so `/\host/x` would be such a link too: the path is then `/`.
        let requested = "/" + request.uri.path.drop { $0 == "/" }
        path = requested.contains("\\") ? "/" : requested
        language = (try? Self.language(Filters(request.uri.query))) ?? .en
    }

    /// `lang=en|fa`; English when absent.
    static func language(_ filters: Filters) throws(WebError) -> Language {
        guard let raw = filters.choiceText("lang") else { return .en }
        guard let language = Language(rawValue: raw) else {
            throw .badRequest("invalid lang '\(raw)': expected en or fa", field: "lang")
        }
        return language
    }

    /// English or Persian text, with Persian digits in Persian.
    func t(_ en: String, _ fa: String) -> String {
        language == .fa ? style.digits(fa) : en
    }

    func text(_ value: LocalizedText?) -> String {
        guard let value else { return "" }
        return style.text(value)
    }

    func number(_ value: Int) -> String { style.number(value) }

    /// A link within the observatory, in this page's language.
    func href(_ path: String, _ query: [(String, String?)] = []) -> String {
        var items = query.compactMap { name, value in value.map { (name, $0) } }
        if language == .fa { items.append(("lang", "fa")) }
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? text
    }

    /// A path segment (a record id such as `iran-2018:tehran`), percent-encoded where needed.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? text
    }

    // Made once: building a character set for every link was 1.5% of a warm dashboard (perf).
    private static let queryAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    private static let segmentAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~:@"))

    /// This page with parameter `name` set to `value`, or left out when `value` is `nil`, every
    /// other parameter kept (the language among them).
    func href(setting name: String, to value: String?) -> String {
        var items = fields.pairs.filter { $0.name != name }.map { ($0.name, $0.value) }
        if let value { items.append((name, value)) }
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// Whether the page counts districts and other parts with their cities (`aggregate_parts`).
    var aggregateParts: Bool {
        get throws(WebError) { try filters.aggregateParts }
    }

    /// The link that switches counting parts with their cities on or off, on this page.
    func partsSwitch(aggregating: Bool) -> LinkView {
        LinkView(text: text(.message(aggregating ? "parts.separate" : "parts.aggregate")),
                 target: href(setting: "aggregate_parts", to: aggregating ? nil : "true"))
    }

    /// This page in the other language.
    var otherLanguageHref: String {
        var items = fields.pairs.filter { $0.name != "lang" }.map { ($0.name, $0.value) }
        if language == .en { items.append(("lang", "fa")) }
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// An error as a page.
    func errorResponse(_ error: WebError) -> Response {
        let title = text(.message(error.status == .notFound ? "web.error.not-found" : "web.error.error"))
        let view = ErrorView(heading: title, message: error.message, field: error.field, fieldLabel: text(.message("web.error.field")),
                             home: href("/"), homeLabel: text(.message("web.error.back")))
        do {
            return try Layout.response("error", title: title, content: view, context: self, status: error.status)
        } catch {
            // Without templates there is no page to show: say so in plain text, with the status.
            return .body("\(title): \(error)\n", contentType: "text/plain; charset=utf-8", status: .internalServerError)
        }
    }
}

/// What the `error` template shows: what went wrong and, when one is at fault, the field.
struct ErrorView {
    let heading: String
    let message: String
    let field: String?
    let fieldLabel: String
    let home: String
    let homeLabel: String
}
