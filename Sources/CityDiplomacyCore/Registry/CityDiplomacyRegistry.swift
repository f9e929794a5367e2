import Foundation

/// The registry of city-diplomacy records, as the analysis, the CLI and the web ask for it.
///
/// The interface speaks the domain's language — datasets, cities, relations, profiles — and never
/// SQL, so that a backend (SQLite for one user, PostgreSQL for a shared deployment) can be swapped
/// without touching what is built on top. Every write is atomic: a dataset is stored whole or
/// not at all.
///
/// ```swift
/// let registry: any CityDiplomacyRegistry = try SQLiteRegistry(path: path)
/// try await registry.store(studyContent)
/// let tehran = try await registry.relations(matching: RelationQuery(city: "Tehran")  // or its Persian name)
/// ```
///
/// ## Topics
/// - Reading: ``datasets()``, ``snapshot()``, ``content(ofDataset:)``, ``analysisColumns(ofDataset:)``, ``relations(matching:)``, ``countRelations(matching:)``, ``cities(matching:)``, ``networks(datasetID:)``, ``networkProfile(ofNetwork:)``, ``findCities(named:datasetID:)``, ``profile(ofCity:)``, ``countries()``
/// - Writing: ``store(_:)``, ``store(_:countries:existing:progress:)``, ``removeDataset(_:)``, ``storeCountries(_:)``, ``apply(_:by:)``, ``appendChanges(_:)``, ``storeCopy(of:)``
public protocol CityDiplomacyRegistry: Sendable {
    /// All datasets, ordered by id.
    func datasets() async throws -> [Dataset]

    /// Every record of one dataset, in the dataset's own order, or `nil` if there is no such dataset.
    func content(ofDataset id: String) async throws -> DatasetContent?

    /// How many records of each kind dataset `id` holds, or `nil` if there is no such dataset
    /// (a default reads the dataset; a backend counts where the records are stored).
    func recordCounts(ofDataset id: String) async throws -> DatasetRecordCounts?

    /// The sources dataset `id` lists, in its order, or `nil` if there is no such dataset (a
    /// default reads the dataset; a backend reads the sources alone).
    func sources(ofDataset id: String) async throws -> [SourceCitation]?

    /// The hash of dataset `id`'s records (``DatasetContent/recordsHash``) as they are now, or
    /// `nil` if there is no such dataset: the version a citation of the dataset names. A backend
    /// may keep it with the dataset, but must never answer a hash of records since changed; the
    /// default reads the dataset and hashes it.
    func recordsHash(ofDataset id: String) async throws -> String?

    /// Says that other connections read this registry while it writes, as a server's do: a large
    /// store must then leave them reading, even when none happens to be reading as it begins. The
    /// SQLite registry otherwise writes a large dataset through a rollback journal when no other
    /// connection has the database open, and anyone who opens it meanwhile waits. The default does
    /// nothing.
    func admitReadersDuringWrites()

    /// What an ``AnalysisSnapshot`` reads of dataset `id` — its cities, and each relation's ends,
    /// kind and year — or `nil` if there is no such dataset (a default reads the dataset; a
    /// backend reads those columns alone).
    func analysisColumns(ofDataset id: String) async throws -> AnalysisColumns?

    /// Relations matching `query`, with the cities at both ends.
    func relations(matching query: RelationQuery) async throws -> RelationSelection

    /// How many relations match `query`, whatever its limit and offset.
    func countRelations(matching query: RelationQuery) async throws -> Int

    /// Where the relations of `country`'s cities go, in every dataset: the relations counted by
    /// partner state and by the country's city (as ``CountryRelationCounts`` counts them). A
    /// backend counts through its indexes, reading no record; the default reads the relations.
    func countryRelationCounts(_ country: CountryCode) async throws -> CountryRelationCounts

    /// Cities matching `query`, ordered by dataset and then English name.
    func cities(matching query: CityQuery) async throws -> [City]

    /// How many cities match `query`, whatever its limit and offset.
    func countCities(matching query: CityQuery) async throws -> Int

