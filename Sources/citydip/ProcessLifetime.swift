import Synchronization

/// Values the command has finished with, kept (never freed) until the process ends.
///
/// An import's gazetteer index, records and resolved dataset are several hundred thousand small
/// allocations; freeing them one by one as `run()` returns took about 0.2 s of a 2.5 s import of
/// the Wikipedia file, just before the process ended and the system took the memory back whole.
/// Compilers skip this work for the same reason (clang's `-disable-free`). Only values with no
/// resources behind them belong here: the database is closed as usual.
enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ values: any Sendable...) {
        kept.withLock { $0.append(contentsOf: values) }
    }
}
