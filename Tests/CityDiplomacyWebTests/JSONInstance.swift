import Foundation
import OpenAPIKit

/// A JSON value as a server sent it, keeping what JSON Schema tells apart and Foundation's
/// `JSONSerialization` blurs: an integer from a number, a boolean from either.
///
/// ```swift
/// let value = try JSONInstance(parsing: Data(#"{"total": 70, "items": []}"#.utf8))
/// value["total"]   // .integer(70)
/// ```
enum JSONInstance: Equatable, Sendable, Decodable, CustomStringConvertible {
    case null
    case boolean(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONInstance])
    case object([String: JSONInstance])

    init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONInstance.self, from: data)
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() { self = .null; return }
            if let value = try? container.decode(Bool.self) { self = .boolean(value); return }
            if let value = try? container.decode(Int.self) { self = .integer(value); return }
            if let value = try? container.decode(Double.self) { self = .number(value); return }
            if let value = try? container.decode(String.self) { self = .string(value); return }
        }
        if var container = try? decoder.unkeyedContainer() {
            var items: [JSONInstance] = []
            while !container.isAtEnd { items.append(try container.decode(JSONInstance.self)) }
            self = .array(items)
            return
        }
        let container = try decoder.container(keyedBy: AnyKey.self)
        var members: [String: JSONInstance] = [:]
        for key in container.allKeys { members[key.stringValue] = try container.decode(JSONInstance.self, forKey: key) }
        self = .object(members)
    }

    /// A value of the document (an `enum` entry, a `const`, an example), as OpenAPIKit holds it.
    init(_ value: AnyCodable) {
        self.init(any: value.value)
    }

    private init(any value: Any?) {
        switch value {
        case nil, is NSNull: self = .null
        case let value as Bool: self = .boolean(value)
        case let value as Int: self = .integer(value)
        case let value as Double: self = value.rounded() == value && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
        case let value as String: self = .string(value)
        case let value as AnyCodable: self.init(any: value.value)
        case let value as [Any?]: self = .array(value.map { JSONInstance(any: $0) })
        case let value as [String: Any?]: self = .object(value.mapValues { JSONInstance(any: $0) })
        default: self = .string(String(describing: value!))
        }
    }

    subscript(key: String) -> JSONInstance? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    /// The JSON type's name, as JSON Schema spells it.
    var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .boolean(value): "\(value)"
        case let .integer(value): "\(value)"
        case let .number(value): "\(value)"
        case let .string(value): "\"\(value)\""
        case let .array(items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .object(members): "{" + members.keys.sorted().map { "\"\($0)\": \(members[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
