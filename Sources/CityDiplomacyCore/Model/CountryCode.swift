import Foundation

/// An ISO 3166-1 alpha-2 country code (`IR`, `KR`), or the user-assigned `XK` for Kosovo.
///
/// The code is the country's identity everywhere: in records, schemes and outputs.
///
/// ```swift
/// let iran = try CountryCode(validating: "ir")   // "IR"
/// ```
public struct CountryCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts two ASCII letters in either case; anything else is an error naming the value.
    public init(validating text: String) throws(InvalidValue) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard upper.count == 2, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw InvalidValue(field: "country", value: text, expected: "an ISO 3166-1 alpha-2 code such as IR or KR")
        }
        rawValue = upper
    }

    /// For codes already known to be valid (reference data, the database).
    public init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CountryCode(validating: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

