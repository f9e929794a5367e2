import Foundation

/// Work for the moments a core would otherwise be idle: a thread of its own, at a lower priority
/// than the process's others.
///
/// An import of a million rows keeps both cores busy nearly throughout, and its critical path
/// runs on one or two threads at a time (resolving, checking, then SQLite's inserts and the
/// binding of their rows). Freeing what an earlier stage made (millions of small frees) and
/// encoding the report (needed only at the end) are not on that path: at the default priority
/// they took their share of a core from it. A thread whose nice value is 10 gets about a tenth of
/// a core it shares with one of priority 0, and all of a core no one else wants.
///
/// ```swift
/// Background.release(consume rows)   // the rows are freed when a core is free
/// ```
public enum Background {
    /// Frees `value` on a thread of its own at a lower priority. The caller hands over its last
    /// reference (pass it with `consume`, or drop the caller's own copy before): a copy it kept
    /// would make the freeing its own again.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let parcel = Parcel(value)
        Thread {
            lowerPriority()
            // Emptied here, not by the thread object's end, which may come on the caller's thread.
            parcel.empty()
        }.start()
    }

    /// Lowers the calling thread's priority: its nice value, which on Linux is a thread's own, to
    /// 10. Elsewhere it does nothing.
    static func lowerPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
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
