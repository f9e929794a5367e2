import Foundation
import CityDiplomacyCore
import Testing

@Suite("Persian text is normalised on input")
struct PersianTextTests {
    @Test("Arabic yeh, alef maksura and kaf become Persian ی and ک")
    func letterVariants() {
        #expect(PersianText.normalized("كيش") == "کیش")
        #expect(PersianText.normalized("موسى") == "موسی")
        #expect(PersianText.normalized("كربلاء") == "کربلاء")
    }

    @Test("A negative decimal reads in Persian with the decimal separator and a minus sign left of its digits, never a hyphen")
    func persianDecimals() {
        #expect(PersianText.persianDecimal("0.2824") == "0\u{066B}2824")
        #expect(PersianText.persianDecimal("-0.28") == "\u{200E}\u{2212}0\u{066B}28")
        #expect(PersianText.persianDigits(PersianText.persianDecimal("-12")) == "\u{200E}\u{2212}\u{06F1}\u{06F2}")
        #expect(!PersianText.persianDecimal("-3.5").contains("-"))
    }

    @Test("Persian and Arabic-Indic digits are read as digits")
    func digits() {
        #expect(PersianText.normalized("۱۳۹۶/۰۹/۲۱") == "1396/09/21")
        #expect(PersianText.normalized("٢٠١٨") == "2018")
        #expect(PersianText.persianDigits("2018-04-02") == "۲۰۱۸-۰۴-۰۲")
    }

    @Test("Tatweel and harakat are removed; runs of spaces collapse")
    func marks() {
        #expect(PersianText.normalized("تـــهران") == "تهران")
        #expect(PersianText.normalized("مُحَمَّد") == "محمد")
        #expect(PersianText.normalized("  سن   پترزبورگ ") == "سن پترزبورگ")
    }

    @Test("Text outside ASCII comes back as it is when normalised, and is written anew when not", arguments: [
        ("Encarnación Ost 718", "Encarnación Ost 718"), ("تهران", "تهران"), ("São Paulo – Centro", "São Paulo – Centro"),
        ("Encarnación  Ost", "Encarnación Ost"), ("Encarnación ", "Encarnación"), (" Chã", "Chã"), ("تهران ۱", "تهران 1"),
        ("São\u{00A0}Paulo", "São Paulo"), ("كيش ok", "کیش ok"), ("é\u{200C}", "é"), ("مُحَمَّد علی", "محمد علی"),
    ])
    func outsideASCII(text: String, normalized: String) {
        #expect(PersianText.normalized(text) == normalized)
        #expect(PersianText.normalized(text).unicodeScalars.elementsEqual(normalized.unicodeScalars))
    }

    @Test("Every kind of white space is a space: tabs, no-break, em, ideographic")
    func whiteSpace() {
        #expect(PersianText.normalized("سن\u{00A0}\u{2003}پترزبورگ\t") == "سن پترزبورگ")
        #expect(PersianText.normalized("\u{3000}شیراز\u{202F}فارس") == "شیراز فارس")
    }

    @Test("A ZWNJ between letters is kept; at word edges or doubled it is dropped")
    func zeroWidthNonJoiner() {
        #expect(PersianText.normalized("خواهر\u{200C}خوانده") == "خواهر\u{200C}خوانده")
        #expect(PersianText.normalized("\u{200C}تهران\u{200C}") == "تهران")
        #expect(PersianText.normalized("می\u{200C}\u{200C}شود") == "می\u{200C}شود")
    }

    @Test("Search keys fold case, diacritics, ZWNJ, spaces and punctuation", arguments: [
        ("Ürümqi", "urumqi"), ("Xi'an", "Xian"), ("Saint-Petersburg", "saint petersburg"),
        ("شهرهای خواهرخوانده", "شهرهای\u{200C}خواهرخوانده"), ("كرمانشاه", "کرمانشاه"), ("Jászberény", "JASZBERENY"),
    ])
    func searchKeys(pair: (String, String)) {
        #expect(PersianText.searchKey(pair.0) == PersianText.searchKey(pair.1))
    }

    @Test("Different places keep different search keys")
    func distinctKeys() {
        #expect(PersianText.searchKey("Tabriz") != PersianText.searchKey("Tbilisi"))
        #expect(PersianText.searchKey("اورومچی") != PersianText.searchKey("ارومیه"))
    }
}

