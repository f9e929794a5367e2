/// Replaces ASCII characters of text by other text, byte by byte: the escapes of HTML, of a
/// Markdown table's cells and of CSV's quotes.
///
/// By UTF-8 bytes, not by `Character` nor through Foundation's `replacingOccurrences`: a quote
/// followed by a combining mark (U+0301), or a comma preceded by a prepended mark (U+0600), is one
/// `Character` that is neither, so a replacement by characters left it as it was — a city's name
/// closed the attribute it was written into, or added a column to a CSV file. Browsers,
/// spreadsheets and Markdown readers read the bytes. Text with nothing to replace is returned as
/// it is, uncopied.
///
/// ```swift
/// ASCIIReplacements.html.apply(to: "Tom & \"Jerry\"")   // "Tom &amp; &quot;Jerry&quot;"
/// ```
public struct ASCIIReplacements: Sendable {
    /// What each ASCII byte becomes, by its value; `nil` where it stays.
    private var table: [[UInt8]?] = Array(repeating: nil, count: 128)

    /// Each of `replacements`' characters (ASCII, one byte each) replaced by its text.
    public init(_ replacements: KeyValuePairs<Unicode.Scalar, String>) {
        for (scalar, text) in replacements {
            precondition(scalar.isASCII, "only ASCII characters are replaced byte by byte")
            table[Int(scalar.value)] = Array(text.utf8)
        }
    }

    public func apply(to text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 < 128 && table[Int($0)] != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        bytes.append(contentsOf: utf8[..<first])
        for byte in utf8[first...] {
            if byte < 128, let replacement = table[Int(byte)] { bytes.append(contentsOf: replacement) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text for HTML content and attribute values.
    public static let html = ASCIIReplacements(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    /// A cell of a Markdown table: on one line, its `|` escaped.
    public static let markdownPipes = ASCIIReplacements(["|": "\\|", "\n": " "])
    /// A cell of a Markdown table that holds no markup either (Markdown passes HTML through).
    public static let markdownCell = ASCIIReplacements(["&": "&amp;", "<": "&lt;", "|": "\\|", "\n": " "])
    /// A CSV field's quotes, doubled inside its quotes (RFC 4180).
    public static let csvQuotes = ASCIIReplacements(["\"": "\"\""])
    /// Backquotes, taken out of text set as Markdown code.
    public static let backquotes = ASCIIReplacements(["`": ""])
}
