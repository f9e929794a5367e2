import CityDiplomacyCore

/// A closed choice that users type (an option value on the command line, a query parameter on
/// the web): one enum, read by both front ends with the same message for a value it does not know.
///
/// ```swift
/// let rule = try AmbiguityRuleChoice.parse("later", field: "rule")
/// ```
public protocol Choice: RawRepresentable<String>, CaseIterable, Sendable {
    /// What the value is called in messages ("rule", "table").
    static var noun: String { get }
}

extension Choice {
    /// Reads `text` (Persian digits and letter variants normalised), or explains what is accepted.
    public static func parse(_ text: String, field: String) throws(ApplicationError) -> Self {
        let normalised = PersianText.asciiDigits(PersianText.normalized(text)).trimmingCharacters(in: .whitespaces)
        if let value = Self(rawValue: normalised) ?? Self(rawValue: normalised.lowercased()) { return value }
        throw unknown(text, field: field)
    }

    /// The error for a value that is none of the choices.
    public static func unknown(_ text: String, field: String) -> ApplicationError {
        .invalid(field, "unknown \(noun) '\(text)': expected \(allCases.map(\.rawValue).orList())")
    }

    /// The accepted values, as help texts list them: `recorded, later, earlier or exclude`.
    public static var accepted: String { allCases.map(\.rawValue).orList() }
}
