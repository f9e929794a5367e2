import CityDiplomacyCore
import Testing

@Suite("A country directory knows which codes make one state, and which names stand for another state")
struct CountryDirectoryStatesTests {
    let directory: CountryDirectory

    init() {
        func country(_ code: String, _ name: String, sovereign: String? = nil, historical: [String] = [], unrecognised: [String] = []) -> Country {
            Country(code: CountryCode(unchecked: code), alpha3: code + "X", name: LocalizedText(en: name),
                    sovereign: sovereign.map(CountryCode.init(unchecked:)), historicalStates: historical, unrecognisedStates: unrecognised)
        }
        directory = CountryDirectory(countries: [
            country("FR", "France"), country("MQ", "Martinique", sovereign: "FR"), country("GP", "Guadeloupe", sovereign: "FR"),
            country("NL", "Netherlands"), country("AW", "Aruba", sovereign: "NL"),
            country("DE", "Germany", historical: ["Prussia"]), country("CY", "Cyprus", unrecognised: ["Northern Cyprus"]),
        ])
    }

    private func code(_ text: String) -> CountryCode { CountryCode(unchecked: text) }

    @Test("A state lists its territories in code order; a territory and a state without any list none")
    func territories() {
        #expect(directory.territories(of: code("FR")) == [code("GP"), code("MQ")])
        #expect(directory.territories(of: code("GP")).isEmpty)
        #expect(directory.territories(of: code("DE")).isEmpty)
        #expect(directory.territories(of: code("XX")).isEmpty)
    }

    @Test("One state: the same code, a state and its territory either way round, two territories of one state")
    func sameState() {
        #expect(directory.sameState(code("FR"), code("FR")))
        #expect(directory.sameState(code("GP"), code("FR")))
        #expect(directory.sameState(code("FR"), code("GP")))
        #expect(directory.sameState(code("GP"), code("MQ")))
        #expect(!directory.sameState(code("GP"), code("NL")))
        #expect(!directory.sameState(code("GP"), code("AW")))
        #expect(!directory.sameState(code("FR"), code("DE")))
        #expect(directory.sameState(code("XX"), code("XX")), "a code the directory lacks is still itself")
        #expect(!directory.sameState(code("XX"), code("FR")))
    }

    @Test("Another state's name finds the country it is read as, and a note says which kind of state it names")
    func notes() throws {
        #expect(directory.country(named: "Prussia")?.code == code("DE"))
        #expect(directory.country(named: "northern cyprus")?.code == code("CY"))
        let prussia = try #require(directory.note(forName: "PRUSSIA"))
        #expect(prussia == CountryNameNote(name: "Prussia", kind: .historicalState, country: try #require(directory.country(code: "DE"))))
        #expect(directory.note(forName: "Northern Cyprus")?.kind == .unrecognisedState)
        #expect(directory.note(forName: "Germany") == nil)
        #expect(directory.note(forName: "Martinique") == nil)
    }
}
