import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

extension NetworkLevelChoice: ExpressibleByArgument {}

/// `citydip network`: the network measures of one or more datasets — whole-network figures,
/// centralities and ranks of every city, communities, the country network and its shares.
struct NetworkCommand: AsyncParsableCommand {
    /// What `--format` takes: the document for people (md, html), its data (json), every node's
    /// measures (csv), or the graph with its measures for Gephi, igraph and networkx.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json, csv, graphml, gexf
    }

    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Network measures: who is central, which communities exist, how countries pair; as tables, JSON, CSV, GraphML or GEXF.",
        discussion: """
            A node is a city with at least one relation to another city; an edge joins two cities with at least one \
            relation, weighted by their number of relations. A city's relations with itself are counted, never edges; over \
            several datasets, records of one place (same GeoNames id, else same name and country) are one node. \
            Whole network: nodes, edges, components, the largest component's size, diameter and mean distance, degree \
            maximum, mean and Gini, degree assortativity, transitivity, average clustering, triangles, maximum k-core. Per \
            node: degree, relations, betweenness (exact, normalised), closeness, harmonic, eigenvector, PageRank, k-core, \
            clustering, Louvain and Leiden communities, and ranks among all nodes and within the node's country. \
            --level country measures the network of countries, weighted by the number of city pairs between them, and each \
            country's share of pairs that stay domestic or go to each group of --scheme (default un-m49). \
            Geography: the great-circle distance of every pair of located cities against the same cities paired at \
            random (--draws, --seed), with 95% intervals. --format csv gives every node; graphml and gexf the graph with \
            every measure as node attributes, each edge's relations as weight and its distance.
            """
    )

    @Option(name: .customLong("dataset"), help: ArgumentHelp("A dataset whose relations make the network (repeatable; default: the study's).", valueName: "id"))
    var datasets: [String] = []

    @Option(help: "city (the default) or country.")
    var level: NetworkLevelChoice = .city

    @Option(name: .customLong("focus-country"), help: ArgumentHelp("List this country's cities (or, at country level, the country) with their measures and ranks.", valueName: "iso"))
    var focusCountry: String?

    @Option(parsing: .unconditional, help: "How many nodes each ranking and communities list (1 to 1000).")
    var top: Int = 10

    @Option(help: ArgumentHelp("At country level, the scheme whose groups the shares count by (see `citydip schemes`).", valueName: "scheme"))
    var scheme: String?

    @Option(help: "Seed of community detection and of the geographic baseline: the same seed, the same result.")
    var seed: UInt64 = 2026

    @Option(parsing: .unconditional, help: "Random pairings drawn for the geographic baseline (1 to 1000).")
    var draws: Int = 100

    @Option(help: "Output format: md, html, json, csv, graphml or gexf.")
    var format: Format = .md

    @Option(help: "Output language: en or fa (Persian, with Persian digits).")
    var lang: Language = .en

    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    var request: NetworkRequest {
        NetworkRequest(datasets: datasets, level: level, focusCountry: focusCountry, top: top, scheme: scheme, seed: seed, draws: draws)
    }

    func validate() throws {
        try validatingOptions { try request.validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace(files)
        let result = try await workspace.network(request)
        switch format {
        case .md, .html:
            print(ReportRenderer(format: OutputFormat(rawValue: format.rawValue)!, language: lang).render(result.document), terminator: "")
        case .json:
            try result.view.printPrettyJSON()
        case .csv:
            print(TabulationRenderer(format: .csv, language: lang).render(result.nodeTable), terminator: "")
        case .graphml:
            print(result.graphML(language: lang), terminator: "")
        case .gexf:
            print(result.gexf(language: lang), terminator: "")
        }
    }
}
