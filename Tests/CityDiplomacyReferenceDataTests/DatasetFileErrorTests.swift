import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

@Suite("A bad dataset file is refused with file, line, field and value")
struct DataFileErrorTests {
    let countries: CountryDirectory

    init() throws {
        countries = try CountryDirectory.bundled()
    }

    static let valid = """
        format: citydiplomacy-dataset/1
        dataset:
          id: sample
          title: {en: Sample, fa: نمونه}
        sources:
          - {id: s1, title: A source, url: "http://example.org"}
        cities:
          - {id: kashan, en: Kashan, fa: كاشان, country: IR}
          - {id: kyoto, en: Kyoto, fa: کیوتو, country: JP}
        relations:
          - {city: kashan, partner: kyoto, kind: sister_city, signed: "۱۳۸۵/۰۲/۲۴ SH", sources: [s1]}
        """

    private func load(_ text: String) throws(DataFileError) -> DatasetContent {
        try DatasetFile.load(data: Data(text.utf8), fileName: "sample.yaml", countries: countries)
    }

    private func error(_ text: String) -> DataFileError? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("A valid file loads, with Persian letters normalised and a Solar Hijri date kept")
    func validFile() throws {
        let content = try load(Self.valid)
        #expect(content.cities.first?.name.fa == "کاشان")
        #expect(content.relations.first?.signed?.description == "1385-02-24 SH")
        #expect(content.dataset.contentHash?.count == 64)
    }

