import CityDiplomacyAnalysis
import CityDiplomacyCore

/// What to test: the share of a focus's relations with partners in a group of a scheme, against
/// the share expected were the focus's cities to choose partners as the reference dataset's
/// cities do (``PartnerBaseline``).
///
/// ```swift
/// let request = try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery", against: "wikipedia-2026")
/// let result = try await workspace.baseline(request)
/// result.baseline.pMore
/// ```
public struct BaselineRequest: Hashable, Sendable {
    public var focus: ComparisonSubject
    public var scheme: String
    /// A group of the scheme, or a category for a scheme without groups.
    public var group: String
    /// The dataset the focus's relations are read in; the default dataset when `nil`.
    public var dataset: String?
    /// The reference dataset; the largest other dataset imported from a file when `nil`.
    public var against: String?
    public var model: BaselineModelChoice
    public var draws: Int
    public var seed: UInt64

    public static let maximumDraws = 100_000
    /// The most draws the observatory (its pages and API) accepts, as for ``NetworkRequest``:
    /// a rewiring draw takes milliseconds, so a request must not buy hours of CPU.
    public static let webMaximumDraws = 1_000

    public init(focus: ComparisonSubject, scheme: String, group: String, dataset: String? = nil, against: String? = nil,
                model: BaselineModelChoice = .world, draws: Int = 1_000, seed: UInt64 = 2026) {
        self.focus = focus
        self.scheme = scheme
        self.group = group
        self.dataset = dataset
        self.against = against
        self.model = model
        self.draws = draws
        self.seed = seed
    }

    /// Reads the focus as a subject is written (``ComparisonSubject/init(parsing:field:)``).
    public init(focus: String, scheme: String, group: String, dataset: String? = nil, against: String? = nil,
                model: BaselineModelChoice = .world, draws: Int = 1_000, seed: UInt64 = 2026) throws(ApplicationError) {
        self.init(focus: try ComparisonSubject(parsing: focus, field: "focus"), scheme: scheme, group: group, dataset: dataset,
                  against: against, model: model, draws: draws, seed: seed)
    }

    public func validate() throws(ApplicationError) {
        if let named = focus.dataset, let dataset, named != dataset {
            throw .invalid("focus", "invalid focus '\(focus.text)': it names dataset '\(named)' but \(parameter: "dataset") is '\(dataset)'; give the dataset once")
        }
        guard (1...Self.maximumDraws).contains(draws) else {
            throw .invalid("draws", "invalid \(parameter: "draws") \(draws): expected a whole number from 1 to \(Self.maximumDraws)")
        }
        guard seed <= NetworkRequest.maximumSeed else {
            throw .invalid("seed", "invalid \(parameter: "seed") \(seed): expected a whole number from 0 to \(NetworkRequest.maximumSeed)")
        }
    }
}
