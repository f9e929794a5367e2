import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip alignment`: how a country's cities' partners follow declared priorities, against chance.
struct AlignmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alignment",
        abstract: "How the partners of a country's cities follow a priorities file, per city and overall, against chance.",
        discussion: """
            The weighted share of relations whose partner is in a prioritised group (sum of the partners' weights over \
            relations times the greatest weight), beside the unweighted share in any group, against partner countries \
            drawn in proportion to their share of all relation ends in --against (default: the same datasets, or where they leave no world, as the study's \
            dataset alone does, the largest other imported one), every relation with an end in the focus's country left out: the expected share, a 95% interval and a one-sided p-value from --draws seeded draws. \
            Relations between two cities of the focus country have no partner abroad: they are left out and counted.
            """
    )

    @Option(help: ArgumentHelp("The priorities file (citydiplomacy-priorities/1, see Docs/priorities.md).", valueName: "file"))
    var priorities: String

    @Option(help: ArgumentHelp("Whose cities: country:IR (or a code or a country's name).", valueName: "country:iso"))
    var focus: String

    @Option(name: .customLong("dataset"), help: ArgumentHelp("A dataset whose relations are measured (repeatable; default: the study's).", valueName: "id"))
    var datasets: [String] = []

    @Option(help: ArgumentHelp("A dataset the world's shares are read from (repeatable; default: the measured ones, or the largest other imported dataset where they leave no world).", valueName: "id"))
    var against: [String] = []

    @Option(parsing: .unconditional, help: "Random draws of the baseline (1 to 100000).")
    var draws: Int = 1_000

    @Option(help: "Seed of the draws: the same seed, the same figures.")
    var seed: UInt64 = 2026

    @OptionGroup var output: OutputOptions
    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    var request: AlignmentRequest {
        AlignmentRequest(prioritiesFile: priorities, focus: focus, datasets: datasets, against: against, draws: draws, seed: seed)
    }

    func validate() throws {
        try validatingOptions { try request.validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace(files)
        let result = try await workspace.alignment(request)
        switch output.format {
        case .md, .html: print(ReportRenderer(format: output.format.outputFormat, language: output.lang).render(result.document), terminator: "")
        case .csv: print(output.render(result.table), terminator: "")
        case .json: try result.view.printPrettyJSON()
        }
    }
}
