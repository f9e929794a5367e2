import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip report`: the whole study regenerated from the records.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Regenerate the whole study from the records: findings, Tables 1–4, method and sources.",
        discussion: """
            The findings are written from the counts in English or Persian. The share with a category of \
            states (by default the definitions of "Islamic countries" the study's published claims are \
            checked under) is counted under each --share SCHEME:TAG[+TAG].
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    @OptionGroup var datasetOption: DatasetOption

    @Option(help: "Output format: md, html or json.")
    var format: Format = .md

    @Option(help: "Output language: en or fa.")
    var lang: Language = .en

    @Option(help: ArgumentHelp("Count the share of relations with states whose category in SCHEME carries TAG (e.g. oic:oic-member+oic-observer). Repeatable.", valueName: "scheme:tags"))
    var share: [String] = []

    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    var shares: [ReportRequest.Share] {
        get throws { try share.map { text throws(ApplicationError) in try ReportRequest.Share(parsing: text) } }
    }

    func validate() throws {
        try validatingOptions { _ = try shares }
    }

    func run() async throws {
        let workspace = try await database.workspace(classification.files)
        let document = try await workspace.report(ReportRequest(
            dataset: datasetOption.dataset, regions: classification.regions, affiliations: classification.affiliations,
            periodisation: classification.periodisation, rule: classification.rule, shares: try shares))
        print(ReportRenderer(format: OutputFormat(rawValue: format.rawValue)!, language: lang).render(document), terminator: "")
    }
}