    @Test("An unknown city reference names the line and the value")
    func danglingCity() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "partner: kyoto", with: "partner: kyto")))
        #expect(failure.line == 11)
        #expect(failure.field == "relations[0].partner")
        #expect(failure.value == "kyto")
        #expect(failure.description.hasPrefix("sample.yaml:11:"))
    }

    @Test("A misspelt field is refused, not ignored")
    func unknownKey() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "signed:", with: "signd:")))
        #expect(failure.field == "relations[0].signd")
        #expect(failure.problem.contains("expected one of"))
    }

    @Test("A country that is not ISO 3166-1 is refused")
    func badCountry() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "country: JP", with: "country: JX")))
        #expect(failure.field == "cities[1].country")
        #expect(failure.value == "JX")
        #expect(failure.line == 9)
    }

    @Test("A malformed date is refused with the accepted forms")
    func badDate() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "\"۱۳۸۵/۰۲/۲۴ SH\"", with: "\"2006-13-01\"")))
        #expect(failure.field == "relations[0].signed")
        #expect(failure.problem.contains("month"))
    }

    @Test("The same pair listed twice in either order is refused")
    func duplicatePair() throws {
        let text = Self.valid + "\n  - {city: kyoto, partner: kashan, kind: sister_city, sources: [s1]}\n"
        let failure = try #require(error(text))
        #expect(failure.field == "relations[1]")
        #expect(failure.problem.contains("repeats relations[0]"))
    }

    @Test("A record without sources is refused")
    func noSources() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "sources: [s1]}", with: "sources: []}")))
        #expect(failure.field == "relations[0].sources")
    }

    @Test("A missing required field is reported at its record")
    func missingField() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "kind: sister_city, ", with: "")))
        #expect(failure.field == "relations[0].kind")
        #expect(failure.problem == "is missing")
        #expect(failure.line == 11)
    }

    @Test("A key given twice in one mapping, quoted or not, is refused at its line, without the file's text")
    func duplicateKey() throws {
        for key in ["id", "\"id\""] {
            let text = Self.valid.replacingOccurrences(of: "  id: sample\n", with: "  id: sample\n  \(key): other\n")
            let failure = try #require(error(text), "\(key)")
            #expect(failure.line == 3, "\(String(describing: failure.line))")
            #expect(failure.problem.contains("the key 'id' is given more than once in one mapping (here first)"), "\(failure.problem)")
            #expect(!failure.problem.contains("format: citydiplomacy-dataset"), "\(failure.problem)")
        }
        // A quoted key is the key it spells: read like a plain one.
        let quoted = try load(Self.valid.replacingOccurrences(of: "  id: sample\n", with: "  \"id\": sample\n"))
        #expect(quoted.dataset.id == "sample")
    }

    @Test("YAML syntax errors carry their line")
    func syntax() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "title: {en: Sample, fa: نمونه}", with: "title: {en: Sample, fa: [}")))
        #expect(failure.line != nil)
        #expect(failure.problem.contains("not valid YAML"))
    }

    /// A file with what this project adds beside a study: a supplement source, event notes in one
    /// text and in both languages, and a network that is a section of one listed after it.
    static let withSupplements = """
        format: citydiplomacy-dataset/1
        dataset:
          id: sample
          title: {en: Sample, fa: نمونه}
        sources:
          - {id: s1, title: A source, url: "http://example.org"}
          - {id: p1, title: Added source, locator: {en: "Added by this project", fa: "افزوده این پروژه"}, supplement: true}
        cities:
          - {id: tehran, en: Tehran, fa: تهران, country: IR}
        networks:
          - {id: metropolis, name: {en: Metropolis}, scope: global, part_of: uclg, sources: [s1]}
          - {id: uclg, name: {en: UCLG}, scope: global, sources: [s1]}
        events:
          - {id: cup-1968, city: tehran, kind: sports_championship, title: {en: "AFC Asian Cup (1968)"}, year: 1968, sources: [p1], notes: {en: "Played in Tehran.", fa: "در تهران برگزار شد."}}
          - {id: summit-2000, city: tehran, kind: summit, title: {en: Summit}, year: 2000, sources: [s1, p1], notes: "One text."}
        """

    @Test("A supplement source, event notes in both languages and a network section load")
    func supplementsLoad() throws {
        let content = try load(Self.withSupplements)
        #expect(content.sources.map(\.supplement) == [nil, true])
        #expect(content.sources.map(\.isSupplement) == [false, true])
        // The whole is named by its record id, as every other reference is stored.
        #expect(content.networks.map(\.partOf) == ["sample:uclg", nil])
        let cup = try #require(content.events.first)
        #expect(cup.kind == .sportsChampionship)
        #expect(cup.notes == "Played in Tehran.")
        #expect(cup.notesFa == "در تهران برگزار شد.")
        #expect(cup.notes(in: .fa) == "در تهران برگزار شد.")
        #expect(cup.isSupplement)
        // One text is the notes in every language; a record citing the study too is the study's.
        let summit = content.events[1]
        #expect(summit.notes == "One text.")
        #expect(summit.notesFa == nil)
        #expect(summit.notes(in: .fa) == "One text.")
        #expect(!summit.isSupplement)
    }

    @Test("A part_of that names no network of the file, or comes back round, is refused with its line")
    func unknownSection() throws {
        let failure = try #require(error(Self.withSupplements.replacingOccurrences(of: "part_of: uclg", with: "part_of: ucgl")))
        #expect(failure.line == 11)
        #expect(failure.field == "networks[0].part_of")
        #expect(failure.value == "ucgl")
        #expect(failure.problem.contains("is not a network of this file"))
        #expect(failure.description.hasPrefix("sample.yaml:11:"))
        let itself = try #require(error(Self.withSupplements.replacingOccurrences(of: "part_of: uclg", with: "part_of: metropolis")))
        #expect(itself.field == "networks[0].part_of")
        #expect(itself.problem.contains("cycle"))
        let round = try #require(error(Self.withSupplements.replacingOccurrences(
            of: "{id: uclg, name: {en: UCLG}, scope: global,", with: "{id: uclg, name: {en: UCLG}, scope: global, part_of: metropolis,")))
        #expect(round.field == "networks[0].part_of")
        #expect(round.problem.contains("cycle"))
    }

    @Test("Sources, events and networks refuse a misspelt new field")
    func misspeltNewFields() throws {
        #expect(error(Self.withSupplements.replacingOccurrences(of: "supplement: true", with: "supplemental: true"))?.field == "sources[1].supplemental")
        #expect(error(Self.withSupplements.replacingOccurrences(of: "part_of:", with: "partof:"))?.field == "networks[0].partof")
        #expect(error(Self.withSupplements.replacingOccurrences(of: "fa: \"در تهران", with: "de: \"در تهران"))?.field == "events[0].notes.de")
    }

    @Test("An empty file and a file in another format are refused")
    func emptyAndForeign() throws {
        #expect(error("")?.problem.contains("empty") == true)
        #expect(error(Self.valid.replacingOccurrences(of: "citydiplomacy-dataset/1", with: "csv"))?.field == "format")
        #expect(throws: DataFileError.self) {
            try DatasetFile.load(data: Data([0xFF, 0xFE, 0x00]), fileName: "x.yaml", countries: countries)
        }
    }
}
