/// What was wrong with a request to a use case, said so that a person can act on it, with the
/// parameter it concerns.
///
/// Both front ends show it as it is: the CLI as one line `Error: …` (exit status 1), the web as
/// `{"error": …, "field": …}` with the status its ``Kind`` maps to.
///
/// ```swift
/// throw ApplicationError.invalid("rule", "unknown rule 'late': expected recorded, later, earlier or exclude")
/// ```
public struct ApplicationError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A value that cannot be read or is not one of those accepted (HTTP 400).
        case invalidValue
        /// A dataset, city or other record that does not exist (HTTP 404).
        case notFound
        /// A request that contradicts what is stored (HTTP 409).
        case conflict
    }

    public var kind: Kind
    /// The parameter the error is about, as the web names it (`dataset`, `rule`); `nil` if none.
    public var field: String?
    public var message: String

    public init(_ kind: Kind, field: String?, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    public static func invalid(_ field: String?, _ message: String) -> ApplicationError {
        ApplicationError(.invalidValue, field: field, message)
    }

    public static func notFound(_ field: String?, _ message: String) -> ApplicationError {
        ApplicationError(.notFound, field: field, message)
    }

    public var description: String { message }
}

extension Sequence where Element == String {
    /// `a, b or c`: the accepted values, as error messages list them.
    public func orList() -> String {
        let items = Array(self)
        guard items.count > 1 else { return items.first ?? "(none)" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
