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
        try node(of: value).value
    }

    /// The JSON text of `value`: the same as `encode(value).serialized(pretty:)`, written straight
    /// from what was encoded, without building the ``JSONValue`` first (a copy of every string and
    /// list, a fifth of the time of a large answer).
    public func text(of value: some Encodable, pretty: Bool) throws -> String {
        var out = JSONText()
        try node(of: value).write(to: &out, pretty: pretty, indent: 0)
        return out.string
    }

    /// Writes the JSON text of `value` to `sink` piece by piece, each about `piece` bytes (cut
    /// between elements, so a piece may hold one element more; the last may be shorter): the
    /// text of ``text(of:pretty:)``, never held whole. An error the sink throws stops the
    /// pieces (the rest of the text is not made) and is thrown; an error of encoding is thrown
    /// before any piece.
    ///
    /// For answers of hundreds of megabytes (`citydip import --report json` of a 1,000,000-row
    /// file writes 197 MB): held whole, the text grew by copies into ever larger buffers, their
    /// pages faulted in one by one, and was then copied into a string and once more into the
    /// output (a third of the time of writing it, perf), and the import's peak of memory was
    /// there. What was encoded is then freed on a thread made for the purpose: a tree of a
    /// million values, freed one by one, was a fifth of writing that report. For texts written
    /// once and large, then, not for a server's many small answers.
    public func write(
        _ value: some Encodable, pretty: Bool, piece: Int = 1 << 20, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let encoded = EncodedTree(try node(of: value))
        let failure = Self.writePieces(of: encoded.root, pretty: pretty, piece: max(piece, 1), to: sink)
        Background.release(consume encoded)
        if let failure { throw failure }
    }

    /// Writes the text of `root` to `sink`; the error that stopped the sink, if one did.
    private static func writePieces(
        of root: JSONNode, pretty: Bool, piece: Int, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) -> (any Error)? {
        withoutActuallyEscaping(sink) { sink in
            var out = JSONText(piece: piece, sink: sink)
            let room = min(piece, 1 << 20)
            out.bytes.reserveCapacity(room + room / 4)
            root.write(to: &out, pretty: pretty, indent: 0)
            out.flush()
            return out.failure
        }
    }

    /// The root encodes itself (a leaf through its single-value container): a `JSONValue` given
    /// whole goes through its own `encode(to:)`, as it always did, rather than be taken as it is.
    private func node(of value: some Encodable) throws -> JSONNode {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, path: nil))
        return root
    }
}

/// A view model that gives its JSON value itself, which ``OrderedJSONEncoder`` takes as it is, as
/// it takes a ``JSONValue``, rather than encode it through containers — as a field or an item; a
/// value encoded whole, as the root, still encodes itself. Other encoders go through its
/// `encode(to:)`, and ``jsonValue`` must be what ``OrderedJSONEncoder`` makes of that (a test of
/// each conforming type holds it to this).
///
/// For the items of lists of hundreds of thousands: the places and names of a quality report.
/// Through the containers, each place was a dozen nodes, made and filled by dynamic casts, then
/// freed: about a third of the 12 s that writing the report of a 1,000,000-row import took on
/// one core once the dataset was stored (perf, 2026-12-01).
public protocol JSONValueRepresentable: Encodable {
    /// The value ``OrderedJSONEncoder`` encodes of `self` through `encode(to:)`.
    var jsonValue: JSONValue { get }
}

extension JSONValue {
    /// `value` through ``OrderedJSONEncoder``.
    public static func encoding(_ value: some Encodable) throws -> JSONValue {
        try OrderedJSONEncoder().encode(value)
    }
}

/// What the encoder made of a value, handed whole to another thread to be freed: no other
/// reference to any of its nodes is left by then (hence unchecked).
private final class EncodedTree: @unchecked Sendable {
    let root: JSONNode
    init(_ root: JSONNode) { self.root = root }
}

/// A field's or an item's value: a leaf, kept where it was encoded, or a node that a container of
/// its own fills. Most fields of a view model are leaves (strings, numbers, nulls), and a node
/// for each — a class instance made, retained, released and freed — was a third of building what
/// a city's profile of 3,571 relations encodes (perf).
private enum JSONChild {
    case leaf(JSONValue)
    case node(JSONNode)

    var value: JSONValue {
        switch self {
        case let .leaf(value): value
        case let .node(node): node.value
        }
    }

