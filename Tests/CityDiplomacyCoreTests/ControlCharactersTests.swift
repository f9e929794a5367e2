import CityDiplomacyCore
import Testing

@Suite("Control and bidirectional characters are taken out of input and shown, not obeyed, in output")
struct ControlCharactersTests {
    @Test("ESC, BEL, U+202E and U+FEFF are removed, and said which")
    func stripping() {
        let (text, removed) = ControlCharacters.stripping("Be\u{1B}[31mrat\u{07} Ul\u{202E}cinj\u{FEFF}")
        #expect(text == "Be[31mrat Ulcinj")
        #expect(removed == ["\u{1B}", "\u{07}", "\u{202E}", "\u{FEFF}"])
    }

    @Test("Persian text keeps its ZWNJ, marks and joiners; tab and line feed are not controls here")
    func persianKept() {
        let persian = "\u{0645}\u{06CC}\u{200C}\u{0634}\u{0648}\u{062F} \u{200F}\u{061C}\u{200D}\t\n"
        #expect(!ControlCharacters.contains(in: persian))
        #expect(ControlCharacters.stripping(persian).text == persian)
    }

    @Test("The byte scan agrees with the scalar rule on every scalar of the planes that matter")
    func scanMatchesRule() {
        for value in Array(0...0x3000) + Array(0xFE00...0xFFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            #expect(ControlCharacters.contains(in: text) == ControlCharacters.isControl(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("Escaping writes each as <U+XXXX>; line breaks only when asked")
    func escaping() {
        #expect(ControlCharacters.escaped("a\u{1B}]0;x\u{07}\nb") == "a<U+001B>]0;x<U+0007>\nb")
        #expect(ControlCharacters.escaped("a\u{1B}\nb\tc", escapingLineBreaks: true) == "a<U+001B><U+000A>b<U+0009>c")
        #expect(ControlCharacters.escaped("\u{202E}txt.exe") == "<U+202E>txt.exe")
        #expect(ControlCharacters.escaped("plain Tehran") == "plain Tehran")
    }

    @Test("A message about a file escapes the value and is capped in length")
    func fileProblemMessage() {
        let message = FileProblem.message(file: "t.csv", line: 2, column: 3, field: "city1", value: "A\u{1B}[2J",
                                          problem: "has a header " + String(repeating: "x,", count: 2000))
        #expect(message.hasPrefix("t.csv:2:3: city1 'A<U+001B>[2J': has a header"))
        #expect(!message.unicodeScalars.contains("\u{1B}"))
        #expect(message.count < FileProblem.maximumLength + 40)
        #expect(message.hasSuffix("more characters)"))
    }

    @Test("A value of one letter and thousands of combining marks is cut in code points, not kept whole as one character")
    func fileProblemMarks() {
        let value = "a" + String(repeating: "\u{301}\u{316}", count: 20_000)
        let message = FileProblem.message(file: "t.csv", line: 2, column: 1, field: "city1", value: value, problem: CombiningMarks.problem(in: value) ?? "")
        #expect(message.unicodeScalars.count < FileProblem.maximumLength * 4 + 60)
        #expect(message.utf8.starts(with: "t.csv:2:1: city1 'a\u{301}".utf8))
        #expect(message.contains("holds 40000 combining marks in a row"))
        #expect(value.unicodeScalars.count == 40_001)
    }
}
