import CityDiplomacyCore
import GRDB
import GRDBSQLite

/// Reads what an analysis snapshot and the counting of relations need of a dataset: its cities
/// (``RecordReader/cities(_:filter:arguments:order:)``) and the columns of its relations, by
/// position, in one pass, then the themes of the few relations that have any.
///
/// A relation's sources, notes, flags and rows of import — most of what reading a dataset costs
/// — are not read: on a synthetic dataset of 980,953 relations the whole records took 29 s and
/// 1.85 GB, which every total, count and network measure paid for arrays of integers. Statuses,
/// signing dates and recorded placements are looked up by their bytes among the few distinct
/// values a dataset holds, each parsed once.
enum AnalysisColumnsReader {
    static func columns(_ db: Database, dataset id: String) throws -> AnalysisColumns? {
        guard let dataset = try DatasetRow.fetchOne(
            db, sql: "SELECT \(DatasetRow.columnsWithoutReport) FROM dataset WHERE id = ?", arguments: [id])?.dataset
        else { return nil }
        let cities = try RecordReader.cities(db, filter: "dataset_id = ?", arguments: [id])
        let positions = TextPositions(cities.map(\.id))

        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM relation WHERE dataset_id = ?", arguments: [id]) ?? 0
        var relationCity: [Int32] = [], relationPartner: [Int32] = [], relationKind: [Int32] = [], relationYear: [Int32] = []
        var relationStatus: [Int32] = [], relationSigned: [Int32] = [], relationPlacements: [Int32] = [], relationPositions: [Int] = []
        relationCity.reserveCapacity(count)
        relationPartner.reserveCapacity(count)
        relationKind.reserveCapacity(count)
        relationYear.reserveCapacity(count)
        relationStatus.reserveCapacity(count)
        relationSigned.reserveCapacity(count)
        relationPlacements.reserveCapacity(count)
        relationPositions.reserveCapacity(count)
        var kinds = ByteTerms<RelationKind>(RelationKind.init(unchecked:)), statuses = ByteTerms<RelationStatus>(RelationStatus.init(unchecked:))
        var dates = ByteValues<PartialDate> { PartialDate($0) }
        var placements = ByteValues<[String: String]> { text in
            let map = try RecordReader.stringMap(text)
            return map.isEmpty ? nil : map
        }
        // Stepped through SQLite's own interface: the columns' bytes are looked up where SQLite
        // keeps them (``TextPositions``), where GRDB's rows would make a String of each.
        let statement = try db.makeStatement(sql: """
            SELECT city_id, partner_id, kind, signed_year_min, status, signed, period_placements, position FROM relation WHERE dataset_id = ? ORDER BY dataset_id, position
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
            relationKind.append(kinds.index(of: text(2)))
            relationYear.append(sqlite3_column_type(raw, 3) == SQLITE_NULL ? AnalysisSnapshot.undated : Int32(truncatingIfNeeded: sqlite3_column_int64(raw, 3)))
            relationStatus.append(statuses.index(of: text(4)))
            relationSigned.append(sqlite3_column_type(raw, 5) == SQLITE_NULL ? -1 : try dates.index(of: text(5)))
            // Nearly every relation places itself in no period: its column holds `{}`.
            let (placementText, placementCount) = text(6)
            let empty = placementCount == 2 && placementText.load(as: UInt8.self) == UInt8(ascii: "{")
                && placementText.load(fromByteOffset: 1, as: UInt8.self) == UInt8(ascii: "}")
            relationPlacements.append(empty ? -1 : try placements.index(of: (placementText, placementCount)))
            relationPositions.append(Int(sqlite3_column_int64(raw, 7)))
        }
        let relationThemes = try themes(db, dataset: id, positions: relationPositions)
        return AnalysisColumns(dataset: dataset, cities: cities, relationCity: relationCity, relationPartner: relationPartner,
                               relationKind: relationKind, kinds: kinds.values, relationYear: relationYear,
                               relationStatus: relationStatus, statuses: statuses.values, relationSigned: relationSigned, signedDates: dates.values,
                               relationPlacements: relationPlacements, placementSets: placements.values,
                               relationThemes: relationThemes.indices, themeSets: relationThemes.sets)
    }

    /// The themes of the dataset's relations, by the relations' positions in dataset order
    /// (`positions`, ascending): the theme table walked first (`CROSS JOIN` keeps SQLite to that
    /// order), each relation found through its primary key, since few relations have a theme.
    private static func themes(_ db: Database, dataset id: String, positions: [Int]) throws -> (indices: [Int32], sets: [[Theme]]) {
        var byRelation: [Int: [Theme]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT relation.position, relation_theme.theme FROM relation_theme CROSS JOIN relation ON relation.id = relation_theme.relation_id
            WHERE relation.dataset_id = ? ORDER BY relation.position, relation_theme.position
            """, arguments: [id])
        while let row = try rows.next() {
            let position: Int = row[0]
            // Binary search: the relation's index among those read.
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < position { low = middle + 1 } else { high = middle }
            }
            guard low < positions.count, positions[low] == position else { continue }
            byRelation[low, default: []].append(Theme(unchecked: row[1]))
        }
        var indices = [Int32](repeating: -1, count: positions.count)
        var sets: [[Theme]] = []
        var known: [[Theme]: Int32] = [:]
        for (relation, themes) in byRelation.sorted(by: { $0.key < $1.key }) {
            if let index = known[themes] { indices[relation] = index; continue }
            known[themes] = Int32(sets.count)
            indices[relation] = Int32(sets.count)
            sets.append(themes)
        }
        return (indices, sets)
    }
}

/// Terms of a vocabulary (kinds, statuses) looked up by their bytes among the few a dataset
/// uses, one `String` made per distinct term.
private struct ByteTerms<Term> {
    private(set) var values: [Term] = []
    private var bytes: [[UInt8]] = []
    private let make: (String) -> Term

    init(_ make: @escaping (String) -> Term) { self.make = make }

    mutating func index(of text: (UnsafeRawPointer, Int)) -> Int32 {
        let buffer = UnsafeRawBufferPointer(start: text.0, count: text.1)
        if let known = bytes.firstIndex(where: { $0.elementsEqual(buffer) }) { return Int32(known) }
        bytes.append(Array(buffer))
        values.append(make(String(decoding: buffer, as: UTF8.self)))
        return Int32(values.count - 1)
    }
}

/// Values parsed from text (signing dates, recorded placements), each distinct text parsed once
/// and each distinct value kept once; a text that parses to nothing is -1.
private struct ByteValues<Value: Hashable> {
    private(set) var values: [Value] = []
    private var byText: [[UInt8]: Int32] = [:]
    private var byValue: [Value: Int32] = [:]
    private var last: (bytes: [UInt8], index: Int32)?
    private let parse: (String) throws -> Value?

    init(_ parse: @escaping (String) throws -> Value?) { self.parse = parse }

    mutating func index(of text: (UnsafeRawPointer, Int)) throws -> Int32 {
        let buffer = UnsafeRawBufferPointer(start: text.0, count: text.1)
        if let last, last.bytes.elementsEqual(buffer) { return last.index }
        let bytes = Array(buffer)
        let index: Int32
        if let known = byText[bytes] {
            index = known
        } else {
            if let value = try parse(String(decoding: buffer, as: UTF8.self)) {
                if let known = byValue[value] { index = known } else {
                    index = Int32(values.count)
                    byValue[value] = index
                    values.append(value)
                }
            } else {
                index = -1
            }
            byText[bytes] = index
        }
        last = (bytes, index)
        return index
    }
}
