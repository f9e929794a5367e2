import Logging
import PostgresNIO

/// The migrations of the PostgreSQL registry: named, applied in order, each recorded in
/// `citydip_migration` with the time it ran, and never edited once released — a change to the
/// schema is a new migration at the end of ``migrations``.
///
/// Text columns that are ordered or compared use the "C" collation, so that the order of ids and
/// names is the order of their bytes, as in the SQLite registry.
///
/// ```swift
/// try await PostgresSchema.migrate(connection, location: location, logger: logger)
/// ```
enum PostgresSchema {
    struct Migration: Sendable {
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(name: "v1: datasets, records, countries, change log, revision", statements: [
            """
            CREATE TABLE country (
                code text COLLATE "C" PRIMARY KEY,
                record text NOT NULL
            )
            """,
            """
            CREATE TABLE dataset (
                id text COLLATE "C" PRIMARY KEY,
                record text NOT NULL,
                import_report text,
                stored_at timestamptz NOT NULL
            )
            """,
            // Every record of a dataset, one table for every kind: its JSON (`data`), and the
            // columns reads filter and order on. `seq` is the order records were stored in.
            """
            CREATE TABLE record (
                kind text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                dataset_id text COLLATE "C" NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
                seq bigserial NOT NULL,
                position bigint NOT NULL,
                data text NOT NULL,
                city_id text COLLATE "C",
                partner_id text COLLATE "C",
                network_id text COLLATE "C",
                relation_kind text COLLATE "C",
                year_min integer,
                year_max integer,
                country_code text COLLATE "C",
                name_en text COLLATE "C",
                part_of text COLLATE "C",
                PRIMARY KEY (kind, id)
            )
            """,
            "CREATE INDEX record_dataset ON record (kind, dataset_id, position)",
            "CREATE INDEX record_city ON record (kind, city_id)",
            "CREATE INDEX record_partner ON record (kind, partner_id)",
            "CREATE INDEX record_network ON record (kind, network_id)",
            "CREATE INDEX record_part_of ON record (kind, part_of)",
            // The unordered pair of cities and the kind identify a relation, as in SQLite.
            """
            CREATE UNIQUE INDEX relation_pair ON record (dataset_id, least(city_id, partner_id), greatest(city_id, partner_id), relation_kind)
            WHERE kind = 'relation'
            """,
            """
            CREATE TABLE city_name (
                city_id text COLLATE "C" NOT NULL,
                search_key text COLLATE "C" NOT NULL,
                dataset_id text COLLATE "C" NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
                PRIMARY KEY (city_id, search_key)
            )
            """,
            "CREATE INDEX city_name_key ON city_name (search_key)",
            """
            CREATE TABLE change_log (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                record_kind text NOT NULL,
                record_id text NOT NULL,
                dataset_id text COLLATE "C" NOT NULL,
                before text,
                after text
            )
            """,
            "CREATE INDEX change_log_dataset ON change_log (dataset_id, at)",
            // One row: moved by every write, whose transaction holds its lock to the end, so that
            // writers are serialised as SQLite's are and the revision names every change.
            """
            CREATE TABLE registry_state (
                one integer PRIMARY KEY CHECK (one = 1),
                revision bigint NOT NULL
            )
            """,
            "INSERT INTO registry_state (one, revision) VALUES (1, 0)",
        ]),
        // Documents and coded segments are records too (kinds `document` and `segment`), with
        // the record a document is attached to and the document a segment codes as columns.
        Migration(name: "v2: documents attached to records, and passages of them coded with themes", statements: [
            "ALTER TABLE record ADD COLUMN attached_kind text COLLATE \"C\", ADD COLUMN attached_id text COLLATE \"C\", ADD COLUMN document_id text COLLATE \"C\"",
            "CREATE INDEX record_attached ON record (kind, attached_id)",
            "CREATE INDEX record_document ON record (kind, document_id)",
        ]),
    ]

    /// Brings the database's schema up to date, in one transaction that holds an advisory lock,
    /// so that two processes opening a new database at once do not both migrate it.
    static func migrate(_ connection: PostgresConnection, location: PostgresLocation, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            // An arbitrary key, the same in every citydip.
            try await connection.query("SELECT pg_advisory_xact_lock(6373796137)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS citydip_migration (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM citydip_migration", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            let known = Set(migrations.map(\.name))
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty { throw PostgresRegistryError.newerSchema(url: location.description, migrations: unknown) }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO citydip_migration (name) VALUES (\(migration.name))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
