extension Array where Element == UInt8 {
    /// `range` of these bytes cut into about `count` runs of whole lines, in order and with no gap:
    /// each run but the last ends just after a line feed. For a text file read on every core, a
    /// run a worker (the bundled gazetteer, the rows of an import).
    ///
    /// ```swift
    /// let runs = Array("a\nbb\nccc\n".utf8).lineRuns(of: 0..<9, count: 2)  // [0..<5, 5..<9]
    /// ```
    public func lineRuns(of range: Range<Int>, count: Int) -> [Range<Int>] {
        let size = Swift.max(1, range.count / Swift.max(count, 1))
        var runs: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = Swift.min(start + size, range.upperBound)
            while end < range.upperBound, self[end - 1] != UInt8(ascii: "\n") { end += 1 }
            runs.append(start..<end)
            start = end
        }
        return runs
    }
}
