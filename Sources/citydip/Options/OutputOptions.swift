import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyPresentation

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// `--format` and `--lang`, shared by the commands that print tables.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: md, csv or json.")
    var format: OutputFormat = .md

    @Option(help: "Output language: en or fa (Persian, with Persian digits).")
    var lang: Language = .en
}

/// `--dataset`, checked against the datasets in the database.
struct DatasetOption: ParsableArguments {
    @Option(help: "The dataset to use (see `citydip datasets`).")
    var dataset: String = "iran-2018"

    func content(in registry: some CityDiplomacyRegistry) async throws -> DatasetContent {
        guard let content = try await registry.content(ofDataset: dataset) else {
            let known = try await registry.datasets().map(\.id)
            throw CLIError("unknown dataset '\(dataset)': expected one of \(known.isEmpty ? "(none; run citydip init)" : known.joined(separator: ", "))")
        }
        return content
    }
}
