import CityDiplomacyAnalysis
import CityDiplomacyCore

/// Two or more subjects side by side: their relations and distinct partner cities (different
/// units: the study's 70 relations against Istanbul's 75 partner cities), partner states, their
/// partners' profiles by a scheme's groups, by decade and by kind, each with a test of whether the
/// profiles differ and its effect size, and the subjects' places in the network of cities.
/// ``document`` renders it for people (md, html), ``view`` as JSON, ``table`` as CSV.
///
/// ```swift
/// let result = try await workspace.compare(ComparisonRequest(subjects: ["Istanbul", "country:IR"], datasets: ["wikipedia-2026", "iran-2018"]))
/// result.subjects.map(\.relations)       // [relations of Istanbul, of Iran's cities]
/// result.profiles[0].test.pValue
/// ```
public struct ComparisonResult: Sendable {
    /// One subject's figures.
    public struct Subject: Sendable {
        public var subject: ComparisonSubject
        public var label: LocalizedText
        /// The datasets it was read in, in the order compared.
        public var datasets: [String]
        /// Its cities in the datasets, and those with at least one relation to another city.
        public var cities: Int
        public var citiesWithRelations: Int
        public var relations: Int
        public var partnerCities: Int
        public var partnerStates: Int
        /// Relations between two of its own cities (counted once).
        public var internalRelations: Int
        /// Relations listed by more than one dataset, counted once.
        public var listedTwice: Int
        /// Relations of a place with itself, left out.
        public var selfPairs: Int
        public var undated: Int
        /// Partner cities without a gazetteer identity (a GeoNames id): unresolved places of an import, or a transcription's.
        public var partnersWithoutIdentity: Int
        /// Its relations and distinct partner cities in each dataset read alone (before pairs listed
        /// by several are merged), in the order compared: the units each source publishes.
        public var byDataset: [(relations: Int, partners: Int)]
        /// Its best-placed city in the network of the compared datasets: degree and rank by degree among all cities.
        public var central: (name: LocalizedText, degree: Int, rank: Int)?
        /// With ``ComparisonRequest/networkMeasures``: that city's rank by each path and spectral
        /// measure among all cities, in the network use case's order.
        public var centralRanks: [(measure: NetworkResult.Measure, rank: Int)] = []
        /// The id of the best-connected city's record.
        var centralID: String?
    }

    /// One category of a profile.
    public struct Category: Sendable {
        public var id: String
        public var label: LocalizedText
        /// Relations per subject, in the subjects' order.
        public var counts: [Int]
        /// Whether the category is left out of the test (undated relations).
        public var untested: Bool
    }

    /// The subjects' relations by one dimension, with the test of their difference.
    public struct Profile: Sendable {
        /// `group`, `decade` or `kind`.
        public var dimension: String
        public var title: LocalizedText
        public var categories: [Category]
        public var test: ProfileDifference
    }

    public var request: ComparisonRequest
    public var datasets: [Dataset]
    public var scheme: ClassificationScheme
    public var subjects: [Subject]
    public var profiles: [Profile]
    /// The network's size, for the ranks.
    public var networkCities: Int
    /// The pairs of subjects (indices into ``subjects``) that share a place: then no profile is
    /// tested, the subjects not being independent.
    public var sharedCities: [(Int, Int)] = []
}
