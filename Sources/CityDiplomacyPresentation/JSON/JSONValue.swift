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
        var out = JSONText()
        write(to: &out, pretty: pretty, indent: indent)
        return out.string
    }

    /// Appends the value's text to `out`: one text for the whole document, where joining each
    /// level's parts copied every value once per level above it.
    func write(to out: inout JSONText, pretty: Bool, indent: Int) {
        switch self {
        case let .string(text): JSONString.append(text, to: &out.bytes)
        case let .number(value): out.append(String(value))
        case let .double(value): out.append(value.isFinite ? String(value) : "null")
        case let .bool(value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        case let .array(items):
            Self.writeArray(items.count, to: &out, pretty: pretty, indent: indent) { index, out, indent in
                items[index].write(to: &out, pretty: pretty, indent: indent)
            }
        case let .object(fields):
            Self.writeObject(fields.count, key: { fields[$0].0 }, to: &out, pretty: pretty, indent: indent) { index, out, indent in
                fields[index].1.write(to: &out, pretty: pretty, indent: indent)
            }
        }
    }

    /// Writes an array of `count` items, each written by `item` at the indent given: the one
    /// layout of arrays, for ``JSONValue`` and for the encoder's own nodes.
    static func writeArray(_ count: Int, to out: inout JSONText, pretty: Bool, indent: Int,
                           item: (Int, inout JSONText, Int) -> Void) {
        writeElements(count, between: (UInt8(ascii: "["), UInt8(ascii: "]")), to: &out, pretty: pretty, indent: indent, element: item)
    }

    /// Writes an object of `count` fields, named by `key` and each value written by `value`: the
    /// one layout of objects.
    static func writeObject(_ count: Int, key: (Int) -> String, to out: inout JSONText, pretty: Bool, indent: Int,
                            value: (Int, inout JSONText, Int) -> Void) {
        writeElements(count, between: (UInt8(ascii: "{"), UInt8(ascii: "}")), to: &out, pretty: pretty, indent: indent) { index, out, indent in
            JSONString.append(key(index), to: &out.bytes)
            out.append(pretty ? ": " : ":")
            value(index, &out, indent)
        }
    }

    /// The elements of an array or object between its brackets, separated by commas, each on a
    /// line of its own when pretty; empty brackets for none.
    private static func writeElements(_ count: Int, between brackets: (open: UInt8, close: UInt8), to out: inout JSONText,
                                      pretty: Bool, indent: Int, element: (Int, inout JSONText, Int) -> Void) {
        out.bytes.append(brackets.open)
        guard count > 0 else { out.bytes.append(brackets.close); return }
        for index in 0..<count {
            // A sink that failed takes nothing more: the rest is not made.
            if out.failure != nil { return }
            if index > 0 { out.bytes.append(UInt8(ascii: ",")) }
            newline(&out, pretty: pretty, indent: indent + 1)
            element(index, &out, indent + 1)
            out.handOverIfFull()
        }
        newline(&out, pretty: pretty, indent: indent)
        out.bytes.append(brackets.close)
    }

    /// A line end and two spaces per level, when pretty.
    static func newline(_ out: inout JSONText, pretty: Bool, indent: Int) {
        guard pretty else { return }
        out.bytes.append(UInt8(ascii: "\n"))
        out.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}

/// JSON text being written, as UTF-8 bytes, made into a string once at the end, or handed to a
/// sink piece by piece as it is written: appended to a `String` piece by piece, each piece
/// checked and updated the string's count, capacity and flags, half of writing a large answer
/// (perf: `citydip show` of a city with 3,571 relations, 6 MB of JSON, 2026-11-30).
struct JSONText {
    var bytes: [UInt8] = []
    /// How many bytes make a piece for the sink.
    private let piece: Int
    /// Where the text goes, `piece` bytes at a time, for a text written out as it is made
    /// (``OrderedJSONEncoder/write(_:pretty:piece:to:)``); kept whole when `nil`.
    private let sink: ((UnsafeBufferPointer<UInt8>) throws -> Void)?
    /// The error the sink threw: no piece is handed over after it, and the bytes are dropped.
    private(set) var failure: (any Error)?

    /// A text kept whole, for ``string``.
    init() {
        piece = .max
        sink = nil
    }

    /// A text handed to `sink` as it is written, in pieces of `piece` bytes (1 or more) or a
    /// little more.
    init(piece: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.piece = piece
        self.sink = sink
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Hands the bytes written so far to the sink, if there is one and they make a piece; called
    /// between the elements of arrays and objects.
    mutating func handOverIfFull() {
        if bytes.count >= piece { flush() }
    }

    /// Hands every byte written so far to the sink, if there is one.
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        if failure == nil {
            do {
                try bytes.withUnsafeBufferPointer(sink)
            } catch {
                failure = error
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
