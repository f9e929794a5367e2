import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// `citydip audit`: the published study checked against its records.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Compare every number and list the study publishes (Tables 2–4, the claims of section 5) with the records.",
        discussion: """
            JSON is an array of {"id", "claim", "published", "computed", "status", "detail"}; status is match, \
            mismatch, scheme-dependent (true under some classifications, with each result in computed) or \
            not-checkable (needs data the database lacks, such as another dataset with Istanbul's partners). \
            A mismatch's detail names the records that explain it. Exit status is 0 whatever the findings.
            """
    )

    @OptionGroup var datasetOption: DatasetOption

    @Option(help: "Output format: json, md or html.")
    var format: OutputFormat = .json

    @Option(help: "Language of the claims' text: en or fa.")
    var lang: Language = .en

    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if format == .csv { throw CLIError("format 'csv' is not available for audit: expected json, md or html") }
    }

    func run() async throws {
        let registry = try await database.open()
        let content = try await datasetOption.content(in: registry)
        guard let published = try BundledClassifications.publishedStudy(forDataset: content.dataset.id) else {
            throw CLIError("no published values for dataset '\(content.dataset.id)': the audit checks a study's published tables, and only iran-2018 ships them")
        }
        let countries = try await registry.countries()
        let schemes = try classification.schemes(countries: CountryDirectory(countries: countries))
        let periodisations = try classification.periodisations()
        let audit = try await StudyAudit.auditing(content, against: published, schemes: schemes, periodisations: periodisations,
                                                  countries: countries, registry: registry)
        let title = LocalizedText(en: "Audit of \(published.citation) against dataset \(content.dataset.id)",
                                  fa: "بررسی \(published.citation) در برابر داده \(content.dataset.id)")
        print(AuditRenderer(format: format, language: lang).render(audit.findings(), title: title), terminator: "")
    }
}
