import CityDiplomacyCore

/// An audit finding's status, as users name it to list only the findings of one status
/// (`citydip audit --status`, `?status=` on the web).
///
/// ```swift
/// let status = try AuditStatusChoice.parse("mismatch", field: "status").status   // .mismatch
/// ```
public enum AuditStatusChoice: String, Choice {
    case match
    case mismatch
    case contradicted
    case queried
    case schemeDependent = "scheme-dependent"
    case notCheckable = "not-checkable"

    public static let noun = "status"

    public var status: AuditFinding.Status {
        switch self {
        case .match: .match
        case .mismatch: .mismatch
        case .contradicted: .contradicted
        case .queried: .queried
        case .schemeDependent: .schemeDependent
        case .notCheckable: .notCheckable
        }
    }
}
