/// What was wrong with a request to a use case, said so that a person can act on it, with the
/// parameter it concerns.
///
/// Both front ends show it as it is: the CLI as one line `Error: …` (exit status 1), the web as
/// `{"error": …, "field": …}` with the status its ``Kind`` maps to.
///
/// ```swift
/// throw ApplicationError.invalid("from", "invalid year '\(text)' for \(parameter: "from"): expected a year such as 2006")
/// error.message { "--" + $0 }   // "invalid year '20x6' for --from: …"
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
    /// The message, with each parameter marked so that every front end can call it by its own
    /// name (`--from` on the command line, `from` on the web).
    public var template: ErrorMessage

    public init(_ kind: Kind, field: String?, _ template: ErrorMessage) {
        self.kind = kind
        self.field = field
        self.template = template
    }

    public static func invalid(_ field: String?, _ message: ErrorMessage) -> ApplicationError {
        ApplicationError(.invalidValue, field: field, message)
    }

    public static func notFound(_ field: String?, _ message: ErrorMessage) -> ApplicationError {
        ApplicationError(.notFound, field: field, message)
    }

    /// The message with each parameter named by `name` (`{ "--" + $0 }` on the command line).
    public func message(naming name: (String) -> String) -> String {
        template.segments.map { segment in
            switch segment {
            case let .text(text): text
            case let .parameter(parameter): name(parameter)
            }
        }.joined()
    }

    /// The message with the parameters' plain names, as the web gives it.
    public var message: String { message { $0 } }

    public var description: String { message }
}

/// An error message whose parameters are marked as such (`\(parameter: "from")`), kept apart
/// from the text — a value the user typed is text, whatever characters it holds.
public struct ErrorMessage: Hashable, Sendable, ExpressibleByStringInterpolation {
    public enum Segment: Hashable, Sendable {
        case text(String)
        case parameter(String)
    }

    public var segments: [Segment]

    public init(stringLiteral value: String) {
        segments = [.text(value)]
    }

    public init(stringInterpolation: Interpolation) {
        segments = stringInterpolation.segments
    }

    public struct Interpolation: StringInterpolationProtocol {
        var segments: [Segment] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            segments.append(.text(literal))
        }

        public mutating func appendInterpolation(_ value: some Any) {
            segments.append(.text("\(value)"))
        }

        /// A parameter's name, which each front end writes its own way.
        public mutating func appendInterpolation(parameter name: String) {
            segments.append(.parameter(name))
        }
    }
}

extension Sequence where Element == String {
    /// `a, b or c`: the accepted values, as error messages list them.
    public func orList() -> String {
        let items = Array(self)
        guard items.count > 1 else { return items.first ?? "(none)" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
