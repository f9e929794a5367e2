import Dispatch
import Synchronization

/// A value computed on another thread, for a caller that has other work to do meanwhile and
/// needs the value only at the end of it.
///
/// For work of an import that can wait while SQLite stores the dataset (SQLite writes on one
/// thread): the quality report is made and encoded then, and the store waits for the report's text
/// only to write it into the dataset's row, last, in the same transaction; the store starts the
/// computation (``start()``) when its own work on every core is done and SQLite's on one begins,
/// and it runs behind SQLite's thread (``Background/Priority/yielding``). Also for the rows'
/// readings for that report, made while the cities are made, and the store's check of its pairs,
/// made while SQLite makes the indexes.
///
/// Waiting blocks the calling thread, so ``value`` is for threads that may block (a database's
/// writer queue, a command's main thread); from Swift concurrency, `await` ``asyncValue``.
///
/// ```swift
/// let report = Eventual { report.json() }
/// prepareRows()
/// report.start()
/// storeRecords()
/// storeReport(report.value)
/// ```
public final class Eventual<Value: Sendable>: Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case computing
        case computed(Value)
    }

    private let state: Mutex<State>
    private let finished = DispatchGroup()
    private let priority: Background.Priority

    /// Computes the value once ``start()`` is called, or when it is first asked for; started, on
    /// a thread of `priority` (see ``Background/Priority``).
    public init(priority: Background.Priority = .normal, _ compute: @escaping @Sendable () -> Value) {
        state = Mutex(.waiting(compute))
        self.priority = priority
        finished.enter()
    }

    /// A value already known.
    public init(value: Value) {
        state = Mutex(.computed(value))
        priority = .normal
    }

    /// Starts computing the value on a thread of its own, unless it is computed or being
    /// computed already.
    public func start() {
        guard let compute = takeComputation() else { return }
        // A thread of its own (see ``Background``), not a queue's: a reader blocked in ``value``
        // could wait for a computation that no thread is left to run. Computed here if no
        // thread can be made.
        if !Background.start(priority: priority, { [self] in finish(compute()) }) { finish(compute()) }
    }

    /// The value, once computed: blocks the calling thread until then (computing it there if
    /// nothing has started it).
    public var value: Value {
        if let compute = takeComputation() { finish(compute()) }
        finished.wait()
        return computedValue
    }

    /// The value, once computed, without blocking a thread of Swift concurrency's pool.
    public var asyncValue: Value {
        get async {
            start()
            return await withCheckedContinuation { continuation in
                // Waited for on a thread made here, by the reader: a block queued by the thread
                // that computes (`notify`) could make Dispatch start a worker from that thread,
                // which would inherit a yielding thread's lower priority for good.
                let waited = Background.start { [self] in
                    finished.wait()
                    continuation.resume(returning: computedValue)
                }
                if !waited {
                    finished.notify(queue: .global()) { [self] in continuation.resume(returning: computedValue) }
                }
            }
        }
    }

    /// A value never computed leaves its group entered, which Dispatch refuses to free: left
    /// here (a store that fails before it starts the import's report drops it so).
    deinit {
        let unstarted = state.withLock { state in
            if case .waiting = state { return true }
            return false
        }
        if unstarted { finished.leave() }
    }

    private func takeComputation() -> (@Sendable () -> Value)? {
        state.withLock { state in
            guard case let .waiting(compute) = state else { return nil }
            state = .computing
            return compute
        }
    }

    private func finish(_ value: Value) {
        state.withLock { $0 = .computed(value) }
        finished.leave()
    }

    private var computedValue: Value {
        state.withLock { state in
            guard case let .computed(value) = state else { preconditionFailure("read before it was computed") }
            return value
        }
    }
}
