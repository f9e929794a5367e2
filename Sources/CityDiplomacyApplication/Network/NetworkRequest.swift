import CityDiplomacyCore

/// What to measure: the network of one or more datasets, at the level of cities or of
/// countries, with a focus country whose cities are listed with their ranks.
///
/// ```swift
/// let request = NetworkRequest(datasets: ["wikipedia-2026"], level: .city, focusCountry: "IR", top: 10)
/// let result = try await workspace.network(request)
/// ```
public struct NetworkRequest: Hashable, Sendable {
    /// The datasets whose relations make the network; the default dataset when empty.
    public var datasets: [String]
    public var level: NetworkLevelChoice
    /// A country (code or name) whose cities (or, at country level, which) are listed with their ranks.
    public var focusCountry: String?
    /// How many nodes each ranking lists.
    public var top: Int
    /// The scheme whose groups the country level's shares are counted by; the world's regions
    /// (UN M49) when `nil`.
    public var scheme: String?
    /// Seeds community detection and the geographic baseline: the same seed, the same result.
    public var seed: UInt64
    /// Random pairings drawn for the geographic baseline.
    public var draws: Int

    public static let defaultScheme = "un-m49"
    public static let maximumTop = 1_000
    public static let maximumDraws = 1_000
    /// The greatest seed: 2^53 - 1, the greatest whole number every JSON reader (JavaScript's
    /// among them) reads back exactly.
    public static let maximumSeed: UInt64 = (1 << 53) - 1
    /// The most nodes whose betweenness, closeness and harmonic centrality are computed: one
    /// breadth-first search from every node costs nodes × edges (a few seconds for the 17k
    /// cities of Wikipedia's lists, hours for 200k). Larger networks get every whole-network
    /// figure, still exact, and the other node measures.
    public static let maximumPathNodes = 60_000

    public init(datasets: [String] = [], level: NetworkLevelChoice = .city, focusCountry: String? = nil, top: Int = 10,
                scheme: String? = nil, seed: UInt64 = 2026, draws: Int = 100) {
        self.datasets = datasets
        self.level = level
        self.focusCountry = focusCountry
        self.top = top
        self.scheme = scheme
        self.seed = seed
        self.draws = draws
    }

    public func validate() throws(ApplicationError) {
        guard (1...Self.maximumTop).contains(top) else {
            throw .invalid("top", "invalid \(parameter: "top") \(top): expected a whole number from 1 to \(Self.maximumTop)")
        }
        guard seed <= Self.maximumSeed else {
            throw .invalid("seed", "invalid \(parameter: "seed") \(seed): expected a whole number from 0 to \(Self.maximumSeed)")
        }
        guard (1...Self.maximumDraws).contains(draws) else {
            throw .invalid("draws", "invalid \(parameter: "draws") \(draws): expected a whole number from 1 to \(Self.maximumDraws)")
        }
    }
}
