import CityDiplomacyCore

/// What an audit finding compares, as users name it to list only the findings of one kind
/// (`citydip audit --kind`, `?kind=` on the web and the API): an independent check, or a
/// consistency check of a printed cell against its own transcription.
///
/// ```swift
/// let kind = try AuditKindChoice.parse("consistency", field: "kind").kind   // .consistency
/// ```
public enum AuditKindChoice: String, Choice {
    case independent
    case consistency

    public static let noun = "kind"

    /// The finding's kind. The switch is exhaustive so that a kind the audit gains cannot go
    /// unfiltered.
    public var kind: AuditFinding.Kind {
        switch self {
        case .independent: .independent
        case .consistency: .consistency
        }
    }
}
