import CityDiplomacyCore
import CityDiplomacyImport
import Foundation

/// What a reader needs to know about a dataset before using or citing it — where it comes from,
/// how it was made, under which licence, which version, how many records — as `citydip datasets
/// --dataset ID` prints it and `/api/v1/datasets/{id}` answers it, and as the dataset's page shows it.
///
/// ```swift
/// let about = try await workspace.aboutDataset("iran-2018")
/// about.version.short       // "9c1d5e7a0b42"
/// about.counts.relations    // 70
/// ```
public struct DatasetAboutView: Encodable, Sendable {
    public struct Version: Encodable, Hashable, Sendable {
        /// SHA-256 of the records in canonical form.
        public var recordsHash: String
        /// Its first twelve digits.
        public var short: String
        /// When the records were stored or last edited, ISO 8601 (UTC).
        public var changed: String

        enum CodingKeys: String, CodingKey {
            case recordsHash = "records_hash", short, changed
        }
    }

    public struct Counts: Encodable, Hashable, Sendable {
        public var cities: Int
        public var relations: Int
        public var networks: Int
        public var memberships: Int
        public var events: Int
        public var sources: Int
    }

    public var id: String
    public var title: LocalizedTextView
    public var description: String?
    /// Where the records came from (in English, as the dataset states it).
    public var provenance: String?
    /// How they were compiled, in both languages.
    public var method: LocalizedTextView?
    public var licence: String?
    public var version: Version
    public var counts: Counts
    /// The work the dataset transcribes, as the dataset cites it.
    public var transcribes: String?
    /// The description, provenance and citation in both languages where the dataset gives them
    /// (the JSON keeps the English above): what the panel shows.
    var wording: (description: LocalizedText?, provenance: LocalizedText?, transcribes: LocalizedText?) = (nil, nil, nil)
    /// The file it was loaded or imported from, and the SHA-256 of that file's bytes.
    public var sourceFile: String?
    public var fileHash: String?
    public var bundled: Bool
    /// Whether the product describes the study the dataset transcribes (so that it can be cited).
    public var study: Bool
    /// The day the records last changed, for people.
    public var changedDay: PartialDate

    /// One line of the panel: what it is, and its value.
    public struct Fact: Sendable {
        public enum Value: Sendable {
            /// Text in both languages.
            case text(LocalizedText)
            /// Prose the dataset states in English only.
            case english(String)
            /// A name or code shown as it is in every language: a licence, a hash, a file name.
            case verbatim(String)
            case number(Int)
            case date(PartialDate)
        }

        public var label: LocalizedText
        public var value: Value
    }

    /// The panel's lines, in order, as the CLI's Markdown and the dataset's page show them.
    public var facts: [Fact] {
        var facts: [Fact] = [.init(label: .message("column.title"), value: .text(LocalizedText(en: title.en, fa: title.fa)))]
        func prose(_ both: LocalizedText?, _ english: String) -> Fact.Value {
            guard let both, both.fa != nil, both.fa != both.en else { return .english(english) }
            return .text(both)
        }
        if let description { facts.append(.init(label: .message("about.description"), value: prose(wording.description, description))) }
        if let transcribes { facts.append(.init(label: .message("about.transcribes"), value: prose(wording.transcribes, transcribes))) }
        if let provenance { facts.append(.init(label: .message("web.provenance"), value: prose(wording.provenance, provenance))) }
        if let method { facts.append(.init(label: .message("about.method"), value: .text(LocalizedText(en: method.en, fa: method.fa)))) }
        facts.append(.init(label: .message("about.licence"), value: licence.map(Fact.Value.verbatim) ?? .text(.message("about.licence.not-stated"))))
        facts.append(.init(label: .message("about.version"), value: .verbatim(version.short)))
        facts.append(.init(label: .message("about.changed"), value: .date(changedDay)))
        facts.append(.init(label: .message("about.records-hash"), value: .verbatim(version.recordsHash)))
        let counted: [(String, Int)] = [("relations", counts.relations), ("cities", counts.cities), ("networks", counts.networks),
                                        ("memberships", counts.memberships), ("events", counts.events), ("sources", counts.sources)]
        facts += counted.map { .init(label: .message("column.\($0.0)"), value: .number($0.1)) }
        if let sourceFile { facts.append(.init(label: .message("column.file"), value: .verbatim(sourceFile))) }
        if let fileHash { facts.append(.init(label: .message("about.file-hash"), value: .verbatim(fileHash))) }
        return facts
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, provenance, method, licence, version, counts, transcribes
        case sourceFile = "source_file", fileHash = "file_hash", bundled, study
    }

