import ArgumentParser
import CityDiplomacyApplication

/// `citydip quality --dataset`: the quality report of an imported dataset, on demand.
struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Print the quality report of an imported dataset (as after its import)."
    )

    @Option(help: "The imported dataset.")
    var dataset: String

    @Option(help: "The report's format: md or json.")
    var report: RecordFormat = .md

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let quality = try await workspace.qualityReport(dataset: dataset)
        print(report == .json ? quality.json() : quality.markdown(), terminator: "")
    }
}
