import Foundation
import Mustache

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
        guard let html = try loaded.get().render(view, withTemplate: name) else { throw .missing(name) }
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
                try library.register(text, named: name)
            } catch {
                return .failure(.unreadable(name, "\(error)"))
            }
        }
        return .success(library)
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
