import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// `citydip diff A B`: two datasets triangulated.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two datasets: relations in both, only in one, and in both with conflicting kind or year.",
        discussion: "Cities are matched through the gazetteer (GeoNames id), else by name and country; kinds are compared, not required to match."
    )

    @Argument(help: "The first dataset.")
    var datasetA: String

    @Argument(help: "The second dataset.")
    var datasetB: String

    @Option(help: "Only relations with an end in this country (ISO code or name).")
    var country: String?

    @Option(help: "Only relations of this city (any name).")
    var city: String?

    @Option(help: "md or json.")
    var format: OutputFormat = .md

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard format == .md || format == .json else { throw CLIError("format '\(format.rawValue)' is not available for diff: expected md or json") }
    }

    func run() async throws {
        let registry = try await database.open()
        let ids = try await registry.datasets().map(\.id)
        var contents: [DatasetContent] = []
        for id in [datasetA, datasetB] {
            guard let content = try await registry.content(ofDataset: id) else {
                throw CLIError("unknown dataset '\(id)': expected one of \(ids.joined(separator: ", "))")
            }
            contents.append(content)
        }
        let countries = try CountryDirectory.bundled()
        var countryCode: CountryCode?
        if let country {
            guard let found = countries.country(matching: country) else {
                throw CLIError("unknown country '\(country)': expected an ISO code or a country name")
            }
            countryCode = found.code
        }
        let resolver = PlaceResolver(gazetteer: try Gazetteer.bundled(), countries: countries)
        let cityKey = city.map(PersianText.searchKey)
        func identity(_ city: City) -> String {
            if let id = city.geonamesID { return "gn:\(id)" }
            if case let .resolved(entry, confidence, _) = resolver.resolve(name: city.name.en, country: city.country.rawValue, coordinates: city.coordinates), confidence >= 0.7 {
                return "gn:\(entry.geonameID)"
            }
            return "name:\(city.country):\(PersianText.searchKey(city.name.en))"
        }
        func matches(_ city: City) -> Bool {
            guard let cityKey else { return true }
            return city.allNames.contains { PersianText.searchKey($0) == cityKey }
        }
        let comparison = DatasetComparison(a: contents[0], b: contents[1], identity: identity) { first, second in
            (countryCode == nil || first.country == countryCode || second.country == countryCode) && (matches(first) || matches(second))
        }
        print(format == .json ? json(comparison) : markdown(comparison), terminator: "")
    }

    func describe(_ item: (relation: BilateralRelation, city: City, partner: City)) -> String {
        "\(item.city.name.en) (\(item.city.country)) – \(item.partner.name.en) (\(item.partner.country)), \(item.relation.kind)\(item.relation.signed.map { ", \($0)" } ?? "")"
    }

    func markdown(_ diff: DatasetComparison) -> String {
        var lines = ["# \(diff.datasetA) vs \(diff.datasetB)\(country.map { ", country \($0)" } ?? "")\(city.map { ", city \($0)" } ?? "")", "",
                     "| | pairs |", "|---|---|",
                     "| in both | \(diff.inBoth.count) |",
                     "| only in \(diff.datasetA) | \(diff.onlyInA.count) |",
                     "| only in \(diff.datasetB) | \(diff.onlyInB.count) |",
                     "| in both, conflicting | \(diff.conflicting.count) |", ""]
        lines += ["## Only in \(diff.datasetA)", ""] + diff.onlyInA.map { "- " + describe($0.a[0]) } + [""]
        lines += ["## Only in \(diff.datasetB)", ""] + diff.onlyInB.map { "- " + describe($0.b[0]) } + [""]
        lines += ["## In both, conflicting", ""] + diff.conflicting.map { "- " + describe($0.a[0]) + " — " + $0.conflicts.joined(separator: "; ") } + [""]
        lines += ["## In both", ""] + diff.inBoth.map { "- " + describe($0.a[0]) + " ≈ " + describe($0.b[0]) } + [""]
        return lines.joined(separator: "\n")
    }

    func json(_ diff: DatasetComparison) -> String {
        func value(_ item: (relation: BilateralRelation, city: City, partner: City)) -> JSONValue {
            .object([("relation", .string(item.relation.id)), ("city", .string(item.city.name.en)), ("city_country_iso2", .string(item.city.country.rawValue)),
                     ("partner", .string(item.partner.name.en)), ("partner_country_iso2", .string(item.partner.country.rawValue)),
                     ("kind", .string(item.relation.kind.rawValue)), ("signed", item.relation.signed.map { .string($0.description) } ?? .null)])
        }
        return JSONValue.object([
            ("a", .string(diff.datasetA)), ("b", .string(diff.datasetB)),
            ("in_both", .array(diff.inBoth.map { .object([("a", value($0.a[0])), ("b", value($0.b[0]))]) })),
            ("only_in_a", .array(diff.onlyInA.map { value($0.a[0]) })),
            ("only_in_b", .array(diff.onlyInB.map { value($0.b[0]) })),
            ("conflicting", .array(diff.conflicting.map { .object([("a", value($0.a[0])), ("b", value($0.b[0])), ("conflicts", .array($0.conflicts.map(JSONValue.string)))]) })),
        ]).serialized(pretty: true) + "\n"
    }
}
