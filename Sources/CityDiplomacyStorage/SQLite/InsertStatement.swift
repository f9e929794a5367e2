import GRDB
import GRDBSQLite

/// An `INSERT` prepared once and run for many rows, its values bound by type through SQLite's C
/// API, on the connection and inside the transaction of a GRDB `Database`.
///
/// Written by hand because GRDB's `Statement` takes each row's values as `StatementArguments`, an
/// array of existentials: building and binding those for the ~110,000 rows of the 25,917-row
/// Wikipedia import was about 0.3 s of the 1.2 s the store took (`citydip bench import`, release,
/// 2-core EPYC), and binding by type takes about a third of that. GRDB still owns the connection,
/// the transaction and the errors, which are thrown as its `DatabaseError`.
///
/// ```swift
/// let insert = try InsertStatement(db, sql: "INSERT INTO city_name (city_id, search_key) VALUES (?, ?)")
/// try insert.run { values in values.bind(city.id); values.bind(key) }
/// ```
final class InsertStatement {
    private let connection: OpaquePointer
    private let statement: OpaquePointer
    private let sql: String

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed", sql: sql)
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.connection = connection
        self.statement = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds one row's values, in the order of the statement's parameters, and inserts it.
    func run(_ bind: (inout Values) -> Void) throws {
        var values = Values(statement: statement)
        bind(&values)
        let code = sqlite3_step(statement)
        // Reset (which keeps the bindings) before throwing, so that the statement can be reused.
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }

    /// The values of one row, bound in order.
    struct Values {
        fileprivate let statement: OpaquePointer
        private var index: Int32 = 0

        fileprivate init(statement: OpaquePointer) {
            self.statement = statement
        }

        mutating func bind(_ value: String?) {
            index += 1
            guard var value else { sqlite3_bind_null(statement, index); return }
            // The length is given, so text with U+0000 in it is stored whole.
            value.withUTF8 { bytes in
                if let address = bytes.baseAddress {
                    _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
                } else {
                    // An empty buffer may have no address, and a null pointer would bind NULL.
                    _ = sqlite3_bind_text(statement, index, "", 0, transient)
                }
            }
        }

        mutating func bind(_ value: Int?) {
            index += 1
            guard let value else { sqlite3_bind_null(statement, index); return }
            sqlite3_bind_int64(statement, index, Int64(value))
        }

        mutating func bind(_ value: Double?) {
            index += 1
            guard let value else { sqlite3_bind_null(statement, index); return }
            sqlite3_bind_double(statement, index, value)
        }
    }
}

/// SQLite copies the bound bytes before `sqlite3_bind_text` returns (SQLITE_TRANSIENT), since
/// Swift only lends them for the call.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
