/// Escaping of text for the XML that GraphML and GEXF are written in. Place names come from
/// Wikipedia, Wikidata and spreadsheets: they hold `&`, quotes, angle brackets and, now and
/// then, a control character pasted along with them.
enum XMLEscaping {
    /// Appends `text` as element content: `&`, `<` and `>` as entities, a carriage return as a
    /// character reference (a parser would otherwise turn it into a line feed).
    static func appendText(_ text: String, to output: inout String) {
        append(text, to: &output, inAttribute: false)
    }

    /// Appends `text` as an attribute value written between double quotes: the content escapes,
    /// both quotes, and tabs and line breaks as character references (a parser would otherwise
    /// turn them into spaces).
    static func appendAttribute(_ text: String, to output: inout String) {
        append(text, to: &output, inAttribute: true)
    }

    private static func append(_ text: String, to output: inout String, inAttribute: Bool) {
        // Most names need nothing: look at the bytes before walking the characters. A byte
        // 0xEF may begin U+FFFE or U+FFFF, which XML forbids.
        let needsWork = text.utf8.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }
        guard needsWork else { output += text; return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where inAttribute: output += "&quot;"
            case "'" where inAttribute: output += "&apos;"
            case "\t" where inAttribute: output += "&#9;"
            case "\n" where inAttribute: output += "&#10;"
            case "\r": output += "&#13;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            // XML 1.0 cannot carry other control characters, not even as references, nor
            // U+FFFE and U+FFFF: they become the replacement character.
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