    func write(to out: inout JSONText, pretty: Bool, indent: Int) {
        switch self {
        case let .leaf(value): value.write(to: &out, pretty: pretty, indent: indent)
        case let .node(node): node.write(to: &out, pretty: pretty, indent: indent)
        }
    }
}

/// A value being encoded: filled in by exactly one container.
private final class JSONNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object(JSONObjectNodes)
        case array([JSONChild])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: .object([])
        case let .value(value): value
        case let .object(fields): .object(fields.keys.indices.map { (fields.keys[$0], fields.children[$0].value) })
        case let .array(items): .array(items.map(\.value))
        }
    }

    /// Writes the text ``value`` would serialise to, without making it.
    func write(to out: inout JSONText, pretty: Bool, indent: Int) {
        switch content {
        case .empty: out.append("{}")
        case let .value(value): value.write(to: &out, pretty: pretty, indent: indent)
        case let .object(fields):
            JSONValue.writeObject(fields.keys.count, key: { fields.keys[$0] }, to: &out, pretty: pretty, indent: indent) { index, out, indent in
                fields.children[index].write(to: &out, pretty: pretty, indent: indent)
            }
        case let .array(items):
            JSONValue.writeArray(items.count, to: &out, pretty: pretty, indent: indent) { index, out, indent in
                items[index].write(to: &out, pretty: pretty, indent: indent)
            }
        }
    }

    // Each of these lets go of `content` before changing what it held: the enum's own reference
    // would otherwise make each append copy the keys, children or items so far, so that encoding
    // an array of n values cost n² (3,564 relations of a city: most of a second).

    /// The node of the field `key`, for a container to fill: the field's own if it has one; made
    /// where an earlier leaf of the key was, holding it (a container that writes nothing leaves
    /// it, as a node holding a leaf always did), or last.
    func child(forKey key: String) -> JSONNode {
        guard case .object(var fields) = content else {
            let node = JSONNode()
            content = .object(JSONObjectNodes(keys: [key], children: [.node(node)]))
            return node
        }
        let index = fields.index(forKey: key)
        if let index, case let .node(existing) = fields.children[index] { return existing }
        content = .empty
        let node = JSONNode()
        if let index {
            if case let .leaf(value) = fields.children[index] { node.content = .value(value) }
            fields.children[index] = .node(node)
        } else {
            fields.append(key, .node(node))
        }
        content = .object(fields)
        return node
    }

    /// Gives the field `key` the leaf `value`: where an earlier value of the key was (into its
    /// node, if it had one, as a value encoded again for a key always went), or last.
    func setLeaf(_ value: JSONValue, forKey key: String) {
        guard case .object(var fields) = content else {
            content = .object(JSONObjectNodes(keys: [key], children: [.leaf(value)]))
            return
        }
        let index = fields.index(forKey: key)
        if let index, case let .node(existing) = fields.children[index] {
            existing.content = .value(value)
            return
        }
        content = .empty
        if let index { fields.children[index] = .leaf(value) } else { fields.append(key, .leaf(value)) }
        content = .object(fields)
    }

    func appendChild() -> JSONNode {
        let node = JSONNode()
        append(.node(node))
        return node
    }

    func appendLeaf(_ value: JSONValue) {
        append(.leaf(value))
    }

    private func append(_ child: JSONChild) {
        if case var .array(items) = content {
            content = .empty
            items.append(child)
            content = .array(items)
        } else {
            content = .array([child])
        }
    }
}

/// An object's fields in the order encoded. A view model's object has a dozen keys, found by
/// scanning them; a dictionary of keys is made only for a large object (a keyed container of a
/// dictionary's entries), where scanning would cost the square of its size. Hashing every key of
/// every object was a tenth of encoding a large answer.
private struct JSONObjectNodes {
    var keys: [String]
    var children: [JSONChild]
    var index: [String: Int]?

    static let scanned = 16

    init(keys: [String] = [], children: [JSONChild] = []) {
        self.keys = keys
        self.children = children
    }

