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

    @Test("Each territory belongs to its state", arguments: [
        ("FR", "GP MQ RE GF YT PM BL MF NC PF WF TF"), ("NL", "AW CW SX BQ"), ("US", "PR GU VI AS MP UM"),
        ("GB", "GI BM KY VG TC MS AI FK SH IO PN GS GG JE IM"), ("DK", "GL FO"), ("NO", "SJ BV"),
        ("AU", "CX CC NF HM"), ("NZ", "CK NU TK"), ("CN", "HK MO"), ("FI", "AX"),
    ])
    func territories(pair: (String, String)) {
        let state = CountryCode(unchecked: pair.0)
        let expected = pair.1.split(separator: " ").map { CountryCode(unchecked: String($0)) }
        #expect(countries.territories(of: state) == expected.sorted())
        for territory in expected {
            #expect(countries.country(code: territory.rawValue)?.sovereign == state)
            #expect(countries.state(of: territory) == state)
            #expect(countries.territories(of: territory).isEmpty)
        }
    }

    @Test("Every sovereign is a state, and every other country is its own state")
    func sovereignsAreStates() {
        for country in countries.countries {
            if let sovereign = country.sovereign {
                #expect(countries.country(code: sovereign.rawValue)?.sovereign == nil, "\(country.code) → \(sovereign)")
            }
        }
        #expect(countries.state(of: CountryCode(unchecked: "IR")).rawValue == "IR")
        #expect(countries.territories(of: CountryCode(unchecked: "IR")).isEmpty)
        #expect(countries.countries.filter { $0.sovereign != nil }.count == 51, "the territories listed in the test above, and no more")
    }

    @Test("Two codes are one state when equal, a state and its territory, or two territories of one state", arguments: [
        ("GP", "FR", true), ("FR", "GP", true), ("GP", "MQ", true), ("CW", "SX", true), ("BQ", "NL", true),
        ("HK", "CN", true), ("MO", "HK", true), ("AX", "FI", true), ("JE", "GB", true), ("IR", "IR", true),
        ("GP", "NL", false), ("SX", "MF", false), ("HK", "TW", false), ("FR", "DE", false), ("GL", "NO", false),
        ("ZZ", "FR", false),
    ])
    func sameState(triple: (String, String, Bool)) {
        #expect(countries.sameState(CountryCode(unchecked: triple.0), CountryCode(unchecked: triple.1)) == triple.2)
    }
}
