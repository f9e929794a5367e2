import CityDiplomacyCore
import Foundation
import PostgresNIO

/// Documents and their coded segments, as rows of `record` (kinds `document` and `segment`),
/// read, checked and edited as the SQLite registry does, with the same errors.
extension PostgresRegistry {
    public func document(id: String) async throws -> AgreementDocument? {
        try await read { transaction in try await Self.documents(where: "id = $1", [id], in: transaction).first }
    }

    public func documents(matching query: DocumentQuery) async throws -> [AgreementDocument] {
        try await read { transaction in
            var conditions: [String] = [], arguments: [String] = []
            if let dataset = query.datasetID {
                arguments.append(dataset)
                conditions.append("dataset_id = $\(arguments.count)")
            }
            if let record = query.attachedTo {
                arguments += [record.id, record.kind.rawValue]
                conditions.append("attached_id = $\(arguments.count - 1) AND attached_kind = $\(arguments.count)")
            }
            return try await Self.documents(where: conditions.isEmpty ? "true" : conditions.joined(separator: " AND "), arguments, in: transaction)
        }
    }

    public func segment(id: String) async throws -> CodedSegment? {
        try await read { transaction in try await Self.segments(where: "s.id = $1", [id], in: transaction).first }
    }

    public func segments(matching query: SegmentQuery) async throws -> [CodedSegment] {
        try await read { transaction in
            var conditions: [String] = [], arguments: [String] = []
            if let dataset = query.datasetID {
                arguments.append(dataset)
                conditions.append("s.dataset_id = $\(arguments.count)")
            }
            if let document = query.documentID {
                arguments.append(document)
                conditions.append("s.document_id = $\(arguments.count)")
            }
            return try await Self.segments(where: conditions.isEmpty ? "true" : conditions.joined(separator: " AND "), arguments, in: transaction)
        }
    }

    static func documents(where condition: String, _ arguments: [String], in transaction: PostgresTransaction) async throws -> [AgreementDocument] {
        var bindings = PostgresBindings()
        for argument in arguments { bindings.append(argument) }
        let sql = "SELECT data FROM record WHERE kind = 'document' AND \(condition) ORDER BY dataset_id, position, seq"
        return try await transaction.values(PostgresQuery(unsafeSQL: sql, binds: bindings), as: String.self).map {
            try DocumentRecordCoding.decode(AgreementDocument.self, from: $0)
        }
    }

    /// Segments of `condition` (on `record` as `s`), in the order of their dataset's documents,
    /// then of coding.
    static func segments(where condition: String, _ arguments: [String], in transaction: PostgresTransaction) async throws -> [CodedSegment] {
        var bindings = PostgresBindings()
        for argument in arguments { bindings.append(argument) }
        let sql = """
            SELECT s.data FROM record s JOIN record d ON d.kind = 'document' AND d.id = s.document_id
            WHERE s.kind = 'segment' AND \(condition) ORDER BY s.dataset_id, d.position, s.position, s.seq
            """
        return try await transaction.values(PostgresQuery(unsafeSQL: sql, binds: bindings), as: String.self).map {
            try DocumentRecordCoding.decode(CodedSegment.self, from: $0)
        }
    }

    // MARK: Edits

