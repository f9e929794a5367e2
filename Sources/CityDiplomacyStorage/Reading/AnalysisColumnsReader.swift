import CityDiplomacyCore
import GRDB
import GRDBSQLite
import Foundation

/// Reads what an analysis snapshot and the counting of relations need of a dataset: its cities
/// (``RecordReader/cities(_:filter:arguments:order:)``), the columns of its relations by
/// position, and the themes of the few relations that have any; a large dataset's in parts, on
/// several connections at once (``columns(of:dataset:partsFrom:parts:)``).
///
/// A relation's sources, notes, flags and rows of import — most of what reading a dataset costs
/// — are not read: on a synthetic dataset of 980,953 relations the whole records took 29 s and
/// 1.85 GB, which every total, count and network measure paid for arrays of integers. Statuses,
/// signing dates and recorded placements are looked up by their bytes among the few distinct
/// values a dataset holds, each parsed once.
enum AnalysisColumnsReader {
    /// How many relations a dataset has (as the span of their positions tells) from which its
    /// columns are read in parts, each on a connection of its own (``columns(of:dataset:partsFrom:parts:)``); fewer are read in one
    /// transaction, where opening more connections would cost more than it saves.
    static let partsFrom = 50_000

    /// How many parts a large dataset's relations are read in: one a core, two at least (the
    /// cities are read beside them) and three at most, so that with the cities' read one of a
    /// pool's five readers stays free for every other request while a snapshot is built.
    static var parts: Int { min(3, max(2, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Dataset `id`'s columns, or `nil` if there is no such dataset.
    ///
    /// A dataset of ``partsFrom`` relations or more is read on several connections at once: its
    /// cities and themes on one, its relations cut into `parts` runs of positions on the others,
    /// each numbering the city ids it meets, which are then looked up once among the cities
    /// rather than on every row. Reading the 980,953 relations of the synthetic million on one
    /// connection, after their 326,181 cities, was 2.5 s of one core of the 4 s `citydip stats`
    /// took, the other core idle (perf). Each read also reads the registry's revision; only
    /// if all saw the revision the first read saw are the parts put together — SQLite on this
    /// system has no shared snapshots (GRDB leaves `DatabaseSnapshotPool` out on Linux) — and
    /// otherwise (a write came between) the dataset is read again in one transaction.
    static func columns(of registry: SQLiteRegistry, dataset id: String, partsFrom: Int = partsFrom, parts: Int = parts) async throws -> AnalysisColumns? {
        guard let outline = try await registry.read({ db in try Outline(db, dataset: id) }) else { return nil }
        if let positions = outline.positions, parts > 1, UInt(bitPattern: positions.upperBound &- positions.lowerBound) >= UInt(max(partsFrom, 1) - 1),
           let columns = try await inParts(of: registry, outline: outline, positions: positions, parts: parts) {
            return columns
        }
        return try await registry.read { db in try columns(db, dataset: id) }
    }

    /// Dataset `id`'s columns, read in `db`'s transaction.
    static func columns(_ db: Database, dataset id: String) throws -> AnalysisColumns? {
        guard let dataset = try dataset(db, id: id) else { return nil }
        let cities = try RecordReader.cities(db, filter: "dataset_id = ?", arguments: [id])
        return try assemble(dataset: dataset, cities: cities, cityPositions: TextPositions(cities.map(\.id)),
                            parts: [RelationPart(db, dataset: id, positions: nil)], themes: themeRows(db, dataset: id))
    }

    /// What is known of a dataset before its columns are read: enough to cut its relations into parts.
    struct Outline: Sendable {
        var dataset: Dataset
        /// The first and last of its relations' positions; `nil` without relations. Their span
        /// stands for the relations' number (a dataset's positions run 0, 1, 2, … as stored,
        /// with the gaps its edits leave): counting them walked an index, 0.17 s at a million,
        /// before anything else could start; the two ends are two seeks in it.
        var positions: ClosedRange<Int>?
        var revision: String

        init?(_ db: Database, dataset id: String) throws {
            guard let dataset = try AnalysisColumnsReader.dataset(db, id: id) else { return nil }
            self.dataset = dataset
            // Two subqueries: SQLite finds a lone min() or max() by one seek in an index, both in one query by a scan.
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT min(position) FROM relation WHERE dataset_id = ?1), (SELECT max(position) FROM relation WHERE dataset_id = ?1)
                """, arguments: [id])
            if let first: Int = row?[0], let last: Int = row?[1] { positions = first...last }
            revision = try SQLiteRegistry.revision(db)
        }
    }

    private static func dataset(_ db: Database, id: String) throws -> Dataset? {
        try DatasetRow.fetchOne(db, sql: "SELECT \(DatasetRow.columnsWithoutReport) FROM dataset WHERE id = ?", arguments: [id])?.dataset
    }

    /// The columns read in parts, each part on a connection of its own, or `nil` if some read
    /// saw another revision of the registry than `outline`'s.
    static func inParts(of registry: SQLiteRegistry, outline: Outline, positions: ClosedRange<Int>, parts: Int) async throws -> AnalysisColumns? {
        let id = outline.dataset.id
        // The cities' ids are put in their table here too, while the relations are still being read.
        async let citiesRead = registry.read { db in
            let cities = try RecordReader.cities(db, filter: "dataset_id = ?", arguments: [id])
            return (revision: try SQLiteRegistry.revision(db), cities: cities, positions: TextPositions(cities.map(\.id)),
                    themes: try themeRows(db, dataset: id))
        }
        let runs = cut(positions, into: parts)
        let relationsRead = try await withThrowingTaskGroup(of: (Int, String, RelationPart).self) { group in
            for (index, run) in runs.enumerated() {
                group.addTask {
                    let (revision, part) = try await registry.read { db in (try SQLiteRegistry.revision(db), try RelationPart(db, dataset: id, positions: run)) }
                    return (index, revision, part)
                }
            }
            var read: [(Int, String, RelationPart)] = []
            for try await part in group {
                // A part of another revision ends the reading in parts at once: the parts still
                // being read are cancelled (their steps interrupted), not read to the end for nothing.
                guard part.1 == outline.revision else {
                    group.cancelAll()
                    return nil as [(Int, String, RelationPart)]?
                }
                read.append(part)
            }
            return read.sorted { $0.0 < $1.0 }
        }
        // Returned without awaiting it, the cities' read is cancelled too.
        guard let relationsRead else { return nil }
        let (revision, cities, cityPositions, themes) = try await citiesRead
        guard revision == outline.revision else { return nil }
        return try assemble(dataset: outline.dataset, cities: cities, cityPositions: cityPositions, parts: relationsRead.map(\.2), themes: themes)
    }

    /// `positions` cut into at most `parts` consecutive runs of about as many positions, in order.
    static func cut(_ positions: ClosedRange<Int>, into parts: Int) -> [ClosedRange<Int>] {
        // Widths as magnitudes: the positions are a user's integers, and their span may not fit an Int.
        let span = UInt(bitPattern: positions.upperBound &- positions.lowerBound)
        let size = span / UInt(max(parts, 1)) + 1
        var runs: [ClosedRange<Int>] = [], lower = positions.lowerBound
        while true {
            let remaining = UInt(bitPattern: positions.upperBound &- lower)
            if remaining < size { runs.append(lower...positions.upperBound); return runs }
            let upper = lower &+ Int(bitPattern: size - 1)
            runs.append(lower...upper)
            lower = upper + 1
        }
    }

    /// The relations of a dataset whose positions fall in a run (or all of them), in order of
    /// position, as read: the ends as the numbers of the ids this part met, the kinds,
    /// statuses, signing dates and placements as the numbers of the texts it met.
    struct RelationPart: Sendable {
        var ends = TextPositions(), kinds = TextPositions(), statuses = TextPositions()
        var dates = TextPositions(), placements = TextPositions()
        var city: [Int32] = [], partner: [Int32] = [], kind: [Int32] = [], year: [Int32] = [], status: [Int32] = []
        /// -1 where the relation is undated, or places itself in no period.
        var signed: [Int32] = [], placement: [Int32] = []
        var position: [Int] = []

        init(_ db: Database, dataset id: String, positions run: ClosedRange<Int>?) throws {
            // Stepped through SQLite's own interface: the columns' bytes are numbered where SQLite
            // keeps them (``TextPositions``), where GRDB's rows would make a String of each.
            let statement = try db.makeStatement(sql: """
                SELECT city_id, partner_id, kind, signed_year_min, status, signed, period_placements, position FROM relation
                WHERE dataset_id = ?\(run == nil ? "" : " AND position BETWEEN ? AND ?") ORDER BY dataset_id, position
                """)
            try statement.setArguments(run.map { [id, $0.lowerBound, $0.upperBound] } ?? [id])
            // Stepped here rather than by GRDB's cursor, whose step per row made `citydip stats`
            // 0.1–0.2 s slower at a million relations (five alternating pairs, release build).
            // The statement is kept alive to the reset by `withExtendedLifetime` below.
            let raw = statement.sqliteStatement
            defer { withExtendedLifetime(statement) { _ = sqlite3_reset(raw) } }
            func text(_ column: Int32) -> (UnsafeRawPointer, Int) {
                // The text first, then its length, as SQLite's documentation orders the calls; a
                // NULL (which the schema does not allow here) reads as the empty text.
                let text = sqlite3_column_text(raw, column).map(UnsafeRawPointer.init)
                return (text ?? UnsafeRawPointer(bitPattern: 1)!, text == nil ? 0 : Int(sqlite3_column_bytes(raw, column)))
            }
            // The number of the last date met, which the next relation often has too.
            var lastDate: Int32?
            var rows = 0
            while true {
                // GRDB interrupts a cancelled read's step (`sqlite3_interrupt`), but SQLite forgets
                // an interruption that comes before a statement's first step: the task is asked too,
                // every 4,096 rows.
                if rows & 0xFFF == 0 { try Task.checkCancellation() }
                rows &+= 1
                let code = sqlite3_step(raw)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw Self.failure(ofStep: code, message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
                }
                city.append(ends.intern(text(0)))
                partner.append(ends.intern(text(1)))
                kind.append(kinds.intern(text(2)))
                year.append(sqlite3_column_type(raw, 3) == SQLITE_NULL ? AnalysisSnapshot.undated : Int32(truncatingIfNeeded: sqlite3_column_int64(raw, 3)))
                status.append(statuses.intern(text(4)))
                if sqlite3_column_type(raw, 5) == SQLITE_NULL {
                    signed.append(-1)
                } else {
                    let (pointer, count) = text(5)
                    if let last = lastDate, dates.withText(at: last, { $1 == count && memcmp($0, pointer, count) == 0 }) {
                        signed.append(last)
                    } else {
                        let index = dates.intern(pointer, count: count)
                        lastDate = index
                        signed.append(index)
                    }
                }
                // Nearly every relation places itself in no period: its column holds `{}`.
                let (placementText, placementCount) = text(6)
                let empty = placementCount == 2 && placementText.load(as: UInt8.self) == UInt8(ascii: "{")
                    && placementText.load(fromByteOffset: 1, as: UInt8.self) == UInt8(ascii: "}")
                placement.append(empty ? -1 : placements.intern(placementText, count: placementCount))
                position.append(Int(sqlite3_column_int64(raw, 7)))
            }
        }

        /// The error of a step that gave `code` (a result code, extended or not): a
        /// `CancellationError` where the step was interrupted or aborted and the task is
        /// cancelled, as GRDB's own steps tell it, not a failing database; a `DatabaseError`
        /// otherwise.
        static func failure(ofStep code: Int32, message: String, sql: String) -> any Error {
            let primary = code & 0xFF
            if (primary == SQLITE_INTERRUPT || primary == SQLITE_ABORT) && Task.isCancelled { return CancellationError() }
            return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    /// The columns of `parts` (in order of position) put together: ends looked up among
    /// `cities` (whose ids `cityPositions` holds), each distinct term, date and placement made
    /// once. A relation with an end that is not among the dataset's cities is left out, as the
    /// snapshot's positions cannot name it.
    static func assemble(dataset: Dataset, cities: [City], cityPositions positions: TextPositions, parts: [RelationPart],
                         themes: [(position: Int, theme: Theme)]) throws -> AnalysisColumns {
        let count = parts.reduce(0) { $0 + $1.city.count }
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
        var kinds = ParsedTexts<RelationKind> { RelationKind(unchecked: $0) }, statuses = ParsedTexts<RelationStatus> { RelationStatus(unchecked: $0) }
        var dates = ParsedTexts<PartialDate> { PartialDate($0) }
        var placements = ParsedTexts<[String: String]> { text in
            let map = try RecordReader.stringMap(text)
            return map.isEmpty ? nil : map
        }
        for part in parts {
            // The registry's foreign keys hold a relation's ends among the cities; -1 for one
            // that is not among this dataset's.
            let ends = (0..<Int32(part.ends.count)).map { part.ends.withText(at: $0) { positions.position(of: $0, count: $1) ?? -1 } }
            let kind = try kinds.indices(of: part.kinds), status = try statuses.indices(of: part.statuses)
            let signed = try dates.indices(of: part.dates), placement = try placements.indices(of: part.placements)
            for row in part.city.indices {
                let city = ends[Int(part.city[row])], partner = ends[Int(part.partner[row])]
                guard city >= 0, partner >= 0 else { continue }
                relationCity.append(city)
                relationPartner.append(partner)
                relationKind.append(kind[Int(part.kind[row])])
                relationYear.append(part.year[row])
                relationStatus.append(status[Int(part.status[row])])
                relationSigned.append(part.signed[row] < 0 ? -1 : signed[Int(part.signed[row])])
                relationPlacements.append(part.placement[row] < 0 ? -1 : placement[Int(part.placement[row])])
                relationPositions.append(part.position[row])
            }
        }
        let relationThemes = Self.themes(themes, positions: relationPositions)
        return AnalysisColumns(dataset: dataset, cities: cities, relationCity: relationCity, relationPartner: relationPartner,
                               relationKind: relationKind, kinds: kinds.values, relationYear: relationYear,
                               relationStatus: relationStatus, statuses: statuses.values, relationSigned: relationSigned, signedDates: dates.values,
                               relationPlacements: relationPlacements, placementSets: placements.values,
                               relationThemes: relationThemes.indices, themeSets: relationThemes.sets)
    }

    /// The themes of the dataset's relations with their relations' positions, in order of
    /// position and of the themes: the theme table walked first (`CROSS JOIN` keeps SQLite to
    /// that order), each relation found through its primary key, since few relations have a theme.
    static func themeRows(_ db: Database, dataset id: String) throws -> [(position: Int, theme: Theme)] {
        var themes: [(position: Int, theme: Theme)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT relation.position, relation_theme.theme FROM relation_theme CROSS JOIN relation ON relation.id = relation_theme.relation_id
            WHERE relation.dataset_id = ? ORDER BY relation.position, relation_theme.position
            """, arguments: [id])
        while let row = try rows.next() { themes.append((row[0], Theme(unchecked: row[1]))) }
        return themes
    }

    /// The themes of the relations at `positions` (ascending), as indices into the distinct
    /// lists of themes.
    private static func themes(_ rows: [(position: Int, theme: Theme)], positions: [Int]) -> (indices: [Int32], sets: [[Theme]]) {
        var byRelation: [Int: [Theme]] = [:]
        for (position, theme) in rows {
            // Binary search: the relation's index among those read.
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < position { low = middle + 1 } else { high = middle }
            }
            guard low < positions.count, positions[low] == position else { continue }
            byRelation[low, default: []].append(theme)
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

/// Values made from texts (terms, signing dates, recorded placements), each distinct text made
/// once across the parts of a read and each distinct value kept once; a text that makes nothing
/// is -1.
private struct ParsedTexts<Value: Hashable> {
    private(set) var values: [Value] = []
    private var byText: [[UInt8]: Int32] = [:]
    private var byValue: [Value: Int32] = [:]
    private let make: (String) throws -> Value?

    init(_ make: @escaping (String) throws -> Value?) { self.make = make }

    /// The index among ``values`` of each of `texts` (a part's), in their order.
    mutating func indices(of texts: TextPositions) throws -> [Int32] {
        try (0..<Int32(texts.count)).map { position in
            try texts.withText(at: position) { pointer, count in try index(of: UnsafeRawBufferPointer(start: pointer, count: count)) }
        }
    }

    private mutating func index(of text: UnsafeRawBufferPointer) throws -> Int32 {
        let bytes = Array(text)
        if let known = byText[bytes] { return known }
        let index: Int32
        if let value = try make(String(decoding: text, as: UTF8.self)) {
            if let known = byValue[value] { index = known } else {
                index = Int32(values.count)
                byValue[value] = index
                values.append(value)
            }
        } else {
            index = -1
        }
        byText[bytes] = index
        return index
    }
}
