import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import Foundation

/// Another source's file to import as a dataset of its own.
public struct ImportRequest: Hashable, Sendable {
    public var path: String
    public var format: ImportFormat
    /// `FIELD=COLUMN` mappings of canonical fields to the file's columns.
    public var mappings: [String]
    /// `comma`, `tab`, `semicolon` or one character; detected when `nil`.
    public var delimiter: String?
    /// The dataset to create; the file's name when `nil`.
    public var dataset: String?
    /// Replace a dataset that already holds another file (or this file read with other options).
    public var replace: Bool
    /// The licence of the file's records as its publisher states it (`CC BY-SA 4.0`), for those
    /// who cite the dataset; `nil` where not stated.
    public var licence: String?

    public init(path: String, format: ImportFormat, mappings: [String] = [], delimiter: String? = nil, dataset: String? = nil,
                replace: Bool = false, licence: String? = nil) {
        self.path = path
        self.format = format
        self.mappings = mappings
        self.delimiter = delimiter
        self.dataset = dataset
        self.replace = replace
        self.licence = licence
    }

    /// The dataset id: the one given, else the file name in lower case with other characters as `-`.
    public var datasetID: String {
        dataset ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased()
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    /// Checks what can be checked before reading anything.
    public func validate() throws(ApplicationError) {
        if let delimiter, ImportPipeline.delimiter(named: delimiter) == nil {
            throw .invalid("delimiter", "invalid \(parameter: "delimiter") '\(delimiter)': expected comma, tab, semicolon, pipe or a single character other than a quote or a line end")
        }
        let id = datasetID
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber,
              id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw .invalid("dataset", "invalid dataset id '\(id)': expected lower-case letters, digits and hyphens (give one with \(parameter: "dataset"))")
        }
    }
}

/// What an import did: stored a dataset with its quality report, or found the file already there.
public enum ImportOutcome: Sendable {
    case imported(ImportQualityReport, retained: ImportRun)
    /// The dataset already holds this file (same SHA-256): nothing changed.
    case unchanged(datasetID: String, contentHash: String)
}

/// The large values of an import, handed back so that a process about to exit can keep them
/// rather than free them one by one (see `citydip import`). The file's rows are not among them:
/// they are freed on another core while the dataset is stored (see ``DatasetImport``).
public struct ImportRun: Sendable {
    public var gazetteer: Gazetteer
    public var result: RelationImporter.Result
}

/// Importing a file into a registry, atomically: read and check it whole, resolve its places
/// offline, store it in one transaction. A file with any error stores nothing.
///
/// ```swift
/// let outcome = try await DatasetImport.run(ImportRequest(path: "twins.csv", format: .wikipediaCSV), into: registry)
/// ```
public enum DatasetImport {
    /// Progress of a stage: (stage, done, total, unit).
    public typealias Progress = @Sendable (_ stage: String, _ done: Int, _ total: Int, _ unit: String) -> Void

    /// Relations up to which an import hashes the records it stored (``CityDiplomacyRegistry/recordsHash(ofDataset:)``);
    /// a larger dataset is hashed when first cited.
    public static let hashedAtImport = 100_000

