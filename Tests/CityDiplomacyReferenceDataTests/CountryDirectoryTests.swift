import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
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

    @Test("The names issue #11 found unknown, and those of the Wikipedia scrape (2026), find their country", arguments: [
        ("Republic of Macedonia", "MK"), ("Palestinian territories", "PS"), ("Palestinian National Authority", "PS"),
        ("Northern Cyprus", "CY"), ("Kingdom of the Netherlands", "NL"), ("Kingdom of Hungary", "HU"), ("Prussia", "DE"),
        ("Moldavia", "MD"), ("Bosnia and Hercegovina", "BA"), ("Grece", "GR"), ("Island", "IS"), ("Kazakhstah", "KZ"),
        ("Madagaskar", "MG"), ("Surinam", "SR"), ("West Bank", "PS"),
    ])
    func namesOfIssue11(pair: (String, String)) {
        #expect(countries.country(matching: pair.0)?.code.rawValue == pair.1)
    }

    @Test("A historical state is read as today's country, with a note saying so")
    func historicalState() throws {
        let note = try #require(countries.note(forName: "prussia"))
        #expect(note.name == "Prussia")
        #expect(note.kind == .historicalState)
        #expect(note.country.code.rawValue == "DE")
        #expect(note.text.en == "historical state, mapped to today's Germany")
        #expect(note.text.fa?.contains("آلمان") == true)
        #expect(countries.note(forName: "Kingdom of Hungary")?.country.code.rawValue == "HU")
        #expect(countries.note(forName: "پروس")?.country.code.rawValue == "DE")
    }

    @Test("Northern Cyprus is read as Cyprus, with a note that it is not recognised")
    func unrecognisedState() throws {
        let note = try #require(countries.note(forName: "Northern Cyprus"))
        #expect(note.kind == .unrecognisedState)
        #expect(note.country.code.rawValue == "CY")
        #expect(note.text.en == "state not generally recognised, mapped to Cyprus")
    }

    @Test("A country's own names, old or new, carry no note", arguments: ["Germany", "Republic of Macedonia", "Palestinian territories", "Kingdom of the Netherlands", "Atlantis"])
    func noNote(name: String) {
        #expect(countries.note(forName: name) == nil)
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

    @Test("A state formed out of another knows since when it is a state and what it was part of before")
    func statehood() throws {
        let tajikistan = try #require(countries.country(code: "TJ"))
        #expect(tajikistan.stateSince == (try PartialDate(year: 1991, month: 9, day: 9)))
        #expect(tajikistan.predecessor == LocalizedText(en: "the Soviet Union", fa: "اتحاد جماهیر شوروی"))
        #expect(tajikistan.statehood?.en == "State since 1991-09-09 (before: the Soviet Union)")
        #expect(countries.country(code: "ME")?.predecessor?.en == "Serbia and Montenegro")
        #expect(countries.country(code: "SK")?.stateSince?.description == "1993-01-01")
    }

    @Test("Older states, and Russia, the Soviet Union's continuator, have no date of statehood", arguments: ["RU", "IR", "FR", "RS", "GP", "ZZ"])
    func noStatehood(code: String) throws {
        let country = try #require(countries.country(code: code))
        #expect(country.stateSince == nil)
        #expect(country.predecessor == nil)
        #expect(country.statehood == nil)
    }

    @Test("The Soviet Union's fourteen successor states other than Russia are dated, each from the Soviet Union")
    func sovietSuccessors() {
        let soviet = countries.countries.filter { $0.predecessor?.en == "the Soviet Union" }.map(\.code.rawValue)
        #expect(soviet.sorted() == ["AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "TJ", "TM", "UA", "UZ"])
    }
}

@Suite("A country table with a malformed row is refused, naming the file, line, field and value")
struct CountryFileTests {
    private func load(_ rows: String) throws(ReferenceDataError) -> CountryDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("countries-\(UUID().uuidString).tsv")
        let header = "# comment\niso2\tiso3\tnumeric\tname_en\tname_fa\taliases\tsovereign\thistorical_states\tunrecognised_states\tstate_since\tpredecessor_en\tpredecessor_fa\n"
        try? Data((header + rows).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try CountryDirectory.load(contentsOf: url)
    }

    @Test("A row with a date of statehood and its predecessor, and one without")
    func reads() throws {
        let directory = try load("TJ\tTJK\t762\tTajikistan\tتاجیکستان\t\t\t\t\t1991-09-09\tSoviet Union\tاتحاد جماهیر شوروی\n"
            + "IR\tIRN\t364\tIran\tایران\t\t\t\t\t\t\t\n")
        #expect(directory.country(code: "TJ")?.stateSince?.description == "1991-09-09")
        #expect(directory.country(code: "TJ")?.predecessor?.fa == "اتحاد جماهیر شوروی")
        #expect(directory.country(code: "IR")?.stateSince == nil)
    }

    @Test("A malformed date of statehood is a typed error naming file, line, field and value", arguments: ["1991-13-01", "1991-02-30", "9 September 1991", "1991-09", "1370-06-18 SH"])
    func malformedDate(date: String) throws {
        let error = try #require(throws: ReferenceDataError.self) {
            try load("IR\tIRN\t364\tIran\tایران\t\t\t\t\t\t\t\n"
                + "TJ\tTJK\t762\tTajikistan\tتاجیکستان\t\t\t\t\t\(date)\tSoviet Union\tاتحاد جماهیر شوروی\n")
        }
        #expect(error.file.hasPrefix("countries-"))
        #expect(error.line == 4)
        #expect(error.field == "state_since")
        #expect(error.value == date)
        #expect(error.description.contains(":4: state_since '\(date)': "))
    }

    @Test("A date of statehood without its predecessor, and a short row, are refused")
    func incomplete() throws {
        let missing = try #require(throws: ReferenceDataError.self) {
            try load("TJ\tTJK\t762\tTajikistan\tتاجیکستان\t\t\t\t\t1991-09-09\tSoviet Union\t\n")
        }
        #expect(missing.field == "predecessor_fa")
        #expect(missing.line == 3)
        let short = try #require(throws: ReferenceDataError.self) {
            try load("IR\tIRN\t364\tIran\tایران\t\t\t\t\n")
        }
        #expect(short.problem.contains("expected 12"))
    }
}
