import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// `citydip relations`: list relations, filtered by city, country, kind and years.
struct RelationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "List bilateral relations, filtered by city, country, kind and signing year.",
        discussion: """
            Filters combine. --city matches either end of a relation, by any name in English or Persian \
            (ي/ی, ك/ک, ZWNJ and digits are normalised). --country is an ISO code or a country name; with \
            --city it selects the partner's country. --from/--to take Gregorian years (2006) or Solar Hijri \
            years (1385SH); a relation passes when its date may fall in the range, and undated relations \
            are left out when either is given.
            """
    )

    @Option(help: "A city name or id; matches either end of the relation.")
    var city: String?

    @Option(help: "A country: ISO code (IR) or name (Iran, ایران).")
    var country: String?

    @Option(help: "Kind of relation: sister_city, cooperation_mou, friendship, partnership.")
    var kind: String?

    @Option(help: ArgumentHelp("Earliest signing year (2006, or 1385SH for Solar Hijri).", valueName: "year"))
    var from: String?

    @Option(help: ArgumentHelp("Latest signing year (2006, or 1385SH for Solar Hijri).", valueName: "year"))
    var to: String?

    @Option(help: "Only this dataset (default: all).")
    var dataset: String?

    @Option(help: "At most this many relations.")
    var limit: Int?

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    /// A year bound: the Gregorian years a typed year may stand for.
    static func years(_ text: String, option: String) throws -> ClosedRange<Int> {
        do {
            let date = try PartialDate(parsing: text)
            guard date.precision == .year else { throw InvalidValue(field: option, value: text, expected: "") }
            return date.gregorianYears
        } catch {
            throw CLIError("invalid year '\(text)' for \(option): expected a year such as 2006, or 1385SH for a Solar Hijri year")
        }
    }

    func validate() throws {
        if let kind {
            let term = try? RelationKind(validating: kind)
            guard let term, term.isKnown else {
                throw CLIError("unknown kind '\(kind)': expected one of \(RelationKind.knownTerms.map(\.term.rawValue).joined(separator: ", "))")
            }
        }
        let fromYears = try from.map { try Self.years($0, option: "--from") }
        let toYears = try to.map { try Self.years($0, option: "--to") }
        let fromDate = from.flatMap { try? PartialDate(parsing: $0) }
        let toDate = to.flatMap { try? PartialDate(parsing: $0) }
        let reversedInOneCalendar = fromDate != nil && toDate != nil && fromDate!.calendar == toDate!.calendar && fromDate!.year > toDate!.year
        if let fromYears, let toYears, fromYears.lowerBound > toYears.upperBound || reversedInOneCalendar {
            throw CLIError("--from \(from!) is after --to \(to!): expected --from to be no later than --to")
        }
        if let limit, limit < 1 {
            throw CLIError("invalid --limit \(limit): expected a positive whole number")
        }
    }

    func run() async throws {
        let registry = try await database.open()
        if let dataset, try await registry.content(ofDataset: dataset) == nil {
            let known = try await registry.datasets().map(\.id)
            throw CLIError("unknown dataset '\(dataset)': expected one of \(known.joined(separator: ", "))")
        }
        let countries = try await registry.countries()
        var countryCode: CountryCode?
        if let country {
            guard let match = CountryDirectory(countries: countries).country(matching: country) else {
                throw CLIError("unknown country '\(country)': expected an ISO 3166-1 code such as IR, or a country name in English or Persian")
            }
            countryCode = match.code
        }
        if let city, try await registry.findCities(named: city, datasetID: dataset).isEmpty {
            throw CLIError("unknown city '\(city)': no city of that name\(dataset.map { " in dataset \($0)" } ?? "") (names in English or Persian, or an id such as iran-2018:tehran)")
        }
        let query = RelationQuery(
            datasetID: dataset, city: city, country: countryCode,
            kind: try kind.map { try RelationKind(validating: $0) },
            signedFrom: try from.map { try Self.years($0, option: "--from").lowerBound },
            signedTo: try to.map { try Self.years($0, option: "--to").upperBound },
            limit: limit
        )
        let selection = try await registry.relations(matching: query)
        print(TabulationRenderer(format: output.format, language: output.lang)
            .render(RelationListing.table(selection, countries: countries)), terminator: "")
    }
}
