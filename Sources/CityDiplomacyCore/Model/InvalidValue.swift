/// A value that does not have the form a field requires.
///
/// Parsers in the core throw this; callers that know the file and line wrap it in their own
/// error (see ``DataFileError``) so that the message names where the value came from.
public struct InvalidValue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field or option the value was given for (`year`, `--from`, `country`).
    public var field: String
    /// The value as the user wrote it.
    public var value: String
    /// What would have been accepted, in words a person can act on.
    public var expected: String

    public init(field: String, value: String, expected: String) {
        self.field = field
        self.value = value
        self.expected = expected
    }

    public var description: String {
        "invalid \(field) '\(value)': expected \(expected)"
    }
}
