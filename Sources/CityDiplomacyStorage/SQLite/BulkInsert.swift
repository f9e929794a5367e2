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

        mutating func bind(_ value: String?) { values.append(value.map(Value.text) ?? .null) }
        mutating func bind(_ value: Int?) { values.append(value.map { .integer(Int64($0)) } ?? .null) }
        mutating func bind(_ value: Double?) { values.append(value.map(Value.real) ?? .null) }
    }

    fileprivate enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    private let connection: OpaquePointer
    private let prefix: String
    private let columns: Int
    private let rowsPerStatement: Int
    /// Prepared statements by the number of rows they insert.
    private var statements: [Int: OpaquePointer] = [:]
    private var pending: [Value] = []
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
        pending.reserveCapacity(columns * rowsPerStatement)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
    }

    func append(_ bind: (inout Row) -> Void) throws(Failure) {
        var row = Row()
        row.values.reserveCapacity(columns)
        bind(&row)
        precondition(row.values.count == columns, "\(prefix): bound \(row.values.count) values, expected \(columns)")
        pending.append(contentsOf: row.values)
        rowsAppended += 1
        if pending.count == columns * rowsPerStatement { try flush() }
    }

    /// Inserts the rows still buffered.
    func finish() throws(Failure) {
        try flush()
    }

    private func flush() throws(Failure) {
        let rows = pending.count / columns
        guard rows > 0 else { return }
        let firstRow = rowsAppended - rows
        defer { pending.removeAll(keepingCapacity: true) }
        do {
            try insert(rows: rows, from: 0)
        } catch {
            // Only a constraint undoes just the failed statement. Other errors (interrupt, full
            // disk, I/O) may have rolled the whole transaction back: rows retried then would be
            // committed one by one, outside it.
            guard rows > 1, error.resultCode == .SQLITE_CONSTRAINT, sqlite3_get_autocommit(connection) == 0 else {
                throw Failure(row: firstRow, error: error)
            }
            for row in 0..<rows {
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
        for index in 0..<(rows * columns) {
            let position = Int32(index + 1)
            let code: Int32
            switch pending[start + index] {
            case .null: code = sqlite3_bind_null(statement, position)
            case let .integer(value): code = sqlite3_bind_int64(statement, position, value)
            case let .real(value): code = sqlite3_bind_double(statement, position, value)
            case var .text(value):
                // The length is given, so SQLite need not look for the end of the text.
                code = value.withUTF8 { bytes in
                    if let address = bytes.baseAddress {
                        sqlite3_bind_text(statement, position, UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
                    } else {
                        // An empty buffer may have no address, and a null pointer would bind NULL.
                        sqlite3_bind_text(statement, position, "", 0, transient)
                    }
                }
            }
            // A value SQLite refuses (too big, out of memory) must not leave the previous row's
            // value bound in its place.
            guard code == SQLITE_OK else { throw error(code) }
        }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw error(sqlite3_extended_errcode(connection)) }
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

/// SQLite copies the bound bytes before `sqlite3_bind_text` returns (SQLITE_TRANSIENT), since
/// Swift only lends them for the call.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
