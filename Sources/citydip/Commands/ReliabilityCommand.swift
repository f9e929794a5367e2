import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyPresentation

extension ReliabilityRequest.Unit: ExpressibleByArgument {}

/// `citydip reliability`: Cohen's kappa and Krippendorff's alpha of the coders of documents.
struct ReliabilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "How far coders agree: Cohen's kappa and Krippendorff's alpha per theme and overall, and the passages to resolve.",
        discussion: """
            Over the documents two or more coders coded (a coder coded a document where they made any \
            decision in it, a rejected suggestion too). The text is cut into units — its characters, or \
            with --unit sentence its sentences — and each unit is, for each coder and theme, inside a \
            passage the coder gave the theme or not. Pooled over the documents per theme and overall, \
            then per document, then each run of text the coders marked differently, with who marked it.
            """
    )

    @Option(help: ArgumentHelp("Only this document.", valueName: "document-id"))
    var document: String?

    @Option(help: ArgumentHelp("Only this theme.", valueName: "id"))
    var theme: String?

    @Option(help: "The unit: character or sentence.")
    var unit: ReliabilityRequest.Unit = .character

    @Option(help: ArgumentHelp("Only the documents of this dataset (default: every dataset).", valueName: "id"))
    var dataset: String?

    @Option(help: "Output format: md or json.")
    var format: RecordFormat = .md

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let view = try await workspace.reliability(ReliabilityRequest(dataset: dataset, document: document, theme: theme, unit: unit))
        switch format {
        case .json: try view.printPrettyJSON()
        case .md:
            let renderer = TabulationRenderer(format: .md, language: language.lang)
            print([view.coefficientsTable, view.documentsTable, view.disagreementsTable].map(renderer.render).joined(separator: "\n"), terminator: "")
        }
    }
}