    func index(forKey key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    mutating func append(_ key: String, _ child: JSONChild) {
        keys.append(key)
        children.append(child)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > Self.scanned {
            index = Dictionary(keys.indices.map { (keys[$0], $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

/// Where a value is in what is being encoded, kept as a chain from the value to the root and
/// made into the array `Encoder.codingPath` asks for only when asked (an error): building the
/// array at every field and item was most of the encoder's allocations.
private final class CodingPathLink: Sendable {
    let parent: CodingPathLink?
    let key: any CodingKey & Sendable

    init(_ parent: CodingPathLink?, _ key: any CodingKey & Sendable) {
        self.parent = parent
        self.key = key
    }

    static func path(_ link: CodingPathLink?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = link
        while let link = current {
            keys.append(link.key)
            current = link.parent
        }
        return keys.reversed()
    }
}

/// A coding key of any container, kept with the chain.
private struct AnyKey: CodingKey, Sendable {
    var stringValue: String
    var intValue: Int?
    init(_ key: some CodingKey) {
        stringValue = key.stringValue
        intValue = key.intValue
    }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.intValue = intValue
        stringValue = String(intValue)
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    let path: CodingPathLink?
    var codingPath: [any CodingKey] { CodingPathLink.path(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = node.content { node.content = .object(JSONObjectNodes()) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = node.content { node.content = .array([]) }
        return UnkeyedContainer(node: node, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, path: path)
    }
}

/// The JSON of a leaf value, or `nil` if `value` is not a leaf and encodes itself. Every
/// primitive the standard library encodes must be here: a primitive's `encode(to:)` asks its
/// single-value container to encode itself again, which would never end.
private func leaf(_ value: some Encodable, path: @autoclosure () -> CodingPathLink?) throws -> JSONValue? {
    switch value {
    case let value as String: return .string(value)
    case let value as Bool: return .bool(value)
    case let value as Int: return .number(value)
    case let value as Double: return .double(value)
    case let value as Float: return .double(Double(value))
    case let value as JSONValue: return value
    case let value as any JSONValueRepresentable: return value.jsonValue
    case let value as any BinaryInteger:
        guard let whole = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: CodingPathLink.path(path()), debugDescription: "\(value) does not fit in a JSON integer of 64 bits"))
        }
        return .number(whole)
    default: return nil
    }
}

/// ``leaf(_:path:)`` for a value whose place a keyed or unkeyed container gives only to leaves
/// that do not fail: one that fails gets its place first, empty (`keepPlace`), as it did when
/// every value had a node made first (seen only by a value that catches the error and encodes on).
private func leaf(_ value: some Encodable, path: @autoclosure () -> CodingPathLink?, keepingPlace keepPlace: () -> Void) throws -> JSONValue? {
    do {
        return try leaf(value, path: path())
    } catch {
        keepPlace()
        throw error
    }
}

/// Encodes `value` into `node`; the link of its place in the path is made only for a value that
/// is not a leaf (or a leaf that fails).
private func encodeValue(_ value: some Encodable, into node: JSONNode, path: @autoclosure () -> CodingPathLink?) throws {
    if let leaf = try leaf(value, path: path()) {
        node.content = .value(leaf)
    } else {
        try value.encode(to: NodeEncoder(node: node, path: path()))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let path: CodingPathLink?
    var codingPath: [any CodingKey] { CodingPathLink.path(path) }

    private func link(_ key: Key) -> CodingPathLink { CodingPathLink(path, AnyKey(key)) }

    mutating func encodeNil(forKey key: Key) throws {
        node.setLeaf(.null, forKey: key.stringValue)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let leafValue = try leaf(value, path: link(key), keepingPlace: { _ = node.child(forKey: key.stringValue) }) {
            node.setLeaf(leafValue, forKey: key.stringValue)
        } else {
            try value.encode(to: NodeEncoder(node: node.child(forKey: key.stringValue), path: link(key)))
        }
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
        NodeEncoder(node: node.child(forKey: key.stringValue), path: link(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), path: link(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), path: link(key))
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
    let path: CodingPathLink?
    var codingPath: [any CodingKey] { CodingPathLink.path(path) }

    var count: Int {
        if case let .array(items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws {
        node.appendLeaf(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count, path = path
        let link = { CodingPathLink(path, AnyKey(IndexKey(index))) }
        if let leafValue = try leaf(value, path: link(), keepingPlace: { _ = node.appendChild() }) {
            node.appendLeaf(leafValue)
        } else {
            try value.encode(to: NodeEncoder(node: node.appendChild(), path: link()))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendChild(), path: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), path: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), path: path)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let path: CodingPathLink?
    var codingPath: [any CodingKey] { CodingPathLink.path(path) }

    mutating func encodeNil() throws {
        node.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node, path: path)
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