    static func saveDocument(_ document: AgreementDocument, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        let existing = try await documents(where: "id = $1", [document.id], in: transaction).first
        if let existing, existing.datasetID != document.datasetID {
            throw RegistryError.duplicateRecord(document.id, reason: "the id belongs to a record of dataset '\(existing.datasetID)'; a record cannot move to '\(document.datasetID)'")
        }
        guard try await transaction.value("SELECT 1 FROM dataset WHERE id = \(document.datasetID)", as: Int32.self) != nil else {
            throw RegistryError.unknownDataset(document.datasetID, known: try await transaction.values("SELECT id FROM dataset ORDER BY id", as: String.self))
        }
        let attached = try await transaction.value("""
            SELECT 1 FROM record WHERE kind = \(document.attachedTo.kind.rawValue) AND id = \(document.attachedTo.id) AND dataset_id = \(document.datasetID)
            """, as: Int32.self)
        if attached == nil {
            throw RegistryError.danglingReference(record: document.id, field: "attached_to", value: document.attachedTo.description)
        }
        var saved = document
        if let existing {
            saved.position = existing.position
            for segment in try await segments(where: "s.document_id = $1", [document.id], in: transaction) {
                try DatasetContent.check(segment, fitsIn: saved.scalarCount)
            }
        } else {
            saved.position = try await nextPosition(.document, in: document.datasetID, transaction)
        }
        try await RecordRow.insert([try RecordRow(saved)], replacing: true, in: transaction)
        return (saved.datasetID, try existing.map(DocumentRecordCoding.encode), try DocumentRecordCoding.encode(saved))
    }

    static func deleteDocument(id: String, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try await documents(where: "id = $1", [id], in: transaction).first else {
            throw RegistryError.unknownRecord(kind: "document", id: id)
        }
        if let segment = try await transaction.value(
            "SELECT id FROM record WHERE kind = 'segment' AND document_id = \(id) ORDER BY position, seq LIMIT 1", as: String.self) {
            throw RegistryError.recordInUse(kind: "document", id: id, by: "segment \(segment)")
        }
        try await transaction.execute("DELETE FROM record WHERE kind = 'document' AND id = \(id)")
        return (existing.datasetID, try DocumentRecordCoding.encode(existing), nil)
    }

    static func saveSegment(_ segment: CodedSegment, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        let existing = try await segments(where: "s.id = $1", [segment.id], in: transaction).first
        if let existing, existing.datasetID != segment.datasetID || existing.documentID != segment.documentID {
            throw RegistryError.duplicateRecord(segment.id, reason: "the id belongs to a coded segment of document '\(existing.documentID)'")
        }
        guard let document = try await documents(where: "id = $1", [segment.documentID], in: transaction).first,
              document.datasetID == segment.datasetID else {
            throw RegistryError.danglingReference(record: segment.id, field: "document", value: segment.documentID)
        }
        try DatasetContent.check(segment, fitsIn: document.scalarCount)
        var saved = segment
        if let existing {
            saved.position = existing.position
        } else {
            saved.position = try await nextPosition(.segment, in: segment.datasetID, transaction)
        }
        try await RecordRow.insert([try RecordRow(saved)], replacing: true, in: transaction)
        return (saved.datasetID, try existing.map(DocumentRecordCoding.encode), try DocumentRecordCoding.encode(saved))
    }

    static func deleteSegment(id: String, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try await segments(where: "s.id = $1", [id], in: transaction).first else {
            throw RegistryError.unknownRecord(kind: "segment", id: id)
        }
        try await transaction.execute("DELETE FROM record WHERE kind = 'segment' AND id = \(id)")
        return (existing.datasetID, try DocumentRecordCoding.encode(existing), nil)
    }

    /// A record with documents attached cannot go: the documents would lose what they are about.
    static func checkNoDocuments(attachedTo id: String, kind: String, in transaction: PostgresTransaction) async throws {
        if let document = try await transaction.value(
            "SELECT id FROM record WHERE kind = 'document' AND attached_id = \(id) AND attached_kind = \(kind) LIMIT 1", as: String.self) {
            throw RegistryError.recordInUse(kind: kind, id: id, by: "document \(document)")
        }
    }

    private static func nextPosition(_ kind: RecordRow.Kind, in datasetID: String, _ transaction: PostgresTransaction) async throws -> Int {
        let last = try await transaction.value(
            "SELECT max(position) FROM record WHERE kind = \(kind.rawValue) AND dataset_id = \(datasetID)", as: Int64?.self) ?? nil
        return Int(last ?? -1) + 1
    }
}