    /// Networks (optionally of one dataset), memberships and events, in dataset order.
    func networks(datasetID: String?) async throws -> [CityNetwork]
    func memberships(datasetID: String?) async throws -> [NetworkMembership]
    func events(datasetID: String?) async throws -> [InternationalEvent]

    /// A network with its members; `nil` if there is no network with that id.
    func networkProfile(ofNetwork networkID: String) async throws -> NetworkProfile?

    /// Cities whose id, English or Persian name or alias matches `name` (compared by
    /// ``PersianText/searchKey(_:)``), optionally within one dataset.
    func findCities(named name: String, datasetID: String?) async throws -> [City]

    /// Everything known about a city: its relations with their partners, memberships with their
    /// networks, events, each with its sources; `nil` if there is no city with that id.
    func profile(ofCity cityID: String) async throws -> CityProfile?

    /// The reference list of countries.
    func countries() async throws -> [Country]

    /// Stores a dataset, replacing any dataset with the same id, in one transaction.
    func store(_ content: DatasetContent) async throws

    /// Stores a dataset and, in the same transaction, the countries it needs (added or updated),
    /// so that an import that fails leaves the country table as it was too; tells `progress` how
    /// many of its relations are stored, now and then. A dataset with the same id already there is
    /// replaced, or, with `existing: .refuse`, makes the store fail with
    /// ``RegistryError/datasetExists(_:)`` and change nothing — checked inside the transaction, so
    /// that of two writers creating one dataset at once, one wins and the other is told.
    ///
    /// A requirement rather than a default built on ``storeCountries(_:)`` and ``store(_:)``:
    /// those are two transactions, and an import must be one.
    ///
    /// With `importReport`, the dataset's import report is that text, still being computed when
    /// the store begins (`content.dataset.importReport` is then left aside): the records are
    /// stored meanwhile, the report written last, in the same transaction.
    ///
    /// ```swift
    /// try await registry.store(content, countries: countries, existing: .refuse, importReport: nil, progress: nil)
    /// ```
    func store(
        _ content: DatasetContent, countries: [Country], existing: ExistingDataset, importReport: Eventual<String>?,
        progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?
    ) async throws

    /// Removes a dataset and all its records; an unknown id is an error.
    func removeDataset(_ id: String) async throws

    /// One city by id, or `nil`: whether a city exists, without its relations (a profile of a
    /// city with thousands of them reads them all).
    func city(id: String) async throws -> City?

    /// One relation, membership, event or source by id, or `nil`.
    func relation(id: String) async throws -> BilateralRelation?
    func membership(id: String) async throws -> NetworkMembership?
    func event(id: String) async throws -> InternationalEvent?
    /// A source with the dataset it belongs to.
    func source(id: String) async throws -> (source: SourceCitation, datasetID: String)?

    /// One document by id, with its text, or `nil`.
    func document(id: String) async throws -> AgreementDocument?

    /// Documents (of one dataset, or attached to one record, or all), in dataset order.
    func documents(matching query: DocumentQuery) async throws -> [AgreementDocument]

    /// One coded segment by id, or `nil`.
    func segment(id: String) async throws -> CodedSegment?

    /// Coded segments (of one dataset, or of one document, or all), in order of document and
    /// then of coding.
    func segments(matching query: SegmentQuery) async throws -> [CodedSegment]

    /// Applies one edit and records it in the change log, in one transaction; returns the entry.
    /// A save whose references are missing, or a delete of a record that does not exist, or of a
    /// source still cited, is an error and changes nothing.
    func apply(_ edit: RecordEdit, by actor: String) async throws -> ChangeEntry

    /// Applies edits in order, each recorded in the change log, all in one transaction: every one
    /// is made or, where one is refused, none is (an import of coded documents, a batch of accepted
    /// suggestions). Returns the entries in order.
    func apply(_ edits: [RecordEdit], by actor: String) async throws -> [ChangeEntry]

    /// A value that changes whenever the registry's content does (a dataset stored or removed, an
    /// edit made), by this process or another: what a cache of rendered pages is keyed on.
    func revision() async throws -> String

