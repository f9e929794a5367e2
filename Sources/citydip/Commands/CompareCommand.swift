import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip compare`: two or more subjects side by side — relations and partner cities, partner
/// states, profiles by a scheme's groups, decade and kind — with a test of each difference.
struct CompareCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare cities, countries or groups side by side, with a test of whether their partner profiles differ.",
        discussion: """
            A subject is a city (name or id), a country's cities (country:IR), the cities of a group of a scheme \
            (group:SCHEME:GROUP, e.g. group:un-m49:western-asia; a category for a scheme without groups, e.g. \
            group:oic:member) or a list of cities (cities:Tehran,Isfahan); SUBJECT@DATASET reads it in that dataset \
            alone. Side by side: relations and distinct partner cities (different units), partner states, relations \
            between the subject's own cities, undated relations and partners without a gazetteer identity, relations \
            by dataset, the best-connected city and its rank by degree; then the partners by the groups of --scheme \
            (default un-m49), by decade (the undated apart) and by kind. Each profile is tested: Fisher's exact test \
            for a 2×2 table, else a Monte-Carlo permutation test of the chi-square statistic (--draws, --seed), with \
            Cramér's V as effect size. Over several datasets, records of one place are one city and a pair listed by \
            several datasets is one relation, from the first dataset named.
            """
    )

    @Argument(help: ArgumentHelp("Two to eight subjects: a city, country:ISO, group:SCHEME:GROUP or cities:A,B, each optionally @DATASET.", valueName: "subject"))
    var subjects: [String] = []

    @Option(name: .customLong("dataset"), help: ArgumentHelp("A dataset to read (repeatable; default: the study's).", valueName: "id"))
    var datasets: [String] = []

    @Option(help: ArgumentHelp("The scheme whose groups the partners are profiled by (see `citydip schemes`; default un-m49).", valueName: "scheme"))
    var scheme: String?

    @Option(parsing: .unconditional, help: "Shuffles of the permutation test for tables larger than 2×2 (1 to 100000).")
    var draws: Int = 10_000

    @Option(help: "Seed of the permutation test: the same seed, the same p-value.")
    var seed: UInt64 = 2026

    @Flag(name: .customLong("network-measures"), help: "Also rank each subject's best-connected city by betweenness, eigenvector and PageRank (slower on large datasets).")
    var networkMeasures = false

    @Option(help: "Output format: md, html, json or csv.")
    var format: Format = .md

    @Option(help: "Output language: en or fa (Persian, with Persian digits).")
    var lang: Language = .en

    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    func request() throws(ApplicationError) -> ComparisonRequest {
        var request = try ComparisonRequest(subjects: subjects, datasets: datasets, scheme: scheme, draws: draws, seed: seed)
        request.networkMeasures = networkMeasures
        return request
    }

    func validate() throws {
        try validatingOptions { try request().validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace(files)
        let result = try await workspace.compare(try request())
        switch format {
        case .md, .html:
            print(ReportRenderer(format: OutputFormat(rawValue: format.rawValue)!, language: lang).render(result.document), terminator: "")
        case .json:
            try ComparisonView(result).printPrettyJSON()
        case .csv:
            print(TabulationRenderer(format: .csv, language: lang).render(result.table), terminator: "")
        }
    }
}
