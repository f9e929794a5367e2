import CityDiplomacyCore

/// Encodes `Encodable` view models into ``JSONValue``, keeping their keys in the order they are
/// encoded (the order of the `CodingKeys`) and writing `nil` optionals as `null`.
///
/// The CLI and the web observatory render the same view models through this one encoder, so a
/// resource has one JSON shape wherever it is read.
///
/// ```swift
/// struct Total: Encodable { var relations: Int; var note: String? }
/// try OrderedJSONEncoder().encode(Total(relations: 70, note: nil)).serialized(pretty: false)
/// // {"relations":70,"note":null}
/// ```
public struct OrderedJSONEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }
}

extension JSONValue {
    /// `value` through ``OrderedJSONEncoder``.
    public static func encoding(_ value: some Encodable) throws -> JSONValue {
        try OrderedJSONEncoder().encode(value)
    }
}

/// A value being encoded: filled in by exactly one container.
private final class JSONNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object(keys: [String], values: [String: JSONNode])
        case array([JSONNode])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: .object([])
        case let .value(value): value
        case let .object(keys, values): .object(keys.map { ($0, values[$0]!.value) })
        case let .array(items): .array(items.map(\.value))
        }
    }

    // Both let go of `content` before changing what it held: the enum's own reference would
    // otherwise make each append copy the keys, values or items so far, so that encoding an
    // array of n values cost n² (3,564 relations of a city: most of a second).
    func child(forKey key: String) -> JSONNode {
        guard case .object(var keys, var values) = content else {
            let node = JSONNode()
            content = .object(keys: [key], values: [key: node])
            return node
        }
        if let existing = values[key] { return existing }
        content = .empty
        let node = JSONNode()
        keys.append(key)
        values[key] = node
        content = .object(keys: keys, values: values)
        return node
    }

    func appendChild() -> JSONNode {
        let node = JSONNode()
        if case var .array(items) = content {
            content = .empty
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = node.content { node.content = .object(keys: [], values: [:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = node.content { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

/// The JSON of a leaf value, or `nil` if `value` is not a leaf and encodes itself. Every
/// primitive the standard library encodes must be here: a primitive's `encode(to:)` asks its
/// single-value container to encode itself again, which would never end.
private func leaf(_ value: some Encodable, codingPath: [any CodingKey]) throws -> JSONValue? {
    switch value {
    case let value as String: return .string(value)
    case let value as Bool: return .bool(value)
    case let value as Int: return .number(value)
    case let value as Double: return .double(value)
    case let value as Float: return .double(Double(value))
    case let value as JSONValue: return value
    case let value as any BinaryInteger:
        guard let whole = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) does not fit in a JSON integer of 64 bits"))
        }
        return .number(whole)
    default: return nil
    }
}

private func encodeValue(_ value: some Encodable, into node: JSONNode, codingPath: [any CodingKey]) throws {
    if let leaf = try leaf(value, codingPath: codingPath) {
        node.content = .value(leaf)
    } else {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.child(forKey: key.stringValue).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    // Absent optionals are written as null, so that every object of a kind has the same keys.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    var count: Int {
        if case let .array(items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws {
        node.appendChild().content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try encodeValue(value, into: node.appendChild(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node, codingPath: codingPath)
    }
}

extension JSONValue: Encodable {
    /// A ``JSONValue`` inside a view model is written as it is (by ``OrderedJSONEncoder``; other
    /// encoders get the same structure, without the key order).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .string(text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case let .number(value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case let .double(value):
            var container = encoder.singleValueContainer()
            if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        case let .bool(value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case let .array(items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case let .object(fields):
            var container = encoder.container(keyedBy: FieldKey.self)
            for (key, value) in fields { try container.encode(value, forKey: FieldKey(key)) }
        }
    }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
