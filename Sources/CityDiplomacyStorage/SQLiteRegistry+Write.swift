import CityDiplomacyCore
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteRegistry {
    public func storeCountries(_ countries: [Country]) async throws {
        try await write { db in
            for country in countries {
                try CountryRow(country).upsert(db)
            }
        }
    }

    /// Stores a dataset, and in the same transaction the countries it needs (added or updated), so
    /// that an import that fails leaves the country table as it was too; tells `progress` how many
    /// of its relations are stored, now and then.
    ///
    /// A large dataset (``bulkRows`` rows or more — 20,000, below which dropping and making again
    /// the indexes of the tables costs more than it saves — and at least as many relations as the
    /// database already holds) is stored in bulk: the secondary indexes of the tables it fills are
    /// dropped and made again in the same transaction (``SecondaryIndexes``), and so are the
    /// triggers that clear a records hash row by row, the hashes cleared once instead
    /// (``SuspendedHashTriggers``); rows whose order no read depends on (names, citations,
    /// themes) go in the order of their keys, and a new dataset is written with foreign keys off,
    /// its references checked here instead. In a file that no other connection has open, a store
    /// in bulk writes through a rollback journal rather than the WAL (``RollbackJournal``). The
    /// content stored is the same either way; only the order of rows in the file differs.
    public func store(
        _ content: DatasetContent, countries: [Country], existing: ExistingDataset, importReport: Eventual<String>?,
        progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?
    ) async throws {
        let rows = await StoreRows.prepare(content, importReport: importReport)
        let bulkRows = bulkRows
        // This registry's idle readers are closed, so that a store in bulk may have the database
        // to itself (``RollbackJournal``); they open again when next needed. Not where readers
        // must go on reading meanwhile (a server's).
        let takesDatabase = !readersDuringWrites.load(ordering: .relaxed)
        if takesDatabase, content.relations.count + content.cities.count >= bulkRows, let pool = writer as? DatabasePool { pool.releaseMemory() }
        try await Self.namingDuplicates(in: [content]) {
            do {
                try await writeWithoutTransaction { [rows] db in
                    try Self.store(rows, countries: countries, existing: existing, bulkRows: bulkRows, uncheckedIfNew: true,
                                   takesDatabase: takesDatabase, progress: progress, in: db)
                }
            } catch is DatasetAppeared {
                if existing == .refuse { throw RegistryError.datasetExists(content.dataset.id) }
                // Another process stored a dataset of this id meanwhile: it is replaced, with the
                // database checking the references, as any replacement is.
                try await writeWithoutTransaction { [rows] db in
                    try Self.store(rows, countries: countries, existing: existing, bulkRows: bulkRows, uncheckedIfNew: false,
                                   takesDatabase: takesDatabase, progress: progress, in: db)
                }
            }
        }
        // What was computed for the store (the cities' search keys, the table of their ids, the
        // relations' ends by number) is freed on another thread: on this one, a third of a second
        // after a 1,000,000-row import, which the import's caller waited for (perf). The closures
        // above capture copies (`[rows]`), so that the binding itself is not captured and may be
        // consumed.
        Background.release(consume rows)
    }

    /// Runs `store`, and where it fails, names the first relation of `contents` (in their order)
    /// that an earlier one of its dataset has the identity of, if there is one, rather than the
    /// failure: as when the identities were checked before every store (``checkIdentities(of:)``).
    ///
    /// A store that succeeds needs no such check: the unique index of the relations' ids and the
    /// triggers of their pairs (schema v17) refuse two relations of one identity, row by row, or,
    /// in bulk, the index made again after the rows and the store's own check of the pairs
    /// meanwhile, and the transaction fails with them. Checking every store beforehand took the
    /// second core for a second of a 1,000,000-row import, which waited for it (perf). The price:
    /// in bulk, a dataset with two relations of one identity is refused only once every row of it
    /// has been written, and rolled back.
    ///
    /// A failure that says nothing of the content — cancelled, or SQLite failing for another
    /// reason than a constraint (a full disk, an I/O error, a busy database) — is given as it is,
    /// without the check: it is the truth about the store, and no duplicate caused it.
    static func namingDuplicates(in contents: [DatasetContent], _ store: () async throws -> Void) async throws {
        do {
            try await store()
        } catch {
            if saysNothingOfContent(error) { throw error }
            for content in contents { try checkIdentities(of: content.relations) }
            throw error
        }
    }

    /// Whether `error` is a failure of the store itself rather than of what it stores.
    static func saysNothingOfContent(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let error = error as? DatabaseError { return error.resultCode != .SQLITE_CONSTRAINT }
        return false
    }

    /// A dataset with what storing it needs computed beforehand.
    struct StoreRows: Sendable {
        var content: DatasetContent
        /// The search keys of each city, in the order of `content.cities`, each city's sorted.
        var searchKeys: [[String]]
        /// Positions of `content.relations` and of `content.cities` in the order of their ids; no
        /// relations' positions when no relation has a citation row or a theme to write.
        var relationsByID: [Int]
        var citiesByID: [Int]
        /// The cities of `content` numbered by id, each relation's ends by those numbers, and
        /// the first relation that names a city not among them.
        var ends: RelationEnds
        /// The sources the relations cite, each once, as first cited in the dataset's order.
        var relationSources: [SourceCitation]
        /// The source that relations citing it alone cite without a citation row, if any relation
        /// cites one source alone.
        var commonSource: CommonSource?
        /// The dataset's import report, if still being computed; written last, in place of
        /// `content.dataset.importReport`.
        var importReport: Eventual<String>?
        /// The datasets other than the one stored that a relation names (each once, in SQLite's
        /// terms), whose records the store changes with it.
        var otherRelationDatasets: [String] = []

        /// Computes `content`'s rows and finds what it refers to, outside any transaction.
        static func prepare(_ content: DatasetContent, importReport: Eventual<String>? = nil) async -> StoreRows {
            // Two relations of one identity are named only if the store fails
            // (``namingDuplicates(in:_:)``), which the relations' unique index and the checks
            // of their pairs then make it.
            // Keyed and ordered before the transaction, on every core: keying the names of an
            // imported dataset's cities one by one inside it took a tenth of the time of a store.
            // Sorted here too: sorted as their rows were bound, on the thread that binds them,
            // SQLite's thread waited for them half the time it inserted the names of a
            // 1,000,000-row import (perf, 2026-12-04).
            async let keys = content.cities.concurrentMap(CityRow.sortedSearchKeys(of:))
            let commonSource = CommonSource(of: content.relations, datasetID: content.dataset.id)
            async let relationOrder = relationOrder(of: content.relations, commonSource: commonSource)
            async let cityOrder = TextKey.positions(inOrderOf: content.cities.map(\.id))
            // The relations' ends are looked up here, beside the rest, rather than in the write
            // transaction on SQLite's one core (a second of a 1,000,000-row store, perf); the
            // error found is thrown there, in the order of the other checks.
            async let references = SQLiteRegistry.relationEnds(of: content)
            // Also here: in the transaction, a million relations' sources went through a set on
            // SQLite's core while the other core, which binds its rows, waited (perf).
            async let relationSources = citedSources(of: content.relations)
            async let otherDatasets = otherDatasets(of: content.relations, than: content.dataset.id)
            return StoreRows(content: content, searchKeys: await keys, relationsByID: await relationOrder, citiesByID: await cityOrder,
                             ends: await references, relationSources: await relationSources, commonSource: commonSource,
                             importReport: importReport, otherRelationDatasets: await otherDatasets)
        }

        /// The datasets `relations` name other than `datasetID`, each once, as first named;
        /// compared by their bytes, as SQLite compares them. Each relation is read in place.
        static func otherDatasets(of relations: [BilateralRelation], than datasetID: String) -> [String] {
            var seen: Set<TextKey> = [], others: [String] = []
            relations.withUnsafeBufferPointer { relations in
                for index in relations.indices where TextKey.compare(relations[index].datasetID, datasetID) != 0 {
                    if seen.insert(TextKey(relations[index].datasetID)).inserted { others.append(relations[index].datasetID) }
                }
            }
            return others
        }

        /// The positions of `relations` in the order of their ids, for the rows written in that
        /// order: the citations of relations that do not cite the common source alone, and the
        /// themes. None where no relation has either, as in an imported dataset, whose million
        /// ids are then not sorted (a second of a core, perf). Each relation is read in place.
        static func relationOrder(of relations: [BilateralRelation], commonSource: CommonSource?) -> [Int] {
            let needed = relations.withUnsafeBufferPointer { relations in
                relations.indices.contains { index in
                    !relations[index].themes.isEmpty || !relations[index].sources.isEmpty && commonSource?.isCitedAlone(relations[index].sources, dataset: relations[index].datasetID) != true
                }
            }
            return needed ? TextKey.positions(inOrderOf: relations.map(\.id)) : []
        }

        /// The sources `relations` cite, each once (by id, in SQLite's terms: two ids that differ
        /// only in their Unicode form are two, which the store then refuses), as first cited.
        static func citedSources(of relations: [BilateralRelation]) -> [SourceCitation] {
            var seen: Set<TextKey> = [], cited: [SourceCitation] = []
            // The relations of an import mostly cite its one file, one after the other: an id
            // equal to the one before is not looked up again.
            var previous: TextKey?
            relations.withUnsafeBufferPointer { relations in
                for index in relations.indices {
                    for position in relations[index].sources.indices {
                        let id = TextKey(relations[index].sources[position].id)
                        guard id != previous else { continue }
                        previous = id
                        if seen.insert(id).inserted { cited.append(relations[index].sources[position]) }
                    }
                }
            }
            return cited
        }
    }

    /// The store found no dataset of its id before its transaction and one inside it.
    struct DatasetAppeared: Error {}

    /// Whether `content` is large enough, beside what the database holds, to be stored in bulk.
    static func storesInBulk(_ content: DatasetContent, bulkRows: Int, in db: Database) throws -> Bool {
        // How many relations the database holds, roughly (deleted rows below the last leave gaps).
        let held = try Int.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM relation") ?? 0
        return content.relations.count + content.cities.count >= bulkRows && content.relations.count >= held
    }

    private static func store(
        _ rows: StoreRows, countries: [Country], existing: ExistingDataset, bulkRows: Int, uncheckedIfNew: Bool, takesDatabase: Bool,
        progress: (@Sendable (Int, Int) -> Void)?, in db: Database
    ) throws {
        let content = rows.content
        let datasetID = content.dataset.id
        func exists() throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dataset WHERE id = ?)", arguments: [datasetID]) ?? true
        }
        let bulk = try storesInBulk(content, bulkRows: bulkRows, in: db)
        // Foreign keys cannot be switched inside a transaction: off for a new dataset only, since
        // replacing one relies on their cascades to delete its records.
        let unchecked = try bulk && uncheckedIfNew && !exists()
        // The journal first: a failure to switch it must not leave the foreign keys off.
        let journal = bulk && takesDatabase ? try RollbackJournal.enter(in: db) : nil
        if unchecked {
            do {
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
            } catch {
                journal?.leave(in: db)
                throw error
            }
        }
        let stored = Result<Void, any Error> {
            try db.inTransaction(.immediate) {
                if unchecked, try exists() { throw DatasetAppeared() }
                // Inside the write transaction (IMMEDIATE: the write lock is held from its start),
                // so no other writer can store the dataset between this check and the commit.
                if existing == .refuse, try exists() { throw RegistryError.datasetExists(datasetID) }
                try storeInTransaction(rows, countries: countries, storedAt: Date(), bulk: bulk, unchecked: unchecked, progress: progress, in: db)
                return .commit
            }
        }
        journal?.leave(in: db)
        if unchecked { try db.execute(sql: "PRAGMA foreign_keys = ON") }
        try stored.get()
    }

    /// Stores a dataset inside the caller's transaction, as stored at `storedAt`: now, or for a
    /// copy, when the source stored it.
    static func storeInTransaction(
        _ rows: StoreRows, countries: [Country], storedAt: Date, bulk: Bool, unchecked: Bool, progress: (@Sendable (Int, Int) -> Void)?, in db: Database
    ) throws {
        let content = rows.content
        let datasetID = content.dataset.id
        // The report, if still to be encoded, is encoded from now on, on the other core: the rows
        // were prepared on both before the transaction, and SQLite writes on this one only.
        rows.importReport?.start()
        // References are checked when the transaction commits, not row by row: a district may
        // come before the city it is part of, as a file names them.
        if !unchecked { try db.execute(sql: "PRAGMA defer_foreign_keys = ON") }
        for country in countries {
            try CountryRow(country).upsert(db)
        }
        try checkReferences(of: rows, in: db, everyKey: unchecked)
        try content.checkDocuments()
        try DatasetRow.deleteOne(db, key: datasetID)
        // Its records change: the hash kept of the old ones goes (by cascade too, but foreign
        // keys are off when a new dataset is stored in bulk).
        try db.execute(sql: "DELETE FROM dataset_records_hash WHERE dataset_id = ?", arguments: [datasetID])
        var dataset = content.dataset
        if rows.importReport != nil { dataset.importReport = nil }
        try DatasetRow(dataset, storedAt: storedAt).insert(db)
        // In bulk, a page cache of 128 MB rather than 64, for the primary key of relations (56 MB
        // for a million), which takes rows in no order; the connection's own after. A larger one
        // (256 MB, 1 GB) gave no faster import of 1,000,000 rows, and the latter more memory.
        let largeCache = bulk ? try PragmaSettings.change(["cache_size": "-131072"], in: db) : nil
        defer { try? largeCache?.restore(in: db) }
        // In bulk, the triggers that keep each pair of cities to one relation (schema v17) go with
        // the index they read, and the store checks the pairs itself: those of other datasets'
        // rows now, while that index is there; its own relations' among themselves below.
        let pairTriggers = bulk ? try pairTriggersDropped(checking: content, otherDatasets: rows.otherRelationDatasets, in: db) : nil
        let indexes = bulk ? try SecondaryIndexes.drop(SecondaryIndexes.unordered, in: db) : nil
        // A new dataset stored with foreign keys off: the relations' ids too, which come in no
        // order (some 2.5 s of SQLite's inserts of a million relations, against 0.7 s to sort them).
        let relationKey = unchecked ? try SecondaryIndexes.drop([SecondaryIndexes.relationKey], in: db) : nil
        // No trigger clears a records hash row by row (see ``SuspendedHashTriggers``): the
        // dataset's own was cleared above, and those of other datasets a relation names are
        // cleared once, after the rows.
        let hashTriggers = bulk ? try SuspendedHashTriggers.drop(in: db) : nil
        // The dropped indexes are made again after the rows, under one setting of the sort.
        let sort = IndexSort()
        defer { try? sort.restore(in: db) }
        var storedSources: Set<String> = []
        func storeSources(_ sources: [SourceCitation]) throws {
            for source in sources {
                let (inserted, stored) = storedSources.insert(source.id)
                if inserted {
                    try SourceRow(source, datasetID: datasetID).insert(db)
                } else if !stored.utf8.elementsEqual(source.id.utf8) {
                    throw Self.sourceInTwoForms(source.id, stored)
                }
            }
        }
        // Bulk inserts rather than record encoding: an imported dataset has tens of thousands
        // of rows, and Codable encoding per row dominated the time of a store.
        let citations = try BulkInsert(db, sql: "INSERT OR IGNORE INTO citation (record_kind, record_id, source_id, position)", columns: 4)
        /// Cites `sources` in their order (their positions).
        func cite(_ kind: CitingRecordKind, _ recordID: String, _ sources: [SourceCitation]) throws {
            try storeSources(sources)
            for (position, source) in sources.enumerated() {
                try citations.append { row in
                    row.bind(kind.rawValue)
                    row.bind(recordID)
                    row.bind(source.id)
                    row.bind(position)
                }
            }
        }
        try storeSources(content.sources)
        // Parents before children: each table is finished before the rows that refer to it.
        // Cities in the dataset's order, which is the order reads give them in (by rowid).
        let cities = try BulkInsert(db, sql: """
            INSERT INTO city (id, dataset_id, name_en, name_fa, aliases, country_code, latitude, longitude,
                              population, geonames_id, wikidata_id, part_of, notes, notes_fa)
            """, columns: 14)
        // The rows of cities, names, relations and the relations' citations are bound on the
        // other core while SQLite inserts those bound before (``BulkInsert/appendAll(count:_:)``),
        // each record read where it lies: a loop over an array copied each (a dozen strings
        // retained and released), 1.5 s of a 1,000,000-row store (perf).
        let allCities = content.cities
        try cities.appendAll(count: allCities.count) { index, row in
            allCities.withUnsafeBufferPointer { Self.bindCity($0, at: index, datasetID: datasetID, into: &row) }
        }
        try cities.finish()
        // Names in the order of the primary key (city, key): each row goes at the end of its index.
        let names = try BulkInsert(db, sql: "INSERT OR IGNORE INTO city_name (city_id, search_key)", columns: 2)
        let (citiesByID, searchKeys) = (rows.citiesByID, rows.searchKeys)
        try names.appendAll(count: citiesByID.count) { item, row in
            let index = citiesByID[item]
            allCities.withUnsafeBufferPointer { cities in
                searchKeys.withUnsafeBufferPointer { searchKeys in
                    for key in searchKeys[index] {
                        row.bind(cities[index].id)
                        row.bind(key)
                    }
                }
            }
        }
        try names.finish()
        // Relations in the dataset's order (reads of a whole dataset follow it); their citations
        // after them, and their themes last (below), in the order of the relations' ids, which
        // starts each key.
        let relations = try RelationInserter(db)
        let commonSource = rows.commonSource
        try relations.insertAll(content.relations, citingAlone: commonSource, progress: progress)
        // The pairs of the relations just inserted without their triggers, checked on another
        // core while SQLite makes the indexes on this one, and awaited before the triggers return.
        // By the cities' numbers, the relations' ends having been looked up before the store;
        // by their ids should an end be dangling (which ``checkReferences(of:in:everyKey:)`` has
        // refused above, so only were that check ever to move after this one).
        let pairCheck = pairTriggers.map { _ in
            Eventual { [relations = content.relations, ends = rows.ends] in
                ends.firstDangling == nil ? Self.firstDuplicatePair(in: relations, ends: ends.numbers) : Self.firstDuplicatePair(in: relations)
            }
        }
        pairCheck?.start()
        // Sources a relation cites that the dataset does not list are stored as they are first
        // cited in the dataset's order (sources are read back in the order stored).
        try storeSources(rows.relationSources)
        try db.execute(sql: "DELETE FROM dataset_relation_source WHERE dataset_id = ?", arguments: [datasetID])
        if let commonSource {
            try db.execute(sql: "INSERT INTO dataset_relation_source (dataset_id, source_id) VALUES (?, ?)", arguments: [datasetID, commonSource.sourceID])
        }
        let (allRelations, relationsByID) = (content.relations, rows.relationsByID)
        try citations.appendAll(count: relationsByID.count) { item, row in
            allRelations.withUnsafeBufferPointer { stored in
                let index = relationsByID[item]
                guard commonSource?.isCitedAlone(stored[index].sources, dataset: stored[index].datasetID) != true else { return }
                Self.bindCitations(.relation, stored[index].id, stored[index].sources, inKeyOrder: true, into: &row)
            }
        }
        progress?(content.relations.count, content.relations.count)
        for network in content.networks {
            try NetworkRow(network).insert(db)
            try cite(.network, network.id, network.sources)
        }
        for membership in content.memberships {
            try MembershipRow(membership).insert(db)
            try cite(.membership, membership.id, membership.sources)
        }
        for event in content.events {
            try EventRow(event).insert(db)
            try cite(.event, event.id, event.sources)
        }
        try citations.finish()
        try insertDocuments(of: content, in: db)
        // The relations' key first: a clash in it is named as a duplicate. Then the themes, whose
        // rows refer to it (and whose trigger finds a relation by it).
        try recreate(relationKey, sortedBy: sort, of: content, in: db)
        try indexes?.recreate(sortedBy: sort, in: db)
        if let first = pairCheck?.value { throw duplicateRelation(content.relations[first].id, kind: content.relations[first].kind) }
        try pairTriggers?.restore(in: db)
        // Settings that cannot be put back leave the connection slower, not the store undone.
        try? sort.restore(in: db)
        try content.relations.withUnsafeBufferPointer { stored in
            for index in rows.relationsByID { try relations.insertThemes(of: stored, at: index) }
        }
        try relations.finish()
        // A report encoded while the records were stored (on the other core: SQLite writes on
        // this one) goes in last.
        if let report = rows.importReport?.value {
            try Self.writeImportReport(report, of: datasetID, in: db)
        }
        // The datasets of every row inserted without the triggers: cities are bound with the
        // dataset's id; a relation (and its themes) names its own; a citation names a source,
        // and every source cited is inserted above with the dataset's id (a source id another
        // dataset holds fails the store). A store that one day binds other rows must add their
        // datasets here.
        try hashTriggers?.restore(clearingHashesOf: [datasetID] + rows.otherRelationDatasets, in: db)
    }

    /// Writes `report` as the import report of dataset `datasetID`, its bytes read by SQLite
    /// where the string keeps them (`SQLITE_STATIC`) rather than first copied by the binding: the
    /// report of the 1,000,000-row synthetic file is 109 MB, and each copy of it is as much
    /// memory newly mapped and zeroed by the system; after the indexes, the report was the last
    /// second of that import's store, on SQLite's one core (perf, 2026-12-04).
    static func writeImportReport(_ report: String, of datasetID: String, in db: Database) throws {
        let statement = try db.makeStatement(sql: "UPDATE dataset SET import_report = ? WHERE id = ?")
        try statement.setArguments([report.isEmpty ? "" : nil, datasetID])
        // An empty report, which has no bytes to point at (SQLite would take no address for NULL),
        // is bound by GRDB.
        guard !report.isEmpty else { return try statement.execute() }
        // Stepped below GRDB, which would otherwise refuse a write outside the transaction it
        // opened: were SQLite to have rolled it back by itself, this write must not commit alone.
        // (GRDB's transaction observers do not see it; the registry has none.)
        guard sqlite3_get_autocommit(db.sqliteConnection) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the import report is written only inside the store's transaction", sql: statement.sql)
        }
        let raw = statement.sqliteStatement
        var report = report
        let code = report.withUTF8 { bytes in
            let text = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            var code = sqlite3_bind_text64(raw, 1, text, sqlite3_uint64(bytes.count), nil, UInt8(SQLITE_UTF8))
            if code == SQLITE_OK { code = sqlite3_step(raw) }
            // Reset and unbound while the bytes are still lent: nothing keeps pointing into them.
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }

    /// The source a stored dataset's relations cite without a citation row each, when they cite
    /// it alone (schema v16): that of the dataset's first relation (in its order) that cites one
    /// source alone. In an imported dataset every relation cites its file alone; in the study's,
    /// the relations of one footnote do.
    struct CommonSource: Sendable {
        var datasetID: String
        var sourceID: String

        init?(of relations: [BilateralRelation], datasetID: String) {
            let first = relations.withUnsafeBufferPointer { relations in
                relations.firstIndex { $0.sources.count == 1 && TextKey.compare($0.datasetID, datasetID) == 0 }.map { relations[$0].sources[0].id }
            }
            guard let first else { return nil }
            (self.datasetID, sourceID) = (datasetID, first)
        }

        /// Whether a relation citing `sources`, of dataset `dataset`, is of the dataset and cites
        /// the source and nothing else, by the ids' bytes, as SQLite compares them (``TextKey``):
        /// then its row says so and it has no citation row. A relation naming another dataset
        /// (the store refuses none that exists) keeps its rows, read back whatever dataset it is
        /// stored under.
        ///
        /// Given the two fields rather than the relation: given a relation read in place from an
        /// array's buffer, even inlined, the call copied the whole relation (a dozen strings and
        /// arrays retained, then released) to read two of its fields, a third of the time binding
        /// a relation's row (perf, 2026-12-02).
        func isCitedAlone(_ sources: [SourceCitation], dataset: String) -> Bool {
            sources.count == 1 && TextKey.compare(sources[0].id, sourceID) == 0 && TextKey.compare(dataset, datasetID) == 0
        }
    }

    /// Binds the row of `cities[index]`, read where it lies.
    private static func bindCity(_ cities: UnsafeBufferPointer<City>, at index: Int, datasetID: String, into row: inout BulkInsert.Row) {
        row.bind(cities[index].id)
        row.bind(datasetID)
        row.bind(cities[index].name.en)
        row.bind(cities[index].name.fa)
        row.bindJSONArray(cities[index].aliases)
        row.bind(cities[index].country.rawValue)
        row.bind(cities[index].coordinates?.latitude)
        row.bind(cities[index].coordinates?.longitude)
        row.bind(cities[index].population)
        row.bind(cities[index].geonamesID)
        row.bind(cities[index].wikidataID)
        row.bind(cities[index].partOf)
        row.bind(cities[index].notes)
        row.bind(cities[index].notesFa)
    }

    /// Binds a row citing each of `sources`, its position its place among them; the rows go in
    /// the order of the sources' ids with `inKeyOrder`, the order of the primary key.
    private static func bindCitations(
        _ kind: CitingRecordKind, _ recordID: String, _ sources: [SourceCitation], inKeyOrder: Bool, into row: inout BulkInsert.Row
    ) {
        var cited = Array(sources.enumerated())
        if inKeyOrder, cited.count > 1 { cited.sort { TextKey.precedes($0.element.id, $1.element.id) } }
        for (position, source) in cited {
            row.bind(kind.rawValue)
            row.bind(recordID)
            row.bind(source.id)
            row.bind(position)
        }
    }

    /// Makes the relations' key again after a store that dropped it. An id that clashes with
    /// another dataset's is named as an insert into the keyed table would name it, the first in
    /// the dataset's order; one the dataset holds twice, once the store has failed
    /// (``namingDuplicates(in:_:)``).
    private static func recreate(_ relationKey: SecondaryIndexes?, sortedBy sort: IndexSort, of content: DatasetContent, in db: Database) throws {
        do {
            try relationKey?.recreate(sortedBy: sort, in: db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            let taken = try Set(String.fetchAll(db, sql: "SELECT id FROM relation WHERE dataset_id <> ?", arguments: [content.dataset.id]).map(TextKey.init))
            guard let clash = content.relations.first(where: { taken.contains(TextKey($0.id)) }) else { throw error }
            throw duplicateRelation(clash.id, kind: clash.kind)
        }
    }

    /// Two source ids that are one text in two Unicode forms (an accent composed, or a letter and
    /// a combining accent). SQLite would keep them apart and every reader, in Swift, take them as
    /// one: they are refused rather than stored, or one left out while citations name it.
    static func sourceInTwoForms(_ id: String, _ other: String) -> RegistryError {
        .duplicateRecord(id, reason: "it is the id of source \(other) in another Unicode form (a composed or a combining accent): give the two sources ids that differ in their letters, or one id")
    }

    /// A relation that the relations' unique index or pair triggers refuse: its id or its pair
    /// and kind is taken.
    static func duplicateRelation(_ id: String, kind: RelationKind) -> RegistryError {
        .duplicateRecord(id, reason: "the same pair of cities already has a relation of kind \(kind), or the id is used twice")
    }

    /// Drops the triggers that keep a pair of cities to one relation of a dataset and kind, for a
    /// store in bulk (whose own relations' pairs it must then check itself), once the relations of
    /// `content` that a dataset already in the database could hold the pair of are checked
    /// against its rows: those of `otherDatasets`, and the dataset's own where rows of it are
    /// left after its deletion (rows whose dataset row is missing, written with foreign keys off).
    /// Each is looked up in the index on the home city and partner, which the store drops next.
    static func pairTriggersDropped(checking content: DatasetContent, otherDatasets: [String], in db: Database) throws -> DroppedSchemaObjects {
        let ownLeft = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM relation WHERE dataset_id = ?)", arguments: [content.dataset.id]) ?? true
        if !otherDatasets.isEmpty || ownLeft {
            let taken = try db.makeStatement(sql: "SELECT " + RelationPairTriggers.clash(city: "?1", partner: "?2", dataset: "?3", kind: "?4"))
            for relation in content.relations where ownLeft || TextKey.compare(relation.datasetID, content.dataset.id) != 0 {
                let arguments: StatementArguments = [relation.cityID, relation.partnerID, relation.datasetID, relation.kind.rawValue]
                if try Bool.fetchOne(taken, arguments: arguments) == true { throw duplicateRelation(relation.id, kind: relation.kind) }
            }
        }
        return try DroppedSchemaObjects.drop("trigger", named: RelationPairTriggers.names, in: db)
    }

    /// Refuses two relations with one id, or of one unordered pair of cities and kind, naming the
    /// second in the dataset's order, as inserting them in that order would.
    ///
    /// The ids and the pairs are checked side by side, on two cores (one after the other, they were
    /// a serial second of a 1,000,000-row store); the first relation either refuses is named.
    static func checkIdentities(of relations: [BilateralRelation]) throws {
        let (firstIDTaken, firstPairTaken) = inParallel({ firstDuplicateID(in: relations) }, { firstDuplicatePair(in: relations) })
        guard let first = [firstIDTaken, firstPairTaken].compactMap({ $0 }).min() else { return }
        throw duplicateRelation(relations[first].id, kind: relations[first].kind)
    }

    /// The position of the first relation whose id an earlier one has.
    private static func firstDuplicateID(in relations: [BilateralRelation]) -> Int? {
        var ids = Set<TextKey>(minimumCapacity: relations.count)
        return relations.withUnsafeBufferPointer { relations in
            relations.indices.first { !ids.insert(TextKey(relations[$0].id)).inserted }
        }
    }

    /// Inserts relations in bulk, then their themes (not their citations): `insert` each and
    /// `finish()`; or, to insert the themes in another order, `insertAll(_:progress:)` (or
    /// `insert(_:themes: false)` each), `finishRelations()`, `insertThemes(of:at:)` of each in
    /// that order, and `finish()`.
    final class RelationInserter {
        private let relations: BulkInsert
        private let themes: BulkInsert
        /// The relations given so far, to name the one a failed insert was about.
        private var given: [(id: String, kind: RelationKind)] = []
        /// Relations whose themes go in after every relation, as their rows refer to them.
        private var themesLater: [BilateralRelation] = []

        init(_ db: Database) throws {
            relations = try BulkInsert(db, sql: """
                INSERT INTO relation (id, dataset_id, city_id, partner_id, kind, status, signed, signed_year_min,
                                      signed_year_max, notes, period_placements, position, flags, import_rows, notes_fa,
                                      cites_dataset_source)
                """, columns: 16)
            themes = try BulkInsert(db, sql: "INSERT OR IGNORE INTO relation_theme (relation_id, theme, position)", columns: 3)
        }

        func insert(_ relation: BilateralRelation, themes withThemes: Bool = true) throws {
            if withThemes, !relation.themes.isEmpty { themesLater.append(relation) }
            given.append((relation.id, relation.kind))
            try mapFailure { () throws(BulkInsert.Failure) in
                try self.relations.append { row in
                    [relation].withUnsafeBufferPointer { Self.bind($0, at: 0, citingAlone: nil, into: &row) }
                }
            }
        }

        /// Inserts every relation of `stored`, without its themes, its rows bound on another core
        /// (``BulkInsert/appendAll(count:_:)``); tells `progress` how many are stored, now and then.
        /// Those that cite `commonSource` alone are marked so; their citations are not written.
        func insertAll(_ stored: [BilateralRelation], citingAlone commonSource: CommonSource?, progress: (@Sendable (Int, Int) -> Void)?) throws {
            let (count, before) = (stored.count, given.count)
            var bound = 0
            try mapFailure(naming: { row in row < before ? self.given[row] : (stored[row - before].id, stored[row - before].kind) }) { () throws(BulkInsert.Failure) in
                try relations.appendAll(count: count) { index, row in
                    stored.withUnsafeBufferPointer { Self.bind($0, at: index, citingAlone: commonSource, into: &row) }
                } inserted: { rows in
                    bound += rows
                    progress?(bound, count)
                }
            }
        }

        /// Binds the row of `relations[index]`, read where it lies; marked as citing the dataset's
        /// common source alone if it does. An edited relation's citations are rows (`nil`).
        private static func bind(_ relations: UnsafeBufferPointer<BilateralRelation>, at index: Int, citingAlone commonSource: CommonSource?, into row: inout BulkInsert.Row) {
            let years = relations[index].signed?.gregorianYears
            row.bind(relations[index].id)
            row.bind(relations[index].datasetID)
            row.bind(relations[index].cityID)
            row.bind(relations[index].partnerID)
            row.bind(relations[index].kind.rawValue)
            row.bind(relations[index].status.rawValue)
            row.bind(relations[index].signed?.description)
            row.bind(years?.lowerBound)
            row.bind(years?.upperBound)
            row.bind(relations[index].notes)
            row.bind(SQLiteRegistry.jsonObject(relations[index].periodPlacements))
            row.bind(relations[index].position)
            row.bindJSONArray(relations[index].flags.lazy.map(\.rawValue))
            row.bindJSONArray(relations[index].importRows)
            row.bind(relations[index].notesFa)
            row.bind(commonSource?.isCitedAlone(relations[index].sources, dataset: relations[index].datasetID) == true ? 1 : 0)
        }

        /// Inserts the relations still buffered.
        func finishRelations() throws {
            try mapFailure { () throws(BulkInsert.Failure) in try relations.finish() }
        }

        func insertThemes(of relation: BilateralRelation) throws {
            try [relation].withUnsafeBufferPointer { try insertThemes(of: $0, at: 0) }
        }

        /// Inserts the themes of `relations[index]`, read where it lies.
        func insertThemes(of relations: UnsafeBufferPointer<BilateralRelation>, at index: Int) throws {
            let coded = relations[index].themes
            guard !coded.isEmpty else { return }
            let relation = relations[index].id
            for (position, theme) in coded.enumerated() {
                try themes.append { row in
                    row.bind(relation)
                    row.bind(theme.rawValue)
                    row.bind(position)
                }
            }
        }

        /// Inserts the relations and themes still buffered.
        func finish() throws {
            try finishRelations()
            for relation in themesLater { try insertThemes(of: relation) }
            themesLater.removeAll()
            try themes.finish()
        }

        /// Runs `body`, naming the relation of a row that a unique index refuses (by default one
        /// given to ``insert(_:themes:)``).
        private func mapFailure(naming relation: ((Int) -> (id: String, kind: RelationKind))? = nil, _ body: () throws(BulkInsert.Failure) -> Void) throws {
            do {
                try body()
            } catch where [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.error.extendedResultCode)
                || error.error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER && error.error.message == RelationPairTriggers.message {
                let refused = relation?(error.row) ?? given[error.row]
                throw SQLiteRegistry.duplicateRelation(refused.id, kind: refused.kind)
            } catch {
                throw error.error
            }
        }
    }

    static func jsonObject(_ values: [String: String]) -> String {
        values.isEmpty ? "{}" : "{" + values.sorted { $0.key < $1.key }.map { jsonString($0.key) + ":" + jsonString($0.value) }.joined(separator: ",") + "}"
    }

    static func jsonString(_ text: String) -> String {
        JSONString.quoted(text)
    }

    /// Checks in Swift what the foreign keys would refuse, so that the message names the record,
    /// comparing ids as SQLite does (``TextKey``); with `everyKey`, every foreign key of the rows a
    /// store writes, for a store that runs with foreign keys off: also the dataset each record
    /// names, and the city a city is part of (in the dataset, or already stored). Citations, names,
    /// themes and the naming of the relations' common source refer to rows the store writes itself.
    private static func checkReferences(of rows: StoreRows, in db: Database, everyKey: Bool) throws {
        let content = rows.content, cityNumbers = rows.ends.cityNumbers
        let networkIDs = Set(content.networks.map { TextKey($0.id) })
        let countryCodes = try Set(String.fetchAll(db, sql: "SELECT code FROM country").map(TextKey.init))
        // The cities are read where they lie, here and below: a loop over the array copied each
        // (a dozen strings retained and released), a fifth of a second of SQLite's thread in a
        // 1,000,000-row store, before it wrote anything (perf, 2026-12-04).
        try content.cities.withUnsafeBufferPointer { cities in
            for index in cities.indices where !countryCodes.contains(TextKey(cities[index].country.rawValue)) {
                throw RegistryError.danglingReference(record: cities[index].id, field: "country", value: cities[index].country.rawValue)
            }
        }
        if let dangling = rows.ends.firstDangling { throw dangling }
        for membership in content.memberships {
            if cityNumbers.position(of: membership.cityID) == nil {
                throw RegistryError.danglingReference(record: membership.id, field: "city", value: membership.cityID)
            }
            if !networkIDs.contains(TextKey(membership.networkID)) {
                throw RegistryError.danglingReference(record: membership.id, field: "network", value: membership.networkID)
            }
        }
        for network in content.networks {
            if let whole = network.partOf, !networkIDs.contains(TextKey(whole)) {
                throw RegistryError.danglingReference(record: network.id, field: "part_of", value: whole)
            }
        }
        for event in content.events where cityNumbers.position(of: event.cityID) == nil {
            throw RegistryError.danglingReference(record: event.id, field: "city", value: event.cityID)
        }
        guard everyKey else { return }
        let datasets = Set(try String.fetchAll(db, sql: "SELECT id FROM dataset").map(TextKey.init)).union([TextKey(content.dataset.id)])
        func checkDataset(_ record: String, _ dataset: String) throws {
            if !datasets.contains(TextKey(dataset)) { throw RegistryError.danglingReference(record: record, field: "dataset", value: dataset) }
        }
        // A relation of the same dataset as the one before (every relation of an import) is not
        // looked up again: hashing its dataset's id, a million times, was a tenth of a second of
        // SQLite's thread before its first row (perf, 2026-12-04).
        try content.relations.withUnsafeBufferPointer { relations in
            var lastChecked: String?
            for index in relations.indices {
                if let lastChecked, TextKey.compare(lastChecked, relations[index].datasetID) == 0 { continue }
                try checkDataset(relations[index].id, relations[index].datasetID)
                lastChecked = relations[index].datasetID
            }
        }
        for network in content.networks { try checkDataset(network.id, network.datasetID) }
        for membership in content.memberships { try checkDataset(membership.id, membership.datasetID) }
        for event in content.events { try checkDataset(event.id, event.datasetID) }
        try content.cities.withUnsafeBufferPointer { cities in
            for index in cities.indices {
                guard let whole = cities[index].partOf, cityNumbers.position(of: whole) == nil else { continue }
                if try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM city WHERE id = ?)", arguments: [whole]) ?? false) {
                    throw RegistryError.danglingReference(record: cities[index].id, field: "part_of", value: whole)
                }
            }
        }
    }

    public func removeDataset(_ id: String) async throws {
        try await write { db in
            guard try DatasetRow.deleteOne(db, key: id) else {
                let known = try String.fetchAll(db, sql: "SELECT id FROM dataset ORDER BY id")
                throw RegistryError.unknownDataset(id, known: known)
            }
        }
    }
}
