import Foundation

/// The countries the product knows, with lookups by code and by any name or alias, and which
/// codes make one state.
///
/// The bundled list (`CountryDirectory.bundled()` in `CityDiplomacyReferenceData`) is derived from
/// ISO 3166-1 by `scripts/derive-countries.py`.
///
/// ```swift
/// let countries = try CountryDirectory.bundled()
/// countries.country(code: "ir")?.name[.fa]      // Iran's Persian name
/// countries.country(named: "Türkiye")?.code      // TR
/// countries.sameState(CountryCode(unchecked: "GP"), CountryCode(unchecked: "FR"))   // true
/// countries.note(forName: "Prussia")?.text.en    // "historical state, mapped to today's Germany"
/// ```
///
/// ## Topics
/// - Lookups: ``country(code:)``, ``country(named:)``, ``country(matching:)``
/// - States and territories: ``state(of:)``, ``territories(of:)``, ``sameState(_:_:)``
/// - Other states' names: ``note(forName:)``
public struct CountryDirectory: Sendable {
    public let countries: [Country]
    // Internal, not private: `CountryDirectory+States.swift` reads them.
    let byCode: [String: Country]
    private let byName: [String: Country]
    private let notesByName: [String: CountryNameNote]
    let territoriesByState: [CountryCode: [CountryCode]]

    public init(countries: [Country]) {
        self.countries = countries
        var byCode: [String: Country] = [:]
        var byName: [String: Country] = [:]
        var notesByName: [String: CountryNameNote] = [:]
        var territoriesByState: [CountryCode: [CountryCode]] = [:]
        for country in countries {
            byCode[country.code.rawValue] = country
            byCode[country.alpha3] = country
            let noted = country.historicalStates.map { CountryNameNote(name: $0, kind: .historicalState, country: country) }
                + country.unrecognisedStates.map { CountryNameNote(name: $0, kind: .unrecognisedState, country: country) }
            for name in [country.name.en, country.name.fa].compactMap({ $0 }) + country.aliases + noted.map(\.name) {
                let key = PersianText.searchKey(name)
                if byName[key] == nil { byName[key] = country }
            }
            for note in noted {
                let key = PersianText.searchKey(note.name)
                if notesByName[key] == nil { notesByName[key] = note }
            }
            if let sovereign = country.sovereign {
                territoriesByState[sovereign, default: []].append(country.code)
            }
        }
        self.byCode = byCode
        self.byName = byName
        self.notesByName = notesByName
        self.territoriesByState = territoriesByState.mapValues { $0.sorted() }
    }

    /// The country with this ISO alpha-2 or alpha-3 code, in either case.
    public func country(code: String) -> Country? {
        byCode[PersianText.asciiDigits(code).trimmingCharacters(in: .whitespaces).uppercased()]
    }

    /// The country with this English or Persian name or alias ("South Korea", its Persian name,
    /// "Georgia (country)"), compared by ``PersianText/searchKey(_:)``. The name of a historical
    /// or unrecognised state finds the country it is read as ("Prussia": Germany); ask
    /// ``note(forName:)`` what to tell the reader.
    public func country(named name: String) -> Country? {
        byName[PersianText.searchKey(name)]
    }

    /// A country by code or by name.
    public func country(matching text: String) -> Country? {
        country(code: text) ?? country(named: text)
    }

    /// When `text` names a historical or unrecognised state, which country it is read as and
    /// why; `nil` for any other name, a country's own names included.
    public func note(forName text: String) -> CountryNameNote? {
        notesByName[PersianText.searchKey(text)]
    }
}