    public static func run(_ request: ImportRequest, into registry: any CityDiplomacyRegistry, progress: Progress? = nil) async throws -> ImportOutcome {
        try request.validate()
        // The gazetteer loads on the other core from the start, while the file is read and
        // checked. An import that finds nothing to do leaves it unfinished.
        let gazetteerTask = Task.detached { () throws -> Gazetteer in try Gazetteer.bundled() }
        var data = try SourceFile.read(atPath: request.path)
        let id = request.datasetID
        if let unchanged = try await checkExisting(id, data: data, replace: request.replace, in: registry) { return unchanged }
        let countries = try CountryDirectory.bundled()
        let fileName = URL(fileURLWithPath: request.path).lastPathComponent
        let pipeline = ImportPipeline(format: request.format, mappings: request.mappings, delimiter: request.delimiter.flatMap(ImportPipeline.delimiter(named:)))
        var records = try pipeline.records(data, fileName: fileName)
        let gazetteer = try await gazetteerTask.value
        // The report's JSON is encoded on the other core while the dataset is stored on this
        // one, and written into the dataset last, in the store's transaction.
        let started = pipeline.start(records, data: data, fileName: fileName, dataset: id,
                                     resolver: PlaceResolver(gazetteer: gazetteer, countries: countries),
                                     progress: { done, total in progress?("resolving", done, total, "rows") })
        // The rows and the file's bytes are not needed once resolved. They were kept to the end
        // of the import, through the store, whose memory at 1,000,000 rows was 1.63–1.86 GB with
        // them (and the report's copies) and is 1.35–1.58 GB without; they are freed now (the
        // report's readings of the rows, made on another thread while the cities were made, are
        // done by then), on the other core, which is idle while SQLite writes on this one
        // (freeing a million rows is millions of small frees).
        Background.release(consume records)
        records = []
        data = Data()
        var content = started.content
        content.dataset.licence = request.licence
        if request.replace { try await keepDocuments(of: id, in: &content, registry: registry) }
        // Without replace, the store itself refuses a dataset of this id, inside its transaction:
        // the look above cannot see another import that stores one meanwhile.
        do {
            try await registry.store(
                content, countries: countries.countries, existing: request.replace ? .replace : .refuse, importReport: started.reportJSON
            ) { done, total in
                progress?("storing", done, total, "relations")
            }
        } catch RegistryError.datasetExists {
            throw ApplicationError(.conflict, field: "dataset", "dataset '\(id)' was stored by another import while this one read its file: add \(parameter: "replace") to replace it, or choose another \(parameter: "dataset")")
        }
        // The version pages cite, hashed now from the records as stored, so that the first page
        // after an import need not read them all; left to the first citation above a size where
        // hashing would add much to the import (some 20 s at a million relations).
        // The dataset is stored by now: a hash that cannot be kept (a busy database) is only
        // computed again when first cited, and must not report the import as failed.
        if content.relations.count <= Self.hashedAtImport { _ = try? await registry.recordsHash(ofDataset: id) }
        return .imported(await started.report.asyncValue, retained: ImportRun(gazetteer: gazetteer, result: await started.result))
    }

    /// A dataset replaced by a new reading of its file keeps the documents attached to its
    /// records and their codings (which no file holds), and its relations keep the themes coded
    /// in them. A record a document is attached to that the new reading no longer has makes the
    /// import fail, naming it: the document would be left about nothing.
    static func keepDocuments(of id: String, in content: inout DatasetContent, registry: any CityDiplomacyRegistry) async throws {
        let documents = try await registry.documents(matching: DocumentQuery(datasetID: id))
        guard !documents.isEmpty else { return }
        let records: [RecordReference.Kind: Set<String>] = [
            .relation: Set(content.relations.map(\.id)), .city: Set(content.cities.map(\.id)),
            .membership: Set(content.memberships.map(\.id)), .event: Set(content.events.map(\.id)),
        ]
        let orphans = documents.filter { records[$0.attachedTo.kind]?.contains($0.attachedTo.id) != true }
        if !orphans.isEmpty {
            let named = orphans.prefix(5).map { "\($0.id) (about \($0.attachedTo))" }.joined(separator: ", ")
            throw ApplicationError(.conflict, field: "replace", "the new reading of the file no longer has the records \(orphans.count) document\(orphans.count == 1 ? " is" : "s are") attached to: \(named)\(orphans.count > 5 ? ", …" : ""); the dataset is unchanged. Delete or move those documents first, or import under another \(parameter: "dataset")")
        }
        content.documents = documents
        content.segments = try await registry.segments(matching: SegmentQuery(datasetID: id))
        let coded = content.codedThemesByRelation
        for index in content.relations.indices {
            if let themes = coded[content.relations[index].id] { content.relations[index].themes = themes.map(Theme.init(unchecked:)).sorted() }
        }
    }

    /// `nil` if the import should go on; `.unchanged` if the dataset already holds this file.
    private static func checkExisting(_ id: String, data: Data, replace: Bool, in registry: any CityDiplomacyRegistry) async throws -> ImportOutcome? {
        guard let existing = try await registry.datasetsWithoutImportReports().first(where: { $0.id == id }) else { return nil }
        if existing.isBundled {
            throw ApplicationError(.conflict, field: "dataset", "dataset '\(id)' is bundled with citydip: import into another with \(parameter: "dataset")")
        }
        // The same file again changes nothing — unless replace asks to read it anew (with other
        // mappings, format or delimiter, say).
        let hash = ContentHash.sha256Hex(of: data)
        if existing.contentHash == hash, !replace { return .unchanged(datasetID: id, contentHash: hash) }
        if !replace {
            throw ApplicationError(.conflict, field: "dataset", "dataset '\(id)' already holds \(existing.sourceFile ?? "another file"): add \(parameter: "replace") to replace it, or choose another \(parameter: "dataset")")
        }
        return nil
    }
}