    /// The change log, newest first.
    func changes(limit: Int, offset: Int) async throws -> [ChangeEntry]

    /// Adds entries to the change log as they are, with their ids, in one transaction: what a
    /// copy of another registry's log writes (`citydip copy`). An id already in the log is an error
    /// and adds nothing.
    func appendChanges(_ entries: [ChangeEntry]) async throws

    /// Everything the registry holds — countries, datasets with the times they were stored, the
    /// change log — read in one read transaction, so that a write made meanwhile is wholly in it
    /// or wholly out of it. It is held in memory: what `citydip copy` reads.
    func snapshot() async throws -> RegistrySnapshot

    /// Stores a copy of another registry in one transaction, all of it or, where anything fails,
    /// nothing: the countries (added or updated), each dataset with the time it was stored in
    /// `snapshot` (not now: that time is the date its citation gives), and the change log with
    /// its ids. A dataset of one of the snapshot's ids already there fails the copy with
    /// ``RegistryError/datasetExists(_:)``, a change log not empty with
    /// ``RegistryError/changeLogNotEmpty``; both checked inside the transaction.
    func storeCopy(of snapshot: RegistrySnapshot) async throws

    /// When dataset `id`'s records last changed: when it was stored (loaded or imported) or, if
    /// later, when an edit was last made to it; `nil` if there is no such dataset. A citation of the
    /// dataset gives this date with its version.
    func lastChanged(ofDataset id: String) async throws -> Date?

    /// Adds the countries to the reference list, updating those already there (a country still
    /// referred to by a city is never removed).
    func storeCountries(_ countries: [Country]) async throws

    /// All datasets, ordered by id, as ``datasets()`` gives them but each without its import
    /// report (``Dataset/importReport`` is `nil`): what lists of datasets and checks that one
    /// exists need. An import keeps a report of every place of its file, tens of megabytes for a
    /// million rows, which every command would otherwise read on opening the database.
    func datasetsWithoutImportReports() async throws -> [Dataset]

    /// The datasets that were imported from a file, by id, each with the format its import's
    /// report names ("" where the report names none): what a list of datasets shows of an import.
    /// A backend finds the field where the report is stored (SQLite's JSON reader), rather than
    /// bringing every report, for a million rows a hundred megabytes of JSON, into the process;
    /// the default here (PostgreSQL's) reads and decodes them.
    func importFormats() async throws -> [String: String]
}

/// Which documents ``CityDiplomacyRegistry/documents(matching:)`` returns: every condition given
/// must hold.
public struct DocumentQuery: Hashable, Sendable {
    public var datasetID: String?
    public var attachedTo: RecordReference?

    public init(datasetID: String? = nil, attachedTo: RecordReference? = nil) {
        self.datasetID = datasetID
        self.attachedTo = attachedTo
    }
}

/// Which coded segments ``CityDiplomacyRegistry/segments(matching:)`` returns.
public struct SegmentQuery: Hashable, Sendable {
    public var datasetID: String?
    public var documentID: String?

    public init(datasetID: String? = nil, documentID: String? = nil) {
        self.datasetID = datasetID
        self.documentID = documentID
    }
}

/// How many records of each kind a dataset holds.
public struct DatasetRecordCounts: Hashable, Sendable {
    public var cities, relations, networks, memberships, events, sources: Int

    public init(cities: Int, relations: Int, networks: Int, memberships: Int, events: Int, sources: Int) {
        (self.cities, self.relations, self.networks, self.memberships, self.events, self.sources) = (cities, relations, networks, memberships, events, sources)
    }

    public init(_ content: DatasetContent) {
        self.init(cities: content.cities.count, relations: content.relations.count, networks: content.networks.count,
                  memberships: content.memberships.count, events: content.events.count, sources: content.sources.count)
    }
}

extension CityDiplomacyRegistry {
    public func admitReadersDuringWrites() {}

    /// The imported datasets and their formats; this default reads every report.
    public func importFormats() async throws -> [String: String] {
        var formats: [String: String] = [:]
        for dataset in try await datasets() {
            guard let report = dataset.importReport else { continue }
            formats[dataset.id] = Dataset.importFormat(ofReport: report) ?? ""
        }
        return formats
    }

