import Foundation

/// Two computations at once, on two cores if there are two, and both results.
///
/// For two passes over the same data that do not depend on each other, each of which must run in
/// order (an import's notes on its rows and its merging of their pairs; a store's check of its
/// relations' ids and of their pairs).
///
/// ```swift
/// let (notes, pairs) = inParallel({ notes(of: rows) }, { pairs(of: rows) })
/// ```
public func inParallel<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = ParallelResults<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { results.first = first() } else { results.second = second() }
    }
    return (results.first!, results.second!)
}

// Each result is written by one iteration of `concurrentPerform` and read only after it has
// returned, when every iteration has finished: no value is shared while it is being written.
private final class ParallelResults<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
