/// The kinds of record an editor creates, changes and deletes one at a time: what the change log
/// names, what edit addresses are made of (`/api/v1/relations/{id}`), one enum for all of them.
///
/// ```swift
/// RecordKind.relation.collection   // "relations"
/// ```
public enum RecordKind: String, CaseIterable, Codable, Hashable, Sendable {
    case relation, membership, event, source

    /// The plural, as addresses write a collection of the kind.
    public var collection: String { rawValue + "s" }

    public init?(collection: String) {
        guard collection.hasSuffix("s") else { return nil }
        self.init(rawValue: String(collection.dropLast()))
    }
}
