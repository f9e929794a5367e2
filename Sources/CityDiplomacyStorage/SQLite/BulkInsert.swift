import CityDiplomacyCore
import Foundation
import GRDB
import GRDBSQLite

/// Inserts many rows into one table, several rows a statement, on the connection and inside the
/// transaction of a GRDB `Database`.
///
/// Written by hand because storing an imported dataset row by row through GRDB spent most of its
/// time around SQLite's B-trees rather than in them: for the 25,917-row Wikipedia import, building
/// GRDB's `StatementArguments` (arrays of existentials) and stepping one statement per row took
/// 1.1 s of the 1.5 s the store took, while the same rows copied table to table by
/// `INSERT … SELECT` took 0.35 s. Rows are buffered as typed values, bound through SQLite's C API,
/// and inserted `rowsPerStatement` at a time with a multi-row `VALUES`, so that each statement
/// opens its cursors on the table, its indexes and the parents of its foreign keys once for many
/// rows. GRDB still owns the connection and the transaction, and errors are its `DatabaseError`.
///
/// A failing statement is rolled back by SQLite on its own (the transaction goes on), and its rows
/// are then inserted one by one, so that the error names the row that caused it.
///
/// ```swift
/// let names = try BulkInsert(db, sql: "INSERT OR IGNORE INTO city_name (city_id, search_key)", columns: 2)
/// for key in keys { try names.append { row in row.bind(city.id); row.bind(key) } }
/// try names.finish()
/// ```
final class BulkInsert {
    /// The row (counted from 0 in the order of `append`) whose insertion failed, and why.
    struct Failure: Error {
        var row: Int
        var error: DatabaseError
    }

    /// One row's values, bound in the order of the columns.
    struct Row {
        fileprivate var values: [Value] = []
        /// The UTF-8 of the texts of the rows pending, which their values point into.
        fileprivate var bytes: [UInt8] = []

        mutating func bind(_ value: String?) {
            guard let value else { return values.append(.null) }
            bind(value)
        }

