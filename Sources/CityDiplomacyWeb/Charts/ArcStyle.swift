import CityDiplomacyCore

/// How an arc is drawn, by the kind of relation it stands for: a class of style.css
/// (`svg.map path.sister-city`…): solid for twinning, dashed for memoranda, in two colours.
enum ArcStyle: String, CaseIterable, Comparable {
    case sisterCity = "sister-city"
    case friendship
    case memorandum
    case partnership
    /// Kinds the product does not know yet.
    case otherKind = "other-kind"

    init(_ kind: RelationKind) {
        self = switch kind {
        case .sisterCity: .sisterCity
        case .friendship: .friendship
        case .cooperationMemorandum: .memorandum
        case .partnership: .partnership
        default: .otherKind
        }
    }

    static func < (lhs: ArcStyle, rhs: ArcStyle) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
