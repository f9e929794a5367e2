/// A sovereign state or territory as the registry knows it: codes and names in both languages.
///
/// The list of countries is reference data derived from ISO 3166-1 (see
/// `CityDiplomacyReferenceData`); records refer to countries by ``CountryCode`` only.
///
/// ```swift
/// let iran = Country(code: CountryCode(unchecked: "IR"), alpha3: "IRN",
///                    name: LocalizedText.message("core.iran"))
/// ```
public struct Country: Hashable, Sendable, Codable {
    public var code: CountryCode
    public var alpha3: String
    public var name: LocalizedText
    /// Other names the country goes by ("Türkiye", "Republic of Korea", "Georgia (country)").
    public var aliases: [String]

    public init(code: CountryCode, alpha3: String, name: LocalizedText, aliases: [String] = []) {
        self.code = code
        self.alpha3 = alpha3
        self.name = name
        self.aliases = aliases
    }
}