        /// A text that is never `NULL`: bound from where it lies, where an optional first made
        /// a copy of it (retaining the string; a third of the time binding a relation, perf).
        mutating func bind(_ value: String) {
            let start = bytes.count
            // A native string lends its bytes without copying them first.
            if value.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: value.utf8)
            }
            values.append(.text(start: start, count: bytes.count - start))
        }

        /// A JSON array of integers (`[2,17]`), written straight into the rows' bytes rather
        /// than built as a string first.
        mutating func bindJSONArray(_ integers: [Int]) {
            let start = bytes.count
            bytes.append(UInt8(ascii: "["))
            for (offset, integer) in integers.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                if integer < 0 { bytes.append(UInt8(ascii: "-")) }
                // The digits from the last, then turned around in place.
                let first = bytes.count
                var rest = integer.magnitude
                repeat {
                    bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
                    rest /= 10
                } while rest > 0
                bytes[first...].reverse()
            }
            bytes.append(UInt8(ascii: "]"))
            values.append(.text(start: start, count: bytes.count - start))
        }

        /// A JSON array of texts (`["self_pair"]`), written straight into the rows' bytes.
        mutating func bindJSONArray(_ texts: some Sequence<String>) {
            let start = bytes.count
            bytes.append(UInt8(ascii: "["))
            for (offset, text) in texts.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONString.append(text, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
            values.append(.text(start: start, count: bytes.count - start))
        }

        mutating func bind(_ value: Int?) { values.append(value.map { .integer(Int64($0)) } ?? .null) }
        mutating func bind(_ value: Double?) { values.append(value.map(Value.real) ?? .null) }
    }

    /// A value to bind; a text is a range of ``Row/bytes``, so that the values hold no strings
    /// to retain and release, and SQLite reads the texts where they are instead of copying each
    /// into memory it allocates (`SQLITE_STATIC` rather than `SQLITE_TRANSIENT`). Binding each
    /// text as a `String` took more CPU time than SQLite's inserts of the same rows (8.7 s against
    /// 3.7 s for the relations of the 1,000,000-row synthetic file, the latter measured by
    /// `INSERT … SELECT` from a copy of the rows).
    fileprivate enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
    }

    private let connection: OpaquePointer
    private let prefix: String
    private let columns: Int
    private let rowsPerStatement: Int
    /// Prepared statements by the number of rows they insert.
    private var statements: [Int: OpaquePointer] = [:]
    private var pending = Row()
    private var rowsAppended = 0

    /// - Parameters:
    ///   - prefix: The statement up to `VALUES`: `INSERT INTO table (a, b)`.
    ///   - columns: How many values each row binds.
    init(_ db: Database, sql prefix: String, columns: Int, rowsPerStatement: Int = 64) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed", sql: prefix)
        }
        self.connection = connection
        self.prefix = prefix
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        pending.values.reserveCapacity(columns * rowsPerStatement)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
    }

    func append(_ bind: (inout Row) -> Void) throws(Failure) {
        // The row binds straight into the buffers of the pending rows, rather than into arrays of
        // its own that are then copied.
        let start = pending.values.count
        bind(&pending)
        precondition(pending.values.count - start == columns, "\(prefix): bound \(pending.values.count - start) values, expected \(columns)")
        rowsAppended += 1
        if pending.values.count == columns * rowsPerStatement { try flush() }
    }

    /// Binds the rows of `count` items on another thread, `bind(item, &row)` binding each item's
    /// rows (none, one or several, each of every column), while this one inserts those bound
    /// before; rows appended before go first. `inserted` is told how many rows each batch held,
    /// once inserted.
    ///
    /// For the large tables of a store in bulk, where binding a row (reading a record, copying its
    /// texts, writing its JSON) was a third of the writing thread's time, and SQLite's inserts
    /// the rest, with the other core idle (perf, the 1,000,000-row synthetic file). The binding
    /// thread keeps at most two batches ahead, so that the rows in memory stay few. A failed
    /// insert stops it before this returns; ``Failure/row`` counts the rows from the first ever
    /// appended, as ``append(_:)`` does.
    func appendAll(
        count: Int, _ bind: @escaping @Sendable (_ item: Int, _ row: inout Row) -> Void, inserted: ((_ rows: Int) -> Void)? = nil
    ) throws(Failure) {
        try flush()
        guard count > 0 else { return }
        let (columns, prefix, batchRows) = (columns, prefix, rowsPerStatement * 64)
        @Sendable func bindBatch(from first: Int) -> (batch: Row, next: Int) {
            var batch = Row()
            batch.values.reserveCapacity(batchRows * columns)
            var item = first
            while item < count, batch.values.count < batchRows * columns {
                bind(item, &batch)
                item += 1
            }
            precondition(batch.values.count % columns == 0, "\(prefix): bound \(batch.values.count) values, not rows of \(columns)")
            return (batch, item)
        }
        func insert(_ batch: Row) throws(Failure) {
            pending = batch
            rowsAppended += batch.values.count / columns
            try flush()
            inserted?(batch.values.count / columns)
        }
        let (first, afterFirst) = bindBatch(from: 0)
        let batches = Batches(capacity: 2)
        // The rest on a thread of its own (see ``Background``), while the first is inserted.
        let binding = afterFirst < count && Background.start({
            var item = afterFirst
            while item < count, !batches.isCancelled {
                let (batch, next) = bindBatch(from: item)
                batches.put(batch)
                item = next
            }
            batches.finish()
        })
        guard binding else {
            // One batch or fewer, with nothing to overlap; or no thread could be made: each batch
            // is bound here, then inserted.
            try insert(first)
            var item = afterFirst
            while item < count {
                let (batch, next) = bindBatch(from: item)
                try insert(batch)
                item = next
            }
            return
        }
        defer { batches.cancel() }
        try insert(first)
        while let batch = batches.take() { try insert(batch) }
    }

    /// Inserts the rows still buffered.
    func finish() throws(Failure) {
        try flush()
    }

    /// Inserts the rows buffered, `rowsPerStatement` a statement and the rest in one more.
    private func flush() throws(Failure) {
        let rows = pending.values.count / columns
        guard rows > 0 else { return }
        let firstRow = rowsAppended - rows
        defer {
            pending.values.removeAll(keepingCapacity: true)
            pending.bytes.removeAll(keepingCapacity: true)
        }
        for group in stride(from: 0, to: rows, by: rowsPerStatement) {
            try insert(group: group, rows: min(rowsPerStatement, rows - group), firstRow: firstRow)
        }
    }

    /// Inserts `rows` buffered rows from the row `group`, in one statement; the rows one by one
    /// where a constraint refuses it, so that the error names the row.
    private func insert(group: Int, rows: Int, firstRow: Int) throws(Failure) {
        do {
            try insert(rows: rows, from: group * columns)
        } catch {
            // Only a constraint undoes just the failed statement. Other errors (interrupt, full
            // disk, I/O) may have rolled the whole transaction back: rows retried then would be
            // committed one by one, outside it.
            guard rows > 1, error.resultCode == .SQLITE_CONSTRAINT, sqlite3_get_autocommit(connection) == 0 else {
                throw Failure(row: firstRow + group, error: error)
            }
            for row in group..<(group + rows) {
                do {
                    try insert(rows: 1, from: row * columns)
                } catch {
                    throw Failure(row: firstRow + row, error: error)
                }
            }
        }
    }

    private func insert(rows: Int, from start: Int) throws(DatabaseError) {
        // GRDB refuses to run statements once SQLite has rolled a transaction back on its own;
        // these statements bypass GRDB, so they check for themselves.
        guard sqlite3_get_autocommit(connection) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_ABORT, message: "the transaction was rolled back", sql: prefix)
        }
        let statement = try statement(rows: rows)
        let code: Int32 = pending.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<(rows * columns) {
                let position = Int32(index + 1)
                let code: Int32
                switch pending.values[start + index] {
                case .null: code = sqlite3_bind_null(statement, position)
                case let .integer(value): code = sqlite3_bind_int64(statement, position, value)
                case let .real(value): code = sqlite3_bind_double(statement, position, value)
                case let .text(textStart, count):
                    // The bytes stay where they are until the statement is reset below; an empty
                    // text is copied (from a buffer lent for the call only), since a null pointer
                    // would bind NULL.
                    if count == 0 {
                        code = sqlite3_bind_text(statement, position, "", 0, transient)
                    } else {
                        code = sqlite3_bind_text(statement, position, UnsafeRawPointer(bytes.baseAddress! + textStart).assumingMemoryBound(to: CChar.self),
                                                 Int32(count), nil)
                    }
                }
                // A value SQLite refuses (too big, out of memory) must not leave the previous row's
                // value bound in its place.
                guard code == SQLITE_OK else {
                    sqlite3_clear_bindings(statement)
                    return code
                }
            }
            let code = sqlite3_step(statement)
            // Reset and unbound while the bytes are still lent: nothing keeps pointing into them.
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            return code == SQLITE_DONE ? SQLITE_OK : -1
        }
        if code == -1 { throw error(sqlite3_extended_errcode(connection)) }
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: prefix)
    }

    private func statement(rows: Int) throws(DatabaseError) -> OpaquePointer {
        if let statement = statements[rows] { return statement }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
        let sql = prefix + " VALUES " + Array(repeating: row, count: rows).joined(separator: ",")
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        statements[rows] = statement
        return statement
    }
}

