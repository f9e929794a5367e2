import CityDiplomacyCore
import Foundation

/// A JSON value whose objects keep their keys in the order given: what every JSON output of the
/// CLI and the API is written through (Codable view models reach it by ``OrderedJSONEncoder``).
///
/// It exists, rather than Foundation's `JSONEncoder`, for these reasons:
/// - **Key order.** Outputs are read by people as well as scripts, so fields appear in the order
///   of the table's columns and of the view model's declaration. `JSONEncoder` on Linux keeps no
///   key order (it can only sort keys, `.sortedKeys`, or leave them in hash order, which changes
///   from run to run), and neither does `JSONSerialization`.
/// - **Explicit nulls.** A field that has no value is written `"signed": null`, so every object of
///   a kind has the same keys; synthesised `Codable` conformances leave such keys out.
/// - **One spelling.** Two-space pretty printing, `/` not escaped, non-finite numbers as `null`
///   and strings escaped by ``JSONString``, the same in the CLI, the API and the stored records.
/// - **Comparable in tests.** Two values are equal when they serialise alike.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case number(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized(pretty: false) == rhs.serialized(pretty: false)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized(pretty: false))
    }

    public func serialized(pretty: Bool, indent: Int = 0) -> String {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case let .string(text): return Self.quote(text)
        case let .number(value): return String(value)
        case let .double(value): return value.isFinite ? String(value) : "null"
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        case let .array(items):
            guard !items.isEmpty else { return "[]" }
            let body = items.map { pad + $0.serialized(pretty: pretty, indent: indent + 1) }
            return "[" + newline + body.joined(separator: "," + newline) + newline + closePad + "]"
        case let .object(fields):
            guard !fields.isEmpty else { return "{}" }
            let colon = pretty ? ": " : ":"
            let body = fields.map { pad + Self.quote($0.0) + colon + $0.1.serialized(pretty: pretty, indent: indent + 1) }
            return "{" + newline + body.joined(separator: "," + newline) + newline + closePad + "}"
        }
    }

    static func quote(_ text: String) -> String {
        JSONString.quoted(text)
    }
}
