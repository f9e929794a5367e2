/// The kinds of record an editor creates, changes and deletes one at a time: what the change log
/// names, what edit addresses are made of (`/api/v1/relations/{id}`), one enum for all of them.
///
/// ```swift
/// RecordKind.relation.collection   // "relations"
/// ```
public enum RecordKind: String, CaseIterable, Codable, Hashable, Sendable {
    case relation, membership, event, source
    /// A document attached to a record, and a passage of one coded with a theme.
    case document, segment

    /// The kinds the record editor's forms and `/api/v1/{collection}` save and delete as records
    /// with fields; documents and segments are added and coded by their own commands and pages.
    public static let editable: [RecordKind] = [.relation, .membership, .event, .source]

    /// The plural, as addresses write a collection of the kind.
    public var collection: String { rawValue + "s" }

    public init?(collection: String) {
        guard collection.hasSuffix("s") else { return nil }
        self.init(rawValue: String(collection.dropLast()))
    }
}
