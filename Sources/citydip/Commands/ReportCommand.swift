import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

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

    @OptionGroup var datasetOption: DatasetOption

    @Option(help: "Output format: md, html or json.")
    var format: OutputFormat = .md

    @Option(help: "Output language: en or fa.")
    var lang: Language = .en

    @Option(help: ArgumentHelp("Count the share of relations with states whose category in SCHEME carries TAG (e.g. oic:oic-member+oic-observer). Repeatable.", valueName: "scheme:tags"))
    var share: [String] = []

    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if format == .csv { throw CLIError("format 'csv' is not available for report: expected md, html or json") }
        for spec in share where spec.split(separator: ":").count != 2 {
            throw CLIError("invalid --share '\(spec)': expected SCHEME:TAG or SCHEME:TAG+TAG, e.g. oic:oic-member")
        }
    }

    func run() async throws {
        let registry = try await database.open()
        let content = try await datasetOption.content(in: registry)
        let countries = try await registry.countries()
        let schemes = try classification.schemes(countries: CountryDirectory(countries: countries))
        let periodisations = try classification.periodisations()
        var variants: [(scheme: ClassificationScheme, tags: Set<String>)] = []
        if share.isEmpty, let published = try BundledClassifications.publishedStudy(forDataset: content.dataset.id) {
            for claim in published.claims {
                guard case let .taggedCount(claimVariants, _, _) = claim.check else { continue }
                for variant in claimVariants { if let scheme = schemes[variant.scheme] { variants.append((scheme, variant.tags)) } }
            }
        }
        for spec in share {
            let parts = spec.split(separator: ":").map(String.init)
            let scheme = try ClassificationOptions.scheme(parts[0], in: schemes, option: "--share")
            variants.append((scheme, Set(parts[1].split(separator: "+").map(String.init))))
        }
        let builder = StudyReportBuilder(
            content: content, countries: countries,
            regions: try ClassificationOptions.scheme(classification.regions, in: schemes, option: "--regions"),
            affiliations: try ClassificationOptions.scheme(classification.affiliations, in: schemes, option: "--affiliations"),
            periodisation: try ClassificationOptions.periodisation(classification.periodisation, in: periodisations),
            rule: try classification.ambiguityRule, taggedVariants: variants)
        print(ReportRenderer(format: format, language: lang).render(builder.document()), terminator: "")
    }
}
