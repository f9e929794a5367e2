/// The value axis of a chart of counts: from 0 to a round maximum, in round steps (1, 2 or 5 times
/// a power of ten), about five of them, so that a reader can read a bar's length off the gridlines.
///
/// ```swift
/// ValueAxis(maximum: 23).ticks   // [0, 5, 10, 15, 20, 25]
/// ValueAxis(maximum: 3).ticks    // [0, 1, 2, 3]
/// ```
struct ValueAxis: Equatable {
    /// The distance between two ticks.
    let step: Int
    /// The value at the far end of the axis: a whole number of steps, at least the largest value.
    let end: Int

    init(maximum: Int, targetTicks: Int = 5) {
        let largest = max(1, maximum)
        let rough = Double(largest) / Double(targetTicks)
        var power = 1
        while Double(power) * 10 <= rough { power *= 10 }
        let step = [1, 2, 5, 10].map { $0 * power }.first { Double($0) >= rough } ?? 10 * power
        self.step = step
        end = (largest + step - 1) / step * step
    }

    var ticks: [Int] { Array(stride(from: 0, through: end, by: step)) }
}
