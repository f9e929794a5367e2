import CityDiplomacyImport

/// How a place of an imported file was resolved, as users name it to filter a quality report's
/// places (`citydip quality --status`, `?status=` on the web).
///
/// ```swift
/// let status = try PlaceStatusChoice.parse("part-resolved", field: "status")   // .partResolved
/// ```
public enum PlaceStatusChoice: String, Choice, Encodable {
    /// A place of the gazetteer.
    case resolved
    /// A district of a gazetteer city that the gazetteer lists too.
    case partResolved = "part-resolved"
    /// A district of a gazetteer city that the gazetteer does not list.
    case part
    /// Namesakes the importer could not choose between.
    case ambiguous
    case unresolved

    public static let noun = "status"

    /// The importer's status under the name users filter by. The switch is exhaustive so that a
    /// status the importer gains cannot go unfiltered.
    public init(_ status: ImportQualityReport.PlaceNote.Status) {
        self = switch status {
        case .resolved: .resolved
        case .partResolved: .partResolved
        case .part: .part
        case .ambiguous: .ambiguous
        case .unresolved: .unresolved
        }
    }
}
