import ArgumentParser
import CityDiplomacyApplication

/// `citydip datasets`: what the database holds; with `--dataset`, what one dataset is.
struct DatasetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the datasets in the database with their record counts and provenance.",
        discussion: """
            --dataset ID prints what a reader needs to use or cite one dataset (the observatory's \
            "about this data" panel): its provenance, method and licence, its version (the SHA-256 of its \
            records, the first 12 digits, and the date they last changed) and its record counts; md or json \
            (as /api/v1/datasets/{id}).
            """
    )

    @Option(help: "Describe this dataset: provenance, method, licence, version, counts.")
    var dataset: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if dataset != nil, output.format != .md, output.format != .json {
            throw ValidationError("--dataset prints md or json, not \(output.format.rawValue)")
        }
    }

    func run() async throws {
        let workspace = try await database.workspace()
        guard let dataset else {
            print(output.render(try await workspace.datasetsTable()), terminator: "")
            return
        }
        let about = try await workspace.aboutDataset(dataset)
        switch output.format {
        case .json: try about.printPrettyJSON()
        default: print(DatasetAboutMarkdown.render(about, language: output.lang), terminator: "")
        }
    }
}
