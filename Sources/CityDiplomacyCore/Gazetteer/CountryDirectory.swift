import Foundation

/// The countries the product knows, with lookups by code and by any name or alias.
///
/// The bundled list (`CountryDirectory.bundled()` in `CityDiplomacyReferenceData`) is derived from
/// ISO 3166-1 by `scripts/derive-countries.py`.
///
/// ```swift
/// let countries = try CountryDirectory.bundled()
/// countries.country(code: "ir")?.name[.fa]      // "ایران"
/// countries.country(named: "Türkiye")?.code      // TR
/// ```
public struct CountryDirectory: Sendable {
    public let countries: [Country]
    private let byCode: [String: Country]
    private let byName: [String: Country]

    public init(countries: [Country]) {
        self.countries = countries
        var byCode: [String: Country] = [:]
        var byName: [String: Country] = [:]
        for country in countries {
            byCode[country.code.rawValue] = country
            byCode[country.alpha3] = country
            for name in [country.name.en, country.name.fa].compactMap({ $0 }) + country.aliases {
                byName[PersianText.searchKey(name)] = byName[PersianText.searchKey(name)] ?? country
            }
        }
        self.byCode = byCode
        self.byName = byName
    }

    /// The country with this ISO alpha-2 or alpha-3 code, in either case.
    public func country(code: String) -> Country? {
        byCode[PersianText.asciiDigits(code).trimmingCharacters(in: .whitespaces).uppercased()]
    }

    /// The country with this English or Persian name or alias ("South Korea", «کره جنوبی»,
    /// "Georgia (country)"), compared by ``PersianText/searchKey(_:)``.
    public func country(named name: String) -> Country? {
        byName[PersianText.searchKey(name)]
    }

    /// A country by code or by name.
    public func country(matching text: String) -> Country? {
        country(code: text) ?? country(named: text)
    }
}
