import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation

/// What a citation is asked of: the study behind a dataset, a dataset of the registry, or one of
/// the sources its records cite.
public enum CitationSubject: Hashable, Sendable {
    /// The published study a dataset transcribes (the default dataset's when `nil`).
    case study(dataset: String?)
    case dataset(String)
    case source(String)
}

/// A dataset's version: the hash of its records and when they last changed.
public struct DatasetVersion: Hashable, Sendable {
    /// SHA-256 of the records in canonical form (``DatasetContent/recordsHash``), 64 hex digits.
    public var recordsHash: String
    /// When the records were stored or last edited.
    public var changed: Date

    /// The hash's first twelve digits, as citations and pages show it.
    public var short: String { DatasetContent.shortVersion(recordsHash) }

    /// The day of the last change (UTC), as a date a citation can carry.
    public var changedDay: PartialDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: changed)
        // A date of the Gregorian calendar from Foundation's own components is always valid.
        return try! PartialDate(calendar: .gregorian, year: day.year!, month: day.month!, day: day.day!)
    }
}

extension Workspace {
    /// What a reference manager needs to cite `subject`.
    public func bibliographicRecord(of subject: CitationSubject) async throws -> BibliographicRecord {
        switch subject {
        case let .study(dataset):
            // Only the dataset's id is needed: its records are not read.
            let chosen: String? = if let dataset { try await requireDataset(dataset).id } else { try await defaultDatasetID() }
            guard let id = chosen else {
                throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)")
            }
            return try studyPublication(behind: id)
        case let .dataset(id):
            // The dataset's description and the version the registry keeps: its records are not
            // read (at a million relations, reading them made `citydip cite --dataset` take 13 s
            // even with the version kept).
            let dataset = try await requireDataset(id)
            return datasetRecord(dataset, version: try await version(ofDataset: id))
        case let .source(id):
            return try await sourceRecord(id)
        }
    }

    /// The study dataset `id` transcribes, as a publication.
    func studyPublication(behind id: String) throws -> BibliographicRecord {
        guard let publication = try publishedStudy(behind: id)?.publication else {
            throw ApplicationError.notFound("dataset", "dataset '\(id)' transcribes no published study this version describes: only \(defaults.datasetID) does (cite the dataset itself with --dataset)")
        }
        return publication
    }

    /// The published study behind dataset `id`, where the product ships one.
    func publishedStudy(behind id: String) throws -> PublishedStudy? {
        do {
            return try BundledClassifications.publishedStudy(forDataset: id)
        } catch {
            throw ApplicationError.invalid("dataset", "the published values of dataset '\(id)' cannot be read: \(error)")
        }
    }

    /// Dataset `content`'s version: the hash of its records and the date they last changed. For a
    /// dataset as read (``isAsRead(_:at:)``) the hash is the one the registry keeps with it
    /// (``version(ofDataset:)``); an edited or aggregated copy is hashed as it is.
    public func version(of content: DatasetContent) async throws -> DatasetVersion {
        let revision = try await registry.revision()
        guard await isAsRead(content, at: revision) else {
            let changed = try await registry.lastChanged(ofDataset: content.dataset.id) ?? Date(timeIntervalSince1970: 0)
            return DatasetVersion(recordsHash: content.recordsHash, changed: changed)
        }
        return try await version(ofDataset: content.dataset.id)
    }

    /// Dataset `id`'s version as stored, without reading its records: the hash the registry keeps
    /// with the dataset (computed from the records when they were stored or first asked for after
    /// a change, and cleared by any write to them), and the date they last changed. An unknown
    /// dataset is an error naming those there are.
    public func version(ofDataset id: String) async throws -> DatasetVersion {
        let revision = try await registry.revision()
        let registry = self.registry
        do {
            let hash = try await recordsHashes.value(for: id, revision: revision) {
                guard let hash = try await registry.recordsHash(ofDataset: id) else { throw SnapshotMiss(id: id) }
                return hash
            }
            let changed = try await registry.lastChanged(ofDataset: id) ?? Date(timeIntervalSince1970: 0)
            return DatasetVersion(recordsHash: hash, changed: changed)
        } catch let miss as SnapshotMiss {
            throw try await unknownDataset(miss.id)
        }
    }

    /// A dataset as a work: by the authors of the study it transcribes (if any), published by
    /// CityDiplomacy, versioned by the hash of its records and dated by their last change. Takes
    /// records already read, so that a page drawing them does not read them twice.
    public func datasetRecord(_ content: DatasetContent, version known: DatasetVersion? = nil) async throws -> BibliographicRecord {
        let version = if let known { known } else { try await version(of: content) }
        return datasetRecord(content.dataset, version: version)
    }

    /// The same, for a dataset whose version is known (``version(ofDataset:)``): no record is read.
    public func datasetRecord(_ dataset: Dataset, version: DatasetVersion) -> BibliographicRecord {
        let study = try? publishedStudy(behind: dataset.id)?.publication
        var notes: [LocalizedText] = [.message("cite.note.records-hash", ["hash": version.recordsHash])]
        if let citation = dataset.citation { notes.append(.message("cite.note.transcribes", ["citation": citation])) }
        return BibliographicRecord(
            key: BibliographicRecord.key("citydiplomacy", dataset.id), type: .dataset, authors: study?.authors ?? [],
            title: dataset.title, publisher: .message("web.citydiplomacy"), issued: version.changedDay,
            version: version.short, licence: dataset.licence, notes: notes)
    }

    /// A source a dataset's records cite, as a work: a web page where it has an address, else a
    /// document (the study's own table rows); where the dataset cites it, in the notes.
    func sourceRecord(_ id: String) async throws -> BibliographicRecord {
        guard let (source, datasetID) = try await registry.source(id: id) else {
            throw ApplicationError.notFound("source", "unknown source '\(id)': sources are named by their ids, as the pages and citydip show give them (e.g. iran-2018:t1-tehran-fn2)")
        }
        var notes: [LocalizedText] = []
        if let locator = source.locatorText { notes.append(.message("cite.note.cited-at", localized: ["locator": locator], ["dataset": datasetID])) }
        if let published = source.published, published.calendar == .solarHijri {
            notes.append(.message("cite.note.published-sh", ["date": published.description.replacingOccurrences(of: " SH", with: "")]))
        }
        return BibliographicRecord(
            key: BibliographicRecord.key(source.id), type: source.url == nil ? .document : .webpage,
            title: source.titleText, language: source.language,
            publisher: source.publisherText, issued: source.published, accessed: source.accessed,
            url: source.url, notes: notes)
    }
}
