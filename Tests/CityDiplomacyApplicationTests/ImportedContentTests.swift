import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// What an import leaves in the database, held to what the import stored before the work on its
/// speed and memory (issue #14): the 800-row sample of the Wikipedia file (a committed fixture),
/// imported as `citydip import` imports it, row by row and in bulk.
///
/// The figures were taken from the release binary of `162cbbd` (the commit before that work):
/// `citydip import twin_cities_sample.csv --format wikipedia-csv --dataset wikipedia-sample` into
/// a new database, then the records hash `citydip cite --dataset wikipedia-sample` names, and the
/// SHA-256 of ``dump(_:dataset:)`` of that database (the same SQL, run by Python's `sqlite3` on
/// the same SQLite library).
@Suite("An import stores exactly what it stored before, row by row and in bulk")
struct ImportedContentTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../CityDiplomacyImportTests/Fixtures/twin_cities_sample.csv").standardizedFileURL.path
    static let dataset = "wikipedia-sample"
    /// The SHA-256 of the records the registry reads back (``DatasetContent/recordsHash``).
    static let recordsHash = "33a921429260bad6e157af9026d0f1c2ba68ac06108d90bfa8cb76127efcf82e"
    /// The SHA-256 of ``dump(_:dataset:)``: every row the import wrote, the quality report among them.
    /// Changed once since `162cbbd`, by one key: the quality report's `"removed_characters":[]`
    /// (control characters taken out of values, #16). Without it the dump hashes to
    /// eef422351669730caa491a4efb89cc2c554db53922073f74a1a0811e72503dcf, as before.
    static let dumpHash = "a2ae1f753fad513f84173637091e2d6d13ca5dd6af3f2fb2a02f7b462f9c729a"

    @Test("The sample's records, rows, order of rows and quality report are those stored before", arguments: [false, true])
    func sameContent(bulk: Bool) async throws {
        // 20,000 rows is where an import goes in bulk; 1 sends this one there.
        let registry = try SQLiteRegistry(bulkRows: bulk ? 1 : 20_000)
        try await RegistrySeeding.seed(registry, refresh: false)
        let outcome = try await DatasetImport.run(ImportRequest(path: Self.sample, format: .wikipediaCSV, dataset: Self.dataset), into: registry)
        guard case let .imported(report, _) = outcome else { Issue.record("the sample was not imported"); return }
        #expect(report.rowsRead == 800)
        let content = try #require(try await registry.content(ofDataset: Self.dataset))
        #expect(content.recordsHash == Self.recordsHash)
        let dump = try await Self.dump(registry, dataset: Self.dataset)
        #expect(dump.hasPrefix("# dataset 1\n"))
        // Every relation cites the file alone: no citation row each, the file named once (v16).
        let stored = try await registry.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM citation WHERE record_kind = 'relation' AND record_id IN (SELECT id FROM relation WHERE dataset_id = ?)",
                              arguments: [Self.dataset]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM relation WHERE dataset_id = ? AND cites_dataset_source", arguments: [Self.dataset]),
             try String.fetchAll(db, sql: "SELECT source_id FROM dataset_relation_source WHERE dataset_id = ?", arguments: [Self.dataset]))
        }
        #expect(stored.0 == 0 && stored.1 == content.relations.count && stored.2 == ["wikipedia-sample:file"])
        #expect(ContentHash.sha256Hex(of: Data(dump.utf8)) == Self.dumpHash)
    }

    /// Every row of the dataset's tables, each column as SQLite quotes it, cities, relations and
    /// sources in the order stored (which reads follow), the other tables by key; the dataset's
    /// row without the time it was stored. Since schema v16 a relation that cites the dataset's
    /// common source alone has no citation row: its citation is dumped as the row it had before
    /// (the source at position 0), and its mark left out, so that the dump is still the one hashed
    /// before, the same citations stored in another form.
    static func dump(_ registry: SQLiteRegistry, dataset: String) async throws -> String {
        let tables: [(table: String, rows: String, order: String, without: Set<String>)] = [
            ("dataset", "id = ?", "id", ["stored_at"]),
            ("source", "dataset_id = ?", "rowid", []),
            ("city", "dataset_id = ?", "rowid", []),
            ("city_name", "city_id IN (SELECT id FROM city WHERE dataset_id = ?)", "city_id, search_key", []),
            ("relation", "dataset_id = ?", "rowid", ["cites_dataset_source"]),
            ("relation_theme", "relation_id IN (SELECT id FROM relation WHERE dataset_id = ?)", "relation_id, theme", []),
            ("citation", "source_id IN (SELECT id FROM source WHERE dataset_id = ?)", "record_kind, record_id, source_id", []),
        ]
        return try await registry.writer.read { db in
            try tables.map { table in
                var columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.table))").map { $0["name"] as String }
                    .filter { !table.without.contains($0) }
                // The dataset's columns in the order they had when the figures were taken: schema
                // v14 made the import report the last column; it stood after `is_bundled`.
                if table.table == "dataset", let report = columns.firstIndex(of: "import_report"), let bundled = columns.firstIndex(of: "is_bundled") {
                    columns.insert(columns.remove(at: report), at: bundled + 1)
                }
                let quoted = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
                let from = table.table != "citation" ? table.table : """
                    (SELECT record_kind, record_id, source_id, position FROM citation
                     UNION ALL SELECT 'relation', r.id, d.source_id, 0 FROM relation AS r
                     JOIN dataset_relation_source AS d ON d.dataset_id = r.dataset_id WHERE r.cites_dataset_source)
                    """
                let rows = try String.fetchAll(db, sql: "SELECT \(quoted) FROM \(from) WHERE \(table.rows) ORDER BY \(table.order)",
                                               arguments: [dataset])
                return (["# \(table.table) \(rows.count)"] + rows).joined(separator: "\n")
            }
            .joined(separator: "\n")
        }
    }
}
