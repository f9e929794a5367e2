import CityDiplomacyCore

/// Values computed from the registry — analysis snapshots, network measures — each kept until the
/// registry's revision changes, so that the dashboard, the statistics, the tables, counting and
/// the network pages of one server read a dataset and measure a network once rather than once
/// per request.
///
/// Requests that arrive while a value is being computed wait for that one computation. At most
/// ``capacity`` keys are kept; the least recently used goes first.
///
/// ```swift
/// let cache = RevisionCache<[String], AnalysisSnapshot>(capacity: 4)
/// let snapshot = try await cache.value(for: ["wikipedia-2026"], revision: revision) { try await read() }
/// ```
public actor RevisionCache<Key: Hashable & Sendable, Value: Sendable> {
    private struct Entry {
        var revision: String
        var computation: Task<Value, any Error>
        /// Whether the computation has ended with a value.
        var finished = false
    }

    /// How many keys are kept at once.
    public let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var recent: [Key] = []

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many keys are kept: two front ends asking for one value share one key.
    public var count: Int { entries.count }

    /// The value kept for `key` at `revision` (waiting for it if it is being computed), or `nil`:
    /// never computes one.
    public func existing(for key: Key, revision: String) async -> Value? {
        guard let entry = entries[key], entry.revision == revision else { return nil }
        return try? await entry.computation.value
    }

    /// Whether a value of `key` at `revision` is kept, computed to its end; never waits, never
    /// computes. One still being computed is not held: a caller that asks so as not to wait (a
    /// city page, for a network of a million relations measured for minutes) must not wait on it.
    public func holds(_ key: Key, revision: String) -> Bool {
        guard let entry = entries[key], entry.revision == revision else { return false }
        return entry.finished
    }

    /// The value of `key` at `revision`: the one kept, or the one `compute` makes.
    public func value(for key: Key, revision: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        recent.removeAll { $0 == key }
        recent.append(key)
        if let entry = entries[key], entry.revision == revision {
            return try await entry.computation.value
        }
        let task = Task { try await compute() }
        entries[key] = Entry(revision: revision, computation: task)
        while recent.count > capacity { entries[recent.removeFirst()] = nil }
        do {
            let value = try await task.value
            if entries[key]?.computation == task { entries[key]?.finished = true }
            return value
        } catch {
            // A failed computation is not kept: the next request tries again.
            if entries[key]?.revision == revision {
                entries[key] = nil
                recent.removeAll { $0 == key }
            }
            throw error
        }
    }
}

/// A gate one task passes at a time; the others wait their turn, in order.
///
/// ```swift
/// await gate.enter()
/// defer { Task { await gate.leave() } }
/// ```
public actor Gate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func enter() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    public func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
