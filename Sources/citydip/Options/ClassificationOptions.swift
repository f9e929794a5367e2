import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation

/// The schemes and periodisation an analysis uses: the bundled ones, plus a user's files.
struct ClassificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The scheme for regions (Table 2).", valueName: "scheme"))
    var regions: String = "study-regions"

    @Option(help: ArgumentHelp("The scheme for civilisational affiliations (Table 2).", valueName: "scheme"))
    var affiliations: String = "study-civilisations"

    @Option(help: ArgumentHelp("The periodisation for Table 3.", valueName: "periodisation"))
    var periodisation: String = "iran-study-discourses"

    @Option(help: ArgumentHelp("How a date in a year of a change of period is placed: recorded (the dataset's placement, else the incoming period), later, earlier or exclude.", valueName: "rule"))
    var rule: String = "recorded"

    @Option(name: .customLong("scheme-file"), help: ArgumentHelp("A classification scheme file (citydiplomacy-scheme/1) to use beside the bundled ones; a scheme with a bundled id replaces it. Repeatable.", valueName: "file"))
    var schemeFiles: [String] = []

    @Option(name: .customLong("periodisation-file"), help: ArgumentHelp("A periodisation file (citydiplomacy-periodisation/1). Repeatable.", valueName: "file"))
    var periodisationFiles: [String] = []

    var ambiguityRule: AmbiguityRule {
        get throws {
            switch rule {
            case "recorded": return .standard
            case "later": return .later
            case "earlier": return .earlier
            case "exclude": return .exclude
            default: throw CLIError("unknown rule '\(rule)': expected recorded, later, earlier or exclude")
            }
        }
    }

    func validate() throws {
        _ = try ambiguityRule
    }

    /// Bundled schemes and the user's, by id.
    func schemes(countries: CountryDirectory) throws -> [String: ClassificationScheme] {
        var schemes = try BundledClassifications.schemes(countries: countries)
        for path in schemeFiles {
            let scheme = try SchemeFile.load(contentsOf: URL(fileURLWithPath: path), countries: countries)
            schemes[scheme.id] = scheme
        }
        return schemes
    }

    func periodisations() throws -> [String: Periodisation] {
        var periodisations = try BundledClassifications.periodisations()
        for path in periodisationFiles {
            let periodisation = try PeriodisationFile.load(contentsOf: URL(fileURLWithPath: path))
            periodisations[periodisation.id] = periodisation
        }
        return periodisations
    }

    static func scheme(_ id: String, in schemes: [String: ClassificationScheme], option: String) throws -> ClassificationScheme {
        guard let scheme = schemes[id] else {
            throw CLIError("unknown scheme '\(id)' for \(option): expected one of \(schemes.keys.sorted().joined(separator: ", ")) (or add one with --scheme-file)")
        }
        return scheme
    }

    static func periodisation(_ id: String, in periodisations: [String: Periodisation]) throws -> Periodisation {
        guard let periodisation = periodisations[id] else {
            throw CLIError("unknown periodisation '\(id)': expected one of \(periodisations.keys.sorted().joined(separator: ", ")) (or add one with --periodisation-file)")
        }
        return periodisation
    }
}
