import CityDiplomacyCore
import CityDiplomacyPresentation
import Testing

@Suite("Persian output writes Persian digits, and leaves the numbers of Latin text as printed")
struct OutputStyleDigitsTests {
    let persian = OutputStyle(language: .fa)

    @Test("Numbers of Persian prose are Persian; those of ids, addresses and English titles are kept")
    func digits() {
        #expect(persian.digits("70 رابطه") == "۷۰ رابطه")
        #expect(persian.digits("دهشیری و خرمی (1397)، جدول 4") == "دهشیری و خرمی (۱۳۹۷)، جدول ۴")
        #expect(persian.digits("`iran-2018` 70") == "`iran-2018` ۷۰")
        #expect(persian.digits("CC BY 4.0") == "CC BY 4.0")
        #expect(persian.digits("Espahan, capital of Islamic Culture for the year 2006") == "Espahan, capital of Islamic Culture for the year 2006")
        // A number that opens an English title belongs to it, as one that closes it does.
        #expect(persian.digits("1968 AFC Asian Cup") == "1968 AFC Asian Cup")
        #expect(persian.digits("1968 AFC Asian Cup — Wikipedia — 2018") == "1968 AFC Asian Cup — Wikipedia — 2018")
        // Not once Persian words came first, and not before a placeholder or code.
        #expect(persian.digits("جدول 4 AFC") == "جدول ۴ AFC")
        #expect(persian.digits("12 {count}") == "۱۲ {count}")
        // An English title quoted in a Persian sentence keeps its opening number.
        #expect(persian.digits("تهران را نیز نشان می‌دهند («1968 AFC Asian Cup»، Wikipedia)") == "تهران را نیز نشان می‌دهند («1968 AFC Asian Cup»، Wikipedia)")
        #expect(persian.digits("در «1968» 5 رابطه") == "در «۱۹۶۸» ۵ رابطه")
        // A quoted English name ends at its closing mark: the number after it is the sentence's.
        #expect(persian.digits("در «درون‌بُرد از sample.csv» (4 کشور)") == "در «درون‌بُرد از sample.csv» (۴ کشور)")
        #expect(persian.digits("در «sample.csv»، 4 کشور") == "در «sample.csv»، ۴ کشور")
        #expect(persian.digits("(«sample.csv») 4 کشور") == "(«sample.csv») ۴ کشور")
        #expect(persian.digits("“Sister Cities” 4 کشور") == "“Sister Cities” ۴ کشور")
        // Not inside the quotation: a number after a Latin word that closes none stays with it.
        #expect(persian.digits("«CC BY 4.0»") == "«CC BY 4.0»")
        #expect(OutputStyle(language: .en).digits("۱۹۶۸ and 1968") == "۱۹۶۸ and 1968")
    }
}
