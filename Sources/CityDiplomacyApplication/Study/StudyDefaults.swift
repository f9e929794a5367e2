import CityDiplomacyCore
import CityDiplomacyReferenceData

/// What an analysis uses when it is not told otherwise: the study's dataset, and the schemes and
/// periodisation its tables were computed under — read from the published-study file that ships
/// with the study's dataset, so that they are written in one place.
///
/// ```swift
/// let defaults = try StudyDefaults.bundled()
/// defaults.datasetID        // "iran-2018"
/// defaults.periodisation    // "iran-study-discourses"
/// ```
public struct StudyDefaults: Hashable, Sendable {
    public var datasetID: String
    public var regionScheme: String
    public var affiliationScheme: String
    public var periodisation: String
    public var rule: AmbiguityRuleChoice

    public init(datasetID: String, regionScheme: String, affiliationScheme: String, periodisation: String, rule: AmbiguityRuleChoice = .recorded) {
        self.datasetID = datasetID
        self.regionScheme = regionScheme
        self.affiliationScheme = affiliationScheme
        self.periodisation = periodisation
        self.rule = rule
    }

    public init(_ study: PublishedStudy) {
        self.init(datasetID: study.datasetID, regionScheme: study.regionScheme,
                  affiliationScheme: study.affiliationScheme, periodisation: study.periodisation)
    }

    /// The defaults of the first bundled dataset that ships its published study.
    public static func bundled() throws -> StudyDefaults {
        for id in BundledDatasets.ids.sorted() {
            if let study = try BundledClassifications.publishedStudy(forDataset: id) { return StudyDefaults(study) }
        }
        throw ApplicationError.notFound("dataset", "no bundled dataset ships a published study to take defaults from")
    }
}
