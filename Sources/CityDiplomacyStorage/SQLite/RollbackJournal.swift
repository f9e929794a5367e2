import GRDB

/// A bulk store written through a rollback journal rather than the WAL, when no other connection
/// has the database open; the WAL again after it.
///
/// In WAL mode every page a store writes goes twice to disk: into the WAL, as frames of 24 bytes
/// of header and a page, which straddle the file system's blocks (ext4 zeroes each partly written
/// new block first), then, when the last connection closes, copied into the database by the
/// checkpoint. For the 1,000,000-row synthetic file that is 850 MB twice: the checkpoint alone
/// took 4 s and the zeroing 2 s of an import's 42 (perf). A rollback journal keeps only the old
/// content of the pages a store changes; the pages it adds at the end of the file are written once,
/// in place, and a transaction that fails (or a process killed) is undone as with the WAL: the
/// journal puts the changed pages back and the file is cut to its old length.
///
/// Leaving WAL mode needs the database to itself: SQLite refuses while any other connection, of
/// this process or another (a running `citydip serve`), has it open, and the store then goes
/// through the WAL as before. While the journal is in use, another process that opens the
/// database waits for the store to finish (up to ``SQLiteRegistry/openingTimeout``) rather than
/// reading the database as it was; the WAL is restored after the commit, or by the next registry
/// to open the database should this process die first (another program that opens it first, the
/// `sqlite3` shell say, rolls the journal back all the same, and finds it in rollback mode).
struct RollbackJournal {
    private var settings: PragmaSettings?

    /// Switches the connection out of WAL mode, if it can; outside any transaction.
    static func enter(in db: Database) throws -> RollbackJournal? {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else { return nil }
        // Another connection has the database open: SQLite refuses at once, without waiting
        // ("database is locked"), and the WAL stays.
        guard let mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE"), mode == "delete" else { return nil }
        var journal = RollbackJournal()
        do {
            // A commit in rollback mode syncs the journal before it overwrites a page, and the
            // database before the journal goes: NORMAL would skip syncs that power loss needs.
            // And no pages mapped: in rollback mode the pages the store has spilled are read
            // back from the file, where mapped they counted in the process's memory (2.19 GB
            // for the 1,000,000-row file, against 1.90 GB through the WAL).
            journal.settings = try PragmaSettings.change(["synchronous": "FULL", "mmap_size": "0"], in: db)
        } catch {
            journal.leave(in: db)
            throw error
        }
        return journal
    }

    /// Puts the WAL back. A failure leaves the database in rollback mode, which every connection
    /// reads correctly, and the next registry to open it sets WAL again: it is not the store's.
    func leave(in db: Database) {
        try? settings?.restore(in: db)
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
}
