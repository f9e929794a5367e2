import Testing
@testable import CityDiplomacyStorage

/// Texts keyed as SQLite compares them: by their UTF-8 bytes.
@Suite("Texts are equal, hashed and ordered by their bytes, as SQLite's keys are")
struct TextKeyTests {
    /// Short texts (kept inside the string) and long ones (kept in storage of their own), ASCII,
    /// Latin with accents in both Unicode forms, and Persian.
    static let texts = [
        "", "a", "b", "Z", "ab", "f", "caf\u{E9}", "cafe\u{301}", "تهران", "تهران:منطقه ۱",
        "synthetic-1000000:gn1800480", "synthetic-1000000:gn1800481", "synthetic-1000000:u-us-cypresshillsburg15205",
        String(repeating: "\u{E9}", count: 40), String(repeating: "e\u{301}", count: 40),
    ]

    @Test("Two texts are one key exactly when their bytes are, and equal keys hash alike")
    func equalityAndHash() {
        for a in Self.texts {
            for b in Self.texts {
                let sameBytes = Array(a.utf8) == Array(b.utf8)
                #expect((TextKey(a) == TextKey(b)) == sameBytes, "\(a) and \(b)")
                if sameBytes { #expect(TextKey(a).hashValue == TextKey(b).hashValue) }
            }
        }
        // One text to Swift, two keys to SQLite.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(Set(Self.texts.map(TextKey.init)).count == Set(Self.texts.map { Array($0.utf8) }).count)
        // A short text built up in storage of its own (not kept inside the string) is the
        // same key, with the same hash, as the literal.
        var built = ""
        built.reserveCapacity(64)
        built += "a"
        #expect(TextKey(built) == TextKey("a") && TextKey(built).hashValue == TextKey("a").hashValue)
        // A copy made from a part of a longer text is the same key.
        let long = "synthetic-1000000:gn1800480/extra"
        #expect(TextKey(String(long.prefix(27))) == TextKey("synthetic-1000000:gn1800480"))
    }

    @Test("Keys of several texts that join to the same bytes hash apart")
    func joinedTexts() {
        struct Pair: Hashable { var first: TextKey; var second: TextKey }
        let pairs = [("ab", "c"), ("a", "bc"), ("", "abc"), ("abc", "")].map { Pair(first: TextKey($0.0), second: TextKey($0.1)) }
        #expect(Set(pairs.map(\.hashValue)).count == pairs.count)
    }

    @Test("Texts are ordered as their bytes are: a byte before another, a prefix before what it starts")
    func order() {
        for a in Self.texts {
            for b in Self.texts {
                let bytes = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
                #expect(TextKey.precedes(a, b) == bytes, "\(a) before \(b)")
                #expect((TextKey.compare(a, b) < 0) == bytes)
                #expect((TextKey.compare(a, b) == 0) == (Array(a.utf8) == Array(b.utf8)))
            }
        }
        #expect(TextKey.precedes("Z", "a") && TextKey.precedes("a", "ab") && TextKey.precedes("f", "caf\u{E9}") == false)
        #expect(TextKey.positions(inOrderOf: Self.texts).map { Self.texts[$0] } == Self.texts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}
