import GRDB

/// The registry's schema, as named, ordered migrations.
///
/// Migrations are never edited once shipped: a change to the schema is a new migration appended
/// here. Foreign keys are on; a dataset's records are removed with it (`ON DELETE CASCADE`).
enum SchemaMigrator {
    /// The first migration's name: a database that has run it was made by citydip (see ``DatabaseMark``).
    static let firstMigration = "v1: registry of datasets, cities, relations, networks, events and sources"
    static let changeLogMigration = "v2: change log of edits made through the observatory"

    static let v14 = "v14: a dataset's import report is its last column, so that its other columns are read without it"
    static let v15 = "v15: citations and city names kept in their primary key alone (WITHOUT ROWID), not also in a table beside it"
    static let v16 = "v16: relations that cite their dataset's common source alone say so in a column rather than in a citation row each"
    static let v17 = "v17: a relation's unordered pair of cities is unique by triggers that read the indexes on its ends, not by an index of its own"

    /// Whether migration `identifier` is recorded as run: by another process, when asked from
    /// within that migration.
    static func recorded(_ identifier: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)", arguments: [identifier]) ?? false
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.create(table: "country") { t in
                t.primaryKey("code", .text)
                t.column("alpha3", .text).notNull()
                t.column("name_en", .text).notNull()
                t.column("name_fa", .text)
                t.column("aliases", .jsonText).notNull()
            }
            try db.create(table: "dataset") { t in
                t.primaryKey("id", .text)
                t.column("title_en", .text).notNull()
                t.column("title_fa", .text)
                t.column("citation", .text)
                t.column("description", .text)
                t.column("provenance", .text)
                t.column("source_file", .text)
                t.column("content_hash", .text)
                t.column("is_bundled", .boolean).notNull()
                t.column("import_report", .text)
                t.column("stored_at", .datetime).notNull()
            }
            try db.create(table: "source") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().indexed().references("dataset", onDelete: .cascade)
                t.column("title", .text).notNull()
                t.column("url", .text)
                t.column("publisher", .text)
                t.column("language", .text)
                t.column("published", .text)
                t.column("accessed", .text)
                t.column("locator", .text)
            }
            try db.create(table: "city") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().indexed().references("dataset", onDelete: .cascade)
                t.column("name_en", .text).notNull()
                t.column("name_fa", .text)
                t.column("aliases", .jsonText).notNull()
                t.column("country_code", .text).notNull().references("country")
                t.column("latitude", .double)
                t.column("longitude", .double)
                t.column("population", .integer)
                t.column("geonames_id", .integer)
                t.column("wikidata_id", .text)
                t.column("notes", .text)
                t.check(sql: "(latitude IS NULL) = (longitude IS NULL)")
            }
            try db.create(index: "city_on_country", on: "city", columns: ["country_code"])
            // Every name a city may be looked up by, folded by PersianText.searchKey.
            try db.create(table: "city_name") { t in
                t.column("city_id", .text).notNull().indexed().references("city", onDelete: .cascade)
                t.column("search_key", .text).notNull()
                t.primaryKey(["city_id", "search_key"])
            }
            try db.create(index: "city_name_on_search_key", on: "city_name", columns: ["search_key"])
            try db.create(table: "relation") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().indexed().references("dataset", onDelete: .cascade)
                t.column("city_id", .text).notNull().references("city", onDelete: .cascade)
                t.column("partner_id", .text).notNull().references("city", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("signed", .text)
                // The Gregorian years the signing date may fall in, for filtering and periodisation.
                t.column("signed_year_min", .integer)
                t.column("signed_year_max", .integer)
                t.column("notes", .text)
                t.column("period_placements", .jsonText).notNull()
                t.column("position", .integer).notNull()
                t.column("flags", .jsonText).notNull()
                t.column("import_rows", .jsonText).notNull()
            }
            // A relation is unordered: one row per pair of cities and kind, in either order.
            try db.execute(sql: """
                CREATE UNIQUE INDEX relation_on_unordered_pair
                ON relation(dataset_id, min(city_id, partner_id), max(city_id, partner_id), kind)
                """)
            try db.create(index: "relation_on_city", on: "relation", columns: ["city_id"])
            try db.create(index: "relation_on_partner", on: "relation", columns: ["partner_id"])
            try db.create(table: "relation_theme") { t in
                t.column("relation_id", .text).notNull().indexed().references("relation", onDelete: .cascade)
                t.column("theme", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["relation_id", "theme"])
            }
            try db.create(table: "network") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().indexed().references("dataset", onDelete: .cascade)
                t.column("name_en", .text).notNull()
                t.column("name_fa", .text)
                t.column("acronym", .text)
                t.column("scope", .text).notNull()
                t.column("category", .text).notNull()
                t.column("founded", .text)
                t.column("seat", .text)
                t.column("description_en", .text)
                t.column("description_fa", .text)
                t.column("position", .integer).notNull()
            }
            try db.create(table: "membership") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().indexed().references("dataset", onDelete: .cascade)
                t.column("city_id", .text).notNull().references("city", onDelete: .cascade)
                t.column("network_id", .text).notNull().references("network", onDelete: .cascade)
                t.column("role_en", .text)
                t.column("role_fa", .text)
                t.column("since", .text)
                t.column("notes", .text)
                t.column("position", .integer).notNull()
                t.uniqueKey(["city_id", "network_id"])
            }
            try db.create(table: "event") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().indexed().references("dataset", onDelete: .cascade)
                t.column("city_id", .text).notNull().references("city", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("title_en", .text).notNull()
                t.column("title_fa", .text)
                t.column("year", .integer).notNull()
                t.column("awarding_body", .text)
                t.column("notes", .text)
                t.column("position", .integer).notNull()
            }
            // Which sources each record cites, in order. One table serves every kind of record.
            try db.create(table: "citation") { t in
                t.column("record_kind", .text).notNull()  // relation, network, membership, event
                t.column("record_id", .text).notNull()
                t.column("source_id", .text).notNull().references("source", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.primaryKey(["record_kind", "record_id", "source_id"])
            }
        }
        migrator.registerMigration(changeLogMigration) { db in
            try db.create(table: "change_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()  // create, update, delete
                t.column("record_kind", .text).notNull()  // relation, membership, event, source
                t.column("record_id", .text).notNull()
                // Kept when the dataset is removed: the log is the history of the registry.
                t.column("dataset_id", .text).notNull()
                t.column("before", .jsonText)
                t.column("after", .jsonText)
            }
            try db.create(index: "change_log_on_record", on: "change_log", columns: ["record_kind", "record_id"])
        }
        migrator.registerMigration("v3: drop indexes that the primary keys of city_name and relation_theme already provide") { db in
            // Each primary key starts with the column these indexed, so SQLite finds a city's names
            // and a relation's themes (and follows their foreign keys) through the key's index;
            // the second index only cost a B-tree insert per row, some 40,000 on a large import.
            try db.drop(index: "city_name_on_city_id")
            try db.drop(index: "relation_theme_on_relation_id")
        }
        migrator.registerMigration("v4: a city may be part of another (a district of it)") { db in
            // Cities stored before this version are whole cities: the column is empty for them.
            try db.alter(table: "city") { t in
                t.add(column: "part_of", .text).references("city", onDelete: .setNull)
            }
            // A city's profile lists its parts: found through the index, not by reading every city.
            try db.create(index: "city_on_part_of", on: "city", columns: ["part_of"])
        }
        migrator.registerMigration("v5: Persian wording of datasets, sources and notes") { db in
            // Records stored before this version have no Persian wording: Persian output falls
            // back to the English columns for them, as it did.
            try db.alter(table: "dataset") { t in
                t.add(column: "citation_fa", .text)
                t.add(column: "description_fa", .text)
                t.add(column: "provenance_fa", .text)
            }
            try db.alter(table: "source") { t in
                t.add(column: "title_fa", .text)
                t.add(column: "publisher_fa", .text)
                t.add(column: "locator_fa", .text)
            }
            for table in ["city", "relation", "membership"] {
                try db.alter(table: table) { t in t.add(column: "notes_fa", .text) }
            }
            try db.alter(table: "network") { t in t.add(column: "seat_fa", .text) }
            try db.alter(table: "event") { t in t.add(column: "awarding_body_fa", .text) }
        }
        migrator.registerMigration("v6: a dataset states its method and licence, for those who cite it") { db in
            // Datasets stored before this version state neither until they are loaded again
            // (`citydip init --refresh` for the bundled ones).
            try db.alter(table: "dataset") { t in
                t.add(column: "method_en", .text)
                t.add(column: "method_fa", .text)
                t.add(column: "licence", .text)
            }
        }
        migrator.registerMigration("v7: supplement sources, Persian event notes and network sections") { db in
            // The referee's audit tells the study's own evidence from what this project's editors
            // added (a supplement source, an event only such sources cite), reads an event's notes
            // in Persian, and counts a section's members with the network it is part of (Metropolis
            // with UCLG). Records stored before this version have none of these until they are
            // loaded again: their sources read as the study's, their networks as networks of their own.
            try db.alter(table: "source") { t in t.add(column: "supplement", .boolean) }
            try db.alter(table: "event") { t in t.add(column: "notes_fa", .text) }
            try db.alter(table: "network") { t in
                t.add(column: "part_of", .text).references("network", onDelete: .setNull)
            }
        }
        // Indexes only, so with immediate foreign key checks: a deferred migration ends with
        // `PRAGMA foreign_key_check` over the whole database, which on a database of a million
        // relations took longer than all the rest of opening it (v4–v7 did, once, on such files).
        migrator.registerMigration("v8: indexes for pages of relations by kind, year and dataset order", foreignKeyChecks: .immediate) { db in
            // A page of relations is ordered by dataset and position: walked in that order through
            // the index, the first page of a million relations is read without sorting them all.
            // It also finds a dataset's relations, so the index on dataset_id alone goes.
            try db.create(index: "relation_on_dataset_position", on: "relation", columns: ["dataset_id", "position"])
            try db.drop(index: "relation_on_dataset_id")
            // Filtering by kind: a page in dataset order, and its count, from the index alone.
            try db.create(index: "relation_on_kind", on: "relation", columns: ["kind", "dataset_id", "position"])
            // Filtering by years (`--from`, `--to`): partial, so that undated relations, most of an
            // imported file, cost nothing to index; a comparison with a year implies NOT NULL, so
            // SQLite uses them for the filters.
            try db.execute(sql: "CREATE INDEX relation_on_signed_from ON relation(signed_year_max) WHERE signed_year_max IS NOT NULL")
            try db.execute(sql: "CREATE INDEX relation_on_signed_to ON relation(signed_year_min) WHERE signed_year_min IS NOT NULL")
        }
        // Kept with the dataset so that a page citing its version need not read and hash every
        // record (0.6–0.9 s for the Wikipedia dataset). Never stale: every write to a table whose
        // rows are part of the hash clears the dataset's entry in the same statement, by trigger,
        // whatever code path writes; it is computed again, from the records, when next asked for.
        migrator.registerMigration("v9: the hash of each dataset's records, cleared by any write to them", foreignKeyChecks: .immediate) { db in
            try db.create(table: "dataset_records_hash") { t in
                t.primaryKey("dataset_id", .text).references("dataset", onDelete: .cascade)
                // Null while being computed: the row is then a claim (see recordsHash(ofDataset:)).
                t.column("records_hash", .text)
                // The form of the hash (SQLiteRegistry.recordsHashFormat): another build's is not cited.
                t.column("format", .integer).notNull()
                t.column("claim", .text).notNull()
            }
            for statement in RecordsHashTriggers.statements(for: RecordsHashTriggers.recordTables) { try db.execute(sql: statement) }
        }
        // A document keeps its whole record as JSON (a few per relation, read whole); its
        // attachment is a column, for the queries that filter on it. A segment's position in its document and its theme are columns for the same reason.
        migrator.registerMigration("v10: documents attached to records, and passages of them coded with themes", foreignKeyChecks: .immediate) { db in
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().references("dataset", onDelete: .cascade)
                t.column("attached_kind", .text).notNull()
                t.column("attached_id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("record", .text).notNull()
            }
            try db.create(index: "document_on_dataset", on: "document", columns: ["dataset_id", "position"])
            try db.create(index: "document_on_attached", on: "document", columns: ["attached_id"])
            try db.create(table: "coded_segment") { t in
                t.primaryKey("id", .text)
                t.column("dataset_id", .text).notNull().references("dataset", onDelete: .cascade)
                t.column("document_id", .text).notNull().references("document", onDelete: .cascade)
                t.column("theme", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("position", .integer).notNull()
                t.column("record", .text).notNull()
            }
            try db.create(index: "coded_segment_on_document", on: "coded_segment", columns: ["document_id", "position"])
            try db.create(index: "coded_segment_on_dataset", on: "coded_segment", columns: ["dataset_id", "position"])
            for statement in RecordsHashTriggers.statements(for: RecordsHashTriggers.documentTables) { try db.execute(sql: statement) }
        }
        // The revision was the count of datasets, the latest time one was stored and the latest
        // change's id: a copy stores datasets with the times they were first stored, so removing
        // one and copying in another of an older time could leave all three as they were, and
        // other processes' caches would not notice. A counter moved by trigger, by whatever code
        // path writes, always moves.
        migrator.registerMigration("v11: a revision counter moved by every dataset stored or removed and every change logged") { db in
            try db.execute(sql: "CREATE TABLE registry_state (one INTEGER PRIMARY KEY CHECK (one = 1), revision INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO registry_state (one, revision) VALUES (1, 0)")
            let bump = "BEGIN UPDATE registry_state SET revision = revision + 1 WHERE one = 1; END"
            for (table, event) in [("dataset", "INSERT"), ("dataset", "UPDATE"), ("dataset", "DELETE"), ("change_log", "INSERT"), ("change_log", "DELETE")] {
                try db.execute(sql: "CREATE TRIGGER \(table)_\(event.lowercased())_moves_revision AFTER \(event) ON \(table) \(bump)")
            }
        }
        // A country's relations (its page, its count, its figures by partner state) are those of
        // its cities at either end. With an index on each end alone, SQLite found their row ids
        // through the indexes and then read every one of those relations' rows to learn the other
        // end, the dataset and the position a page is ordered by: 105 ms for IR's 25,034
        // relations at a million, most of it those reads. Each end's index now also holds the
        // other end, the dataset and the position, and the cities' index on their country their
        // ids, so that a country's count and the order of its pages come from indexes alone
        // (25–30 ms). The import drops and makes again the two indexes on the ends
        // (``SecondaryIndexes``), which now takes longer by about a second at a million.
        migrator.registerMigration("v12: indexes on a relation's ends that hold the other end, the dataset and the position", foreignKeyChecks: .immediate) { db in
            try db.drop(index: "relation_on_city")
            try db.create(index: "relation_on_city", on: "relation", columns: ["city_id", "partner_id", "dataset_id", "position"])
            try db.drop(index: "relation_on_partner")
            try db.create(index: "relation_on_partner", on: "relation", columns: ["partner_id", "city_id", "dataset_id", "position"])
            try db.drop(index: "city_on_country")
            try db.create(index: "city_on_country", on: "city", columns: ["country_code", "id"])
        }
        // An import of a large dataset drops the indexes its rows come to in no order and makes
        // them again by sorting (``SecondaryIndexes``); a primary key's index cannot be dropped,
        // and a relation's — a text an import gives in no order — had become the slowest part of
        // storing one: SQLite's inserts of the 1,000,000-row synthetic file's relations took
        // 4.1–4.4 s into the keyed table and 1.5 s into one without the key, whose unique index
        // was then made in 0.6 s (`sqlite3` shell, the import's cache and sort settings). A
        // relation's id is now unique by an index of its own, `relation_on_id`, which reads use as
        // they used the key's and which an import of a new dataset drops and makes again.
        // SQLite cannot take a table's primary key away, so the table is made again (its rows
        // kept with their row ids, which reads in stored order follow); its indexes and
        // triggers, and the themes' triggers that read it, are made again from the SQL SQLite
        // kept for them. Foreign keys are off meanwhile (GRDB's default for a migration, deferred
        // checks), so that dropping the old table deletes nothing by cascade; GRDB checks them
        // all before the commit. Once, on first opening: 14–22 s and 150 MB of free pages for a
        // database of a million relations, while other processes wait up to 10 s for it.
        migrator.registerMigration("v13: a relation's id unique by an index of its own, which an import can make again") { db in
            // The relations' indexes and triggers go with their table; the themes' triggers,
            // which read it, are dropped below; the themes' indexes stay.
            let kept = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND ((type IN ('index', 'trigger') AND tbl_name = 'relation') OR (type = 'trigger' AND tbl_name = 'relation_theme'))
                ORDER BY rowid
                """)
            let themeTriggers = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'relation_theme'")
            for trigger in themeTriggers { try db.execute(sql: "DROP TRIGGER \(trigger.quotedDatabaseIdentifier)") }
            // The rows are held in a table of their own while the table is made again under its
            // own name: renaming a table (`ALTER TABLE … RENAME`) opens the connection's temporary
            // database, after which SQLite refuses, inside a transaction, to move its temporary
            // files to disk as an import's sort of its indexes does (``IndexSort``).
            let columns = "id, dataset_id, city_id, partner_id, kind, status, signed, signed_year_min, signed_year_max, notes, period_placements, position, flags, import_rows, notes_fa"
            try db.execute(sql: "CREATE TABLE relation_being_keyed AS SELECT rowid AS stored_rowid, \(columns) FROM relation")
            try db.execute(sql: "DROP TABLE relation")
            try db.execute(sql: """
                CREATE TABLE "relation" (
                    "id" TEXT NOT NULL,
                    "dataset_id" TEXT NOT NULL REFERENCES "dataset"("id") ON DELETE CASCADE,
                    "city_id" TEXT NOT NULL REFERENCES "city"("id") ON DELETE CASCADE,
                    "partner_id" TEXT NOT NULL REFERENCES "city"("id") ON DELETE CASCADE,
                    "kind" TEXT NOT NULL, "status" TEXT NOT NULL, "signed" TEXT,
                    "signed_year_min" INTEGER, "signed_year_max" INTEGER, "notes" TEXT,
                    "period_placements" TEXT NOT NULL, "position" INTEGER NOT NULL, "flags" TEXT NOT NULL,
                    "import_rows" TEXT NOT NULL, "notes_fa" TEXT)
                """)
            try db.execute(sql: "INSERT INTO relation (rowid, \(columns)) SELECT stored_rowid, \(columns) FROM relation_being_keyed ORDER BY stored_rowid")
            try db.execute(sql: "DROP TABLE relation_being_keyed")
            try db.execute(sql: "CREATE UNIQUE INDEX relation_on_id ON relation(id)")
            for statement in kept { try db.execute(sql: statement) }
        }
        // A row larger than a page keeps its start on the page and the rest in a chain of
        // overflow pages; to read a column SQLite follows that chain as far as the column, page by
        // page. The import report, the largest value a dataset has (4.7 MB for the Wikipedia
        // file, 109 MB for the 1,000,000-row synthetic one), stood before seven columns that every
        // list of datasets reads (`stored_at`, the Persian wording, the method, the licence), so
        // that listing the datasets walked the whole report: 25–29 ms at a million on every
        // dashboard (98 ms cold; `sqlite3` through Python), 6% of a warm dashboard of the
        // Wikipedia dataset (perf). The report is now the last column, and the chain is walked
        // only when the report itself is read. A column added to `dataset` later comes after it
        // (`ALTER TABLE … ADD COLUMN` appends): it must be added by making the table again, as
        // here — `SchemaHistoryTests` checks that the report is last. Once, on first opening:
        // 6–7 s for a database of a million relations; it needs free disk for about twice the
        // largest report meanwhile (the holding table, the WAL) and leaves the reports' size in
        // free pages in the file (110 MB at a million; `VACUUM` gives them back).
        //
        // Not checked against every foreign key of the database afterwards (GRDB's deferred check,
        // 2 s at a million): the migration copies every dataset back with its id and touches no
        // other table, which it checks by counting; a database that already held a row whose
        // foreign key points nowhere (written with foreign keys off) opened before it and opens
        // after it, rather than being refused by a check of rows this migration never wrote.
        //
        // GRDB applies this to every migration registered after it: a later one must be registered
        // with `foreignKeyChecks: .immediate`, or check the foreign keys of the tables it writes
        // (`db.checkForeignKeys(in:)`) — by default it would run with foreign keys off, unchecked.
        migrator = migrator.disablingDeferredForeignKeyChecks()
        migrator.registerMigration(v14) { db in
            // Another process opening the database at the same time may have run it since this
            // one read which migrations had run: it is not run twice (recording it then fails,
            // and the registry opens the database, up to date; ``SQLiteRegistry``).
            guard try !recorded(v14, in: db) else { return }
            let columns = "id, title_en, title_fa, citation, description, provenance, source_file, content_hash, is_bundled, stored_at, citation_fa, description_fa, provenance_fa, method_en, method_fa, licence, import_report"
            try remake("dataset", as: """
                CREATE TABLE "dataset" (
                    "id" TEXT PRIMARY KEY NOT NULL, "title_en" TEXT NOT NULL, "title_fa" TEXT, "citation" TEXT,
                    "description" TEXT, "provenance" TEXT, "source_file" TEXT, "content_hash" TEXT,
                    "is_bundled" BOOLEAN NOT NULL, "stored_at" DATETIME NOT NULL, "citation_fa" TEXT,
                    "description_fa" TEXT, "provenance_fa" TEXT, "method_en" TEXT, "method_fa" TEXT, "licence" TEXT,
                    "import_report" TEXT)
                """, columns: columns, copiedBack: .withTheirRowIDs, by: "v14", in: db)
        }
        // A table with a primary key other than an integer keeps each row twice: in the table, by
        // row id, and in the key's index. A citation (four columns, all in its key but the
        // position) and a city's search key (two, both in it) are read only by that key or by the
        // name's index, never by row id; kept in the key alone, their rows are written once. At
        // a million relations the citations take 103 MB rather than 201 MB; the names 85 MB
        // rather than 106 MB, their index on the search key now holding the city's id rather
        // than a row id (so a name finds its cities from that index alone); the file 1.06 GB
        // rather than 1.19 GB. SQLite's shell put the citations of the 1,000,000-row synthetic
        // file in a table of each kind, in key order, in 1.75 s rather than 2.25 s. Reads give
        // the same rows: none depends on the order of a citation's or a name's rows (each
        // record's citations are ordered by their position).
        //
        // As v14 (``remake(_:as:columns:copiedBack:by:in:)``), foreign keys off (as for every
        // migration after v14, with no check afterwards: the rows are copied back as they were,
        // which is checked by counting). Once,
        // on first opening: 11–25 s for a database of a million relations on a slow machine. It
        // needs free disk meanwhile for about twice the two tables (the holding tables, the WAL;
        // without it the migration is rolled back and the database opens once there is), and
        // leaves the old tables' pages free in the file (about 215 MB at a million; `VACUUM`
        // gives them back). A column added to these tables by hand would not be copied.
        migrator.registerMigration(v15) { db in
            guard try !recorded(v15, in: db) else { return }
            try remake("citation", as: """
                CREATE TABLE "citation" ("record_kind" TEXT NOT NULL, "record_id" TEXT NOT NULL,
                    "source_id" TEXT NOT NULL REFERENCES "source"("id") ON DELETE CASCADE, "position" INTEGER NOT NULL,
                    PRIMARY KEY ("record_kind", "record_id", "source_id")) WITHOUT ROWID
                """, columns: "record_kind, record_id, source_id, position", copiedBack: .ordered(by: "record_kind, record_id, source_id"), by: "v15", in: db)
            try remake("city_name", as: """
                CREATE TABLE "city_name" ("city_id" TEXT NOT NULL REFERENCES "city"("id") ON DELETE CASCADE,
                    "search_key" TEXT NOT NULL, PRIMARY KEY ("city_id", "search_key")) WITHOUT ROWID
                """, columns: "city_id, search_key", copiedBack: .ordered(by: "city_id, search_key"), by: "v15", in: db)
        }
        // An imported dataset's relations each cite its file, and nothing else: a citation row
        // apiece, a million rows (102 MB of the file's 1.06 GB) at a million relations, written in
        // the order of their key, for which the relations' ids were sorted first. A relation that
        // cites its dataset's common source alone (``SQLiteRegistry/CommonSource``)
        // now says so in its row (`cites_dataset_source`), the source named once for the dataset
        // (`dataset_relation_source`), and has no citation row; any other relation's citations are
        // rows as before. Reads give every relation the same sources either way
        // (``RecordReader/relations(_:scope:idListLimit:)``). Rows already stored keep their
        // citations (the column is 0 for them), which read as they did: nothing is rewritten.
        // A new table rather than a column of `dataset`, whose import report stays its last column
        // (v14). Its source is a plain reference (no cascade): SQLite itself refuses to delete a
        // source named there, whatever deletes it; `deleteSource` removes the naming once no
        // relation cites the source alone. Registered with foreign keys on, as every migration
        // after v14 must be (`disablingDeferredForeignKeyChecks()` above); it writes no rows.
        migrator.registerMigration(v16, foreignKeyChecks: .immediate) { db in
            guard try !recorded(v16, in: db) else { return }
            try db.execute(sql: "ALTER TABLE relation ADD COLUMN cites_dataset_source BOOLEAN NOT NULL DEFAULT 0")
            try db.execute(sql: """
                CREATE TABLE dataset_relation_source (
                    dataset_id TEXT PRIMARY KEY NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    source_id TEXT NOT NULL REFERENCES source(id))
                """)
            // It decides which source relations read back: a write to it clears the records hash.
            for statement in RecordsHashTriggers.statements(for: RecordsHashTriggers.commonSourceTables) { try db.execute(sql: statement) }
        }
        // Two relations of one dataset, kind and pair of cities (in either order) were refused by
        // a unique index on the dataset, the lower and the higher city and the kind. An import of
        // a large dataset drops it and makes it again after the rows (``SecondaryIndexes``), and
        // it was the costliest of the relations' indexes to make: 1.3–1.6 s of SQLite's one
        // core for the 981,029 relations of the 1,000,000-row synthetic file (`sqlite3` shell,
        // the import's sort settings), most of it evaluating `min` and `max` for every row and
        // sorting four texts. It held nothing a read used. The same rule is now kept by triggers
        // (``RelationPairTriggers``) that look for the pair, in either order, in the index on the
        // relations' home cities (which holds the partner and the dataset, v12): every write
        // through SQL that would make a second relation of a pair is refused (`SQLITE_CONSTRAINT`),
        // as before, but whatever the statement's conflict clause: `INSERT OR IGNORE` of such a
        // relation fails rather than being skipped, and `INSERT OR REPLACE` of one that clashes
        // with a relation of another id fails rather than replacing it (nothing in citydip writes
        // relations so; a relation written again under its own id is not a clash). A store in
        // bulk drops them with that index and checks its own relations' pairs on another core
        // while SQLite makes the other indexes (``SQLiteRegistry`` `storeInTransaction`). A
        // database already holds no two relations of one pair: the index refused them. No rows
        // are written.
        migrator.registerMigration(v17, foreignKeyChecks: .immediate) { db in
            guard try !recorded(v17, in: db) else { return }
            try db.execute(sql: "DROP INDEX relation_on_unordered_pair")
            for statement in RelationPairTriggers.statements { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// How ``remake(_:as:columns:copiedBack:by:in:)`` puts a table's rows back.
    enum CopiedBack {
        /// With the row ids they had, in their order (reads in stored order follow it).
        case withTheirRowIDs
        /// In this order of their columns: a table's key's, so that each row goes at its end.
        case ordered(by: String)
    }

    /// Makes `table` again as `definition` says, for a change `ALTER TABLE` cannot make, keeping
    /// its rows (`columns`), indexes and triggers. The rows are held meanwhile in a table of their
    /// own rather than the table renamed: renaming (`ALTER TABLE … RENAME`) opens the
    /// connection's temporary database, after which SQLite refuses, inside a transaction, to move
    /// its temporary files to disk as an import's sort of its indexes does (``IndexSort``). The
    /// indexes and triggers are made again from the SQL SQLite kept for them. Foreign keys must be
    /// off (the migrations' deferred checks, or off since v14), so that dropping the table deletes
    /// no record by cascade. A count of the rows copied back guards the copy; `migration` names
    /// the migration in its error.
    static func remake(_ table: String, as definition: String, columns: String, copiedBack order: CopiedBack, by migration: String, in db: Database) throws {
        let kept = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('index', 'trigger') AND tbl_name = ? ORDER BY rowid
            """, arguments: [table])
        let holding = "\(table)_being_remade"
        switch order {
        case .withTheirRowIDs:
            try db.execute(sql: "CREATE TABLE \(holding) AS SELECT rowid AS stored_rowid, \(columns) FROM \(table)")
            try db.execute(sql: "DROP TABLE \(table)")
            try db.execute(sql: definition)
            try db.execute(sql: "INSERT INTO \(table) (rowid, \(columns)) SELECT stored_rowid, \(columns) FROM \(holding) ORDER BY stored_rowid")
        case let .ordered(key):
            try db.execute(sql: "CREATE TABLE \(holding) AS SELECT \(columns) FROM \(table)")
            try db.execute(sql: "DROP TABLE \(table)")
            try db.execute(sql: definition)
            try db.execute(sql: "INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(holding) ORDER BY \(key)")
        }
        let (held, copied) = (try Int.fetchOne(db, sql: "SELECT count(*) FROM \(holding)") ?? 0,
                              try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
        guard held == copied else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "schema \(migration) copied \(copied) of \(held) rows of \(table); the database is left as it was")
        }
        try db.execute(sql: "DROP TABLE \(holding)")
        for statement in kept { try db.execute(sql: statement) }
    }
}

