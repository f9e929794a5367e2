import CityDiplomacyCore
import CityDiplomacyReferenceData
import Testing

@Suite("The bundled country list")
struct CountryDirectoryTests {
    let countries: CountryDirectory

    init() throws {
        countries = try CountryDirectory.bundled()
    }

    @Test("249 ISO 3166-1 countries, Kosovo and the unknown country, each with a Persian name")
    func completeness() {
        #expect(countries.countries.count == 251)
        for country in countries.countries {
            #expect(country.name.fa?.isEmpty == false, "\(country.code)")
            #expect(!(country.name.fa ?? "").contains("ي"), "\(country.code) uses Arabic yeh")
        }
    }

    @Test("Countries are found by code and by the names people use", arguments: [
        ("ir", "IR"), ("IRN", "IR"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Georgia (country)", "GE"),
        ("Republic of Korea", "KR"), ("کره جنوبی", "KR"), ("Palestine", "PS"), ("Kosovo", "XK"), ("Taiwan", "TW"),
        ("ايران", "IR"),
    ])
    func lookups(pair: (String, String)) {
        #expect(countries.country(matching: pair.0)?.code.rawValue == pair.1)
    }

    @Test("An unknown name finds nothing")
    func unknown() {
        #expect(countries.country(matching: "Atlantis") == nil)
    }
}
