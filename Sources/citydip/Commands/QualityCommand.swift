import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyImport

/// `citydip quality --dataset`: the quality report of an imported dataset, on demand.
struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Print the quality report of an imported dataset (as after its import)."
    )

    @Option(help: "The imported dataset.")
    var dataset: String

    @Option(help: "md or json.")
    var report: String = "md"

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard ["md", "json"].contains(report) else { throw CLIError("invalid --report '\(report)': expected md or json") }
    }

    func run() async throws {
        let registry = try await database.open()
        let datasets = try await registry.datasets()
        guard let found = datasets.first(where: { $0.id == dataset }) else {
            throw CLIError("unknown dataset '\(dataset)': expected one of \(datasets.map(\.id).joined(separator: ", "))")
        }
        guard let json = found.importReport, let quality = ImportQualityReport.decode(json: json) else {
            throw CLIError("dataset '\(dataset)' was not imported from a file, so it has no import report (its file was checked when loaded)")
        }
        print(report == "json" ? quality.json() : quality.markdown(), terminator: "")
    }
}
