import CityDiplomacyCore
import CityDiplomacyPresentation
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

    @Test("A JSONValue inside a view model is written as it is")
    func embedded() throws {
        struct Wrapper: Encodable { var rows: JSONValue; var n: Int }
        let json = try OrderedJSONEncoder().encode(Wrapper(rows: .array([.object([("k", .null)])]), n: 2)).serialized(pretty: false)
        #expect(json == #"{"rows":[{"k":null}],"n":2}"#)
    }
}
