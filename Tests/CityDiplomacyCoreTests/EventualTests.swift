import CityDiplomacyCore
import Foundation
import Synchronization
import Testing

// A broken `Eventual` would leave a test waiting rather than failing: each is given ten minutes.
// Alone each takes well under a second. In the whole suite on two cores, where other tests hold
// the cooperative pool's two threads while they block (the command-line tests wait for their
// processes), a test's task waited minutes to resume after a sleep or an await: a minute's limit
// was exceeded in two full runs on 2026-12-01, the tests ending after five minutes.
@Suite("A value computed on another thread", .timeLimit(.minutes(10)))
struct EventualTests {
    /// What the computation saw, read by the test after.
    final class Seen: Sendable {
        let runs = Mutex(0)
        let onOtherThread = Mutex(false)
        let thread = Mutex<pthread_t?>(nil)
    }

    @Test("The value is computed once, on another thread, and every reader gets it")
    func computedOnce() async {
        let seen = Seen()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let caller = pthread_self()
        let eventual = Eventual { () -> [Int] in
            let other = pthread_equal(pthread_self(), caller) == 0
            seen.onOtherThread.withLock { $0 = other }
            started.signal()
            // Held until the test lets it go: the caller must not be the one computing it.
            release.wait()
            seen.runs.withLock { $0 += 1 }
            return Array(0..<1000)
        }
        eventual.start()
        started.wait()
        #expect(seen.runs.withLock { $0 } == 0)
        release.signal()
        #expect(eventual.value == Array(0..<1000))
        #expect(await eventual.asyncValue == Array(0..<1000))
        #expect(eventual.value.count == 1000)
        #expect(seen.runs.withLock { $0 } == 1)
        #expect(seen.onOtherThread.withLock { $0 })
    }

    @Test("A value known already")
    func known() async {
        let known = Eventual(value: "report")
        #expect(known.value == "report")
        #expect(await known.asyncValue == "report")
    }

    @Test("A deferred value waits to be started, or is computed by the first reader")
    func deferred() async {
        let seen = Seen()
        let unstarted = Eventual({ () -> Int in
            seen.runs.withLock { $0 += 1 }
            let thread = pthread_self()
            seen.thread.withLock { $0 = thread }
            return 7
        })
        try? await Task.sleep(for: .milliseconds(50))
        #expect(seen.runs.withLock { $0 } == 0)
        // Not started by anyone: the reader computes it, on its own thread (read with no
        // suspension between, so that the task is still on that thread).
        let value = unstarted.value
        let reader = pthread_self()
        #expect(value == 7)
        #expect(seen.thread.withLock { $0 }.map { pthread_equal($0, reader) != 0 } == true)
        #expect(unstarted.value == 7)
        #expect(seen.runs.withLock { $0 } == 1)

        let started = Eventual({ () -> pthread_t in
            Thread.sleep(forTimeInterval: 0.05)
            return pthread_self()
        })
        started.start()
        started.start()
        let computedOn = started.value
        #expect(pthread_equal(computedOn, pthread_self()) == 0)
        #expect(await Eventual({ 5 }).asyncValue == 5)
    }

    @Test("Many readers waiting at once all get the value")
    func manyReaders() async {
        let eventual = Eventual { () -> String in
            Thread.sleep(forTimeInterval: 0.05)
            return "done"
        }
        eventual.start()
        let values = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { await eventual.asyncValue } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: "done", count: 16))
    }

    @Test("A value never started nor read can be let go of")
    func droppedUnstarted() {
        let seen = Seen()
        do {
            let unstarted = Eventual { seen.runs.withLock { $0 += 1 } }
            _ = unstarted
        }
        #expect(seen.runs.withLock { $0 } == 0)
    }

    #if os(Linux) && canImport(Glibc)
    @Test("A yielding value is computed on a thread ten nice values behind; a normal one, and the reader, keep theirs")
    func yielding() {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        let before = getpriority(which, 0)
        let yielding = Eventual(priority: .yielding) { getpriority(which, 0) }
        yielding.start()
        #expect(yielding.value == min(before + 10, 19))
        let normal = Eventual { getpriority(which, 0) }
        normal.start()
        #expect(normal.value == before)
        #expect(getpriority(which, 0) == before)
    }
    #endif
}
