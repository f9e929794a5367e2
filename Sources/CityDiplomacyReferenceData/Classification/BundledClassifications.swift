import CityDiplomacyCore
import Foundation

/// The schemes and periodisations shipped in `Resources/schemes/` and `Resources/periodisations/`.
///
/// ```swift
/// let schemes = try BundledClassifications.schemes(countries: countries)
/// schemes["study-regions"]?.categories.count   // 7
/// ```
public enum BundledClassifications {
    public static func schemes(countries: CountryDirectory) throws(DataFileError) -> [String: ClassificationScheme] {
        var result: [String: ClassificationScheme] = [:]
        for url in BundledResource.urls(in: "schemes", withExtension: "yaml") {
            // A scheme with other readings comes with each as a scheme of its own
            // (`study-civilisations:by-region`), so that any count can use it.
            for scheme in try SchemeFile.load(contentsOf: url, countries: countries).withReadings {
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
