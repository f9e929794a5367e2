import Foundation

/// Work off the critical path of a long job, on threads of its own rather than Swift
/// concurrency's, whose few threads (one a core) the job's own tasks need, or dispatch queues',
/// which can all be taken (a run of the whole test suite, its stores each waiting on one, took
/// them all, and the work that was to end the waits never started). An import's frees, its
/// report's JSON (``Eventual``) and the binding of a store's rows (`BulkInsert`) go through
/// ``start(priority:_:)``.
///
/// A thread is made with `pthread_create` rather than Foundation's `Thread`, whose `start()`
/// gives no sign when no thread can be made: a caller then does the work itself.
///
/// ```swift
/// Background.release(consume rows)   // freed on a thread of its own
/// ```
public enum Background {
    /// How a thread of ``start(priority:_:)`` competes for the cores with the process's other threads.
    public enum Priority: Sendable {
        /// As they do.
        case normal
        /// Behind them: on Linux, at a nice value 10 above the process's main thread (the
        /// thread's own; the others keep theirs; 19 at most), so that the scheduler gives a core
        /// to the thread a job waits for, such as SQLite's while it stores an import, and this one
        /// the time left. For work whose result is wanted only later: an import's report while
        /// its dataset is stored. SQLite's writing thread had 85% of a core while the report was
        /// encoded and the pairs checked beside it on the other (perf, 2026-12-04).
        ///
        /// A thread made by one that yields inherits its nice value, which it cannot lower: a
        /// yielding body starts no thread and queues no Dispatch work that another thread is to
        /// run (``Eventual/asyncValue`` waits on a thread of the reader's making for that reason).
        case yielding
    }

    /// Frees `value` on a thread of its own (on this one if none can be made). The caller hands
    /// over its last reference (pass it with `consume`, or drop the caller's own copy before): a
    /// copy it kept would make the freeing its own again.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let parcel = Parcel(value)
        // Emptied in the thread's body, not when the body itself is let go of, which may be on
        // the caller's thread.
        if !start({ parcel.empty() }) { parcel.empty() }
    }

    /// Runs `body` on a new thread; `false`, and `body` not run, if no thread can be made.
    package static func start(priority: Priority = .normal, _ body: @escaping @Sendable () -> Void) -> Bool {
        let work = Unmanaged.passRetained(Work(body, priority: priority))
        var thread = pthread_t()
        let made = pthread_create(&thread, nil, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            #if os(Linux) && canImport(Glibc)
            // The calling thread's nice value alone (Linux keeps one a thread), 10 above the
            // process's main thread (whose id is the process's), whatever the thread that made
            // this one had; a failure leaves the thread as it was, which is only slower for the job.
            if work.priority == .yielding {
                let which = __priority_which_t(PRIO_PROCESS.rawValue)
                _ = setpriority(which, 0, min(getpriority(which, id_t(getpid())) + 10, 19))
            }
            #endif
            work.body()
            return nil
        }, work.toOpaque())
        guard made == 0 else {
            work.release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}

/// A body handed to a new thread.
private final class Work: Sendable {
    let body: @Sendable () -> Void
    let priority: Background.Priority
    init(_ body: @escaping @Sendable () -> Void, priority: Background.Priority) {
        self.body = body
        self.priority = priority
    }
}

/// A value handed from one thread to another: filled by the caller before the thread starts,
/// emptied by that thread, touched by no other (hence unchecked).
private final class Parcel<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) { self.value = value }

    func empty() { value = nil }
}
