import CityDiplomacyCore
import Foundation
import Synchronization
import Testing

@Suite("Work on threads of its own")
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
            // Still here while the values are freed: they must not be freed on this thread. A
            // broken release fails the test rather than leaving it waiting.
            for _ in 0..<1_000 where log.freed.wait(timeout: .now() + 30) == .timedOut { break }
            done.signal()
        }
        caller.start()
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(log.elsewhere.withLock { $0 } == 1_000)
        #expect(log.onMaker.withLock { $0 } == 0)
    }
}

extension BackgroundTests {
    @Test("A body runs once, on another thread")
    func runsElsewhere() {
        let caller = pthread_self()
        let ran = Mutex<[Bool]>([])
        let done = DispatchSemaphore(value: 0)
        let started = Background.start {
            let elsewhere = pthread_equal(pthread_self(), caller) == 0
            ran.withLock { $0.append(elsewhere) }
            done.signal()
        }
        #expect(started)
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(ran.withLock { $0 } == [true])
    }
}
