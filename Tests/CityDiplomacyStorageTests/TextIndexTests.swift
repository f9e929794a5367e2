import Foundation
import Testing
@testable import CityDiplomacyStorage

@Suite("Texts found by their bytes, as SQLite compares them")
struct TextIndexTests {
    @Test("Each text is found at its first position, by its bytes: canonically equal texts apart, the empty text and long texts too")
    func positionsByBytes() {
        let texts = ["", "a", "é", "e\u{301}", "a", "", "a ", "syn:u-us-cypresshillsburg15205", "syn:u-us-cypresshillsburg15205", "ب", "ب\u{200C}"]
            + (0..<5_000).map { "t\($0 % 3_000)-\(String(repeating: "x", count: $0 % 40))" }
        let index = TextIndex(texts)
        var first: [[UInt8]: Int] = [:]
        for (position, text) in texts.enumerated() where first[Array(text.utf8)] == nil { first[Array(text.utf8)] = position }
        for text in texts {
            #expect(index.position(of: text) == first[Array(text.utf8)], "\(text.debugDescription)")
        }
        for absent in ["b", "e", "t3000-", "syn:u-us-cypresshillsburg1520", "A", "é\u{301}"] {
            #expect(index.position(of: absent) == nil, "\(absent.debugDescription)")
        }
    }

    // On Linux both strings below are native; the copy made contiguous for a string that is not
    // (a bridged one on Darwin) is reached there only.
    @Test("A text from Foundation, or a substring made a string, is found by its bytes; nothing is found in no texts")
    func otherForms() {
        let index = TextIndex(["Tehran", "Isfahan"])
        #expect(index.position(of: NSString(string: "Isfahan") as String) == 1)
        #expect(index.position(of: String("xTehranx".dropFirst().dropLast())) == 0)
        #expect(TextIndex([]).position(of: "") == nil)
    }
}
