import Foundation

/// Files the observatory serves as they are: the stylesheet, the script that saves charts as PNG,
/// the script that turns a selection of a document's text into the offsets the coding form sends,
/// the world map, the OpenAPI document.
enum Assets {
    /// Loaded once: they are small, and read on every page.
    private static let loaded: [String: String] = {
        var files: [String: String] = [:]
        for name in ["style.css", "charts.js", "coding.js", "world-110m.svg", "openapi.yaml", "priorities-iran.yaml"] {
            let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: nil)
            if let url, let text = try? String(contentsOf: url, encoding: .utf8) { files[name] = text }
        }
        return files
    }()

    static func text(_ name: String) throws(WebError) -> String {
        guard let text = loaded[name] else { throw WebError(.internalServerError, "the file \(name) is missing from the installation") }
        return text
    }

    static let contentTypes = [
        "style.css": "text/css; charset=utf-8", "charts.js": "text/javascript; charset=utf-8",
        "coding.js": "text/javascript; charset=utf-8", "world-110m.svg": "image/svg+xml",
    ]
}
