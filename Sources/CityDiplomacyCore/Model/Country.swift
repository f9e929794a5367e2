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
    /// The state a dependent territory belongs to (Guadeloupe: France); `nil` for a state.
    /// GeoNames lists a territory's towns under the territory's own code, while lists of twin
    /// towns write them under the state ("Pointe-à-Pitre, France").
    public var sovereign: CountryCode?
    /// Names of historical states read as this country today ("Prussia" as Germany): the
    /// historical state's land need not all lie in it, so a reader is told.
    public var historicalStates: [String]
    /// Names of states that few or no others recognise, read as the country ISO 3166-1 and
    /// GeoNames place their towns in ("Northern Cyprus" as Cyprus).
    public var unrecognisedStates: [String]
    /// When the state came to exist as an independent state, for states formed after 1945 from
    /// another (Tajikistan: 1991-09-09, from the Soviet Union); `nil` for older states. A relation
    /// dated before it was made with a city of ``predecessor``.
    public var stateSince: PartialDate?
    /// The state the country's land belonged to before ``stateSince`` ("Soviet Union"), in both languages.
    public var predecessor: LocalizedText?

    public init(code: CountryCode, alpha3: String, name: LocalizedText, aliases: [String] = [],
                sovereign: CountryCode? = nil, historicalStates: [String] = [], unrecognisedStates: [String] = [],
                stateSince: PartialDate? = nil, predecessor: LocalizedText? = nil) {
        self.code = code
        self.alpha3 = alpha3
        self.name = name
        self.aliases = aliases
        self.sovereign = sovereign
        self.historicalStates = historicalStates
        self.unrecognisedStates = unrecognisedStates
        self.stateSince = stateSince
        self.predecessor = predecessor
    }
}
