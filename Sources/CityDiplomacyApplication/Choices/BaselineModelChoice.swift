import CityDiplomacyAnalysis
import CityDiplomacyCore

/// How `citydip baseline` (and `/baseline`, `/api/v1/baseline`) models "as the world does":
/// partner countries drawn by their share of relations, or the network rewired.
///
/// ```swift
/// let model = try BaselineModelChoice.parse("rewire", field: "model")
/// ```
public enum BaselineModelChoice: String, Choice {
    case world
    case rewire

    public static let noun = "model"

    var model: PartnerBaseline.Model { self == .world ? .world : .rewire }
}
