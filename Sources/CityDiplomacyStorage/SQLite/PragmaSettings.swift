import GRDB

/// Settings of a connection (`PRAGMA name = value`) changed for a while and put back as they were.
///
/// A bulk store enlarges the page cache, and making its indexes again needs a small cache,
/// temporary files on disk and worker threads; the connection is the registry's writer, which
/// later writes must find as the registry configured it (or, in memory, as SQLite left it).
///
/// ```swift
/// let changed = try PragmaSettings.change(["cache_size": "-131072"], in: db)
/// defer { changed.restore(in: db) }
/// ```
struct PragmaSettings {
    /// Each pragma changed, with its value before, in the order they were changed.
    private var before: [(name: String, value: Int)] = []

    /// Reads each pragma's value, then sets it to the one given, in order; where one cannot be
    /// set, those set before it are put back and the error thrown.
    static func change(_ settings: KeyValuePairs<String, String>, in db: Database) throws -> PragmaSettings {
        var changed = PragmaSettings()
        do {
            for (name, value) in settings {
                let old = try Int.fetchOne(db, sql: "PRAGMA \(name)") ?? 0
                try db.execute(sql: "PRAGMA \(name) = \(value)")
                changed.before.append((name, old))
            }
        } catch {
            try? changed.restore(in: db)
            throw error
        }
        return changed
    }

    /// Puts each pragma back as it was, the last changed first; one that cannot be put back does
    /// not keep the others from being, and the first such error is thrown after.
    func restore(in db: Database) throws {
        var failure: (any Error)?
        for setting in before.reversed() {
            do {
                try db.execute(sql: "PRAGMA \(setting.name) = \(setting.value)")
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }
}
