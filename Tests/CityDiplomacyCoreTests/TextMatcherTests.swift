import CityDiplomacyCore
import Testing

@Suite("Words are found whatever the keyboard, at the offsets of the text as written")
struct TextMatcherTests {
    // "hamkari" (cooperation) typed with Arabic kaf and yeh, then with Persian keheh and yeh.
    static let arabicKeyboard = "\u{0647}\u{0645}\u{0643}\u{0627}\u{0631}\u{064A}"
    static let persianKeyboard = "\u{0647}\u{0645}\u{06A9}\u{0627}\u{0631}\u{06CC}"

    @Test("Arabic letter variants match the Persian keyword, and offsets are the original's")
    func letterVariants() {
        let matcher = TextMatcher(Self.arabicKeyboard + " cultural ties")
        #expect(matcher.ranges(of: Self.persianKeyboard) == [0..<6])
        #expect(matcher.ranges(of: "Cultural") == [7..<15])
        #expect(matcher.length == 20)
    }

    @Test("Harakat and a ZWNJ inside the text are folded; offsets still point at the text as written")
    func marksAndZWNJ() {
        // "arzesh" with a fatha after its first letter, a ZWNJ, then "ha" (values).
        let text = "x \u{0627}\u{064E}\u{0631}\u{0632}\u{0634}\u{200C}\u{0647}\u{0627}"
        let matcher = TextMatcher(text)
        #expect(matcher.ranges(of: "\u{0627}\u{0631}\u{0632}\u{0634}") == [2..<7])
        #expect(matcher.ranges(of: "\u{0627}\u{0631}\u{0632}\u{0634} \u{0647}\u{0627}") == [2..<10])
    }

    @Test("Only whole words match; phrases match across any run of white space")
    func wholeWords() {
        let matcher = TextMatcher("Culture, agriculture and multicultural\n  week; cultural   week.")
        #expect(matcher.ranges(of: "culture") == [0..<7])
        #expect(matcher.ranges(of: "cultural week") == [47..<62])
        #expect(matcher.ranges(of: "") == [])
    }

    @Test("Persian and Arabic-Indic digits match ASCII ones")
    func digits() {
        #expect(TextMatcher("in \u{06F1}\u{06F3}\u{06F9}\u{06F7} and \u{0661}\u{0669}").ranges(of: "1397") == [3..<7])
    }
}
