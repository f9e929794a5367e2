import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData
import Testing

@Suite("One ordered JSON encoder for every output")
struct OrderedJSONEncoderTests {
    struct Record: Encodable {
        var zeta: String
        var alpha: Int
        var missing: String?
        var ratio: Double
        var flags: [Bool]
        var nested: Nested

        struct Nested: Encodable {
            var b: Int?
            var a: String
        }
    }

    @Test("Keys keep their declared order; absent optionals are null")
    func order() throws {
        let value = Record(zeta: "z", alpha: 1, missing: nil, ratio: 0.5, flags: [true, false], nested: .init(b: nil, a: "x"))
        let json = try OrderedJSONEncoder().encode(value).serialized(pretty: false)
        #expect(json == #"{"zeta":"z","alpha":1,"missing":null,"ratio":0.5,"flags":[true,false],"nested":{"b":null,"a":"x"}}"#)
    }

    @Test("Strings are escaped: quotes, backslashes, control characters; Persian and slashes stay as they are")
    func escaping() throws {
        let text = "«تهران» \"q\" \\ a/b\n\t\u{0001}\u{200C}"
        let json = JSONValue.string(text).serialized(pretty: false)
        #expect(json == "\"«تهران» \\\"q\\\" \\\\ a/b\\n\\t\\u0001\u{200C}\"")
        #expect(JSONString.quoted("\r") == "\"\\r\"")
        // Text with nothing to escape is copied whole; a quote joined to a combining mark is still escaped.
        let plain = "تهران a/b", joined = "a\"\u{301}b"
        #expect(JSONString.quoted(plain) == "\"تهران a/b\"")
        #expect(JSONString.quoted(joined) == "\"a\\\"\u{301}b\"")
        #expect(JSONValue.double(.infinity).serialized(pretty: false) == "null")
        #expect(JSONValue.double(.nan).serialized(pretty: false) == "null")
    }

