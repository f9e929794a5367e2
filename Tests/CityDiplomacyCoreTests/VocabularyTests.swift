import CityDiplomacyCore
import Testing

@Suite("Kinds, statuses and themes are open vocabularies")
struct VocabularyTests {
    @Test("Known kinds are read in any case and with hyphens, and labelled in both languages")
    func knownKind() throws {
        let kind = try RelationKind(validating: "Cooperation-MoU")
        #expect(kind == .cooperationMemorandum)
        #expect(kind.label[.fa] == "تفاهم‌نامهٔ همکاری")
        #expect(kind.isKnown)
    }

    @Test("A new kind is kept as written and labelled by its identifier")
    func newKind() throws {
        let kind = try RelationKind(validating: "climate_alliance")
        #expect(!kind.isKnown)
        #expect(kind.label.en == "climate alliance")
    }

    @Test("A term that is not an identifier is rejected, naming the known terms")
    func invalidTerm() {
        #expect {
            try Theme(validating: "culture & arts")
        } throws: { error in
            (error as? InvalidValue)?.expected.contains("culture") == true
        }
    }

    @Test("Country codes are two letters, upper-cased")
    func countryCodes() throws {
        #expect(try CountryCode(validating: "ir").rawValue == "IR")
        #expect(throws: InvalidValue.self) { try CountryCode(validating: "IRN") }
    }
}