    /// How many records of each kind dataset `id` holds, or `nil` if there is no such dataset. A
    /// backend counts them where they are stored; this default reads the dataset.
    public func recordCounts(ofDataset id: String) async throws -> DatasetRecordCounts? {
        try await content(ofDataset: id).map(DatasetRecordCounts.init)
    }

    /// The sources dataset `id` lists, or `nil` if there is no such dataset; this default reads
    /// the dataset.
    public func sources(ofDataset id: String) async throws -> [SourceCitation]? {
        try await content(ofDataset: id)?.sources
    }

    /// Where the relations of `country`'s cities go; this default reads them all.
    public func countryRelationCounts(_ country: CountryCode) async throws -> CountryRelationCounts {
        let selection = try await relations(matching: RelationQuery(country: country))
        return CountryRelationCounts(country: country, ends: selection.relations.compactMap { relation in
            guard let a = selection.cities[relation.cityID], let b = selection.cities[relation.partnerID] else { return nil }
            return (a.id, a.country, b.id, b.country)
        })
    }

    /// The hash of dataset `id`'s records, or `nil` if there is no such dataset. A backend keeps
    /// it; this default reads the dataset and hashes it.
    public func recordsHash(ofDataset id: String) async throws -> String? {
        try await content(ofDataset: id)?.recordsHash
    }

    /// What an analysis snapshot reads of dataset `id`, or `nil` if there is no such dataset. A
    /// backend reads those columns alone; this default reads the dataset.
    public func analysisColumns(ofDataset id: String) async throws -> AnalysisColumns? {
        try await content(ofDataset: id).map(AnalysisColumns.init(content:))
    }

    /// A dataset alone is a dataset with no countries to add and no one watching, replacing any
    /// dataset of its id.
    public func store(_ content: DatasetContent) async throws {
        try await store(content, countries: [], existing: .replace, importReport: nil, progress: nil)
    }

    /// Stores a dataset with the countries it needs, replacing any dataset of its id.
    public func store(
        _ content: DatasetContent, countries: [Country], progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?
    ) async throws {
        try await store(content, countries: countries, existing: .replace, importReport: nil, progress: progress)
    }

    /// Stores a dataset whose import report, if any, is in `content`.
    public func store(
        _ content: DatasetContent, countries: [Country], existing: ExistingDataset,
        progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?
    ) async throws {
        try await store(content, countries: countries, existing: existing, importReport: nil, progress: progress)
    }
}

/// What a store does when the registry already holds a dataset with the id it stores.
///
/// ```swift
/// // `citydip import` without --replace
/// try await registry.store(content, countries: countries, existing: .refuse, progress: nil)
/// ```
public enum ExistingDataset: Hashable, Sendable {
    /// The dataset is replaced whole, its records and their edits with it.
    case replace
    /// The store fails with ``RegistryError/datasetExists(_:)`` and changes nothing.
    case refuse
}

/// What ``CityDiplomacyRegistry/relations(matching:)`` returns: relations and the cities they join.
public struct RelationSelection: Hashable, Sendable {
    public var relations: [BilateralRelation]
    /// The cities at either end of ``relations``, by id.
    public var cities: [String: City]

    public init(relations: [BilateralRelation], cities: [String: City]) {
        self.relations = relations
        self.cities = cities
    }
}

/// Everything the registry knows about one city.
public struct CityProfile: Hashable, Sendable {
    public var city: City
    public var dataset: Dataset
    /// The city's relations, in dataset order, each with the city at its other end.
    public var relations: [(relation: BilateralRelation, partner: City)]
    public var memberships: [(membership: NetworkMembership, network: CityNetwork)]
    public var events: [InternationalEvent]
    /// The city this place is a part of (``City/partOf``), where the dataset holds it.
    public var whole: City?
    /// The places that name this city as the one they are part of, in dataset order.
    public var parts: [City]

