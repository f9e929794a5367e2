#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch

/// How the measures that sweep every node share the work among the machine's cores.
///
/// ```swift
/// let workers = ParallelWork.workerCount(nil)   // the active processors
/// ParallelWork.run(workers) { worker in /* worker's share */ }
/// ```
///
/// Dispatch's `concurrentPerform` rather than structured concurrency: the measures are
/// synchronous, CPU-bound loops over flat memory, and a blocking parallel loop keeps them callable
/// from any context without `async` spreading to every caller.
enum ParallelWork {
    /// `requested` workers when given (at least one), otherwise one per active processor.
    static func workerCount(_ requested: Int?) -> Int {
        max(1, requested ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Calls `body` once for each of `0..<count`, in parallel, and returns when all have returned.
    static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// Memory shared by the workers of one parallel loop, each writing only elements no other worker
/// touches during the loop (its own node range, its own sources, its own scratch buffer).
///
/// Unchecked because that ownership is the loop's design, which the compiler cannot see; the
/// buffer is allocated and freed by its owner around the loops, never escaping the measure.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// `count` elements set to `value`.
    static func allocate(_ count: Int, repeating value: Element) -> SharedBuffer {
        let base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
        return SharedBuffer(base: base, count: count)
    }

    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// The elements, copied into an array.
    func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
