import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation

extension AuditStatusChoice: ExpressibleByArgument {}

/// `citydip audit`: the published study checked against its records.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Compare every number and list the study publishes (Tables 2–4, the claims of section 5) with the records.",
        discussion: """
            On a terminal the default is a summary: how many findings match, and the others with what the \
            records show. Piped, or with --format json, it is an array of {"id", "claim", "published", \
            "computed", "status", "detail"}; status is match, mismatch, scheme-dependent (true under some \
            classifications, with each result in computed) or not-checkable (needs data the database lacks, \
            such as another dataset with Istanbul's partners). --format md or html gives every finding as a \
            table. Findings are listed as on the observatory's /audit page: those that do not match first, \
            then scheme-dependent, not-checkable and matching ones; --status lists only those of one status. \
            Exit status is 0 whatever the findings.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case summary, json, md, html
    }

    @OptionGroup var datasetOption: DatasetOption

    @Option(help: "Output format: summary, json, md or html (default: summary on a terminal, json otherwise).")
    var format: Format?

    @Option(help: "Language of the claims' text: en or fa.")
    var lang: Language = .en

    @Option(help: ArgumentHelp("List only the findings of this status: \(AuditStatusChoice.accepted).", valueName: "status"))
    var status: AuditStatusChoice?

    @OptionGroup var classification: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace(classification)
        let audit = try await workspace.audit(dataset: datasetOption.dataset)
        let renderer = AuditRenderer(format: .md, language: lang)
        let listed = audit.listed(status?.status)
        switch format ?? (isatty(STDOUT_FILENO) == 1 ? .summary : .json) {
        case .summary:
            print(renderer.summaryMarkdown(audit.findings, listing: status == nil ? listed.filter { $0.status != .match } : listed,
                                           title: audit.title), terminator: "")
        case .json:
            print(try listed.map { AuditFindingView($0, language: lang) }.prettyJSON(), terminator: "")
        case .md:
            print(renderer.render(listed, title: audit.title), terminator: "")
        case .html:
            print(AuditRenderer(format: .html, language: lang).render(listed, title: audit.title), terminator: "")
        }
    }
}
