import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

extension BaselineModelChoice: ExpressibleByArgument {}

/// `citydip baseline`: is a focus's share of partners in a group more than chance, against the
/// world of a reference dataset?
struct BaselineCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Test a focus's share of partners in a group against the share expected from a reference dataset's world.",
        discussion: """
            The observed share is that of the focus's relations (in --dataset) whose partner is in --group of --scheme, \
            relations with a partner in the focus's own countries left out. The expected share is what the focus's \
            cities would show had they chosen partners as the reference dataset's (--against; default the largest imported \
            other dataset) cities of other countries do: --model world draws each partner country in proportion to \
            its relations with other countries in the reference; --model rewire randomises the network of the focus's \
            relations and the reference's by double-edge swaps that keep every city's number of relations. Given: the \
            expected share, its 95% interval over --draws draws, and one-sided p-values (1 + draws at least as \
            extreme) / (draws + 1) for more and for less than expected; the same --seed, the same figures. A focus is \
            written as compare's subjects are (country:IR, a city, group:SCHEME:GROUP, cities:A,B).
            """
    )

    @Option(help: ArgumentHelp("Whose relations: country:ISO, a city, group:SCHEME:GROUP or cities:A,B.", valueName: "subject"))
    var focus: String

    @Option(help: ArgumentHelp("The scheme the group belongs to (see `citydip schemes`).", valueName: "scheme"))
    var scheme: String

    @Option(help: ArgumentHelp("A group of the scheme (a category for a scheme without groups).", valueName: "group"))
    var group: String

    @Option(help: ArgumentHelp("The dataset of the focus's relations (default: the study's).", valueName: "id"))
    var dataset: String?

    @Option(help: ArgumentHelp("The reference dataset (default: the largest other imported dataset).", valueName: "id"))
    var against: String?

    @Option(help: "world (partner countries in proportion to their relations) or rewire (degree-preserving swaps).")
    var model: BaselineModelChoice = .world

    @Option(parsing: .unconditional, help: "Draws (1 to 100000).")
    var draws: Int = 1_000

    @Option(help: "Seed: the same seed, the same figures.")
    var seed: UInt64 = 2026

    @Option(help: "Output format: md, html or json.")
    var format: Format = .md

    @Option(help: "Output language: en or fa (Persian, with Persian digits).")
    var lang: Language = .en

    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    func request() throws(ApplicationError) -> BaselineRequest {
        try BaselineRequest(focus: focus, scheme: scheme, group: group, dataset: dataset, against: against, model: model, draws: draws, seed: seed)
    }

    func validate() throws {
        try validatingOptions { try request().validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace(files)
        let result = try await workspace.baseline(try request())
        switch format {
        case .md, .html:
            print(ReportRenderer(format: OutputFormat(rawValue: format.rawValue)!, language: lang).render(result.document), terminator: "")
        case .json:
            try BaselineView(result, language: lang).printPrettyJSON()
        }
    }
}