    @Test("Pretty printing indents by two spaces and leaves empty containers on one line")
    func pretty() throws {
        let value = JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .array([.number(1)]))])
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1\n  ]\n}")
    }

    @Test("Every integer and floating-point type is a number; one that does not fit is an error, not a crash")
    func numbers() throws {
        struct Numbers: Encodable { var a: Int64; var b: UInt8; var c: Int32; var d: Float; var e: UInt }
        let json = try OrderedJSONEncoder().encode(Numbers(a: -5_000_000_000, b: 255, c: -7, d: 0.5, e: 9)).serialized(pretty: false)
        #expect(json == #"{"a":-5000000000,"b":255,"c":-7,"d":0.5,"e":9}"#)
        struct TooLarge: Encodable { var n: UInt64 }
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode(TooLarge(n: .max)) }
    }

    /// An object with many keys written through one keyed container, and a key written twice.
    struct Wide: Encodable {
        var count: Int
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ text: String) { stringValue = text }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for index in 0..<count { try container.encode(index, forKey: Key("k\(index % 40)")) }
            try container.encode("again", forKey: Key("k3"))
            var nested = container.nestedUnkeyedContainer(forKey: Key("list"))
            try nested.encode(Record(zeta: "«ز»", alpha: -1, missing: "m", ratio: 1e-9, flags: [], nested: .init(b: 2, a: "\u{2028}")))
            try nested.encodeNil()
            var inner = nested.nestedContainer(keyedBy: Key.self)
            try inner.encode([1, 2], forKey: Key("pair"))
        }
    }

    @Test("The text written straight from the encoded values is the text of the JSONValue, compact and pretty", arguments: [false, true])
    func text(pretty: Bool) throws {
        let encoder = OrderedJSONEncoder()
        let record = Record(zeta: "z", alpha: 1, missing: nil, ratio: 0.5, flags: [true, false], nested: .init(b: nil, a: "x"))
        #expect(try encoder.text(of: record, pretty: pretty) == encoder.encode(record).serialized(pretty: pretty))
        for count in [0, 5, 16, 17, 100] {
            #expect(try encoder.text(of: Wide(count: count), pretty: pretty) == encoder.encode(Wide(count: count)).serialized(pretty: pretty), "\(count)")
        }
        let wide = try encoder.text(of: Wide(count: 100), pretty: false)
        #expect(wide.hasPrefix(#"{"k0":80,"k1":81,"k2":82,"k3":"again","k4":84"#), "\(wide.prefix(80))")
        for value in [JSONValue.string("a\"b"), .number(3), .null, .array([]), .object([]),
                      .object([("a", .array([.null])), ("a", .number(1))])] {
            #expect(try encoder.text(of: value, pretty: pretty) == encoder.encode(value).serialized(pretty: pretty))
        }
        // A JSONValue given whole encodes itself, as it always did: a key given twice is written once.
        #expect(try encoder.text(of: JSONValue.object([("a", .array([.null])), ("a", .number(1))]), pretty: false) == #"{"a":1}"#)
        #expect(try encoder.text(of: "plain", pretty: pretty) == "\"plain\"")
        #expect(try encoder.text(of: [String: Int](), pretty: pretty) == "{}")
    }

    @Test("Written out piece by piece, the text is the text held whole; no piece but the last is short", arguments: [false, true])
    func pieces(pretty: Bool) throws {
        let encoder = OrderedJSONEncoder()
        let values: [any Encodable] = [
            Wide(count: 100), Wide(count: 0), "plain", [String: Int](), JSONValue.array([]),
            (0..<500).map { Record(zeta: "«ز» \($0)", alpha: $0, missing: $0 % 3 == 0 ? nil : "m", ratio: 1 / Double($0 + 1), flags: [$0 % 2 == 0],
                                   nested: .init(b: $0, a: "\u{2028}")) },
        ]
        for (index, value) in values.enumerated() {
            let whole = try encoder.text(of: value, pretty: pretty)
            for piece in [1, 7, 100, 4096, 1 << 20] {
                var pieces: [[UInt8]] = []
                try encoder.write(value, pretty: pretty, piece: piece) { pieces.append(Array($0)) }
                #expect(String(decoding: pieces.joined(), as: UTF8.self) == whole, "value \(index), pieces of \(piece)")
                #expect(pieces.dropLast().allSatisfy { $0.count >= piece }, "value \(index), pieces of \(piece)")
                #expect(!pieces.contains { $0.isEmpty })
                // Pieces are handed over between elements: a large text is never held whole.
                if whole.utf8.count > 3 * piece, piece >= 100 { #expect(pieces.count > 1, "value \(index), pieces of \(piece)") }
            }
        }
    }

    @Test("A sink that fails stops the pieces, and its error is thrown; an encoding that fails hands over none")
    func failingSink() throws {
        struct Full: Error {}
        let records = (0..<300).map { Record(zeta: "z\($0)", alpha: $0, missing: nil, ratio: 0.5, flags: [], nested: .init(b: nil, a: "a")) }
        var calls = 0
        #expect(throws: Full.self) {
            try OrderedJSONEncoder().write(records, pretty: true, piece: 64) { _ in
                calls += 1
                if calls == 3 { throw Full() }
            }
        }
        #expect(calls == 3)
        struct TooLarge: Encodable { var n: UInt64 }
        var handed = 0
        #expect(throws: EncodingError.self) {
            try OrderedJSONEncoder().write([TooLarge(n: 1), TooLarge(n: .max)], pretty: false) { _ in handed += 1 }
        }
        #expect(handed == 0)
        // A piece as large as an Int can say is one piece, not a trap.
        var whole: [UInt8] = []
        try OrderedJSONEncoder().write(records, pretty: false, piece: .max) { whole += $0 }
        #expect(String(decoding: whole, as: UTF8.self) == (try OrderedJSONEncoder().text(of: records, pretty: false)))
    }

    @Test("An error names where in the value it happened")
    func errorPath() throws {
        struct Item: Encodable { var n: UInt64 }
        struct Holder: Encodable { var items: [Item] }
        do {
            _ = try OrderedJSONEncoder().text(of: Holder(items: [Item(n: 1), Item(n: .max)]), pretty: false)
            Issue.record("expected an error")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["items", "1", "n"])
        }
    }

    @Test("The codebook's keywords are written en then fa, the same in every run (a dictionary's order changed from run to run)")
    func codebookKeywords() throws {
        let text = try OrderedJSONEncoder().text(of: CodebookView(CodebookFile.bundled()), pretty: false)
        let keywords = text.ranges(of: #""keywords":{"en":["#).count
        #expect(keywords > 0)
        #expect(keywords == text.ranges(of: #""keywords":"#).count)
    }

    @Test("A JSONValue inside a view model is written as it is")
    func embedded() throws {
        struct Wrapper: Encodable { var rows: JSONValue; var n: Int }
        let json = try OrderedJSONEncoder().encode(Wrapper(rows: .array([.object([("k", .null)])]), n: 2)).serialized(pretty: false)
        #expect(json == #"{"rows":[{"k":null}],"n":2}"#)
    }

    /// A value that encodes itself with `body`, for encodings no view model makes.
    struct Custom: Encodable {
        let body: @Sendable (any Encoder) throws -> Void
        func encode(to encoder: any Encoder) throws { try body(encoder) }
    }

    typealias Key = Wide.Key

    struct Empty: Encodable {}

    /// Encodings no view model makes, with their text. Not the test's arguments: the testing
    /// library encodes arguments that are `Encodable` through Foundation's encoder, which traps on
    /// a key encoded twice.
    static let unusual: [(Custom, String)] = [
        // A leaf, then a container for its key that writes nothing: the leaf stays.
        (Custom { encoder in
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: Key("a"))
            _ = c.nestedContainer(keyedBy: Key.self, forKey: Key("a"))
        }, #"{"a":1}"#),
        (Custom { encoder in
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: Key("a"))
            _ = c.nestedUnkeyedContainer(forKey: Key("a"))
            try c.encode(Empty(), forKey: Key("a"))
            _ = c.superEncoder(forKey: Key("a"))
        }, #"{"a":1}"#),
        // A leaf, then a container that writes: the container's.
        (Custom { encoder in
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: Key("a"))
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key("a"))
            try nested.encode("x", forKey: Key("b"))
        }, #"{"a":{"b":"x"}}"#),
        // A container, a leaf for its key, the container written again: the container's last keys.
        (Custom { encoder in
            var c = encoder.container(keyedBy: Key.self)
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key("a"))
            try nested.encode(1, forKey: Key("x"))
            try c.encode(2, forKey: Key("a"))
            try nested.encode(3, forKey: Key("y"))
            try c.encode(4, forKey: Key("z"))
            try c.encode(5, forKey: Key("z"))
        }, #"{"a":{"y":3},"z":5}"#),
        // A number too large for JSON's integers, caught: its key or item keeps its place, empty.
        (Custom { encoder in
            var c = encoder.container(keyedBy: Key.self)
            try? c.encode(UInt64.max, forKey: Key("big"))
            try c.encode(1, forKey: Key("a"))
            var items = c.nestedUnkeyedContainer(forKey: Key("items"))
            try? items.encode(UInt64.max)
            try items.encode(items.count)
            try items.encodeNil()
        }, #"{"big":{},"a":1,"items":[{},1,null]}"#),
    ]

    @Test("A key encoded again, a container left empty, a value that fails and is caught: written as they always were")
    func unusualEncodings() throws {
        let encoder = OrderedJSONEncoder()
        for (index, (value, expected)) in Self.unusual.enumerated() {
            #expect(try encoder.text(of: value, pretty: false) == expected, "\(index)")
            #expect(try encoder.encode(value).serialized(pretty: false) == expected, "\(index)")
            #expect(try encoder.text(of: value, pretty: true) == encoder.encode(value).serialized(pretty: true), "\(index)")
        }
    }
}
