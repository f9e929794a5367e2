/// How wide a line of chart text is, estimated on the server, where no font can be measured.
///
/// The estimate is deliberately generous: a label measured too short runs off the chart or into
/// its bars, one measured too long only leaves some space. The widths are those of DejaVu Sans, the
/// widest of the fonts a chart names (Vazirmatn, Noto Naskh Arabic and Tahoma are narrower),
/// measured in headless Chromium, with a tenth more for fonts not measured:
///
/// ```swift
/// TextWidth.estimate("Isfahan", fontSize: 12)   // about 48
/// TextWidth.lines("Saint Petersburg (Russia)", fitting: 90, fontSize: 12, maximumLines: 2)
/// ```
enum TextWidth {
    /// The safety margin over DejaVu Sans's advances.
    static let margin = 1.1

    /// The width of `text` in one line at `fontSize` pixels.
    static func estimate(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em($1) } * fontSize * margin
    }

    /// The advance of a character in ems.
    static func em(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        switch value {
        // Joiners, bidi marks and isolates, Arabic vowel marks: no advance of their own.
        case 0x200B...0x200F, 0x2066...0x2069, 0x202A...0x202E, 0x064B...0x065F, 0x0670: return 0
        case 0x20, 0xA0: return 0.32
        case 0x21...0x7E: return ascii[Int(value - 0x21)]
        // Persian and Arabic-Indic digits are narrower than Latin ones, but a font may draw them as wide.
        case 0x06F0...0x06F9, 0x0660...0x0669: return 0.64
        // Seen, sheen, sad, zad: the widest letters of the Arabic script, twice the others.
        case 0x0633, 0x0634, 0x0635, 0x0636: return 1.0
        case 0x0637, 0x0638: return 0.86
        case 0x0641, 0x0642, 0x06A9, 0x06AF, 0x0643: return 0.68
        case 0x0600...0x06FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return 0.6
        case 0x2013, 0x00B7, 0x066B, 0x066A, 0x060C, 0x061B: return 0.6
        case 0x2014, 0x2026: return 1.0
        case 0x00C0...0x024F: return 0.75
        default: return 1.0
        }
    }

    /// DejaVu Sans's advances of the printable ASCII characters `!` to `~`, in ems.
    private static let ascii: [Double] = [
        0.40, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.50, 0.84, 0.32, 0.36, 0.32, 0.34,  // ! " # $ % & ' ( ) * + , - . /
        0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64,  // 0–9
        0.34, 0.34, 0.84, 0.84, 0.84, 0.53, 1.0,  // : ; < = > ? @
        0.71, 0.69, 0.70, 0.77, 0.64, 0.58, 0.78, 0.76, 0.30, 0.30, 0.66, 0.56, 0.87,  // A–M
        0.75, 0.79, 0.61, 0.79, 0.70, 0.64, 0.60, 0.74, 0.69, 0.99, 0.69, 0.62, 0.69,  // N–Z
        0.39, 0.34, 0.39, 0.84, 0.50, 0.50,  // [ \ ] ^ _ `
        0.62, 0.64, 0.55, 0.64, 0.62, 0.35, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98,  // a–m
        0.64, 0.62, 0.64, 0.64, 0.40, 0.53, 0.40, 0.64, 0.60, 0.82, 0.60, 0.60, 0.53,  // n–z
        0.64, 0.34, 0.64, 0.84,  // { | } ~
    ]

    /// `text` broken between words (at spaces, not at no-break spaces) into at most `maximumLines` lines of at most `width` pixels; a
    /// last line that still does not fit is cut and ends in an ellipsis (`truncated`). A single
    /// word longer than a line is cut too: a name must not be broken mid-word onto the next line.
    static func lines(_ text: String, fitting width: Double, fontSize: Double, maximumLines: Int) -> (lines: [String], truncated: Bool) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if estimate(candidate, fontSize: fontSize) <= width {
                current = candidate
                index += 1
                continue
            }
            if current.isEmpty || lines.count == maximumLines - 1 {
                // The last line allowed, or a word wider than a line: cut it here.
                let rest = ([candidate] + words[(index + 1)...]).joined(separator: " ")
                lines.append(cut(rest, fitting: width, fontSize: fontSize))
                return (lines, true)
            }
            lines.append(current)
            current = ""
        }
        if !current.isEmpty { lines.append(current) }
        return (lines, false)
    }

    /// The longest beginning of `text` that fits `width` with an ellipsis after it.
    static func cut(_ text: String, fitting width: Double, fontSize: Double) -> String {
        let ellipsis = "\u{2026}"
        var kept = ""
        for character in text {
            if estimate(kept + String(character) + ellipsis, fontSize: fontSize) > width { break }
            kept.append(character)
        }
        // Not after a space or a joiner, where the ellipsis would look detached.
        while let last = kept.unicodeScalars.last, last == " " || last == "\u{200C}" { kept.unicodeScalars.removeLast() }
        return kept + ellipsis
    }
}
