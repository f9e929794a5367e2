import CityDiplomacyCore
import Foundation

/// The schemes and periodisations shipped in `Resources/schemes/` and `Resources/periodisations/`.
///
/// ```swift
/// let schemes = try BundledClassifications.schemes(countries: countries)
/// schemes["study-regions"]?.categories.count   // 7
/// ```
public enum BundledClassifications {
    /// The files are read on every core, then taken in their order: decoding them (Yams resolves
    /// each scalar's type by regular expressions) was a third of the time of a short `citydip`
    /// command, before it asked the database anything.
    public static func schemes(countries: CountryDirectory) throws(DataFileError) -> [String: ClassificationScheme] {
        let loaded = BundledResource.urls(in: "schemes", withExtension: "yaml").concurrentMap { url in
            Result { () throws(DataFileError) -> ClassificationScheme in try SchemeFile.load(contentsOf: url, countries: countries) }
        }
        var result: [String: ClassificationScheme] = [:]
        for file in loaded {
            // A scheme with other readings comes with each as a scheme of its own
            // (`study-civilisations:by-region`), so that any count can use it.
            for scheme in try file.get().withReadings {
                result[scheme.id] = scheme
            }
        }
        return result
    }

    public static func periodisations() throws(DataFileError) -> [String: Periodisation] {
        var result: [String: Periodisation] = [:]
        for url in BundledResource.urls(in: "periodisations", withExtension: "yaml") {
            let periodisation = try PeriodisationFile.load(contentsOf: url)
            result[periodisation.id] = periodisation
        }
        return result
    }
}
