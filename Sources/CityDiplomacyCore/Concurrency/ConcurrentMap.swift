import Foundation

extension Array where Element: Sendable {
    /// The transform of every element, in order, computed in contiguous chunks on every core.
    ///
    /// For work that is independent element by element and costly in total — keying the
    /// gazetteer's names, resolving the distinct places of an import — where a serial loop leaves
    /// the other cores idle.
    ///
    /// ```swift
    /// let keys = names.concurrentMap(PersianText.searchKey)
    /// ```
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let runs = CoreRuns.cutting(count)
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let output = ChunkOutput(buffer)
            self.withUnsafeBufferPointer { input in
                let input = ChunkInput(input)
                DispatchQueue.concurrentPerform(iterations: runs.count) { run in
                    for index in runs[run] {
                        // Lent where it lies: an element returned by a function was a copy (for a
                        // place or a city, its texts retained and released, from both cores at
                        // once where two elements share a text; perf, 2026-12-04).
                        output.initialize(index, to: transform(input.buffer[index]))
                    }
                }
            }
            initializedCount = count
        }
    }
}

/// How work independent element by element is cut for every core: ``concurrentMap(_:)``'s
/// chunks, and the parts that callers cut themselves where each part keeps state of its own (a
/// gazetteer index's keyed names, the first dangling end of a run of relations).
///
/// ```swift
/// let firsts = CoreRuns.cutting(relations.count).concurrentMap { run in run.first { isDangling($0) } }
/// ```
public enum CoreRuns {
    /// How many runs work is cut into by default: a few a core, so that one slow run does not
    /// keep the others waiting.
    public static var count: Int { ProcessInfo.processInfo.activeProcessorCount * 4 }

    /// `0..<count` cut into exactly `min(count, max(parts, 1))` consecutive runs, in order,
    /// covering it, none empty (none at all when `count` is 0), whose lengths differ by one at
    /// most (the longer first).
    public static func cutting(_ count: Int, into parts: Int = CoreRuns.count) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let parts = Swift.max(1, Swift.min(count, parts))
        // The first `longer` runs have one element more; no product of `count` is formed, so no
        // count overflows.
        let (size, longer) = count.quotientAndRemainder(dividingBy: parts)
        return (0..<parts).map { run in
            let lower = run * size + Swift.min(run, longer)
            return lower..<(lower + size + (run < longer ? 1 : 0))
        }
    }
}

// Each index of the output is initialised by exactly one iteration of `concurrentPerform`, and the
// buffers outlive it (`concurrentPerform` returns only when every iteration has): the workers
// share no mutable state, which is what these unchecked wrappers promise.

private struct ChunkOutput<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>

    init(_ buffer: UnsafeMutableBufferPointer<T>) {
        self.buffer = buffer
    }

    func initialize(_ index: Int, to value: T) {
        (buffer.baseAddress! + index).initialize(to: value)
    }
}

private struct ChunkInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>

    init(_ buffer: UnsafeBufferPointer<T>) {
        self.buffer = buffer
    }
}
