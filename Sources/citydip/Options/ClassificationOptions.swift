import ArgumentParser
import CityDiplomacyApplication

extension AmbiguityRuleChoice: ExpressibleByArgument {}
extension StudyTableNumber: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? Self.parse(argument, field: "table") else { return nil }
        self = value
    }
}
extension CountedRecords: ExpressibleByArgument {}

/// `--scheme-file` and `--periodisation-file`: a user's classifications beside the bundled ones.
struct ClassificationFileOptions: ParsableArguments {
    @Option(name: .customLong("scheme-file"), help: ArgumentHelp("A classification scheme file (citydiplomacy-scheme/1) to use beside the bundled ones; a scheme with a bundled id replaces it. Repeatable.", valueName: "file"))
    var schemeFiles: [String] = []

    @Option(name: .customLong("periodisation-file"), help: ArgumentHelp("A periodisation file (citydiplomacy-periodisation/1). Repeatable.", valueName: "file"))
    var periodisationFiles: [String] = []
}

/// The study's defaults, as the help names them (the use cases apply them; this only says which).
enum StudyDefaultsHelp {
    static let defaults = try? StudyDefaults.bundled()

    static func naming(_ value: KeyPath<StudyDefaults, String>) -> String {
        defaults.map { " Default: the study's (\($0[keyPath: value]))." } ?? ""
    }
}

/// The schemes, periodisation and rule an analysis uses; unset, the study's own (read from its
/// published-study file).
struct ClassificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The scheme for regions (Table 2)." + StudyDefaultsHelp.naming(\.regionScheme), valueName: "scheme"))
    var regions: String?

    @Option(help: ArgumentHelp("The scheme for civilisational affiliations (Table 2)." + StudyDefaultsHelp.naming(\.affiliationScheme), valueName: "scheme"))
    var affiliations: String?

    @Option(help: ArgumentHelp("The periodisation for Table 3." + StudyDefaultsHelp.naming(\.periodisation), valueName: "periodisation"))
    var periodisation: String?

    @Option(help: ArgumentHelp("How a date in a year of a change of period is placed: recorded (the dataset's placement, else the incoming period), later, earlier or exclude.", valueName: "rule"))
    var rule: AmbiguityRuleChoice = .recorded

    @OptionGroup var files: ClassificationFileOptions
}
