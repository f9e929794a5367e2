import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation

extension AuditStatusChoice: ExpressibleByArgument {}
extension AuditKindChoice: ExpressibleByArgument {}

/// `citydip audit`: the published study checked against its records.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Compare every number and list the study publishes (Tables 2–4, the claims of section 5) with the records.",
        discussion: """
            Each finding is of one of two kinds. An independent check recomputes a published figure \
            from other records (counts from Table 1's rows, totals, the claims of section 5) or checks it \
            against another table or outside evidence: its agreement confirms the study. A consistency \
            check compares a printed cell with its own transcription (Table 2's region of a state under \
            the scheme that transcribes that column): it guards against slips in the transcription and \
            can only fail if the transcription is wrong. The headline counts the two kinds apart.

            Status is match; mismatch (the study disagrees with its own records or another of its \
            tables); contradicted (evidence the study lacked, a record this project added with its \
            source, contradicts it); queried (a label of the study reproduced as printed, which cited \
            evidence puts in doubt: an erratum); scheme-dependent (true under some classifications, with each \
            result in computed); or not-checkable (needs data the database lacks, such as another \
            dataset with Istanbul's partners).

            Findings are listed as on the observatory's /audit page and in the API: mismatches and \
            contradicted findings first (independent checks before consistency checks), then \
            scheme-dependent, not-checkable, independent checks that match, and last the consistency \
            checks that match; within each group in the study's order. --status lists only the findings \
            of one status, --kind only those of one kind, and both together those of that status and kind.

            On a terminal the default is a summary: the headline, then the findings that do not \
            match (or those --status and --kind ask for), each by its citable sentence where it has \
            one and by what the records show otherwise. Piped, or with --format json, it is an array \
            of {"id", "claim", "published", "computed", "status", "kind", "detail", "sentence"} \
            (sentence null where a finding has none). --format md or html gives the headline, then a \
            table for each group that has findings: mismatches and contradicted claims, \
            scheme-dependent, not checkable, independent checks that match, consistency checks. Exit \
            status is 0 whatever the findings.
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

    @Option(help: ArgumentHelp("List only the findings of this kind: \(AuditKindChoice.accepted).", valueName: "kind"))
    var kind: AuditKindChoice?

    @OptionGroup var classification: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace(classification)
        let audit = try await workspace.audit(dataset: datasetOption.dataset)
        let listed = audit.listed(status?.status, kind: kind?.kind)
        let filtered = status != nil || kind != nil
        switch format ?? (isatty(STDOUT_FILENO) == 1 ? .summary : .json) {
        case .summary:
            print(AuditRenderer(format: .md, language: lang).summaryMarkdown(
                audit.findings, listing: filtered ? listed : listed.filter { $0.status != .match }, filtered: filtered, title: audit.title),
                  terminator: "")
        case .json:
            try listed.map { AuditFindingView($0, language: lang) }.printPrettyJSON()
        case .md:
            print(AuditRenderer(format: .md, language: lang).render(audit.findings, sections: audit.sections(status?.status, kind: kind?.kind),
                                                                    title: audit.title), terminator: "")
        case .html:
            print(AuditRenderer(format: .html, language: lang).render(audit.findings, sections: audit.sections(status?.status, kind: kind?.kind),
                                                                      title: audit.title), terminator: "")
        }
    }
}
