import CityDiplomacyCore
import CityDiplomacyPresentation
import Hummingbird

/// Reading, saving and deleting single records for the API and the forms alike; every save and
/// delete is one transaction with its change-log entry, and clears the response cache.
struct EditService {
    let observatory: Observatory
    var registry: any CityDiplomacyRegistry { observatory.registry }

    /// The record as the API shows it, or a 404.
    func json(_ kind: RecordKind, id: String) async throws -> JSONValue {
        switch kind {
        case .relation:
            guard let relation = try await registry.relation(id: id) else { throw WebError.notFound("relation '\(id)'", field: "id") }
            let cities = try await registry.cities(matching: CityQuery(datasetID: relation.datasetID, name: relation.cityID))
                + registry.cities(matching: CityQuery(datasetID: relation.datasetID, name: relation.partnerID))
            return try APIRepresentation.relation(relation, cities: Dictionary(cities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
        case .membership:
            guard let membership = try await registry.membership(id: id) else { throw WebError.notFound("membership '\(id)'", field: "id") }
            return try APIRepresentation.membership(membership)
        case .event:
            guard let event = try await registry.event(id: id) else { throw WebError.notFound("event '\(id)'", field: "id") }
            return try APIRepresentation.event(event)
        case .source:
            guard let found = try await registry.source(id: id) else { throw WebError.notFound("source '\(id)'", field: "id") }
            return .object([("dataset", .string(found.datasetID)), ("source", try APIRepresentation.source(found.source))])
        case .document, .segment:
            throw Self.notEditable(kind)
        }
    }

    /// Documents and coded segments are not records with fields to fill in: they are added and
    /// coded through their own pages and routes (`/documents`), never through the record editor.
    static func notEditable(_ kind: RecordKind) -> WebError {
        WebError.notFound("\(kind.rawValue) editor", field: "kind")
    }

    /// Creates (`id` nil) or replaces a record; an update of an unknown id is a 404.
    func save(_ kind: RecordKind, id: String?, input: EditInput, actor: String) async throws -> ChangeEntry {
        let builder = RecordBuilder(registry: registry)
        switch kind {
        case .relation:
            return try await save(kind, id: id, actor: actor, input: input, find: { try await registry.relation(id: $0) }) { .saveRelation(try await builder.relation(input, id: id, existing: $0)) }
        case .membership:
            return try await save(kind, id: id, actor: actor, input: input, find: { try await registry.membership(id: $0) }) { .saveMembership(try await builder.membership(input, id: id, existing: $0)) }
        case .event:
            return try await save(kind, id: id, actor: actor, input: input, find: { try await registry.event(id: $0) }) { .saveEvent(try await builder.event(input, id: id, existing: $0)) }
        case .source:
            return try await save(kind, id: id, actor: actor, input: input, find: { try await registry.source(id: $0) }) { existing in
                let (source, dataset) = try await builder.source(input, id: id, existingDataset: existing?.datasetID)
                return .saveSource(source, datasetID: dataset)
            }
        case .document, .segment:
            throw Self.notEditable(kind)
        }
    }

    /// The one path every kind is saved by: the record being replaced, if any (an unknown id is a
    /// 404), the edit built from it and the input, then applied with its change-log entry.
    private func save<Record>(
        _ kind: RecordKind, id: String?, actor: String, input: EditInput,
        find: (String) async throws -> Record?, edit: (Record?) async throws -> RecordEdit
    ) async throws -> ChangeEntry {
        let existing = try await id.asyncMap(find) ?? nil
        if let id, existing == nil { throw WebError.notFound("\(kind.rawValue) '\(id)'", field: "id") }
        // A bundled dataset takes no edit, however its fields are filled in: refused before they
        // are read, so that the answer says what cannot be done rather than what to correct.
        try await refuseBundled(datasets: [id.flatMap { RecordID($0)?.dataset }, input.text("dataset")].compactMap { $0 })
        return try await apply(try await edit(existing), actor: actor)
    }

    func delete(_ kind: RecordKind, id: String, actor: String) async throws -> ChangeEntry {
        let edit: RecordEdit = switch kind {
        case .relation: .deleteRelation(id: id)
        case .membership: .deleteMembership(id: id)
        case .event: .deleteEvent(id: id)
        case .source: .deleteSource(id: id)
        case .document: .deleteDocument(id: id)
        case .segment: .deleteSegment(id: id)
        }
        return try await apply(edit, actor: actor)
    }

    func apply(_ edit: RecordEdit, actor: String) async throws -> ChangeEntry {
        try await refuseBundled(edit)
        defer { observatory.cache.clear() }
        do {
            return try await registry.apply(edit, by: actor)
        } catch let error as RegistryError {
            throw Self.webError(error)
        }
    }

    /// A 403 for an edit of a bundled dataset — the study's transcription and the other reference
    /// datasets are what the analyses cite, and `citydip init --refresh` would overwrite a change —
    /// pointing to the copy a reader may change. The dataset a record is in, and the one an update
    /// would move it to, are both checked: a record's id starts with its dataset's.
    private func refuseBundled(_ edit: RecordEdit) async throws {
        var touched: Set<String> = []
        if let dataset = RecordID(edit.recordID)?.dataset { touched.insert(dataset) }
        switch edit {
        case let .saveRelation(record): touched.insert(record.datasetID)
        case let .saveMembership(record): touched.insert(record.datasetID)
        case let .saveEvent(record): touched.insert(record.datasetID)
        case let .saveSource(_, datasetID): touched.insert(datasetID)
        case let .saveDocument(record): touched.insert(record.datasetID)
        case let .saveSegment(record): touched.insert(record.datasetID)
        case .deleteRelation, .deleteMembership, .deleteEvent, .deleteSource, .deleteDocument, .deleteSegment: break
        }
        try await refuseBundled(datasets: touched)
    }

    /// A 403 if any of `datasets` is bundled with citydip.
    private func refuseBundled(datasets: some Collection<String>) async throws {
        guard !datasets.isEmpty else { return }
        if let bundled = try await registry.datasetsWithoutImportReports().first(where: { $0.isBundled && datasets.contains($0.id) }) {
            throw Self.readOnly(bundled.id)
        }
    }

    /// A 403 where `dataset` is bundled with citydip (see ``refuseBundled(_:)``).
    func refuseBundled(dataset: String) async throws {
        if try await registry.datasetsWithoutImportReports().contains(where: { $0.id == dataset && $0.isBundled }) {
            throw Self.readOnly(dataset)
        }
    }

    static func readOnly(_ dataset: String) -> WebError {
        WebError(.forbidden, "dataset '\(dataset)' is bundled with citydip and read-only: copy it to a dataset of your own "
            + "(citydip copy-dataset \(dataset) NEW_ID, or the copy form on the dataset's page) and edit the copy", field: "dataset")
    }

    /// What a refused edit tells the client.
    static func webError(_ error: RegistryError) -> WebError {
        switch error {
        case .unknownRecord: WebError(.notFound, error.description, field: "id")
        case let .danglingReference(_, field, _): WebError.badRequest(error.description, field: field)
        case .duplicateRecord: WebError(.conflict, error.description, field: "id")
        case .recordInUse: WebError(.conflict, error.description, field: "id")
        case .datasetExists: WebError(.conflict, error.description, field: "dataset")
        case .changeLogNotEmpty: WebError(.conflict, error.description, field: nil)
        case .spanOutsideDocument: WebError.badRequest(error.description, field: "span")
        case .unknownDataset: WebError.badRequest(error.description, field: "dataset")
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case let .some(value): try await transform(value)
        case .none: nil
        }
    }
}