@Suite("Names in Arabic spelling match their Persian forms")
struct ArabicSpellingTests {
    @Test("Hamza forms of alef, teh marbuta, waw and yeh with hamza fold for matching", arguments: [
        ("أصفهان", "اصفهان"), ("الوكرة", "الوکره"), ("كربلاء", "کربلا"), ("آمریکا", "امریکا"), ("مؤسسه", "موسسه"),
    ])
    func folding(pair: (String, String)) {
        #expect(PersianText.searchKey(pair.0) == PersianText.searchKey(pair.1))
    }

    @Test("Stored text keeps those letters")
    func storedTextKeepsLetters() {
        #expect(PersianText.normalized("آمریکا") == "آمریکا")
    }
}

@Suite("Search keys: the fast paths agree with Foundation's folding")
struct SearchKeyConsistencyTests {
    @Test("An ASCII name's search key is its letters and digits in lower case, whatever its length; a name with a byte beyond ASCII anywhere is keyed by the Unicode rules")
    func asciiSearchKeys() {
        // Every ASCII byte, at lengths about the 15 bytes a string keeps inline.
        for length in [0, 1, 14, 15, 16, 17, 40] {
            for start in stride(from: 0, to: 128, by: 7) {
                let text = String(decoding: (0..<length).map { UInt8((start + $0 * 5) % 128) }, as: UTF8.self)
                let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map { Unicode.Scalar(UInt8($0.value)).properties.lowercaseMapping.unicodeScalars.first! }))
                #expect(PersianText.searchKey(text) == expected, "\(text.debugDescription)")
            }
        }
        #expect(PersianText.searchKey("Zürich") == PersianText.searchKey("Zurich"))
        #expect(PersianText.searchKey("Saint-Etienne, a very long name indeed é") == PersianText.searchKey("saintetienneaverylongnameindeede"))
        #expect(PersianText.searchKey("Tehran تهران") == "tehran" + PersianText.searchKey("تهران"))
    }

    @Test("Honorific signs above Arabic letters carry no identity")
    func honorifics() {
        #expect(PersianText.searchKey("محمد\u{0610}") == PersianText.searchKey("محمد"))
    }

    @Test("Latin letters with diacritics fold as Foundation folds them", arguments: ["Ürümqi", "Jászberény", "Iași", "Dobřany", "Kŭlob", "Straße", "Łódź", "Ærøskøbing"])
    func latin(name: String) {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let expected = String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
        #expect(PersianText.searchKey(name) == expected)
    }
}

@Suite("Settled ASCII: values an import need not clean or normalise")
struct SettledASCIITests {
    @Test("Printable ASCII with single inner spaces is settled; a space at an edge or doubled, a control or a non-ASCII letter is not",
          arguments: [
            ("", true), ("Tehran", true), ("Rio de Janeiro", true), ("35.6892", true), ("~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", true),
            (" Tehran", false), ("Tehran ", false), ("Rio  de", false), (" ", false), ("Teh\tran", false), ("a\u{7F}", false),
            ("a\u{0}b", false), ("Chã", false), ("تهران", false), ("e\u{301}", false), ("a\u{202E}b", false), ("a\u{200C}b", false),
          ])
    func cases(text: String, settled: Bool) {
        #expect(PersianText.isSettledASCII(text) == settled)
    }

    @Test("What is settled needs nothing of normalising, taking out controls or measuring marks")
    func settledNeedsNothing() {
        let alphabet: [Character] = ["a", "Z", "0", " ", " ", ".", "-", "\t", "\n", "\u{7F}", "\u{0}", "é", "e\u{301}", "ی", "ي", "۳", "\u{200C}", "\u{202E}", "\u{85}"]
        var random = SplitMix64(seed: 41)
        var settledSeen = 0
        for _ in 0..<20_000 {
            let text = String((0..<random.next(7)).map { _ in alphabet[random.next(alphabet.count)] })
            guard PersianText.isSettledASCII(text) else { continue }
            settledSeen += 1
            // Normalised by the whole pass over its scalars (a leading ZWNJ is neither ASCII nor
            // kept at a word's edge), it comes back as it is.
            #expect(Array(PersianText.normalized("\u{200C}" + text).utf8) == Array(text.utf8), "\(text.debugDescription)")
            #expect(!ControlCharacters.contains(in: text), "\(text.debugDescription)")
            #expect(CombiningMarks.longestRun(in: text) == 0, "\(text.debugDescription)")
        }
        #expect(settledSeen > 500)
    }
}
