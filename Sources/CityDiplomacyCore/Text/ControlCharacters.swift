/// Characters that no name, title or citation contains but that can drive a terminal or reorder
/// what a reader sees: C0 and C1 control characters (ESC, BEL, backspace, carriage return…),
/// DEL, the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
/// a byte-order mark inside text (U+FEFF).
///
/// Imported values lose them, with a note in the import's quality report that says which and
/// where; terminal output and error messages show any that reach them in a visible form
/// (`<U+001B>`), so that a stored value can never write escape sequences to a terminal.
///
/// Tab and line feed are not among them: text may hold them, and normalising turns them into
/// spaces where a name is read. The directional marks (U+200E, U+200F, U+061C) and the
/// zero-width joiners are not either: Persian text uses them, and they reorder nothing beyond
/// the character they mark.
///
/// ```swift
/// let (clean, removed) = ControlCharacters.stripping("Be\u{1B}[31mrat")   // ("Be[31mrat", ["\u{1B}"])
/// ControlCharacters.escaped("Ulcinj\u{202E}")                            // "Ulcinj<U+202E>"
/// ```
public enum ControlCharacters {
    /// Whether a scalar is one of the characters removed on input and escaped on output.
    @inlinable
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// Whether the text holds any such character; a scan of its UTF-8 bytes, with no allocation,
    /// since nearly every value holds none.
    public static func contains(in text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = utf8.next() {
            switch byte {
            case 0x00...0x08, 0x0B...0x1F, 0x7F: return true
            // C1 controls are U+0080–U+009F: C2 80 … C2 9F.
            case 0x80...0x9F where previous.1 == 0xC2: return true
            // U+202A–U+202E: E2 80 AA–AE; U+2066–U+2069: E2 81 A6–A9; U+FEFF: EF BB BF.
            case 0xAA...0xAE where previous == (0xE2, 0x80): return true
            case 0xA6...0xA9 where previous == (0xE2, 0x81): return true
            case 0xBF where previous == (0xEF, 0xBB): return true
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    /// The text without those characters, and the characters removed, in order.
    public static func stripping(_ text: String) -> (text: String, removed: [Unicode.Scalar]) {
        guard contains(in: text) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isControl(scalar) { removed.append(scalar) } else { kept.append(scalar) }
        }
        return (String(kept), removed)
    }

    /// The text with each such character written as `<U+XXXX>`, so that it is seen, not obeyed.
    /// A line break (`\n`) and a tab stay as they are unless `escapingLineBreaks` is set, when
    /// they are written the same way (for a one-line message).
    public static func escaped(_ text: String, escapingLineBreaks: Bool = false) -> String {
        let breaks = escapingLineBreaks && text.utf8.contains { $0 == 0x0A || $0 == 0x09 }
        guard breaks || contains(in: text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isControl(scalar) || (escapingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                result += notation(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `U+001B`: how a removed or escaped character is named to people.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func notation(_ scalar: Unicode.Scalar) -> String { "<" + codePoint(scalar) + ">" }
}
