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

    /// The bundled schemes checked against the bundled list of countries, read once a process.
    public static func schemes() throws -> [String: ClassificationScheme] {
        try bundledSchemes.get()
    }

    private static let bundledSchemes = Result { () throws -> [String: ClassificationScheme] in
        try schemes(countries: CountryDirectory.bundled())
    }

    /// The bundled periodisations, read once a process.
    public static func periodisations() throws(DataFileError) -> [String: Periodisation] {
        try bundledPeriodisations.get()
    }

    private static let bundledPeriodisations = Result { () throws(DataFileError) -> [String: Periodisation] in
        var result: [String: Periodisation] = [:]
        for url in BundledResource.urls(in: "periodisations", withExtension: "yaml") {
            let periodisation = try PeriodisationFile.load(contentsOf: url)
            result[periodisation.id] = periodisation
        }
        return result
    }

    /// Starts reading the bundled countries, schemes, periodisations and published studies on
    /// threads of their own, for a process that will need them after work of its own (a command
    /// opens its database first): read when first asked for, they were most of a short command's
    /// time, one after another on one core (perf, 2026-11-30). Asking for one while it is being
    /// read waits for that reading; a failure is thrown to whoever asks, as without this.
    /// Only the first call starts anything.
    public static func prefetch() {
        _ = prefetching
    }

    private static let prefetching: Void = {
        DispatchQueue(label: "citydip.reference.schemes", qos: .userInitiated).async {
            _ = try? schemes()
        }
        DispatchQueue(label: "citydip.reference.studies", qos: .userInitiated).async {
            _ = bundledPublishedStudies
            _ = try? periodisations()
        }
    }()
}
