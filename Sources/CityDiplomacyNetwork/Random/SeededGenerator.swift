/// A random number generator that is reproducible for a seed: every randomised measure of this
/// module (the visiting order of Louvain and Leiden, the refinement's choices, the random pairings
/// of the proximity baseline) draws from one, so the same seed gives the same figures on every
/// machine and every run.
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded, and `shuffle(using:)` or
/// `Int.random(in:using:)` are free to change their algorithm between Swift versions; this type
/// owns its algorithm (xoshiro256**, Blackman & Vigna 2018, its state filled from the seed by
/// SplitMix64 as its authors advise) and its own bounded draws and shuffle, so a figure published
/// with its seed can be recomputed later.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// let die = random.index(below: 6)   // the same value for seed 42, always
/// var order = Array(0..<10)
/// random.shuffle(&order)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed, 0 included, over the 256 bits of state: xoshiro must not
        // start from all zeros, and nearby seeds must not give nearby sequences.
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound`, without the bias of a plain remainder (Lemire's
    /// multiply-and-reject method, 2019).
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Shuffles `elements` in place (Fisher–Yates, last position first), each order equally likely.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        var i = elements.count - 1
        while i > 0 {
            let j = index(below: i + 1)
            if i != j { elements.swapAt(i, j) }
            i -= 1
        }
    }

    @inline(__always) private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
