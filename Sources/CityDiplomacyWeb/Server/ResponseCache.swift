import CityDiplomacyCore
import Foundation
import Synchronization

/// Rendered GET responses, kept until the registry's revision changes, and dropped on every
/// write through the server.
///
/// The observatory is read far more than written, and its pages are computed from whole
/// datasets (seconds for a world-scale one): serving a rendered page from memory is what lets a
/// city page answer thousands of requests a second. The registry is asked for its revision at
/// most every ``WebConfiguration/cacheLifetime`` seconds, so a change made by another process
/// (a `citydip import`) shows after at most that long. When an entry is out of date, one request
/// renders it again while the others are still served the old copy, so that a change never sends
/// every connection to the database at once (under load that stampede set the p99 latency).
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: String
        var contentType: String
        var revision: String
        var refreshing = false
    }

    enum Lookup {
        /// Serve this.
        case hit(Entry)
        /// Serve nothing yet: render, then ``put(_:body:contentType:revision:)``.
        case miss
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let known = Mutex<(revision: String, checked: Date)?>(nil)
    /// Counts ``clear()``s, so that a revision asked for before a write is not kept after it.
    private let generation = Mutex(0)
    let lifetime: Double
    /// Beyond this many entries the cache starts again empty rather than grow without bound.
    let capacity: Int
    /// The time, injected so that tests can move it instead of sleeping.
    private let now: @Sendable () -> Date

    init(lifetime: Double, capacity: Int = 4096, now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.now = now
    }

    var isEnabled: Bool { lifetime > 0 }

    /// The registry's revision, asked again when the last answer is older than the lifetime.
    func revision(asking registry: any CityDiplomacyRegistry) async throws -> String {
        try await revision { try await registry.revision() }
    }

    /// The revision `ask` answers, asked again when the last answer is older than the lifetime.
    func revision(_ ask: () async throws -> String) async throws -> String {
        let now = now()
        if let known = known.withLock({ $0 }), now.timeIntervalSince(known.checked) < lifetime {
            return known.revision
        }
        let before = generation.withLock { $0 }
        let revision = try await ask()
        if generation.withLock({ $0 }) == before {
            known.withLock { $0 = (revision, now) }
        }
        return revision
    }

    func lookup(_ key: String, revision: String) -> Lookup {
        guard isEnabled else { return .miss }
        return entries.withLock { entries in
            guard var entry = entries[key] else { return .miss }
            if entry.revision == revision || entry.refreshing { return .hit(entry) }
            entry.refreshing = true
            entries[key] = entry
            return .miss
        }
    }

    func put(_ key: String, body: String, contentType: String, revision: String) {
        guard isEnabled else { return }
        let entry = Entry(body: body, contentType: contentType, revision: revision)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// Forgets that `key` is being rendered again (the rendering failed).
    func abandon(_ key: String) {
        entries.withLock { entries in entries[key]?.refreshing = false }
    }

    /// Drops every entry and the known revision (after a write through the server).
    func clear() {
        generation.withLock { $0 += 1 }
        entries.withLock { $0.removeAll() }
        known.withLock { $0 = nil }
    }
}
