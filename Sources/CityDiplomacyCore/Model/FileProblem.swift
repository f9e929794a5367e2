/// How every error about a file reads: `file:line:column: field 'value': problem`, so that a
/// person (or an editor) can jump to the place and see what was wrong and what was expected.
///
/// The line is written for a terminal and a log: a value is cut to 60 characters, the whole line
/// to ``maximumLength``, and control and bidirectional characters are shown as `<U+XXXX>` rather
/// than obeyed (see ``ControlCharacters``), since the value comes from the file being refused.
///
/// ```swift
/// FileProblem.message(file: "twin.csv", line: 12, column: 31, field: "lat1", value: "91.5",
///                     problem: "expected a latitude from -90 to 90")
/// // twin.csv:12:31: lat1 '91.5': expected a latitude from -90 to 90
/// ```
public enum FileProblem {
    /// The longest message, in characters: a problem may quote a header or a value, and a hostile
    /// file has headers and values of any length.
    public static let maximumLength = 400

    public static func message(file: String, line: Int?, column: Int?, field: String?, value: String?, problem: String) -> String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ":"
        if let field, !field.isEmpty { text += " \(field)" }
        if let value { text += " '\(shortened(value, to: 60))'" }
        let named = (field?.isEmpty == false) || value != nil
        return capped(ControlCharacters.escaped(text + (named ? ": " : " ") + problem, escapingLineBreaks: true))
    }

    /// The message cut to ``maximumLength`` characters, saying how much was left out. One
    /// character may hold any number of combining marks, so the message is also cut to four
    /// times as many code points.
    public static func capped(_ message: String) -> String {
        guard message.count > maximumLength || message.unicodeScalars.count > maximumLength * 4 else { return message }
        let kept = shortened(message, to: maximumLength, ellipsis: "")
        return kept.unicodeScalars.count == maximumLength * 4
            ? kept + "… (\(message.unicodeScalars.count - kept.unicodeScalars.count) more code points)"
            : kept + "… (\(message.count - kept.count) more characters)"
    }

    /// `text`'s first `length` characters, and no more than four times as many code points,
    /// followed by `ellipsis` where anything was cut.
    static func shortened(_ text: String, to length: Int, ellipsis: String = "…") -> String {
        var kept = text.count > length ? String(text.prefix(length)) : text
        if kept.unicodeScalars.count > length * 4 {
            kept = String(String.UnicodeScalarView(kept.unicodeScalars.prefix(length * 4)))
        }
        return kept.utf8.count < text.utf8.count ? kept + ellipsis : kept
    }
}
