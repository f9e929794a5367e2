import CityDiplomacyPresentation
import Foundation
import Mustache
import Synchronization

/// The Mustache templates of the observatory's pages (`Resources/templates/*.mustache`), read and
/// parsed once per process.
///
/// Every page is a template that extends `layout` (the one page frame) and is rendered from a
/// typed view model whose strings are already in the page's language; `{{name}}` escapes, so a
/// city named `<script>` stays text. A page's Swift type never writes HTML:
///
/// ```swift
/// let html = try PageTemplates.render("city", FramedPageView(frame: frame, content: cityView))
/// ```
enum PageTemplates {
    /// Loaded at the first page, or earlier by ``preload()`` when the application is built.
    private static let loaded: Result<MustacheLibrary, TemplateError> = load()

    /// Parses every template now, so that a broken template stops the server at start rather than
    /// failing its first page.
    static func preload() throws(TemplateError) {
        _ = try loaded.get()
    }

    /// `view` rendered through the template `name`.
    static func render(_ name: String, _ view: Any) throws(TemplateError) -> String {
        guard let html = try loaded.get().render(ViewValues.prepared(view), withTemplate: name) else { throw .missing(name) }
        return html
    }

    private static func load() -> Result<MustacheLibrary, TemplateError> {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "templates", withExtension: nil)
        else { return .failure(.missing("templates folder")) }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "mustache" {
            let name = file.deletingPathExtension().lastPathComponent
            do {
                // Partials are written without a final new line, so that they can sit inside a line.
                var text = try String(contentsOf: file, encoding: .utf8)
                if name.hasPrefix("_"), text.hasSuffix("\n") { text.removeLast() }
                try register(text, named: name, in: &library)
            } catch let error as TemplateError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(name, "\(error)"))
            }
        }
        return .success(library)
    }

    /// Registers template `text` as `name`. Every template, partials too (Mustache starts each
    /// partial with its own HTML escape), escapes `{{name}}` through ``HTMLText``: the pragma that
    /// says so is a line of its own, which Mustache removes, so that the template's first line
    /// still starts a line; a parse error names the line and column of `text` itself.
    static func register(_ text: String, named name: String, in library: inout MustacheLibrary) throws(TemplateError) {
        // The content type the pragma names, registered by whoever registers a template first (a
        // lock and a dictionary entry): a template registered before it fails to parse.
        MustacheContentTypes.register(HTMLText(), named: HTMLText.name)
        do {
            try library.register("{{% CONTENT_TYPE: \(HTMLText.name)}}\n" + text, named: name)
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            throw .unreadable(name, "line \(context.lineNumber - 1), column \(context.columnNumber): \(error.error) in '\(context.line)'")
        } catch {
            throw .unreadable(name, "\(error)")
        }
    }
}

/// How `{{name}}` is escaped in the observatory's pages: ``HTMLPage/escape(_:)``, by bytes.
/// Mustache's HTML escape goes character by character and leaves a quote that a combining mark
/// follows (`"` U+0301 is one `Character`) unescaped, which would let a city's name or a
/// source's address close the attribute it is written into.
struct HTMLText: MustacheContentType {
    static let name = "CITYDIP_HTML"

    func escapeText(_ text: String) -> String {
        HTMLPage.escape(text)
    }
}

/// A template that is missing from the installation or does not parse.
enum TemplateError: Error, CustomStringConvertible {
    case missing(String)
    case unreadable(String, String)

    var description: String {
        switch self {
        case let .missing(name): "the page template \(name) is missing from the installation"
        case let .unreadable(name, reason): "the page template \(name) cannot be read: \(reason)"
        }
    }
}

/// A page's view model made ready for Mustache: each of this module's view structs as a dictionary
/// of its stored properties, found once, rather than by reflection at every name the template
/// looks up.
///
/// Mustache finds `{{name}}` in a struct with `Mirror`, reflecting every property of the struct
/// to find one, and again in each enclosing view when the name is not there: on a page of
/// thousands of rows (a city's 3,571 relations at a million) this was three quarters of the
/// page's time, and 44% of the dashboard's (perf). The dictionaries answer as the structs did:
/// a property that is `nil` is left out, so that the name is looked up in the enclosing views, as
/// Mustache does for a `nil` property; arrays stay arrays (sections, `first()`, `empty()`); every
/// other value (text, numbers, flags, other modules' types) is passed as it is.
enum ViewValues {
    /// Whether values of a type are this module's view structs or classes, by type.
    private static let isViewType = Mutex<[ObjectIdentifier: Bool]>([:])

    /// `value` with this module's views turned into dictionaries, at every depth.
    static func prepared(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double, is Substring: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return value }
            return prepared(wrapped)
        case .collection:
            guard let array = value as? [Any] else { return value }
            return array.map(prepared)
        case .struct, .class:
            guard isView(type(of: value)) else { return value }
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let field = present(child.value) else { continue }
                fields[label] = prepared(field)
            }
            return fields
        default:
            return value
        }
    }

    /// A property's value with one level of `Optional` taken off, as Mustache does; `nil` when it is `nil`.
    private static func present(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// Whether `type` is declared in this module (`CityDiplomacyWeb.…`), remembered per type.
    private static func isView(_ type: Any.Type) -> Bool {
        let key = ObjectIdentifier(type)
        if let known = isViewType.withLock({ $0[key] }) { return known }
        let answer = String(reflecting: type).hasPrefix("CityDiplomacyWeb.")
        isViewType.withLock { $0[key] = answer }
        return answer
    }
}
