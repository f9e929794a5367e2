#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How alike two cities are, for benchmarking one against its peers: the cosine similarity of
/// their feature vectors (1 for the same direction, 0 for nothing in common), each vector made
/// of four blocks of about equal weight — the one-number blocks between 0 and 1, the others
/// scaled to length one where they are not all zero:
///
/// - size: `log10(population) / 7` (a city of ten million is 1); where either city's population
///   is unknown, the block is left out of both vectors, and the result says so;
/// - activity: `ln(1 + degree) / ln(1 + maximum degree)`;
/// - country group: the group of the city's own country in a scheme, one-hot;
/// - partner profile: the share of its partners in each group of the scheme.
///
/// ```swift
/// let a = PeerFeatures(population: 2_000_000, degree: 12, maximumDegree: 80, ownGroup: 2, partnerShares: [0.5, 0, 0.5])
/// PeerSimilarity.cosine(a, b)
/// ```
public struct PeerFeatures: Hashable, Sendable {
    public var population: Int?
    public var degree: Int
    public var maximumDegree: Int
    /// The index of the own country's group, or `nil` where the scheme does not classify it.
    public var ownGroup: Int?
    /// The share of partners in each group (summing to at most one: partners the scheme does not
    /// classify count in none).
    public var partnerShares: [Double]

    public init(population: Int?, degree: Int, maximumDegree: Int, ownGroup: Int?, partnerShares: [Double]) {
        self.population = population
        self.degree = degree
        self.maximumDegree = maximumDegree
        self.ownGroup = ownGroup
        self.partnerShares = partnerShares
    }
}

public enum PeerSimilarity {
    /// The cosine similarity of `a` and `b`'s feature vectors, and whether size was compared.
    public static func cosine(_ a: PeerFeatures, _ b: PeerFeatures) -> (similarity: Double, sizeCompared: Bool) {
        let sizeCompared = (a.population ?? 0) > 0 && (b.population ?? 0) > 0
        let x = vector(a, size: sizeCompared), y = vector(b, size: sizeCompared)
        var dot = 0.0, nx = 0.0, ny = 0.0
        for i in x.indices {
            dot += x[i] * y[i]
            nx += x[i] * x[i]
            ny += y[i] * y[i]
        }
        guard nx > 0, ny > 0 else { return (0, sizeCompared) }
        return (dot / (nx.squareRoot() * ny.squareRoot()), sizeCompared)
    }

    /// The concatenated blocks; a one-number block is its value, a longer one scaled to length one.
    static func vector(_ f: PeerFeatures, size: Bool) -> [Double] {
        var result: [Double] = []
        if size, let population = f.population { result.append(min(1, log10(Double(population)) / 7)) }
        result.append(f.maximumDegree > 0 ? log(1 + Double(f.degree)) / log(1 + Double(f.maximumDegree)) : 0)
        var own = [Double](repeating: 0, count: f.partnerShares.count)
        if let group = f.ownGroup, own.indices.contains(group) { own[group] = 1 }
        result += own
        result += unit(f.partnerShares)
        return result
    }

    static func unit(_ values: [Double]) -> [Double] {
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? values.map { $0 / norm } : values
    }
}
