import CityDiplomacyCore

/// The kinds of bilateral relation a filter may name: the known terms of ``RelationKind``.
public enum RelationKindFilter {
    /// The known kind `text` names, or an error listing them (a typo must not silently match nothing).
    public static func parse(_ text: String, field: String) throws(ApplicationError) -> RelationKind {
        let normalised = PersianText.normalized(text).trimmingCharacters(in: .whitespaces)
        guard let kind = try? RelationKind(validating: normalised), kind.isKnown else {
            throw .invalid(field, "unknown kind '\(text)': expected \(RelationKind.knownTerms.map(\.term.rawValue).orList())")
        }
        return kind
    }
}
