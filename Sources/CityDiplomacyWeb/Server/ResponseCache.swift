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
        /// When it was last put or served, on the cache's own clock: what eviction orders by.
        var used: UInt64 = 0
    }

    enum Lookup {
        /// Serve this.
        case hit(Entry)
        /// Serve nothing yet: render, then ``put(_:body:contentType:revision:)``.
        case miss
    }

    /// The entries, the bytes of their bodies, and a clock that ticks at every put and hit.
    private let entries = Mutex<(byKey: [String: Entry], bytes: Int, tick: UInt64)>(([:], 0, 0))
    private let known = Mutex<(revision: String, checked: Date)?>(nil)
    /// Counts ``clear()``s, so that a revision asked for before a write is not kept after it.
    private let generation = Mutex(0)
    let lifetime: Double
    /// Beyond this many entries the least recently used are dropped, rather than the cache grow
    /// without bound.
    let capacity: Int
    /// Beyond this many bytes of bodies, likewise; a body larger than this is not kept at all.
    let byteCapacity: Int
    /// The time, injected so that tests can move it instead of sleeping.
    private let now: @Sendable () -> Date

    init(lifetime: Double, capacity: Int = 4096, byteCapacity: Int = WebConfiguration().cacheBytes, now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.byteCapacity = byteCapacity
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
            guard var entry = entries.byKey[key] else { return .miss }
            entries.tick += 1
            entry.used = entries.tick
            entries.byKey[key] = entry
            if entry.revision == revision || entry.refreshing { return .hit(entry) }
            entry.refreshing = true
            entries.byKey[key] = entry
            return .miss
        }
    }

    func put(_ key: String, body: String, contentType: String, revision: String) {
        guard isEnabled else { return }
        var entry = Entry(body: body, contentType: contentType, revision: revision)
        let size = body.utf8.count
        entries.withLock { entries in
            let replaced = entries.byKey.removeValue(forKey: key)
            entries.bytes -= replaced?.body.utf8.count ?? 0
            guard size <= byteCapacity else { return }
            if entries.byKey.count >= capacity || entries.bytes + size > byteCapacity {
                // The least recently used go first, until a quarter of the room is free: a flood
                // of new addresses then pushes out what it brought, not the pages in use (emptying
                // the whole cache let 4,100 requests of `?seed=N` turn every page cold).
                for (oldKey, old) in entries.byKey.sorted(by: { $0.value.used < $1.value.used }) {
                    if entries.byKey.count < capacity * 3 / 4, entries.bytes + size <= byteCapacity * 3 / 4 { break }
                    entries.byKey.removeValue(forKey: oldKey)
                    entries.bytes -= old.body.utf8.count
                }
            }
            entries.tick += 1
            entry.used = entries.tick
            entries.byKey[key] = entry
            entries.bytes += size
        }
    }

    /// Forgets that `key` is being rendered again (the rendering failed).
    func abandon(_ key: String) {
        entries.withLock { entries in entries.byKey[key]?.refreshing = false }
    }

    /// How many entries are kept and the bytes of their bodies.
    var size: (entries: Int, bytes: Int) {
        entries.withLock { ($0.byKey.count, $0.bytes) }
    }

    /// Drops every entry and the known revision (after a write through the server).
    func clear() {
        generation.withLock { $0 += 1 }
        entries.withLock { $0 = ([:], 0, 0) }
        known.withLock { $0 = nil }
    }
}
