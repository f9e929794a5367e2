import Foundation

/// One change to one record of a dataset, as an editor makes it. A save creates the record or
/// replaces the one with the same id; the records it refers to (cities, networks, sources) must
/// be in the same dataset.
public enum RecordEdit: Sendable {
    case saveRelation(BilateralRelation)
    case deleteRelation(id: String)
    case saveMembership(NetworkMembership)
    case deleteMembership(id: String)
    case saveEvent(InternationalEvent)
    case deleteEvent(id: String)
    case saveSource(SourceCitation, datasetID: String)
    case deleteSource(id: String)
    case saveDocument(AgreementDocument)
    /// Deletes a document; one still holding coded segments is an error (delete them first).
    case deleteDocument(id: String)
    case saveSegment(CodedSegment)
    case deleteSegment(id: String)

    /// The kind of record changed.
    public var recordKind: RecordKind {
        switch self {
        case .saveRelation, .deleteRelation: .relation
        case .saveMembership, .deleteMembership: .membership
        case .saveEvent, .deleteEvent: .event
        case .saveSource, .deleteSource: .source
        case .saveDocument, .deleteDocument: .document
        case .saveSegment, .deleteSegment: .segment
        }
    }

    public var recordID: String {
        switch self {
        case let .saveRelation(record): record.id
        case let .saveMembership(record): record.id
        case let .saveEvent(record): record.id
        case let .saveSource(record, _): record.id
        case let .saveDocument(record): record.id
        case let .saveSegment(record): record.id
        case let .deleteRelation(id), let .deleteMembership(id), let .deleteEvent(id), let .deleteSource(id),
             let .deleteDocument(id), let .deleteSegment(id): id
        }
    }
}

/// An entry of the change log: who changed which record, when, and how (the record before and
/// after, as JSON; `nil` before a creation and after a deletion).
public struct ChangeEntry: Hashable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case create, update, delete
    }

    public var id: Int
    public var at: Date
    /// The name of the write token used.
    public var actor: String
    public var action: Action
    public var recordKind: RecordKind
    public var recordID: String
    public var datasetID: String
    public var before: String?
    public var after: String?

    public init(id: Int, at: Date, actor: String, action: Action, recordKind: RecordKind, recordID: String, datasetID: String, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.recordKind = recordKind
        self.recordID = recordID
        self.datasetID = datasetID
        self.before = before
        self.after = after
    }
}
