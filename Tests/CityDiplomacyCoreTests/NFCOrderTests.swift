import CityDiplomacyCore
import Foundation
import Testing

@Suite("Texts in one total order: their NFC forms' bytes, then their own")
struct NFCOrderTests {
    static let texts = [
        "", "a", "ab", "Ab", "Zurich", "Zürich", "Zu\u{308}rich", "e", "f", "\u{E9}", "e\u{301}", "a\u{300}", "\u{E0}",
        "\u{2FF}x", "\u{300}x", "Hồ Chí Minh", "Hồ Chí Minh 3", "Hô\u{300} Chi\u{301} Minh", "Hô\u{300} Chi\u{301} Minh 2",
        "Ho\u{302}\u{301}", "تهران", "طهران", "كرج", "کرج", "Москва", "北京", "Côte d'Ivoire", "Co\u{302}te d'Ivoire",
    ]

    @Test("Exactly one of a before b, b before a, or the same bytes; transitive on every triple")
    func total() {
        for a in Self.texts {
            #expect(!NFCOrder.precedes(a, a))
            for b in Self.texts {
                let same = Array(a.utf8) == Array(b.utf8)
                #expect([NFCOrder.precedes(a, b), NFCOrder.precedes(b, a), same].filter { $0 }.count == 1, "\(a.debugDescription) \(b.debugDescription)")
                for c in Self.texts where NFCOrder.precedes(a, b) && NFCOrder.precedes(b, c) {
                    #expect(NFCOrder.precedes(a, c))
                }
            }
        }
    }

    @Test("The order of the NFC forms' scalars, as `String` documents its own; canonically equal texts by their bytes")
    func nfcScalars() {
        func scalars(_ text: String) -> [UInt32] { text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) }
        for a in Self.texts {
            #expect(NFCOrder.bytes(of: a) == Array(a.precomposedStringWithCanonicalMapping.utf8))
            for b in Self.texts where scalars(a) != scalars(b) {
                #expect(NFCOrder.precedes(a, b) == scalars(a).lexicographicallyPrecedes(scalars(b)))
            }
        }
        #expect(NFCOrder.precedes("fontaine", "e\u{301}tretat"))   // as "é" (U+00E9); by bytes, 65 CC 81 would come before 66
        #expect(NFCOrder.precedes("Hô\u{300} Chi\u{301} Minh", "Hồ Chí Minh 3"))
        // Composed and decomposed: the same NFC form, told apart by the bytes as written ("e" < "é"'s C3).
        #expect(NFCOrder.precedes("e\u{301}", "\u{E9}") && !NFCOrder.precedes("\u{E9}", "e\u{301}"))
    }

    @Test("A list sorted in the order is the same list whatever order it came in")
    func sortedList() {
        let expected = Self.texts.sorted(by: NFCOrder.precedes)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            #expect(Self.texts.shuffled(using: &generator).sortedInNFCOrder().map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        }
        // By bytes: `==` on `String` would take "\u{E9}lise" for "e\u{301}lise".
        #expect(["zoe", "Zoë", "e\u{301}lise", "\u{E9}lise"].sortedInNFCOrder().map { Array($0.utf8) }
                == ["Zoë", "zoe", "e\u{301}lise", "\u{E9}lise"].map { Array($0.utf8) })
    }
}

@Suite("Runs of combining marks, measured without normalising")
struct CombiningMarksTests {
    @Test("The longest run of non-starters, of any class")
    func runs() {
        #expect(CombiningMarks.longestRun(in: "") == 0)
        #expect(CombiningMarks.longestRun(in: "Zürich, Tehran, تهران") == 0)
        #expect(CombiningMarks.longestRun(in: "Zu\u{308}rich") == 1)
        #expect(CombiningMarks.longestRun(in: "a\u{301}\u{316}b\u{301}") == 2)
        #expect(CombiningMarks.longestRun(in: "کُرَّ") == 2)   // a Persian short vowel, then a vowel and shadda on one letter
        #expect(CombiningMarks.longestRun(in: "a" + String(repeating: "\u{301}\u{316}", count: 20)) == 40)
        #expect(CombiningMarks.longestRun(in: String(repeating: "\u{F73}", count: 40)) == 40)
        #expect(!CombiningMarks.exceedsLimit("a" + String(repeating: "\u{301}", count: 30)))
        #expect(CombiningMarks.exceedsLimit("a" + String(repeating: "\u{301}", count: 31)))
        #expect(CombiningMarks.problem(in: "Tehran") == nil)
        // What input takes out (a control character, a tatweel, a ZWNJ) joins the runs on either side.
        for removed in ["\u{1}", "\u{640}", "\u{200C}", "\u{202E}", "\u{6DD}"] {
            #expect(CombiningMarks.longestRun(in: "a" + String(repeating: String(repeating: "\u{301}", count: 20) + removed, count: 3)) == 60)
        }
        #expect(CombiningMarks.longestRun(in: "a" + String(repeating: String(repeating: "\u{301}", count: 20) + "b", count: 3)) == 20)
    }

    @Test("JSON text: marks written as they are and as escapes, surrogate pairs, other escapes ending a run, the line")
    func json() {
        let escaped = String(repeating: "\\u0301", count: 40)
        #expect(CombiningMarks.longestRun(inJSON: "{\"a\(escaped)\": 1}") == (40, 1))
        #expect(CombiningMarks.longestRun(inJSON: "{\n\"x\": \"a" + String(repeating: "\u{301}\\u0316", count: 20) + "\"}") == (40, 2))
        // U+1D167, a combining mark outside the BMP, escaped as a surrogate pair.
        #expect(CombiningMarks.longestRun(inJSON: "[\"a" + String(repeating: "\\uD834\\uDD67", count: 35) + "\"]").length == 35)
        #expect(CombiningMarks.longestRun(inJSON: "[\"a" + String(repeating: "\\u0301\\n", count: 35) + "\"]").length == 1)
        #expect(CombiningMarks.longestRun(inJSON: "[\"a" + String(repeating: "\\u0301\\u0640", count: 35) + "\"]").length == 35)
        #expect(CombiningMarks.longestRun(inJSON: "[\"\\u12\", \"\\uD834x\", \"\\uD834\\u0041\"]").length == 0)
        #expect(CombiningMarks.longestRun(inJSON: "{\"city\": \"Tehran\"}") == (0, 1))
    }

    @Test("Every scalar of class 0 whose decomposition begins with a mark is counted as one")
    func startersThatDecomposeToMarks() {
        for value in UInt32(0x300)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered,
                  scalar.properties.generalCategory != .unassigned, scalar.properties.generalCategory != .surrogate
            else { continue }
            let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            if first.properties.canonicalCombiningClass != .notReordered {
                #expect(CombiningMarks.longestRun(in: String(scalar)) == 1, "U+\(String(value, radix: 16))")
            }
        }
    }
}
