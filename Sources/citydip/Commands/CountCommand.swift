import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// `citydip count --by …`: counts, shares, cross-tabulations and rankings of any dataset.
struct CountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count relations (or memberships, events) by a scheme, a periodisation, kind, city or partner state.",
        discussion: """
            --by takes: scheme:ID (the partner state's category), group:ID (its group), period:ID (the period \
            of the signing date, ambiguous years by --rule), kind, status, city, partner-city, partner-country, \
            theme, decade. Give --by twice for a cross-tabulation. With --focus-country ISO the partner is the \
            end outside that country (for datasets whose relations are not listed from one side). \
            --of memberships counts by network or city; --of events by kind.
            """
    )

    enum Records: String, ExpressibleByArgument, CaseIterable { case relations, memberships, events }

    @Option(help: ArgumentHelp("What to count by (repeat for a cross-tabulation).", valueName: "dimension"))
    var by: [String] = []

    @Option(help: "What to count: relations, memberships or events.")
    var of: Records = .relations

    @Option(name: .customLong("focus-country"), help: ArgumentHelp("Count relations touching this country, with the partner at the other end.", valueName: "iso"))
    var focusCountry: String?

    @Flag(help: "Order by count, highest first (a ranking).")
    var rank = false

    @Option(help: "Only the first N rows.")
    var top: Int?

    @OptionGroup var datasetOption: DatasetOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if of == .relations, by.isEmpty { throw CLIError("--by is required: expected e.g. --by scheme:study-regions, --by kind or --by period:iran-presidencies") }
        if by.count > 2 { throw CLIError("at most two --by dimensions: one for rows, one for columns") }
        if let top, top < 1 { throw CLIError("invalid --top \(top): expected a positive whole number") }
    }

    func run() async throws {
        let registry = try await database.open()
        let content = try await datasetOption.content(in: registry)
        let countries = try await registry.countries()
        let directory = CountryDirectory(countries: countries)
        var focus = RelationAnalysis.Focus.listingCity
        if let focusCountry {
            guard let country = directory.country(matching: focusCountry) else {
                throw CLIError("unknown country '\(focusCountry)' for --focus-country: expected an ISO code or a country name")
            }
            focus = .country(country.code)
        }
        let analysis = RelationAnalysis(content: content, focus: focus)
        let renderer = TabulationRenderer(format: output.format, language: output.lang)
        switch of {
        case .memberships:
            let tally = by.first == "city" ? analysis.membershipsByCity() : analysis.membershipsByNetwork()
            print(renderer.render(table(tally, title: "memberships")), terminator: "")
            return
        case .events:
            print(renderer.render(table(analysis.eventsByKind(), title: "events")), terminator: "")
            return
        case .relations:
            break
        }
        let dimensions = try by.map { try dimension($0, countries: countries, directory: directory) }
        if dimensions.count == 2 {
            let cross = analysis.crossTabulation(rows: dimensions[0], columns: dimensions[1])
            print(renderer.render(crossTable(cross)), terminator: "")
        } else {
            print(renderer.render(table(analysis.tally(by: dimensions[0]), title: "relations")), terminator: "")
        }
    }

    func dimension(_ spec: String, countries: [Country], directory: CountryDirectory) throws -> Dimension {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts[0], parts.count) {
        case ("scheme", 2):
            return .category(try ClassificationOptions.scheme(parts[1], in: classification.schemes(countries: directory), option: "--by"))
        case ("group", 2):
            return .group(try ClassificationOptions.scheme(parts[1], in: classification.schemes(countries: directory), option: "--by"))
        case ("period", 2):
            return .period(try ClassificationOptions.periodisation(parts[1], in: classification.periodisations()), try classification.ambiguityRule)
        case ("kind", 1): return .kind
        case ("status", 1): return .status
        case ("city", 1): return .city
        case ("partner-city", 1): return .partnerCity
        case ("partner-country", 1):
            return .partnerCountry(Dictionary(countries.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }))
        case ("theme", 1): return .theme
        case ("decade", 1): return .decade
        default:
            throw CLIError("unknown dimension '\(spec)': expected scheme:ID, group:ID, period:ID, kind, status, city, partner-city, partner-country, theme or decade")
        }
    }

    func table(_ tally: Tally, title: String) -> Tabulation {
        var rows = rank ? tally.ranked : tally.rows
        if let top { rows = Array(rows.prefix(top)) }
        return Tabulation(
            title: LocalizedText(en: "\(title.capitalized) by \(tally.dimension)", fa: "شمار بر پایه \(tally.dimension)"),
            columns: [
                .init(key: "key", title: LocalizedText(en: "Id", fa: "شناسه")),
                .init(key: "category", title: LocalizedText(en: "Category", fa: "دسته")),
                .init(key: "count", title: LocalizedText(en: "Count", fa: "تعداد")),
                .init(key: "share_percent", title: LocalizedText(en: "Share (%)", fa: "سهم (٪)")),
            ],
            rows: rows.map { row in
                let share = tally.total == 0 ? 0 : Int((Double(row.count) * 1000 / Double(tally.total)).rounded())
                return [.verbatim(row.key.id), .text(row.key.label), .number(row.count),
                        .code("\(share / 10).\(share % 10)", label: LocalizedText(en: "\(share / 10).\(share % 10)", fa: "\(share / 10)٫\(share % 10)"))]
            },
            notes: [LocalizedText(en: "\(tally.total) \(title) in all.", fa: "در مجموع \(tally.total).")])
    }

    func crossTable(_ cross: CrossTabulation) -> Tabulation {
        Tabulation(
            title: LocalizedText(en: "Relations by \(cross.rowDimension) and \(cross.columnDimension)", fa: "روابط بر پایه \(cross.rowDimension) و \(cross.columnDimension)"),
            columns: [.init(key: "key", title: LocalizedText(en: cross.rowDimension))]
                + cross.columns.map { .init(key: $0.id, title: $0.label) }
                + [.init(key: "total", title: LocalizedText(en: "Total", fa: "جمع"))],
            rows: cross.rows.map { row in
                [.text(row.label)] + cross.columns.map { .number(cross.count(row: row.id, column: $0.id)) }
                    + [.number(cross.columns.map { cross.count(row: row.id, column: $0.id) }.reduce(0, +))]
            })
    }
}