/// The triggers that keep one relation per dataset, kind and unordered pair of cities (schema
/// v17), in place of a unique index: before a relation is inserted, or its ends, dataset or kind
/// change, they look for another relation of the same dataset and kind between the same two
/// cities, in either order, through the index on the home city and partner (`relation_on_city`),
/// and refuse the write with `SQLITE_CONSTRAINT` (extended: `SQLITE_CONSTRAINT_TRIGGER`) and
/// ``message``. Texts compare by their bytes, as the unique index compared them.
enum RelationPairTriggers {
    static let names = ["relation_insert_keeps_pairs_unique", "relation_update_keeps_pairs_unique"]
    /// The error's message, which names the rule as SQLite names a unique index's.
    static let message = "UNIQUE constraint failed: relation pair of cities and kind"

    static var statements: [String] {
        let refuse = "BEGIN SELECT RAISE(ABORT, '\(message)'); END"
        // `NEW` is the row being written. An insert leaves out a row of its own id, which only
        // `INSERT OR REPLACE` would replace (the index of ids refuses it otherwise); an update,
        // the row itself.
        let insert = clash(city: "NEW.city_id", partner: "NEW.partner_id", dataset: "NEW.dataset_id", kind: "NEW.kind", besides: "id <> NEW.id")
        let update = clash(city: "NEW.city_id", partner: "NEW.partner_id", dataset: "NEW.dataset_id", kind: "NEW.kind", besides: "rowid <> OLD.rowid")
        return [
            "CREATE TRIGGER \(names[0]) BEFORE INSERT ON relation WHEN \(insert) \(refuse)",
            "CREATE TRIGGER \(names[1]) BEFORE UPDATE OF city_id, partner_id, dataset_id, kind ON relation WHEN \(update) \(refuse)",
        ]
    }

