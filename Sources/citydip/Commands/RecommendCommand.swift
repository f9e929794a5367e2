import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip recommend CITY`: partner cities a city has no relation with, each with its reasons;
/// `citydip recommend --evaluate`: how well the recommender finds relations held out.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Suggest partner cities for a city, with the reasons; or evaluate the suggestions on held-out relations.",
        discussion: """
            Candidates are cities of the network the city has no relation with. Score: RA(u,v) + P(u -> C) * deg(v) / D(C), \
            where RA is the resource-allocation score of the shared partners, P(u -> C) the share of the city's partners in \
            the candidate's country C (smoothed towards its own country's habits with one pseudo-partner), deg(v) the \
            candidate's partners and D(C) those of all cities of C; with --priorities, times 1 + w / max w of the candidate's \
            priority group. Each suggestion names its shared partners (common neighbours, Adamic-Adar, resource allocation), \
            its priority group, distance, population and partners, in a sentence. --evaluate holds out a share of the pairs \
            (--holdout, --seed), suggests from the rest, and reports precision@k, recall@k and a sampled AUC for the \
            recommender and for Adamic-Adar, resource allocation, preferential attachment and random choice.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, csv, html }

    @Argument(help: ArgumentHelp("The city: a name in English or Persian, an alias, or an id such as iran-2018:tabriz.", valueName: "city"))
    var city: String?

    @Option(name: .customLong("dataset"), help: ArgumentHelp("A dataset whose network the partners come from (repeatable; default: the city's).", valueName: "id"))
    var datasets: [String] = []

    @Option(help: ArgumentHelp("A priorities file (citydiplomacy-priorities/1, see Docs/priorities.md) favouring its groups.", valueName: "file"))
    var priorities: String?

    // The options of one mode are optional so that giving them in the other is refused, not ignored.
    @Option(parsing: .unconditional, help: "How many partners to suggest (1 to 100; default 10).")
    var top: Int?

    @Option(name: .customLong("exclude-country"), help: ArgumentHelp("Never suggest cities of this country (repeatable).", valueName: "iso"))
    var excludeCountries: [String] = []

    @Flag(name: .customLong("include-domestic"), help: "Suggest cities of the city's own country too (left out by default: city diplomacy seeks partners abroad).")
    var includeDomestic = false

    @Flag(help: "Evaluate on held-out relations instead of suggesting for one city.")
    var evaluate = false

    @Option(help: "With --evaluate: the share of pairs held out (above 0, at most 0.5; default 0.1).")
    var holdout: Double?

    @Option(help: "With --evaluate: the seed of the held-out pairs and of the random baseline (default 2026).")
    var seed: UInt64?

    @Option(name: .customLong("k"), parsing: .unconditional, help: "With --evaluate: the length k of the lists precision@k and recall@k read (1 to 100; default 10).")
    var k: Int?

    @Option(name: .customLong("auc-samples"), parsing: .unconditional, help: "With --evaluate: pairs of pairs compared for the AUC (100 to 1000000; default 10000).")
    var aucSamples: Int?

    @Option(help: "Output format: md, json, csv or html.")
    var format: Format = .md

    @Option(help: "Output language: en or fa (Persian, with Persian digits).")
    var lang: Language = .en

    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    var evaluationRequest: RecommendationEvaluationRequest {
        RecommendationEvaluationRequest(datasets: datasets, holdout: holdout ?? 0.1, seed: seed ?? 2026, k: k ?? 10, aucSamples: aucSamples ?? 10_000)
    }

    func validate() throws {
        if evaluate {
            guard city == nil else { throw ValidationError("--evaluate takes no city: it evaluates on the whole network") }
            let ignored = [("--top", top != nil), ("--priorities", priorities != nil), ("--exclude-country", !excludeCountries.isEmpty), ("--include-domestic", includeDomestic)].filter { $0.1 }.map { $0.0 }
            guard ignored.isEmpty else {
                throw ValidationError("--evaluate does not read \(ignored.joined(separator: ", ")): it evaluates the plain recommender on the whole network; leave \(ignored.count == 1 ? "it" : "them") out")
            }
            try validatingOptions { try evaluationRequest.validate() }
        } else {
            guard let city else { throw ValidationError("a city is needed (citydip recommend Tabriz), or --evaluate") }
            let ignored = [("--holdout", holdout != nil), ("--seed", seed != nil), ("--k", k != nil), ("--auc-samples", aucSamples != nil)].filter { $0.1 }.map { $0.0 }
            guard ignored.isEmpty else {
                throw ValidationError("\(ignored.joined(separator: ", ")) \(ignored.count == 1 ? "is" : "are") read only with --evaluate: suggesting partners for \(city) does not use \(ignored.count == 1 ? "it" : "them")")
            }
            try validatingOptions { try RecommendationRequest(city: city, datasets: datasets, prioritiesFile: priorities, top: top ?? 10, excludeCountries: excludeCountries,
                                                                     includeDomestic: includeDomestic).validate() }
        }
    }

    func run() async throws {
        let workspace = try await database.workspace(files)
        let document: ReportDocument, table: Tabulation, printJSON: () throws -> Void
        if evaluate {
            let result = try await workspace.evaluateRecommender(evaluationRequest)
            (document, table, printJSON) = (result.document, result.table, { try result.view.printPrettyJSON() })
        } else {
            let result = try await workspace.recommend(RecommendationRequest(city: city ?? "", datasets: datasets, prioritiesFile: priorities,
                                                                             top: top ?? 10, excludeCountries: excludeCountries,
                                                                             includeDomestic: includeDomestic))
            (document, table, printJSON) = (result.document, result.table, { try result.view.printPrettyJSON() })
        }
        switch format {
        case .md, .html: print(ReportRenderer(format: OutputFormat(rawValue: format.rawValue)!, language: lang).render(document), terminator: "")
        case .csv: print(TabulationRenderer(format: .csv, language: lang).render(table), terminator: "")
        case .json: try printJSON()
        }
    }
}
