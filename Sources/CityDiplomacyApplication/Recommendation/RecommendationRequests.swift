import CityDiplomacyCore

/// Partner cities for one city: `citydip recommend CITY`, the city page's suggested partners and
/// `/api/v1/cities/{id}/recommendations`.
///
/// ```swift
/// let result = try await workspace.recommend(RecommendationRequest(city: "Tabriz", top: 10))
/// result.candidates.first?.reason   // why, in both languages
/// ```
public struct RecommendationRequest: Hashable, Sendable {
    /// A city's name (English or Persian), alias or id.
    public var city: String
    /// The datasets whose network the partners are drawn from; the city's own (else the default) when empty.
    public var datasets: [String]
    /// A priorities file whose groups multiply a candidate's score by `1 + weight / greatest weight`.
    public var prioritiesFile: String?
    public var top: Int
    /// Countries (codes or names) whose cities are never suggested.
    public var excludeCountries: [String]
    /// Whether cities of the city's own country may be suggested (`--include-domestic`,
    /// `include_domestic=true`); by default they are not: city diplomacy is about partners abroad,
    /// and a network's domestic ties would otherwise fill the list.
    public var includeDomestic: Bool

    public static let maximumTop = 100

    public init(city: String, datasets: [String] = [], prioritiesFile: String? = nil, top: Int = 10, excludeCountries: [String] = [],
                includeDomestic: Bool = false) {
        self.city = city
        self.datasets = datasets
        self.prioritiesFile = prioritiesFile
        self.top = top
        self.excludeCountries = excludeCountries
        self.includeDomestic = includeDomestic
    }

    public func validate() throws(ApplicationError) {
        guard !city.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("city", "a city is needed: a name or an id such as iran-2018:tabriz") }
        guard (1...Self.maximumTop).contains(top) else {
            throw .invalid("top", "invalid \(parameter: "top") \(top): expected a whole number from 1 to \(Self.maximumTop)")
        }
    }
}

/// How well the recommender finds relations it was not shown: `citydip recommend --evaluate`.
public struct RecommendationEvaluationRequest: Hashable, Sendable {
    public var datasets: [String]
    /// The share of relations held out, above 0 and at most 0.5.
    public var holdout: Double
    public var seed: UInt64
    /// The length of each list checked (precision@k, recall@k).
    public var k: Int
    /// Pairs of pairs compared for the AUC.
    public var aucSamples: Int

    public static let maximumK = 100
    public static let maximumAUCSamples = 1_000_000

    /// The fewest held-out pairs an evaluation is run on.
    public static let minimumHeldOut = 10

    public init(datasets: [String] = [], holdout: Double = 0.1, seed: UInt64 = 2026, k: Int = 10, aucSamples: Int = 10_000) {
        self.datasets = datasets
        self.holdout = holdout
        self.seed = seed
        self.k = k
        self.aucSamples = aucSamples
    }

    public func validate() throws(ApplicationError) {
        guard holdout > 0, holdout <= 0.5 else {
            throw .invalid("holdout", "invalid \(parameter: "holdout") \(holdout): expected a share above 0 and at most 0.5, such as 0.1")
        }
        guard seed <= NetworkRequest.maximumSeed else {
            throw .invalid("seed", "invalid \(parameter: "seed") \(seed): expected a whole number from 0 to \(NetworkRequest.maximumSeed)")
        }
        guard (1...Self.maximumK).contains(k) else { throw .invalid("k", "invalid \(parameter: "k") \(k): expected a whole number from 1 to \(Self.maximumK)") }
        guard (100...Self.maximumAUCSamples).contains(aucSamples) else {
            throw .invalid("auc-samples", "invalid \(parameter: "auc-samples") \(aucSamples): expected a whole number from 100 to \(Self.maximumAUCSamples)")
        }
    }
}

/// The cities most like one city: `citydip peers CITY`.
public struct PeersRequest: Hashable, Sendable {
    public var city: String
    public var datasets: [String]
    /// The scheme whose groups place the city's country and profile its partners; UN M49's regions when `nil`.
    public var scheme: String?
    public var top: Int

    public static let maximumTop = 100

    public init(city: String, datasets: [String] = [], scheme: String? = nil, top: Int = 10) {
        self.city = city
        self.datasets = datasets
        self.scheme = scheme
        self.top = top
    }

    public func validate() throws(ApplicationError) {
        guard !city.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("city", "a city is needed: a name or an id such as iran-2018:tabriz") }
        guard (1...Self.maximumTop).contains(top) else {
            throw .invalid("top", "invalid \(parameter: "top") \(top): expected a whole number from 1 to \(Self.maximumTop)")
        }
    }
}

/// How a country's cities' partners follow declared priorities: `citydip alignment`.
public struct AlignmentRequest: Hashable, Sendable {
    public var prioritiesFile: String
    /// The priorities themselves, as YAML text (the web's request body): read instead of
    /// `prioritiesFile`, and named `priorities` in messages rather than by any path.
    public var prioritiesText: String?
    /// `country:IR` (or `IR`, or a country's name): whose cities are measured.
    public var focus: String
    /// The datasets whose relations are measured; the default dataset when empty.
    public var datasets: [String]
    /// The datasets the world's shares are read from; `datasets` when empty, or the largest other
    /// imported dataset where those leave no world.
    public var against: [String]
    public var draws: Int
    public var seed: UInt64

    public static let maximumDraws = 100_000
    /// The most draws the observatory accepts, as for ``BaselineRequest``: every city of a country
    /// is drawn for, and 100,000 draws of the United States' cities take minutes of CPU.
    public static let webMaximumDraws = 1_000
    /// The most bytes of priorities text the web accepts.
    public static let maximumPrioritiesText = 64 * 1024

    public init(prioritiesFile: String, focus: String, datasets: [String] = [], against: [String] = [], draws: Int = 1_000, seed: UInt64 = 2026) {
        self.prioritiesFile = prioritiesFile
        self.focus = focus
        self.datasets = datasets
        self.against = against
        self.draws = draws
        self.seed = seed
    }

    /// Priorities given as text rather than a file: what the web observatory posts.
    public init(prioritiesText: String, focus: String, datasets: [String] = [], against: [String] = [], draws: Int = 1_000, seed: UInt64 = 2026) {
        self.init(prioritiesFile: "", focus: focus, datasets: datasets, against: against, draws: draws, seed: seed)
        self.prioritiesText = prioritiesText
    }

    public func validate() throws(ApplicationError) {
        guard (1...Self.maximumDraws).contains(draws) else {
            throw .invalid("draws", "invalid \(parameter: "draws") \(draws): expected a whole number from 1 to \(Self.maximumDraws)")
        }
        guard seed <= NetworkRequest.maximumSeed else {
            throw .invalid("seed", "invalid \(parameter: "seed") \(seed): expected a whole number from 0 to \(NetworkRequest.maximumSeed)")
        }
    }

    /// The focus's country text: `country:IR` → `IR`.
    public var focusCountry: String {
        focus.lowercased().hasPrefix("country:") ? String(focus.dropFirst("country:".count)) : focus
    }
}