    /// Whether another relation of dataset `dataset` and kind `kind` joins `city` and `partner`,
    /// in either order (each an SQL expression: `NEW.city_id` in the triggers, a parameter in a
    /// store's own check), leaving out those that `besides` holds for, if given; looked up in the
    /// index on the home city and partner, as `RelationPairTests` checks.
    static func clash(city: String, partner: String, dataset: String, kind: String, besides: String? = nil) -> String {
        let rest = besides.map { " AND \($0)" } ?? ""
        return """
            EXISTS (SELECT 1 FROM relation WHERE city_id = \(city) AND partner_id = \(partner)
                        AND dataset_id = \(dataset) AND kind = \(kind)\(rest))
               OR EXISTS (SELECT 1 FROM relation WHERE city_id = \(partner) AND partner_id = \(city)
                        AND dataset_id = \(dataset) AND kind = \(kind)\(rest))
            """
    }
}

/// The triggers that clear a dataset's stored records hash when any of its records changes.
///
/// One exception to "by trigger, whatever writes" (schema v9): a store in bulk drops the insert
/// triggers of the tables it fills for the while it inserts, and clears the hashes of the
/// datasets it wrote once, in the same transaction (``SuspendedHashTriggers``).
enum RecordsHashTriggers {
    /// For each table whose rows are part of ``DatasetContent/recordsHash``, how a row names its
    /// dataset (`ROW` stands for `NEW` or `OLD`). The citations and themes of a record carry no
    /// dataset: theirs is found through the record or the source they join.
    static let recordTables: [(table: String, dataset: String)] = [
        ("source", "ROW.dataset_id"),
        ("city", "ROW.dataset_id"),
        ("relation", "ROW.dataset_id"),
        ("network", "ROW.dataset_id"),
        ("membership", "ROW.dataset_id"),
        ("event", "ROW.dataset_id"),
        ("relation_theme", "(SELECT dataset_id FROM relation WHERE id = ROW.relation_id)"),
        ("citation", "(SELECT dataset_id FROM source WHERE id = ROW.source_id)"),
    ]