/// SQLite copies the bound bytes before `sqlite3_bind_text` returns (SQLITE_TRANSIENT): for a
/// buffer Swift lends only for the call.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// The batches of rows one thread binds and another inserts, at most `capacity` waiting.
private final class Batches: @unchecked Sendable {
    // Every property is read and written with `condition` locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var waiting: [BulkInsert.Row] = []
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    var isCancelled: Bool {
        condition.withLock { cancelled }
    }

    /// Hands a batch over, once fewer than `capacity` wait; drops it if the inserts have stopped.
    func put(_ batch: BulkInsert.Row) {
        condition.withLock {
            while waiting.count >= capacity, !cancelled { condition.wait() }
            if !cancelled { waiting.append(batch) }
            condition.broadcast()
        }
    }

    /// The binding thread has bound its last batch.
    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// The next batch, once bound; `nil` after the last.
    func take() -> BulkInsert.Row? {
        condition.withLock {
            while waiting.isEmpty, !finished { condition.wait() }
            defer { condition.broadcast() }
            return waiting.isEmpty ? nil : waiting.removeFirst()
        }
    }

    /// Stops the binding thread and waits for it to finish, so that nothing reads the records
    /// after the inserts have returned.
    func cancel() {
        condition.withLock {
            cancelled = true
            waiting.removeAll()
            condition.broadcast()
            while !finished { condition.wait() }
        }
    }
}