    public init(
        city: City, dataset: Dataset, relations: [(relation: BilateralRelation, partner: City)],
        memberships: [(membership: NetworkMembership, network: CityNetwork)], events: [InternationalEvent],
        whole: City? = nil, parts: [City] = []
    ) {
        self.city = city
        self.dataset = dataset
        self.relations = relations
        self.memberships = memberships
        self.events = events
        self.whole = whole
        self.parts = parts
    }

    public static func == (lhs: CityProfile, rhs: CityProfile) -> Bool {
        lhs.city == rhs.city && lhs.dataset == rhs.dataset && lhs.whole == rhs.whole && lhs.parts == rhs.parts
            && lhs.relations.map(\.relation) == rhs.relations.map(\.relation)
            && lhs.memberships.map(\.membership) == rhs.memberships.map(\.membership)
            && lhs.events == rhs.events
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(city)
        hasher.combine(dataset)
    }
}

/// Errors of the registry that concern what was asked, not how it is stored.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No dataset has this id; `known` lists those that exist.
    case unknownDataset(String, known: [String])
    /// No record of this kind has this id.
    case unknownRecord(kind: String, id: String)
    /// The record is still referred to by others and cannot be removed.
    case recordInUse(kind: String, id: String, by: String)
    /// A record refers to a city, network or source that its dataset does not contain.
    case danglingReference(record: String, field: String, value: String)
    /// Two records of a dataset have the same identity (same id, or the same unordered pair and kind).
    case duplicateRecord(String, reason: String)
    /// A store that was to create a dataset found one with its id already there (stored by
    /// another writer since it looked, say).
    case datasetExists(String)
    /// A coded segment's offsets are not a passage of its document's text.
    case spanOutsideDocument(segment: String, start: Int, end: Int, length: Int)
    /// A copy of another registry (``CityDiplomacyRegistry/storeCopy(of:)``) found a change log
    /// in the target, whose ids the copied entries would clash with or follow out of order.
    case changeLogNotEmpty

    public var description: String {
        switch self {
        case let .unknownDataset(id, known):
            "unknown dataset '\(id)': known datasets are \(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
        case let .unknownRecord(kind, id):
            "no \(kind) has the id '\(id)'"
        case let .recordInUse(kind, id, by):
            "the \(kind) '\(id)' is still cited by \(by)"
        case let .danglingReference(record, field, value):
            "record \(record): \(field) '\(value)' does not exist in its dataset"
        case let .duplicateRecord(id, reason):
            "duplicate record \(id): \(reason)"
        case let .datasetExists(id):
            "dataset '\(id)' already exists"
        case .changeLogNotEmpty:
            "the database already has a change log"
        case let .spanOutsideDocument(segment, start, end, length):
            "coded segment \(segment): the span \(start):\(end) is not a passage of its document, whose text has \(length) characters"
        }
    }
}

/// Where the relations of a country's cities go: what a country's page charts and lists.
public struct CountryRelationCounts: Hashable, Sendable {
    /// Relations with a city of the country at either end (or both).
    public var relations: Int
    /// Relations by the partner's state: the state of the end outside the country (of the
    /// partner, where both ends are inside).
    public var partnerCountries: [CountryCode: Int]
    /// Relations by the country's city at their end (counted for both where both are inside).
    public var cities: [String: Int]

    /// Counts relations given by their two ends, each a city's id and state, of which at least
    /// one is in `country`.
    public init(country: CountryCode, ends: some Sequence<(String, CountryCode, String, CountryCode)>) {
        var relations = 0
        var partners: [CountryCode: Int] = [:]
        var home: [String: Int] = [:]
        for (aID, aCountry, bID, bCountry) in ends {
            relations += 1
            let (inside, outside) = aCountry == country ? ((aID, aCountry), (bID, bCountry)) : ((bID, bCountry), (aID, aCountry))
            partners[outside.1, default: 0] += 1
            home[inside.0, default: 0] += 1
            if outside.1 == country, outside.0 != inside.0 { home[outside.0, default: 0] += 1 }
        }
        self.relations = relations
        partnerCountries = partners
        cities = home
    }
}
