/// The words of an HTML page, as a reader sees them: tags out, scripts, styles, comments and the
/// head left out, entities decoded, white space collapsed as a browser does, a line break for
/// `<br>` and list items and an empty line between paragraphs, headings and other blocks.
///
/// Written here: none of the Swift packages this project may use parses HTML (the XML readers
/// refuse its unclosed tags), and a coder needs the words, not a document tree.
///
/// ```swift
/// HTMLText.text(of: "<h1>MoU</h1><p>Isfahan &amp; Florence</p>")   // "MoU\n\nIsfahan & Florence"
/// ```
enum HTMLText {
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "table", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr", "dl", "form", "fieldset",
    ]
    static let lines: Set<String> = ["br", "li", "tr", "dt", "dd", "caption"]
    static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg"]

    static func text(of html: String) -> String {
        var output = ""
        var pendingBreak = 0  // newlines owed before the next word: 1 a line, 2 a paragraph
        var pendingSpace = false
        var skipping: String?
        var preformatted = 0
        let scalars = Array(html.unicodeScalars)
        var index = 0
        func emit(_ text: String) {
            for scalar in text.unicodeScalars {
                let isSpace = scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
                if isSpace, preformatted == 0 {
                    pendingSpace = true
                    continue
                }
                if !output.isEmpty {
                    if pendingBreak > 0 {
                        output += String(repeating: "\n", count: pendingBreak)
                    } else if pendingSpace {
                        output += " "
                    }
                }
                pendingBreak = 0
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            }
        }
        func breakLine(_ count: Int) { pendingBreak = max(pendingBreak, count) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                // A comment, a declaration, or a tag; a "<" that starts none of them is text.
                if scalars.count > index + 3, scalars[index + 1] == "!", scalars[index + 2] == "-", scalars[index + 3] == "-" {
                    var end = index + 4
                    while end + 2 < scalars.count, !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == ">") { end += 1 }
                    index = end + 3
                    continue
                }
                var end = index + 1
                var quote: Unicode.Scalar?
                while end < scalars.count {
                    let c = scalars[end]
                    if let open = quote { if c == open { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { break }
                    end += 1
                }
                let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)]))
                let closing = inside.hasPrefix("/")
                let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                guard !name.isEmpty || inside.hasPrefix("!") || inside.hasPrefix("?") || closing else {
                    if skipping == nil { emit("<") }
                    index += 1
                    continue
                }
                index = end + 1
                if let skipped = skipping {
                    if closing, name == skipped { skipping = nil }
                    continue
                }
                if !closing, skipped.contains(name), !inside.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if name == "pre" { preformatted += closing ? -1 : 1; preformatted = max(0, preformatted) }
                if blocks.contains(name) { breakLine(2) } else if lines.contains(name) { breakLine(1) } else if name == "td" || name == "th" { pendingSpace = true }
                continue
            }
            if skipping != nil { index += 1; continue }
            if scalar == "&", let (decoded, length) = entity(at: index, in: scalars) {
                emit(decoded)
                index += length
                continue
            }
            emit(String(scalar))
            index += 1
        }
        return output
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "lrm": "\u{200E}", "rlm": "\u{200F}", "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "laquo": "\u{AB}",
        "raquo": "\u{BB}", "copy": "\u{A9}", "reg": "\u{AE}", "shy": "", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "middot": "\u{B7}", "bull": "\u{2022}", "times": "\u{D7}", "deg": "\u{B0}",
    ]

    /// `&amp;`, `&#1575;`, `&#x627;`: the text and how many scalars the reference spans.
    static func entity(at start: Int, in scalars: [Unicode.Scalar]) -> (String, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" { end += 1 }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        let length = end - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let decoded = Unicode.Scalar(value) else { return nil }
            return (String(decoded), length)
        }
        return named[body].map { ($0, length) }
    }
}
