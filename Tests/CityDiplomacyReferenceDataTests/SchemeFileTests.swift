import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

@Suite("Classification schemes and periodisations are data files")
struct SchemeFileTests {
    let countries: CountryDirectory

    init() throws {
        countries = try CountryDirectory.bundled()
    }

    static let scheme = """
        format: citydiplomacy-scheme/1
        id: test
        title: {en: Test}
        source: "a test"
        categories:
          - {id: a, en: A}
          - {id: b, en: B, tags: [x]}
        countries:
          - {country: IR, category: a}
          - {country: TR, category: b, since: 1969}
        """

    private func load(_ text: String) throws(DataFileError) -> ClassificationScheme {
        try SchemeFile.load(data: Data(text.utf8), fileName: "test.yaml", countries: countries)
    }

    @Test("The bundled schemes load: study regions, civilisations, OIC, rings, UN M49, EU")
    func bundled() throws {
        let schemes = try BundledClassifications.schemes(countries: countries)
        #expect(Set(schemes.keys) == ["study-regions", "study-civilisations", "oic", "iran-geopolitical-rings", "un-m49", "eu",
                                      "study-civilisations:by-region", "study-civilisations:islam-alone",
                                      "study-civilisations:caucasus-with-eastern-europe", "study-civilisations:caucasus-with-western"])
        let oic = try #require(schemes["oic"])
        #expect(oic.countries(in: "member").count == 57)
        #expect(oic.countries(in: "observer").map(\.rawValue) == ["BA", "CF", "TH", "RU"])
        #expect(oic.assignment(of: CountryCode(unchecked: "IR"))?.since?.year == 1969)
        #expect(schemes["eu"]?.countries(in: "member").count == 27)
        #expect(schemes["study-regions"]?.assignments.count == 39)
        #expect(schemes["un-m49"]?.assignments.count == 249)
    }

    @Test("The bundled periodisations load with the days governments took office")
    func periodisations() throws {
        let periodisations = try BundledClassifications.periodisations()
        let discourses = try #require(periodisations["iran-study-discourses"])
        #expect(discourses.periods.compactMap(\.start).map(\.description) == ["1979-02-11", "1989-08-03", "1997-08-03", "2005-08-03", "2013-08-03"])
        let presidencies = try #require(periodisations["iran-presidencies"])
        #expect(presidencies.periods.suffix(2).compactMap(\.start).map(\.description) == ["2021-08-03", "2024-07-28"])
    }

    @Test("A valid scheme loads with its tags and dates")
    func valid() throws {
        let scheme = try load(Self.scheme)
        #expect(scheme.country(CountryCode(unchecked: "TR"), hasTag: "x"))
        #expect(scheme.category(of: CountryCode(unchecked: "FR")) == nil)
    }

    @Test("An unknown ISO code is refused with its line")
    func unknownCode() throws {
        #expect {
            try load(Self.scheme.replacingOccurrences(of: "country: TR", with: "country: QQ"))
        } throws: { error in
            let error = error as? DataFileError
            return error?.field == "countries[1].country" && error?.value == "QQ" && error?.line == 10
        }
    }

    @Test("A country listed twice is refused")
    func listedTwice() throws {
        #expect {
            try load(Self.scheme.replacingOccurrences(of: "country: TR", with: "country: IR"))
        } throws: { error in
            (error as? DataFileError)?.problem.contains("listed twice") == true
        }
    }

    @Test("An undefined category is refused")
    func undefinedCategory() throws {
        #expect {
            try load(Self.scheme.replacingOccurrences(of: "category: b", with: "category: c"))
        } throws: { error in
            (error as? DataFileError)?.field == "countries[1].category"
        }
    }

    static let withReadings = """
        format: citydiplomacy-scheme/1
        id: test
        title: {en: Test}
        source: "a test"
        groups:
          - {id: g, en: G}
          - {id: h, en: H}
        categories:
          - {id: a, en: A, group: g, tags: [g]}
          - {id: b, en: B, group: h}
        countries:
          - {country: IR, category: a}
          - {country: TR, category: b}
        reading:
          id: plain
          title: {en: "as grouped"}
        readings:
          - id: swapped
            title: {en: "swapped"}
            rule: {en: "each label in the other family"}
            groups:
              - {id: k, en: K}
            families:
              a: h
              b: g
        """

    @Test("A reading regroups every category, and a tag named like a family follows it")
    func readings() throws {
        let scheme = try load(Self.withReadings)
        #expect(scheme.defaultReading?.id == "plain")
        #expect(scheme.readings.map(\.id) == ["swapped"])
        let swapped = try #require(scheme.withReadings.last)
        #expect(swapped.id == "test:swapped")
        #expect(swapped.readingOf?.scheme == "test")
        #expect(swapped.category(of: CountryCode(unchecked: "IR"))?.groupID == "h")
        #expect(swapped.category(of: CountryCode(unchecked: "TR"))?.tags == ["g"])
        #expect(swapped.category(of: CountryCode(unchecked: "IR"))?.tags == [])
        #expect(swapped.groups.map(\.id) == ["g", "h", "k"])
    }

    @Test("A reading that leaves a category out, names an unknown family or category, or repeats an id is refused with its place", arguments: [
        ("      a: h\n      b: g", "      a: h", "readings[0].families", "b"),
        ("      b: g", "      b: nowhere", "readings[0].families.b", "nowhere"),
        ("      b: g", "      b: g\n      c: g", "readings[0].families.c", "c"),
        ("  - id: swapped\n", "  - id: plain\n", "readings[0].id", "plain"),
        ("  - id: swapped\n", "  - id: Swapped:x\n", "readings[0].id", "Swapped:x"),
    ])
    func badReading(_ old: String, _ new: String, field: String, value: String) throws {
        #expect {
            try load(Self.withReadings.replacingOccurrences(of: old, with: new))
        } throws: { error in
            let error = error as? DataFileError
            return error?.field == field && error?.value == value && error?.line != nil
        }
    }

    @Test("Periods out of order, or a later period without a start, are refused")
    func badPeriodisation() throws {
        let text = """
            format: citydiplomacy-periodisation/1
            id: p
            title: {en: P}
            source: test
            periods:
              - {id: a, start: 2000-01-01, label: {en: A}}
              - {id: b, start: 1999-01-01, label: {en: B}}
            """
        #expect(throws: DataFileError.self) { try PeriodisationFile.load(data: Data(text.utf8), fileName: "p.yaml") }
        let missing = text.replacingOccurrences(of: "start: 1999-01-01, ", with: "")
        #expect(throws: DataFileError.self) { try PeriodisationFile.load(data: Data(missing.utf8), fileName: "p.yaml") }
        let year = text.replacingOccurrences(of: "start: 1999-01-01", with: "start: 2005")
        #expect(throws: DataFileError.self) { try PeriodisationFile.load(data: Data(year.utf8), fileName: "p.yaml") }
    }
}
