import CityDiplomacyCore
import GRDB
import GRDBSQLite

/// Reads what an analysis snapshot needs of a dataset: its cities (``RecordReader/cities(_:filter:arguments:order:)``)
/// and four columns of its relations, by position, in one pass.
///
/// A relation's sources, themes, notes, flags and rows of import — most of what reading a
/// dataset costs — are not read: on a synthetic dataset of 980,953 relations the whole records
/// took 29 s and 1.85 GB, which every total and network measure paid for arrays of integers.
enum AnalysisColumnsReader {
    static func columns(_ db: Database, dataset id: String) throws -> AnalysisColumns? {
        guard let dataset = try DatasetRow.fetchOne(
            db, sql: "SELECT \(DatasetRow.columnsWithoutReport) FROM dataset WHERE id = ?", arguments: [id])?.dataset
        else { return nil }
        let cities = try RecordReader.cities(db, filter: "dataset_id = ?", arguments: [id])
        let positions = TextPositions(cities.map(\.id))

        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM relation WHERE dataset_id = ?", arguments: [id]) ?? 0
        var relationCity: [Int32] = [], relationPartner: [Int32] = [], relationKind: [Int32] = [], relationYear: [Int32] = []
        relationCity.reserveCapacity(count)
        relationPartner.reserveCapacity(count)
        relationKind.reserveCapacity(count)
        relationYear.reserveCapacity(count)
        var kinds: [RelationKind] = []
        var kindBytes: [[UInt8]] = []
        // Stepped through SQLite's own interface: the columns' bytes are looked up where SQLite
        // keeps them (``TextPositions``), where GRDB's rows would make a String of each.
        let statement = try db.makeStatement(sql: """
            SELECT city_id, partner_id, kind, signed_year_min FROM relation WHERE dataset_id = ? ORDER BY dataset_id, position
            """)
        try statement.setArguments([id])
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        func text(_ column: Int32) -> (UnsafeRawPointer, Int) {
            // The text first, then its length, as SQLite's documentation orders the calls; a
            // NULL (which the schema does not allow here) reads as the empty text.
            let text = sqlite3_column_text(raw, column).map(UnsafeRawPointer.init)
            return (text ?? UnsafeRawPointer(bitPattern: 1)!, text == nil ? 0 : Int(sqlite3_column_bytes(raw, column)))
        }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            // The registry's foreign keys hold a relation's ends among its dataset's cities.
            let (cityText, cityCount) = text(0), (partnerText, partnerCount) = text(1)
            guard let city = positions.position(of: cityText, count: cityCount),
                  let partner = positions.position(of: partnerText, count: partnerCount) else { continue }
            relationCity.append(city)
            relationPartner.append(partner)
            let (kindText, kindCount) = text(2)
            let kindBuffer = UnsafeRawBufferPointer(start: kindText, count: kindCount)
            if let known = kindBytes.firstIndex(where: { $0.elementsEqual(kindBuffer) }) {
                relationKind.append(Int32(known))
            } else {
                relationKind.append(Int32(kinds.count))
                kindBytes.append(Array(kindBuffer))
                kinds.append(RelationKind(unchecked: String(decoding: kindBuffer, as: UTF8.self)))
            }
            relationYear.append(sqlite3_column_type(raw, 3) == SQLITE_NULL ? AnalysisSnapshot.undated : Int32(truncatingIfNeeded: sqlite3_column_int64(raw, 3)))
        }
        return AnalysisColumns(dataset: dataset, cities: cities, relationCity: relationCity, relationPartner: relationPartner,
                               relationKind: relationKind, kinds: kinds, relationYear: relationYear)
    }
}
