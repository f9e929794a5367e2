import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation

/// The classification schemes and periodisations an analysis may use: the bundled ones and any
/// the user gives as files (a file's scheme replaces a bundled one with the same id).
///
/// ```swift
/// let catalogue = try ClassificationCatalogue(countries: directory, schemeFiles: ["my-regions.yaml"])
/// let regions = try catalogue.scheme("study-regions", field: "regions")
/// ```
public struct ClassificationCatalogue: Sendable {
    public var schemes: [String: ClassificationScheme]
    public var periodisations: [String: Periodisation]

    public init(schemes: [String: ClassificationScheme], periodisations: [String: Periodisation]) {
        self.schemes = schemes
        self.periodisations = periodisations
    }

    /// The bundled schemes (checked against the bundled list of countries, and read once a
    /// process), and those of `schemeFiles`, checked against `countries`.
    public init(countries: CountryDirectory, schemeFiles: [String] = [], periodisationFiles: [String] = []) throws {
        var schemes = try BundledClassifications.schemes()
        for path in schemeFiles {
            let scheme = try SchemeFile.load(contentsOf: URL(fileURLWithPath: path), countries: countries)
            // A replaced scheme's readings go with it.
            schemes = schemes.filter { $0.value.readingOf?.scheme != scheme.id }
            for reading in scheme.withReadings { schemes[reading.id] = reading }
        }
        var periodisations = try BundledClassifications.periodisations()
        for path in periodisationFiles {
            let periodisation = try PeriodisationFile.load(contentsOf: URL(fileURLWithPath: path))
            periodisations[periodisation.id] = periodisation
        }
        self.init(schemes: schemes, periodisations: periodisations)
    }

    /// The scheme `id` names; an id of no scheme is not found (a 404 on the web), as an unknown
    /// dataset is, whichever parameter names it.
    public func scheme(_ id: String, field: String) throws(ApplicationError) -> ClassificationScheme {
        guard let scheme = schemes[id] else {
            throw .notFound(field, "unknown scheme '\(id)' for \(parameter: field): expected \(schemes.keys.sorted().orList()) (or add one with a scheme file)")
        }
        return scheme
    }

    /// The periodisation `id` names; an id of none is not found, as an unknown scheme is.
    public func periodisation(_ id: String, field: String = "periodisation") throws(ApplicationError) -> Periodisation {
        guard let periodisation = periodisations[id] else {
            throw .notFound(field, "unknown periodisation '\(id)': expected \(periodisations.keys.sorted().orList()) (or add one with a periodisation file)")
        }
        return periodisation
    }
}
