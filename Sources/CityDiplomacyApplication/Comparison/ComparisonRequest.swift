import CityDiplomacyCore

/// What to compare: two or more subjects (``ComparisonSubject``) in one or more datasets, their
/// partners profiled by a scheme's groups, by decade and by kind, each difference tested.
///
/// ```swift
/// let request = try ComparisonRequest(subjects: ["Istanbul", "country:IR"], datasets: ["wikipedia-2026", "iran-2018"])
/// let result = try await workspace.compare(request)
/// ```
public struct ComparisonRequest: Hashable, Sendable {
    public var subjects: [ComparisonSubject]
    /// The datasets read; the default dataset when empty.
    public var datasets: [String]
    /// The scheme whose groups the partner countries are profiled by; UN M49 when `nil`.
    public var scheme: String?
    /// Shuffles of the permutation test of a table larger than 2×2.
    public var draws: Int
    public var seed: UInt64
    /// Whether the best-connected city of each subject is also ranked by betweenness, eigenvector
    /// and PageRank in the network of the datasets (the network use case's measures: seconds for
    /// Wikipedia's list in a release build, so asked for rather than given by default).
    public var networkMeasures: Bool = false

    public static let defaultScheme = "un-m49"
    public static let maximumSubjects = 8
    public static let maximumDraws = 100_000
    /// The most draws the observatory (its pages and API) accepts, as for ``NetworkRequest``:
    /// a permutation test costs draws × observations, so a request must not buy hours of CPU.
    public static let webMaximumDraws = 1_000

    public init(subjects: [ComparisonSubject], datasets: [String] = [], scheme: String? = nil, draws: Int = 10_000, seed: UInt64 = 2026) {
        self.subjects = subjects
        self.datasets = datasets
        self.scheme = scheme
        self.draws = draws
        self.seed = seed
    }

    /// Reads each subject as written (``ComparisonSubject/init(parsing:field:)``).
    public init(subjects: [String], datasets: [String] = [], scheme: String? = nil, draws: Int = 10_000, seed: UInt64 = 2026) throws(ApplicationError) {
        var parsed: [ComparisonSubject] = []
        for text in subjects { parsed.append(try ComparisonSubject(parsing: text)) }
        self.init(subjects: parsed, datasets: datasets, scheme: scheme, draws: draws, seed: seed)
    }

    public func validate() throws(ApplicationError) {
        guard (2...Self.maximumSubjects).contains(subjects.count) else {
            throw .invalid("subject", "invalid number of subjects \(subjects.count): expected 2 to \(Self.maximumSubjects) subjects to compare")
        }
        var seen = Set<ComparisonSubject>()
        for subject in subjects where !seen.insert(subject).inserted {
            throw .invalid("subject", "invalid subject '\(subject.text)': it is given twice; name each subject once")
        }
        guard (1...Self.maximumDraws).contains(draws) else {
            throw .invalid("draws", "invalid \(parameter: "draws") \(draws): expected a whole number from 1 to \(Self.maximumDraws)")
        }
        guard seed <= NetworkRequest.maximumSeed else {
            throw .invalid("seed", "invalid \(parameter: "seed") \(seed): expected a whole number from 0 to \(NetworkRequest.maximumSeed)")
        }
    }
}
