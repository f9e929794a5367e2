import CityDiplomacyCore
import Foundation
import GRDB

extension SQLiteRegistry {
    /// Copies the database, as it is at one moment, to a new file, with SQLite's online backup
    /// API: other processes may go on reading and writing while it runs, and the copy holds every
    /// transaction committed before it started and none after. Copying the file instead could
    /// catch a write half-way, or miss what still sits in the write-ahead log.
    ///
    /// The copy is written beside the destination under a temporary name, checked
    /// (`PRAGMA quick_check`), and only then renamed into place, so that `path` is either a whole
    /// copy or absent. An existing `path` is refused, never overwritten.
    ///
    /// ```swift
    /// let registry = try SQLiteRegistry(path: "citydip.sqlite")
    /// let copy = try registry.backup(to: "citydip-2026-11-30.sqlite")
    /// copy.datasets   // ["iran-2018", "wikipedia-2026"], read back from the copy
    /// ```
    @discardableResult
    public func backup(to path: String) throws(StorageError) -> BackupCopy {
        try Self.backup(from: writer, source: self.path, to: path)
    }

    /// The same, of the database file at `source`, opened for the copy alone: its schema is not
    /// brought up to date first, so that a backup taken before an upgrade is of the database as
    /// the older version left it (and the original stays as it was). A file that is not a
    /// CityDiplomacy database is refused, untouched.
    @discardableResult
    public static func backup(databaseAt source: String, to path: String) throws(StorageError) -> BackupCopy {
        let url = URL(fileURLWithPath: (source as NSString).expandingTildeInPath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw .cannotOpen(path: source, reason: "there is no such file") }
        let queue: DatabaseQueue
        do {
            var configuration = Configuration()
            // Another citydip (or the server) may be writing: wait for it rather than fail.
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try queue.read { db in try DatabaseMark.check(db, path: source) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .cannotOpen(path: source, reason: "\(error)")
        }
        defer { try? queue.close() }
        return try backup(from: queue, source: url.path, to: path)
    }

    private static func backup(from reader: any DatabaseReader, source: String?, to path: String) throws(StorageError) -> BackupCopy {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .backupExists(path: path) }
        if let source, URL(fileURLWithPath: source).standardizedFileURL == url.standardizedFileURL {
            throw .backupExists(path: path)
        }
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .cannotBackUp(path: path, reason: "its folder \(folder.path) does not exist")
        }
        let partial = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        func removePartial() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: partial.path + suffix) }
        }
        removePartial()
        var datasets: [String] = []
        do {
            // A queue, not a pool: the copy needs no write-ahead log of its own, and is one file.
            let copy = try DatabaseQueue(path: partial.path)
            try reader.backup(to: copy)
            let (check, ids) = try copy.read { db in
                (try String.fetchAll(db, sql: "PRAGMA quick_check"), try String.fetchAll(db, sql: "SELECT id FROM dataset ORDER BY id"))
            }
            datasets = ids
            guard check == ["ok"] else {
                removePartial()
                throw StorageError.cannotBackUp(path: path, reason: "the copy failed its check: \(check.prefix(3).joined(separator: "; "))")
            }
            try copy.close()
        } catch let error as StorageError {
            removePartial()
            throw error
        } catch let error as DatabaseError {
            removePartial()
            throw .cannotBackUp(path: path, reason: error.message ?? "\(error)")
        } catch {
            removePartial()
            throw .cannotBackUp(path: path, reason: "\(error)")
        }
        // link(2) rather than rename(2): it fails if the destination appeared meanwhile, so a file
        // made by someone else between the check above and now is never replaced.
        guard link(partial.path, url.path) == 0 else {
            let reason = errno == EEXIST ? nil : String(cString: strerror(errno))
            removePartial()
            if let reason { throw .cannotBackUp(path: path, reason: reason) }
            throw .backupExists(path: path)
        }
        removePartial()
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
        return BackupCopy(path: url.path, bytes: bytes, datasets: datasets)
    }
}

/// What ``SQLiteRegistry/backup(to:)`` wrote: the file, its size, and the datasets read back from it.
public struct BackupCopy: Hashable, Sendable {
    public var path: String
    public var bytes: Int
    public var datasets: [String]
}
