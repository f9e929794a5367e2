import Foundation

/// JSON string literals, written by hand where a serializer would lose key order (reports) or
/// cost too much per row (storing imported records).
public enum JSONString {
    /// Appends `text` quoted to UTF-8 bytes being written; text with nothing to escape (most
    /// names and ids) is copied whole rather than a scalar at a time.
    public static func append(_ text: String, to out: inout [UInt8]) {
        if text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            out.append(contentsOf: quoted(text).utf8)
        } else {
            out.append(0x22)
            out.append(contentsOf: text.utf8)
            out.append(0x22)
        }
    }

    /// `text` as a JSON string literal, quotes included; text with nothing to escape is copied
    /// whole (a scalar at a time, it was 7% of storing a million relations, perf).
    public static func quoted(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
