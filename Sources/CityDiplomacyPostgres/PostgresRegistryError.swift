/// The PostgreSQL registry could not be reached, read or written. The URL in each case is
/// given without its password.
///
/// ```swift
/// do { _ = try await PostgresRegistry(location) } catch let error as PostgresRegistryError { print(error) }
/// ```
public enum PostgresRegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `--db` value is not a URL this backend reads.
    case invalidURL(String, reason: String)
    /// No connection could be made (no server, wrong port, refused login, timeout).
    case cannotConnect(url: String, reason: String)
    /// The database holds tables of a later version of citydip, whose migrations this build lacks.
    case newerSchema(url: String, migrations: [String])
    /// A statement failed.
    case failed(reason: String)

    public var description: String {
        switch self {
        case let .invalidURL(url, reason): "invalid PostgreSQL URL '\(url)': \(reason)"
        case let .cannotConnect(url, reason): "cannot connect to the PostgreSQL database \(url): \(reason)"
        case let .newerSchema(url, migrations):
            "the PostgreSQL database \(url) was migrated by a newer citydip (\(migrations.joined(separator: ", "))): use that version"
        case let .failed(reason): "PostgreSQL error: \(reason)"
        }
    }
}
