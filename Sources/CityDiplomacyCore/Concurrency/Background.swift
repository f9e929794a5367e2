import Foundation

/// Work off the critical path of a long job: on threads of its own, not Swift concurrency's, whose
/// few threads (one a core) the job's own tasks need.
///
/// An import of a million rows keeps both cores busy nearly throughout, and its critical path
/// runs on one or two threads at a time (resolving, checking, then SQLite's inserts and the
/// binding of their rows). Encoding its report, needed only at the end, is not on that path: at
/// the default priority it took its share of a core from the binding of rows. A thread whose nice
/// value is 10 above (``lowerPriority()``) gets about a tenth of a core it shares with one of priority
/// 0, and all of a core no one else wants. Freeing what the earlier stages made (millions of
/// small frees) is not on the path either, but must keep pace: at nice 10 the rows were still
/// held when the store's memory peaked, 2.01 GB against 1.90 GB.
///
/// ```swift
/// Background.release(consume rows)   // freed on a thread of its own
/// ```
public enum Background {
    /// Frees `value` on a thread of its own. The caller hands over its last reference (pass it
    /// with `consume`, or drop the caller's own copy before): a copy it kept would make the
    /// freeing its own again.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let parcel = Parcel(value)
        Thread {
            // Emptied here, not by the thread object's end, which may come on the caller's thread.
            parcel.empty()
        }.start()
    }

    /// Lowers the calling thread's priority: raises its nice value, which on Linux is a thread's
    /// own, by 10 (to 19 at most). Elsewhere it does nothing.
    package static func lowerPriority() {
        #if os(Linux)
        let thread = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(thread, 0, min(19, getpriority(thread, 0) + 10))
        #endif
    }
}

/// A value handed from one thread to another: filled by the caller before the thread starts,
/// emptied by that thread, touched by no other (hence unchecked).
private final class Parcel<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) { self.value = value }

    func empty() { value = nil }
}
