import CityDiplomacyCore

/// How Table 3 and period counts place a date in a year in which the period changed, as users
/// name the rules.
public enum AmbiguityRuleChoice: String, Choice {
    /// The placement the dataset records, else the incoming period (the default).
    case recorded
    case later
    case earlier
    case exclude

    public static let noun = "rule"

    public var rule: AmbiguityRule {
        switch self {
        case .recorded: .standard
        case .later: .later
        case .earlier: .earlier
        case .exclude: .exclude
        }
    }
}
