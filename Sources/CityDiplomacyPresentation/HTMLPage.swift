import CityDiplomacyCore

/// A standalone HTML page: no scripts, no outside resources, right-to-left in Persian.
public enum HTMLPage {
    /// Escapes text for HTML content and attribute values, by bytes (``ASCIIReplacements``): a
    /// quote followed by a combining mark is escaped too, which by characters it was not, and a
    /// value such as `x"\u{301} onmouseover=…` closed its attribute (Mustache's own escape has
    /// the same flaw; the observatory's templates use this one, `HTMLText`). Text without any
    /// of the five comes back as it is, uncopied (most of a page's text; by characters the escape
    /// was a fifth of a warm Persian study table, perf).
    public static func escape(_ text: String) -> String {
        ASCIIReplacements.html.apply(to: text)
    }

    /// A link to an outside address, escaped; only `http`, `https` and `mailto` addresses become
    /// links (a `javascript:` address in a data file must never be clickable), others are text.
    /// A link that shows its address is of class `url`, the one text that may break anywhere.
    public static func link(_ url: String, text: String) -> String {
        guard isLinkable(url) else {
            return escape(text == url ? url : "\(text) (\(url))")
        }
        let kind = text == url ? " class=\"url\"" : ""
        return "<a href=\"\(escape(url))\"\(kind) rel=\"noreferrer\">\(escape(text))</a>"
    }

    /// Whether an address from data may become a link: only `http`, `https` and `mailto`. The
    /// one rule for the CLI's HTML and the observatory's pages.
    public static func isLinkable(_ url: String) -> Bool {
        let scheme = url.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return url.contains(":") && ["http", "https", "mailto"].contains(scheme)
    }

    public static func page(title: String, language: Language, body: String) -> String {
        let direction = language == .fa ? "rtl" : "ltr"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)" dir="\(direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "Vazirmatn", "Noto Naskh Arabic", "Tahoma", system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1d1f; }
            table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: 0.92rem; }
            caption { text-align: start; font-weight: 600; padding: 0.4rem 0; }
            th, td { border: 1px solid #c8c8cc; padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; }
            th { background: #f2f2f4; }
            /* Only addresses may break anywhere: break-all on every link in a cell broke names, Persian ones mid-word. */
            a.url { overflow-wrap: anywhere; }
            .note { font-size: 0.85rem; color: #55555a; margin: 0.2rem 0; }
            .match { color: #1b6e2d; } .mismatch { color: #a11d1d; font-weight: 600; } .scheme-dependent { color: #8a5a00; } .not-checkable { color: #55555a; }
            @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }
}