    /// Every table whose rows are part of the hash, with a trigger each.
    static var allTables: [(table: String, dataset: String)] { recordTables + documentTables + commonSourceTables }

    /// The common source of a dataset's relations (schema v16).
    static let commonSourceTables: [(table: String, dataset: String)] = [
        ("dataset_relation_source", "ROW.dataset_id"),
    ]

    /// The tables of documents and coded segments (schema v10).
    static let documentTables: [(table: String, dataset: String)] = [
        ("document", "ROW.dataset_id"),
        ("coded_segment", "ROW.dataset_id"),
    ]

    /// The name of the trigger that clears the hash of the dataset of each row inserted into
    /// `table`. Shipped migrations make their triggers by it: it never changes.
    static func insertTrigger(of table: String) -> String {
        "\(table)_insert_clears_records_hash"
    }

    /// `CREATE TRIGGER` statements: after an insert, an update or a delete of a row, the entry
    /// of its dataset (of both, where an update moves it) is deleted. The `WHEN` clause makes a
    /// row written while no hash is kept cost one look at an empty table, though still a trigger
    /// program run per row: a store in bulk does without them (``SuspendedHashTriggers``).
    static func statements(for tables: [(table: String, dataset: String)]) -> [String] {
        tables.flatMap { table, dataset in
            let clear = { (row: String) in
                "DELETE FROM dataset_records_hash WHERE dataset_id = \(dataset.replacing("ROW", with: row));"
            }
            let when = "WHEN EXISTS (SELECT 1 FROM dataset_records_hash)"
            return [
                "CREATE TRIGGER \(insertTrigger(of: table)) AFTER INSERT ON \(table) \(when) BEGIN \(clear("NEW")) END",
                "CREATE TRIGGER \(table)_update_clears_records_hash AFTER UPDATE ON \(table) \(when) BEGIN \(clear("OLD")) \(clear("NEW")) END",
                "CREATE TRIGGER \(table)_delete_clears_records_hash AFTER DELETE ON \(table) \(when) BEGIN \(clear("OLD")) END",
            ]
        }
    }
}
