import CityDiplomacyCore
import Foundation
import GRDB

/// Documents and their coded segments: stored with their dataset, read by dataset, record or
/// document, and edited one at a time through the change log.
///
/// Each row keeps its record whole as JSON (``DocumentRecordCoding``): documents are few beside
/// relations and are read whole; the columns beside it are those the reads filter and order on.
extension SQLiteRegistry {
    public func document(id: String) async throws -> AgreementDocument? {
        try await read { db in try Self.fetchDocuments(db, filter: "id = ?", arguments: [id]).first }
    }

    public func documents(matching query: DocumentQuery) async throws -> [AgreementDocument] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let dataset = query.datasetID {
                conditions.append("dataset_id = ?")
                arguments += [dataset]
            }
            if let record = query.attachedTo {
                conditions.append("attached_id = ? AND attached_kind = ?")
                arguments += [record.id, record.kind.rawValue]
            }
            return try Self.fetchDocuments(db, filter: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments: arguments)
        }
    }

    public func segment(id: String) async throws -> CodedSegment? {
        try await read { db in try Self.fetchSegments(db, filter: "s.id = ?", arguments: [id]).first }
    }

    public func segments(matching query: SegmentQuery) async throws -> [CodedSegment] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let dataset = query.datasetID {
                conditions.append("s.dataset_id = ?")
                arguments += [dataset]
            }
            if let document = query.documentID {
                conditions.append("s.document_id = ?")
                arguments += [document]
            }
            return try Self.fetchSegments(db, filter: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments: arguments)
        }
    }

    static func fetchDocuments(_ db: Database, filter: String, arguments: StatementArguments) throws -> [AgreementDocument] {
        try String.fetchAll(db, sql: "SELECT record FROM document WHERE \(filter) ORDER BY dataset_id, position", arguments: arguments)
            .map { try DocumentRecordCoding.decode(AgreementDocument.self, from: $0) }
    }

    /// Segments of `filter`, a condition on `coded_segment` as `s`, in the order of the dataset's
    /// documents, then of coding within each.
    static func fetchSegments(_ db: Database, filter: String, arguments: StatementArguments) throws -> [CodedSegment] {
        try String.fetchAll(db, sql: """
            SELECT s.record FROM coded_segment s JOIN document d ON d.id = s.document_id
            WHERE \(filter)
            ORDER BY s.dataset_id, d.position, s.position
            """, arguments: arguments)
            .map { try DocumentRecordCoding.decode(CodedSegment.self, from: $0) }
    }

    /// Inserts a dataset's documents and segments, in its order (positions are their indexes).
    static func insertDocuments(of content: DatasetContent, in db: Database) throws {
        for (position, document) in content.documents.enumerated() {
            var stored = document
            stored.position = position
            try insert(stored, in: db)
        }
        for (position, segment) in content.segments.enumerated() {
            var stored = segment
            stored.position = position
            try insert(stored, in: db)
        }
    }

    private static func insert(_ document: AgreementDocument, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO document (id, dataset_id, attached_kind, attached_id, position, record) VALUES (?,?,?,?,?,?)
            """, arguments: [document.id, document.datasetID, document.attachedTo.kind.rawValue, document.attachedTo.id, document.position,
                             try DocumentRecordCoding.encode(document)])
    }

    private static func insert(_ segment: CodedSegment, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO coded_segment (id, dataset_id, document_id, theme, start, "end", position, record) VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [segment.id, segment.datasetID, segment.documentID, segment.theme, segment.start, segment.end, segment.position,
                             try DocumentRecordCoding.encode(segment)])
    }

    // MARK: Edits

    /// Saves a document: it must be attached to a record of its own dataset, and a changed one
    /// keeps its place and must still hold every passage coded in it.
    static func saveDocument(_ document: AgreementDocument, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        let existing = try fetchDocuments(db, filter: "id = ?", arguments: [document.id]).first
        if let existing, existing.datasetID != document.datasetID {
            throw RegistryError.duplicateRecord(document.id, reason: "the id belongs to a record of dataset '\(existing.datasetID)'; a record cannot move to '\(document.datasetID)'")
        }
        try checkDataset(document.datasetID, db)
        let table = switch document.attachedTo.kind {
        case .relation: "relation"
        case .city: "city"
        case .membership: "membership"
        case .event: "event"
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ? AND dataset_id = ?",
                                arguments: [document.attachedTo.id, document.datasetID]) == true else {
            throw RegistryError.danglingReference(record: document.id, field: "attached_to", value: document.attachedTo.description)
        }
        var saved = document
        saved.position = try existing?.position
            ?? Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM document WHERE dataset_id = ?", arguments: [document.datasetID]) ?? 0
        if existing != nil {
            for segment in try fetchSegments(db, filter: "s.document_id = ?", arguments: [document.id]) {
                try DatasetContent.check(segment, fitsIn: saved.scalarCount)
            }
            try db.execute(sql: """
                UPDATE document SET attached_kind = ?, attached_id = ?, record = ? WHERE id = ?
                """, arguments: [saved.attachedTo.kind.rawValue, saved.attachedTo.id, try DocumentRecordCoding.encode(saved), saved.id])
        } else {
            try insert(saved, in: db)
        }
        return (saved.datasetID, try existing.map(DocumentRecordCoding.encode), try DocumentRecordCoding.encode(saved))
    }

    /// Deletes a document that holds no coded segment: codings are evidence, removed one by one.
    static func deleteDocument(id: String, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try fetchDocuments(db, filter: "id = ?", arguments: [id]).first else {
            throw RegistryError.unknownRecord(kind: "document", id: id)
        }
        if let segment = try String.fetchOne(db, sql: "SELECT id FROM coded_segment WHERE document_id = ? ORDER BY position LIMIT 1", arguments: [id]) {
            throw RegistryError.recordInUse(kind: "document", id: id, by: "segment \(segment)")
        }
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        return (existing.datasetID, try DocumentRecordCoding.encode(existing), nil)
    }

    /// Saves a coded segment: of a document of its own dataset, inside its text.
    static func saveSegment(_ segment: CodedSegment, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        let existing = try fetchSegments(db, filter: "s.id = ?", arguments: [segment.id]).first
        if let existing, existing.datasetID != segment.datasetID || existing.documentID != segment.documentID {
            throw RegistryError.duplicateRecord(segment.id, reason: "the id belongs to a coded segment of document '\(existing.documentID)'")
        }
        guard let document = try fetchDocuments(db, filter: "id = ?", arguments: [segment.documentID]).first,
              document.datasetID == segment.datasetID else {
            throw RegistryError.danglingReference(record: segment.id, field: "document", value: segment.documentID)
        }
        try DatasetContent.check(segment, fitsIn: document.scalarCount)
        var saved = segment
        saved.position = try existing?.position
            ?? Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM coded_segment WHERE dataset_id = ?", arguments: [segment.datasetID]) ?? 0
        if existing != nil {
            try db.execute(sql: "UPDATE coded_segment SET theme = ?, start = ?, \"end\" = ?, record = ? WHERE id = ?",
                           arguments: [saved.theme, saved.start, saved.end, try DocumentRecordCoding.encode(saved), saved.id])
        } else {
            try insert(saved, in: db)
        }
        return (saved.datasetID, try existing.map(DocumentRecordCoding.encode), try DocumentRecordCoding.encode(saved))
    }

    static func deleteSegment(id: String, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try fetchSegments(db, filter: "s.id = ?", arguments: [id]).first else {
            throw RegistryError.unknownRecord(kind: "segment", id: id)
        }
        try db.execute(sql: "DELETE FROM coded_segment WHERE id = ?", arguments: [id])
        return (existing.datasetID, try DocumentRecordCoding.encode(existing), nil)
    }

    /// A record with documents attached cannot go: the documents would lose what they are about.
    static func checkNoDocuments(attachedTo id: String, kind: RecordReference.Kind, _ db: Database) throws {
        if let document = try String.fetchOne(db, sql: "SELECT id FROM document WHERE attached_id = ? AND attached_kind = ? LIMIT 1",
                                              arguments: [id, kind.rawValue]) {
            throw RegistryError.recordInUse(kind: kind.rawValue, id: id, by: "document \(document)")
        }
    }

    private static func checkDataset(_ id: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [id]) == true else {
            throw RegistryError.unknownDataset(id, known: try String.fetchAll(db, sql: "SELECT id FROM dataset ORDER BY id"))
        }
    }
}
