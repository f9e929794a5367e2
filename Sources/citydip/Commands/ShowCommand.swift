import Foundation
import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip show CITY`: everything known about a city, with sources.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything known about a city: relations, memberships, events, and every source.",
        discussion: "CITY is a name in English or Persian, an alias, or an id such as iran-2018:tehran. Where several cities match (in several datasets), each is shown."
    )

    @Argument(help: "The city.")
    var city: String

    @Option(help: "Only look in this dataset.")
    var dataset: String?

    @Option(help: "Output format: md or json.")
    var format: OutputFormat = .md

    @Option(help: "Output language: en or fa.")
    var lang: Language = .en

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard format != .csv else {
            throw CLIError("format 'csv' is not available for show: expected md or json")
        }
    }

    func run() async throws {
        let registry = try await database.open()
        let cities = try await registry.findCities(named: city, datasetID: dataset)
        guard !cities.isEmpty else {
            throw CLIError("unknown city '\(city)': no city of that name\(dataset.map { " in dataset \($0)" } ?? "") (names in English or Persian, or an id such as iran-2018:tehran)")
        }
        let countries = try await registry.countries()
        var outputs: [String] = []
        for match in cities {
            guard let profile = try await registry.profile(ofCity: match.id) else { continue }
            let report = CityProfileReport(profile: profile, countries: countries, language: lang)
            outputs.append(format == .json ? report.json() : report.markdown())
        }
        if format == .json, outputs.count > 1 {
            print("[\n" + outputs.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: ",\n") + "\n]")
        } else {
            print(outputs.joined(separator: "\n---\n\n"), terminator: "")
        }
    }
}

