@testable import CityDiplomacyStorage
import Testing

@Suite("Texts found by their bytes, as SQLite gives them")
struct TextPositionsTests {
    func position(_ text: String, in positions: TextPositions) -> Int32? {
        var text = text
        return text.withUTF8 { positions.position(of: UnsafeRawPointer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!), count: $0.count) }
    }

    @Test("Each text is found at its position, a text given twice at its first, an absent one nowhere")
    func lookups() {
        let texts = (0..<5_000).map { "syn:u-ir-city\($0)" } + ["", "iran-2018:tehran", "syn:u-ir-city7"]
        let positions = TextPositions(texts)
        for index in 0..<5_000 { #expect(position("syn:u-ir-city\(index)", in: positions) == Int32(index)) }
        #expect(position("", in: positions) == 5_000)
        #expect(position("iran-2018:tehran", in: positions) == 5_001)
        #expect(position("syn:u-ir-city7", in: positions) == 7)
        #expect(position("syn:u-ir-city5000", in: positions) == nil)
        #expect(position("syn:u-ir-city", in: positions) == nil)
    }

    @Test("Canonically equivalent spellings are two texts, as they are two keys in SQLite")
    func bytesNotCanonicalEquivalence() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)  // Swift's equality, which a [String: Int32] would use
        let positions = TextPositions([composed])
        #expect(position(composed, in: positions) == 0)
        #expect(position(decomposed, in: positions) == nil)
    }

    @Test("Texts interned one by one are numbered in the order first met, and found again after the table grows")
    func interning() {
        var met = TextPositions()
        func intern(_ text: String) -> Int32 {
            var text = text
            return text.withUTF8 { met.intern(UnsafeRawPointer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!), count: $0.count) }
        }
        #expect(intern("iran-2018:tehran") == 0)
        #expect(intern("") == 1)
        #expect(intern("iran-2018:tehran") == 0)
        for index in 0..<5_000 { #expect(intern("syn:city\(index)") == Int32(index + 2)) }
        for index in stride(from: 4_999, through: 0, by: -7) { #expect(intern("syn:city\(index)") == Int32(index + 2)) }
        #expect(intern("") == 1 && met.count == 5_002)
        #expect(position("syn:city4999", in: met) == 5_001 && position("syn:city5000", in: met) == nil)
        for position in [Int32(0), 1, 2, 5_001] {
            let text = met.withText(at: position) { String(decoding: UnsafeRawBufferPointer(start: $0, count: $1), as: UTF8.self) }
            #expect(text == ["iran-2018:tehran", "", "syn:city0", "syn:city4999"][[0, 1, 2, 5_001].firstIndex(of: position)!])
        }
        // Texts given at once keep their first position when more are interned after them.
        var given = TextPositions(["a", "b", "a"])
        var c = "c"
        #expect(c.withUTF8 { given.intern(UnsafeRawPointer($0.baseAddress!), count: $0.count) } == 3)
        #expect(position("a", in: given) == 0 && position("c", in: given) == 3)
    }

    @Test("Texts of every length to 40 bytes, with NUL bytes and the same bytes in another order, are told apart",
          arguments: [TextPositions.Hashing.standard, .constant])
    func lengthsAndBytes(hashing: TextPositions.Hashing) {
        var texts: [String] = []
        for length in 0...40 {
            texts.append(String(repeating: "a", count: length))
            if length > 0 { texts.append(String(repeating: "a", count: length - 1) + "\u{0}") }
            if length > 1 { texts.append("b" + String(repeating: "a", count: length - 1)) }
        }
        // With `.constant`, every text's slot and tag are the same: every lookup walks the texts
        // before it and tells them apart by their lengths and bytes alone.
        var met = TextPositions(hashing: hashing)
        for (index, text) in texts.enumerated() {
            var text = text
            #expect(text.withUTF8 { met.intern(UnsafeRawPointer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!), count: $0.count) } == Int32(index))
        }
        let given = TextPositions(texts, hashing: hashing)
        for (index, text) in texts.enumerated() {
            #expect(position(text, in: met) == Int32(index) && position(text, in: given) == Int32(index))
            let back = given.withText(at: Int32(index)) { String(decoding: UnsafeRawBufferPointer(start: $0, count: $1), as: UTF8.self) }
            #expect(back == text)
        }
        #expect(position(String(repeating: "a", count: 41), in: given) == nil)
        #expect(position("ab", in: given) == nil && position("b", in: given) == nil)
        #expect(position(String(repeating: "a", count: 40), in: given) == Int32(40 * 3 - 3))
    }
}
