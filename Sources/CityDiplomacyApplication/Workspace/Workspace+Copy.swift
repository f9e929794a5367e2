import CityDiplomacyCore
import Foundation

extension Workspace {
    /// Stores every record of dataset `source` again as dataset `newID`, ids rewritten
    /// (`iran-2018:tehran` becomes `mine:tehran`, and every reference to it with it), so that
    /// a reader can change a copy of a bundled dataset, which is read-only:
    ///
    /// ```swift
    /// let copy = try await workspace.copyDataset("iran-2018", to: "iran-2018-mine")
    /// copy.relations.count   // 70
    /// ```
    ///
    /// The copy is the reader's own: not bundled, so never refreshed by `citydip init --refresh`,
    /// and with no import report, since no file was imported. An id already taken is a conflict.
    public func copyDataset(_ source: String, to newID: String) async throws -> DatasetContent {
        guard newID.range(of: "^[a-z0-9][a-z0-9._-]*$", options: .regularExpression) != nil else {
            throw ApplicationError.invalid("new_id", "invalid dataset id '\(newID)': expected lower-case letters, digits, '.', '-' or '_', starting with a letter or digit")
        }
        let existing = try await registry.datasetsWithoutImportReports()
        guard existing.contains(where: { $0.id == source }) else { throw try await unknownDataset(source) }
        guard !existing.contains(where: { $0.id == newID }) else {
            throw ApplicationError(.conflict, field: "new_id", "the database already holds a dataset '\(newID)': choose another id for the copy")
        }
        guard let content = try await registry.content(ofDataset: source) else { throw try await unknownDataset(source) }
        let copy = Self.copy(content, as: newID)
        // Refused inside the store's transaction too: another writer may take the id meanwhile.
        do {
            try await registry.store(copy, countries: [], existing: .refuse, progress: nil)
        } catch RegistryError.datasetExists {
            throw ApplicationError(.conflict, field: "new_id", "the database already holds a dataset '\(newID)': choose another id for the copy")
        }
        return copy
    }

    /// `content` with every id of dataset `content.dataset.id` moved to dataset `newID`; ids of
    /// other datasets' records (a partner in another dataset) are kept as they are.
    static func copy(_ content: DatasetContent, as newID: String) -> DatasetContent {
        let old = content.dataset.id
        func id(_ id: String) -> String {
            guard let record = RecordID(id), record.dataset == old else { return id }
            return RecordID(dataset: newID, local: record.local).description
        }
        func sources(_ sources: [SourceCitation]) -> [SourceCitation] {
            sources.map { var source = $0; source.id = id(source.id); return source }
        }
        var copy = content
        copy.dataset.id = newID
        copy.dataset.isBundled = false
        copy.dataset.sourceFile = nil
        copy.dataset.contentHash = nil
        copy.dataset.importReport = nil
        copy.sources = sources(content.sources)
        copy.cities = content.cities.map { city in
            var city = city
            city.id = id(city.id)
            city.partOf = city.partOf.map(id)
            return city
        }
        copy.relations = content.relations.map { relation in
            var relation = relation
            relation.id = id(relation.id)
            relation.datasetID = newID
            relation.cityID = id(relation.cityID)
            relation.partnerID = id(relation.partnerID)
            relation.sources = sources(relation.sources)
            return relation
        }
        copy.networks = content.networks.map { network in
            var network = network
            network.id = id(network.id)
            network.datasetID = newID
            network.partOf = network.partOf.map(id)
            network.sources = sources(network.sources)
            return network
        }
        copy.memberships = content.memberships.map { membership in
            var membership = membership
            membership.id = id(membership.id)
            membership.datasetID = newID
            membership.cityID = id(membership.cityID)
            membership.networkID = id(membership.networkID)
            membership.sources = sources(membership.sources)
            return membership
        }
        copy.events = content.events.map { event in
            var event = event
            event.id = id(event.id)
            event.datasetID = newID
            event.cityID = id(event.cityID)
            event.sources = sources(event.sources)
            return event
        }
        copy.documents = content.documents.map { document in
            var document = document
            document.id = id(document.id)
            document.datasetID = newID
            document.attachedTo.id = id(document.attachedTo.id)
            return document
        }
        copy.segments = content.segments.map { segment in
            var segment = segment
            segment.id = id(segment.id)
            segment.datasetID = newID
            segment.documentID = id(segment.documentID)
            return segment
        }
        return copy
    }
}
