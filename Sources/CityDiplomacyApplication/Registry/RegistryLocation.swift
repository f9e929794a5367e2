import CityDiplomacyPostgres
import Foundation

/// Where the registry is, as `--db` or `$CITYDIP_DB` give it: a SQLite file path (the embedded
/// default) or a PostgreSQL server's URL.
///
/// ```swift
/// let location = try RegistryLocation(option: nil, environment: ProcessInfo.processInfo.environment)
/// let shared = try RegistryLocation(parsing: "postgres://citydip@db.example.org:5432/observatory")
/// ```
public enum RegistryLocation: Hashable, Sendable, CustomStringConvertible {
    /// A SQLite database file (created on first use).
    case sqlite(path: String)
    /// A database on a PostgreSQL server (its schema is made on first use).
    case postgres(PostgresLocation)

    public static let environmentVariable = "CITYDIP_DB"

    /// Reads a `--db` value: a path, `sqlite:PATH`, or `postgres://user@host:port/database`. A URL
    /// of another server names a backend this build does not have, which is said plainly rather
    /// than taken for a file name.
    public init(parsing value: String) throws(ApplicationError) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalid("db", "empty --db: expected the path of a SQLite file or a postgres:// URL") }
        if PostgresLocation.isPostgresURL(trimmed) {
            do {
                self = .postgres(try PostgresLocation(url: trimmed))
            } catch {
                throw .invalid("db", "\(error)")
            }
            return
        }
        if trimmed.utf8.starts(with: "sqlite:".utf8) {
            // By bytes, as the URL's scheme below: a '/' followed by a combining mark is a '/'.
            let path = trimmed.utf8.dropFirst("sqlite:".utf8.count)
            self = .sqlite(path: String(Substring(path.starts(with: "//".utf8) ? path.dropFirst(2) : path)))
            return
        }
        if let name = Self.urlScheme(of: trimmed) {
            throw .invalid("db", "--db '\(name)://…' names a database server this version cannot use: expected the path of a SQLite file (or sqlite:PATH) or postgres://user@host:port/database")
        }
        self = .sqlite(path: trimmed)
    }

    /// The scheme `text` starts with as a URL's (`NAME://`), spelt as RFC 3986 spells one: a
    /// letter, then letters, digits, `+`, `.` and `-`. Checked by hand, on bytes rather than
    /// characters (a `/` followed by a combining mark is still a `/`, as it was to the regular
    /// expression this replaces, whose first use, ICU compiling its character classes, was 3 ms
    /// of every command's start).
    static func urlScheme(of text: String) -> Substring? {
        guard let separator = text.utf8.firstRange(of: "://".utf8) else { return nil }
        let name = text.utf8[..<separator.lowerBound]
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = name.first, isLetter(first),
              name.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D })
        else { return nil }
        return Substring(name)
    }

    /// `--db` if given, else `$CITYDIP_DB`, else `citydip/citydip.sqlite` in the user's data folder.
    public init(option: String?, environment: [String: String]) throws(ApplicationError) {
        if let option { try self.init(parsing: option); return }
        if let value = environment[Self.environmentVariable], !value.isEmpty { try self.init(parsing: value); return }
        self = .sqlite(path: Self.defaultPath)
    }

    public static var defaultPath: String {
        let base = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share")
        return base.appendingPathComponent("citydip").appendingPathComponent("citydip.sqlite").path
    }

    public var description: String {
        switch self {
        case let .sqlite(path): path
        case let .postgres(location): location.description
        }
    }
}
