import CityDiplomacyCore

/// The kinds of bilateral relation a filter may name: the known terms of ``RelationKind``, and
/// any other kind the records hold (an import or an edit may have stored one).
public enum RelationKindFilter {
    /// `text` as a kind term, or an error if it cannot be one.
    public static func term(_ text: String, field: String) throws(ApplicationError) -> RelationKind {
        let normalised = PersianText.normalized(text).trimmingCharacters(in: .whitespaces)
        guard let kind = try? RelationKind(validating: normalised) else { throw unknown(text, field: field) }
        return kind
    }

    /// The error for a kind that is neither known nor held by any record: a typo must not
    /// silently match nothing.
    public static func unknown(_ text: String, field: String) -> ApplicationError {
        .invalid(field, "unknown kind '\(text)': expected \(RelationKind.knownTerms.map(\.term.rawValue).orList()), or a kind the records hold")
    }
}
