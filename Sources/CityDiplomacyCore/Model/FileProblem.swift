/// How every error about a file reads: `file:line:column: field 'value': problem`, so that a
/// person (or an editor) can jump to the place and see what was wrong and what was expected.
public enum FileProblem {
    public static func message(file: String, line: Int?, column: Int?, field: String?, value: String?, problem: String) -> String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ":"
        if let field, !field.isEmpty { text += " \(field)" }
        if let value { text += " '\(value.count > 60 ? String(value.prefix(60)) + "…" : value)'" }
        let named = (field?.isEmpty == false) || value != nil
        return text + (named ? ": " : " ") + problem
    }
}
