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
}
