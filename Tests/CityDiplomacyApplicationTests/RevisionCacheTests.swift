import Testing
@testable import CityDiplomacyApplication

@Suite("Values kept per registry revision")
struct RevisionCacheTests {
    /// A value that is computed once the test lets it.
    actor Latch {
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private var open = false
        func wait() async {
            if open { return }
            await withCheckedContinuation { waiting.append($0) }
        }
        func release() {
            open = true
            for continuation in waiting { continuation.resume() }
            waiting = []
        }
    }

    @Test("A value still being computed is not held, so that a page asking not to wait does not wait; once computed it is, at its revision only")
    func holdsOnlyFinishedValues() async throws {
        let cache = RevisionCache<String, Int>(capacity: 4)
        let latch = Latch()
        #expect(await !cache.holds("network", revision: "r1"))
        let computing = Task { try await cache.value(for: "network", revision: "r1") { await latch.wait(); return 42 } }
        // The computation has started (the entry is made before its first suspension) but not ended.
        while await cache.count == 0 { await Task.yield() }
        #expect(await !cache.holds("network", revision: "r1"))
        await latch.release()
        #expect(try await computing.value == 42)
        #expect(await cache.holds("network", revision: "r1"))
        #expect(await !cache.holds("network", revision: "r2"))
        #expect(try await cache.value(for: "network", revision: "r1") { Issue.record("computed again"); return 0 } == 42)
    }

    @Test("A failed computation is neither held nor kept: the next request computes again")
    func failuresAreNotHeld() async throws {
        struct Failure: Error {}
        let cache = RevisionCache<String, Int>(capacity: 4)
        await #expect(throws: Failure.self) { try await cache.value(for: "k", revision: "r") { throw Failure() } }
        #expect(await !cache.holds("k", revision: "r"))
        #expect(try await cache.value(for: "k", revision: "r") { 7 } == 7)
        #expect(await cache.holds("k", revision: "r"))
    }
}
