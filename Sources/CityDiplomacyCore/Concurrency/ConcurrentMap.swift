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
        // A few chunks a core, so that one slow chunk does not keep the others waiting.
        let chunkCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let output = ChunkOutput(buffer)
            self.withUnsafeBufferPointer { input in
                let input = ChunkInput(input)
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    let range = Swift.min(chunk * chunkSize, count)..<Swift.min((chunk + 1) * chunkSize, count)
                    for index in range {
                        output.initialize(index, to: transform(input.element(at: index)))
                    }
                }
            }
            initializedCount = count
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

    func element(at index: Int) -> T {
        buffer[index]
    }
}
