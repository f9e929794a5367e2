import Foundation
import Synchronization
import Testing
@testable import CityDiplomacyWeb

/// The response cache on a clock the tests move: no sleeps.
@Suite("The response cache asks for the revision once per lifetime, serves stale pages while one request refreshes, and is bounded")
struct ResponseCacheTests {
    /// A clock that stands still until a test moves it.
    final class TestClock: Sendable {
        private let seconds = Mutex(0.0)
        func advance(_ by: Double) { seconds.withLock { $0 += by } }
        var now: Date { Date(timeIntervalSinceReferenceDate: seconds.withLock { $0 }) }
    }

    /// A registry revision that counts how often it is asked.
    final class Revisions: Sendable {
        private let state = Mutex((revision: "r1", asked: 0))
        var asked: Int { state.withLock { $0.asked } }
        func set(_ revision: String) { state.withLock { $0.revision = revision } }
        func ask() -> String { state.withLock { $0.asked += 1; return $0.revision } }
    }

    @Test("The revision is asked again only once the lifetime has passed")
    func revisionLifetime() async throws {
        let clock = TestClock(), revisions = Revisions()
        let cache = ResponseCache(lifetime: 2, now: { clock.now })
        #expect(try await cache.revision { revisions.ask() } == "r1")
        revisions.set("r2")
        clock.advance(1.9)
        #expect(try await cache.revision { revisions.ask() } == "r1")
        #expect(revisions.asked == 1)
        clock.advance(0.1)
        #expect(try await cache.revision { revisions.ask() } == "r2")
        #expect(revisions.asked == 2)
    }

    @Test("An out-of-date entry is rendered again by one request while the others are served the old copy")
    func staleWhileRefreshing() {
        let cache = ResponseCache(lifetime: 2)
        cache.put("/", body: "old", contentType: "text/html", revision: "r1")
        guard case let .hit(entry) = cache.lookup("/", revision: "r1") else { Issue.record("a fresh entry is a hit"); return }
        #expect(entry.body == "old")
        // The first request to see the new revision renders; the ones after it get the old page.
        guard case .miss = cache.lookup("/", revision: "r2") else { Issue.record("the first request after a change renders"); return }
        guard case let .hit(stale) = cache.lookup("/", revision: "r2") else { Issue.record("others are served the old copy"); return }
        #expect(stale.body == "old")
        cache.put("/", body: "new", contentType: "text/html", revision: "r2")
        guard case let .hit(fresh) = cache.lookup("/", revision: "r2") else { Issue.record("the new page is served"); return }
        #expect(fresh.body == "new")
    }

    @Test("A failed refresh lets the next request try again")
    func abandonedRefresh() {
        let cache = ResponseCache(lifetime: 2)
        cache.put("/", body: "old", contentType: "text/html", revision: "r1")
        guard case .miss = cache.lookup("/", revision: "r2") else { Issue.record("renders"); return }
        cache.abandon("/")
        guard case .miss = cache.lookup("/", revision: "r2") else { Issue.record("the next request renders again"); return }
    }

    @Test("clear() after a write drops every entry and the known revision, even one being asked for")
    func clearAfterWrite() async throws {
        let clock = TestClock(), revisions = Revisions()
        let cache = ResponseCache(lifetime: 60, now: { clock.now })
        _ = try await cache.revision { revisions.ask() }
        cache.put("/", body: "page", contentType: "text/html", revision: "r1")
        cache.clear()
        guard case .miss = cache.lookup("/", revision: "r1") else { Issue.record("cleared entries are gone"); return }
        revisions.set("r2")
        #expect(try await cache.revision { revisions.ask() } == "r2")
        #expect(revisions.asked == 2)
        // A revision read while a write clears the cache is not kept: it may predate the write.
        cache.clear()
        let answer = try await cache.revision {
            cache.clear()
            return "r-before-write"
        }
        #expect(answer == "r-before-write")
        #expect(try await cache.revision { revisions.ask() } == "r2")
        #expect(revisions.asked == 3)
    }

    @Test("Beyond its capacity the least recently used entries go, not the pages in use")
    func capacity() {
        let cache = ResponseCache(lifetime: 2, capacity: 4)
        for key in ["/a", "/b", "/c", "/d"] { cache.put(key, body: key, contentType: "text/html", revision: "r1") }
        // "/a" is in use: served again after the others were put.
        guard case .hit = cache.lookup("/a", revision: "r1") else { Issue.record("within capacity"); return }
        // A flood of new addresses.
        for n in 0..<10 { cache.put("/?seed=\(n)", body: "x", contentType: "text/html", revision: "r1") }
        #expect(cache.size.entries <= 4)
        guard case .hit = cache.lookup("/?seed=9", revision: "r1") else { Issue.record("the newest is kept"); return }
        guard case .miss = cache.lookup("/b", revision: "r1") else { Issue.record("an unused old entry is dropped"); return }
        // With the page in use served between the new addresses, it survives them.
        let busy = ResponseCache(lifetime: 2, capacity: 4)
        busy.put("/a", body: "/a", contentType: "text/html", revision: "r1")
        for n in 0..<20 {
            busy.put("/?seed=\(n)", body: "x", contentType: "text/html", revision: "r1")
            guard case .hit = busy.lookup("/a", revision: "r1") else { Issue.record("the page in use was dropped at \(n)"); return }
        }
    }

    @Test("Beyond its bytes the least recently used go too, and a body larger than the bound is not kept")
    func bytes() {
        let cache = ResponseCache(lifetime: 2, capacity: 100, byteCapacity: 40)
        for key in ["/a", "/b", "/c", "/d"] { cache.put(key, body: String(repeating: "x", count: 10), contentType: "text/html", revision: "r1") }
        cache.put("/e", body: String(repeating: "y", count: 10), contentType: "text/html", revision: "r1")
        #expect(cache.size.bytes <= 40)
        guard case .hit = cache.lookup("/e", revision: "r1") else { Issue.record("the newest is kept"); return }
        cache.put("/huge", body: String(repeating: "z", count: 41), contentType: "text/html", revision: "r1")
        guard case .miss = cache.lookup("/huge", revision: "r1") else { Issue.record("a body beyond the bound is not kept"); return }
    }

    @Test("With a lifetime of 0 nothing is kept and the revision is asked every time")
    func disabled() async throws {
        let revisions = Revisions()
        let cache = ResponseCache(lifetime: 0)
        #expect(!cache.isEnabled)
        cache.put("/", body: "page", contentType: "text/html", revision: "r1")
        guard case .miss = cache.lookup("/", revision: "r1") else { Issue.record("a disabled cache keeps nothing"); return }
        _ = try await cache.revision { revisions.ask() }
        _ = try await cache.revision { revisions.ask() }
        #expect(revisions.asked == 2)
    }
}
