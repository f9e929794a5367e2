/// A JSON object whose keys are written in a chosen order (a dictionary's order changes from run
/// to run, and a reader diffing two outputs should see only what changed): the ranks of a node
/// by measure in the measures' order, a community's countries most members first, a country's
/// shares in the scheme's order.
///
/// ```swift
/// let ranks = OrderedObject([("degree", 1), ("betweenness", 3)])
/// ranks["betweenness"]   // 3
/// ```
public struct OrderedObject<Value: Encodable & Sendable>: Encodable, Sendable {
    public var entries: [(key: String, value: Value)]

    public init(_ entries: [(key: String, value: Value)]) {
        self.entries = entries
    }

    public subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for (key, value) in entries { try container.encode(value, forKey: NameKey(key)) }
    }
}