    public init(id: String, title: LocalizedTextView, description: String?, provenance: String?, method: LocalizedTextView?,
                licence: String?, version: Version, counts: Counts, transcribes: String?, sourceFile: String?, fileHash: String?,
                bundled: Bool, study: Bool, changedDay: PartialDate) {
        self.id = id
        self.title = title
        self.description = description
        self.provenance = provenance
        self.method = method
        self.licence = licence
        self.version = version
        self.counts = counts
        self.transcribes = transcribes
        self.sourceFile = sourceFile
        self.fileHash = fileHash
        self.bundled = bundled
        self.study = study
        self.changedDay = changedDay
    }
}

extension Workspace {
    /// When a dataset's version changed, as ISO 8601 in UTC (`2026-11-29T12:34:56Z`): one style
    /// for every description (making an `ISO8601DateFormatter` for each was 3% of a warm dashboard).
    private static let changedFormat = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    /// Everything ``DatasetAboutView`` says of dataset `id` (the default dataset when `nil`),
    /// without reading its records: its description, its counts as the registry counts them and
    /// its version as kept. Read whole, a dataset of a million relations took seconds and
    /// gigabytes to say how many records it holds.
    public func aboutDataset(_ id: String?) async throws -> DatasetAboutView {
        let dataset = try await describedDataset(id)
        return try await about(dataset, counts: try await recordCounts(ofDataset: dataset.id), version: try await version(ofDataset: dataset.id))
    }

    /// ``DatasetAboutView`` of records already read (a page that draws them reads them once), and
    /// of their version where it is known already (hashing a large dataset's records takes a while).
    public func about(_ content: DatasetContent, version known: DatasetVersion? = nil) async throws -> DatasetAboutView {
        let version = if let known { known } else { try await version(of: content) }
        return try await about(content.dataset, counts: DatasetRecordCounts(content), version: version)
    }

    /// ``DatasetAboutView`` of a dataset whose records are not read: its counts as the registry
    /// counts them (``CityDiplomacyRegistry/recordCounts(ofDataset:)``) and its version as kept
    /// (``version(ofDataset:)``). The dataset may come without its import report.
    public func about(_ dataset: Dataset, counts: DatasetRecordCounts, version: DatasetVersion) async throws -> DatasetAboutView {
        var method = dataset.method
        if method == nil, let format = try await importFormats()[dataset.id], !format.isEmpty {
            method = .message("about.method.imported", ["format": format])
        }
        var view = DatasetAboutView(
            id: dataset.id, title: LocalizedTextView(dataset.title), description: dataset.description,
            provenance: dataset.provenance, method: method.map(LocalizedTextView.init),
            licence: dataset.licence,
            version: .init(recordsHash: version.recordsHash, short: version.short, changed: version.changed.formatted(Self.changedFormat)),
            counts: .init(cities: counts.cities, relations: counts.relations, networks: counts.networks,
                          memberships: counts.memberships, events: counts.events, sources: counts.sources),
            transcribes: dataset.citation, sourceFile: dataset.sourceFile, fileHash: dataset.contentHash, bundled: dataset.isBundled,
            study: (try? publishedStudy(behind: dataset.id)?.publication) != nil, changedDay: version.changedDay)
        view.wording = (dataset.descriptionText, dataset.provenanceText, dataset.citationText)
        return view
    }

    /// The datasets imported from a file, by id, with the format their import's report names
    /// ("" where it names none), kept per registry revision: the reports themselves are not
    /// read (decoding one scanned all of it, a note per place: 18% of a warm dashboard's time on
    /// the Wikipedia dataset).
    public func importFormats() async throws -> [String: String] {
        let registry = self.registry
        return try await importFormatsCache.value(for: 0, revision: try await registry.revision()) { try await registry.importFormats() }
    }
}
