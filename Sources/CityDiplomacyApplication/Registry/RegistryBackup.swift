import CityDiplomacyCore
import CityDiplomacyStorage
import Foundation

/// A consistent copy of a live registry, taken while others go on using it: for SQLite, a new
/// database file made with SQLite's online backup API (``SQLiteRegistry/backup(to:)``). A
/// database server is backed up with its own tools (`pg_dump` for PostgreSQL), which the error
/// for such a location names.
///
/// ```swift
/// let copy = try await RegistryBackup.run(from: .sqlite(path: "citydip.sqlite"), to: "backup.sqlite")
/// copy.datasets   // ["iran-2018", "wikipedia-2026"], read back from the copy
/// ```
public enum RegistryBackup {
    public static func run(from location: RegistryLocation, to path: String) async throws -> BackupCopy {
        guard case let .sqlite(source) = location else {
            throw ApplicationError.invalid("db", "\(location) is a database server: back it up with its own tools (for PostgreSQL: pg_dump --format=custom --file=PATH URL)")
        }
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ApplicationError.invalid("path", "empty backup path: give the file to write") }
        guard FileManager.default.fileExists(atPath: (source as NSString).expandingTildeInPath) else {
            throw ApplicationError(.notFound, field: "db", "there is no database at '\(source)' to back up")
        }
        do {
            // Not opened as a registry, which would bring its schema up to date first.
            return try SQLiteRegistry.backup(databaseAt: source, to: trimmed)
        } catch {
            switch error {
            case .backupExists: throw ApplicationError(.conflict, field: "path", "\(error)")
            case .cannotOpen, .notCityDiplomacyDatabase: throw ApplicationError.invalid("db", "\(error)")
            default: throw ApplicationError.invalid("path", "\(error)")
            }
        }
    }
}
