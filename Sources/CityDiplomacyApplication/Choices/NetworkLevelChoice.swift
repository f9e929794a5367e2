import CityDiplomacyCore

/// Which network `citydip network` (and `/network`, `/api/v1/network`) measures: the cities, or
/// the countries they aggregate to.
///
/// ```swift
/// let level = try NetworkLevelChoice.parse("country", field: "level")
/// ```
public enum NetworkLevelChoice: String, Choice {
    case city
    case country

    public static let noun = "level"
}
