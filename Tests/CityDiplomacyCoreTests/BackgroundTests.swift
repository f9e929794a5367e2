import CityDiplomacyCore
import Foundation
import Synchronization
import Testing

// A broken release would leave a test waiting rather than failing: each is given a minute.
@Suite("Work given to a thread of lower priority", .timeLimit(.minutes(1)))
struct BackgroundTests {
    /// How many values were freed on the thread that made them, and how many elsewhere.
    final class Log: Sendable {
        let onMaker = Mutex(0)
        let elsewhere = Mutex(0)
        let freed = DispatchSemaphore(value: 0)
    }

    /// Tells the log when freed, and on which thread.
    final class Tracked: Sendable {
        let maker = pthread_self()
        let log: Log

        init(log: Log) { self.log = log }

        deinit {
            if pthread_equal(pthread_self(), maker) == 0 {
                log.elsewhere.withLock { $0 += 1 }
            } else {
                log.onMaker.withLock { $0 += 1 }
            }
            log.freed.signal()
        }
    }

    @Test("A value handed over is freed, on another thread than the caller's")
    func releasedElsewhere() {
        let log = Log()
        // Made on a thread of its own, which then waits: the caller's thread is known and busy.
        let done = DispatchSemaphore(value: 0)
        let caller = Thread {
            let values = (0..<1_000).map { _ in Tracked(log: log) }
            Background.release(consume values)
            // Still here while the values are freed: they must not be freed on this thread.
            for _ in 0..<1_000 { log.freed.wait() }
            done.signal()
        }
        caller.start()
        done.wait()
        #expect(log.elsewhere.withLock { $0 } == 1_000)
        #expect(log.onMaker.withLock { $0 } == 0)
    }

    @Test("A value computed on a yielding thread is the value, and the thread's priority is lowered")
    func yieldingEventual() {
        let nice = Mutex<Int32?>(nil)
        let eventual = Eventual(yielding: true) { () -> [Int] in
            #if os(Linux)
            errno = 0
            let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            nice.withLock { $0 = value }
            #endif
            return Array(0..<100)
        }
        eventual.start()
        #expect(eventual.value == Array(0..<100))
        #if os(Linux)
        // Lowered by 10 from the process's own (0 unless the test runs under nice).
        let own = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #expect(nice.withLock { $0 } == min(19, own + 10))
        #endif
    }
}
