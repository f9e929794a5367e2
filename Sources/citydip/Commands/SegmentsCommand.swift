import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// The formats of `citydip segments`: a table for people, CSV for R and pandas, JSON for scripts.
enum SegmentsFormat: String, ExpressibleByArgument, CaseIterable {
    case md, csv, json
}

/// `citydip segments`: the coded segments of a dataset or a document, one row each.
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "List coded segments, one row each, as a table, CSV (for R and pandas) or JSON.",
        discussion: """
            Columns of the CSV and keys of the JSON: dataset, document_id, document_title, attached_to, theme_id, \
            theme_en, theme_fa, coder, status (coded or rejected), start, end (Unicode-scalar offsets), passage, memo, \
            coded_at (ISO 8601). The CSV is RFC 4180 in UTF-8 with a header row, as /api/v1/datasets/{id}/segments.csv.
            """
    )

    @OptionGroup var datasetOption: DatasetOption

    @Option(help: ArgumentHelp("Only this document's segments.", valueName: "id"))
    var document: String?

    @Option(help: ArgumentHelp("A codebook file whose themes name the segments' (default: the bundled study themes).", valueName: "file"))
    var codebook: String?

    @Option(help: "Output format: md, csv or json.")
    var format: SegmentsFormat = .md

    @Option(help: "Language of the table: en or fa; CSV and JSON carry both.")
    var lang: Language = .en

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let rows = try await workspace.segmentRows(dataset: datasetOption.dataset, document: document, codebook: try workspace.codebook(file: codebook))
        switch format {
        case .csv: print(SegmentRow.csv(rows), terminator: "")
        case .json: try rows.printPrettyJSON()
        case .md:
            var dataset = rows.first?.dataset ?? datasetOption.dataset
            if dataset == nil { dataset = try await workspace.defaultDatasetID() }
            print(TabulationRenderer(format: .md, language: lang).render(workspace.segmentsTable(rows, dataset: dataset ?? "")), terminator: "")
        }
    }
}
