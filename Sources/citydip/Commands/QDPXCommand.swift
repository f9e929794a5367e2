import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation

/// `citydip qdpx export|import`: a coded corpus to and from MAXQDA, ATLAS.ti and NVivo, as a
/// REFI-QDA project (`.qdpx`).
struct QDPXCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx",
        abstract: "Exchange documents and coded segments with MAXQDA, ATLAS.ti and NVivo as a REFI-QDA project (.qdpx).",
        discussion: """
            A document is a text source, a coded segment a selection coded with its theme, a theme a code. \
            What maps to what, what is lost, and how to open the file in each tool: Docs/qdpx.md.
            """,
        subcommands: [QDPXExportCommand.self, QDPXImportCommand.self]
    )
}

/// `citydip qdpx export FILE`: a dataset's documents, coded segments and themes as a `.qdpx` file.
struct QDPXExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a dataset's documents, coded segments and themes to a REFI-QDA project file (.qdpx).",
        discussion: """
            The codes are the codebook's themes the segments use, nested as in the codebook (--all-themes: every \
            theme). The record each document is about, its language, date, source and kind travel as variables \
            (citydip:…), so that citydip qdpx import gives them back. Rejected suggestions are not exported. The \
            same data always gives the same file.
            """
    )

    @Argument(help: ArgumentHelp("The .qdpx file to write.", valueName: "file"))
    var file: String

    @OptionGroup var datasetOption: DatasetOption

    @Option(help: ArgumentHelp("A codebook file (Docs/codebook.md) whose themes name the codes (default: the bundled study themes).", valueName: "file"))
    var codebook: String?

    @Flag(help: "Every theme of the codebook as a code, not only those the segments use.")
    var allThemes = false

    @Option(help: "Language of the message: en or fa.")
    var lang: Language = .en

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let export = try await workspace.exportQDPX(dataset: datasetOption.dataset, codebook: try workspace.codebook(file: codebook), allThemes: allThemes)
        do {
            try export.data.write(to: URL(fileURLWithPath: file))
        } catch {
            throw ValidationError("cannot write \(file): \(error.localizedDescription)")
        }
        let style = OutputStyle(language: lang)
        print(style.message("qdpx.exported", [
            "file": style.code(file), "documents": style.number(export.documents), "segments": style.number(export.segments),
            "codes": style.number(export.codes), "dataset": style.code(export.datasetID),
        ]))
        if export.rejectedLeftOut > 0 {
            print(style.message("qdpx.rejected-left-out", ["count": style.number(export.rejectedLeftOut)]))
        }
    }
}

/// `citydip qdpx import FILE --dataset ID`: a `.qdpx` project's texts and codings into a dataset of one's own.
struct QDPXImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a REFI-QDA project file (.qdpx) into a dataset's documents and coded segments.",
        discussion: """
            Each text source becomes a document of the dataset, attached to the record its citydip:attached_to \
            variable names (a project citydip exported) or, where it has none (a project made in MAXQDA, ATLAS.ti \
            or NVivo), to --attach. Codes are matched to the codebook's themes by id, English or Persian name; a \
            code that is no theme is an error (give --codebook with a file that has it). All or nothing: at the \
            first problem nothing is stored. The bundled datasets are read-only: copy one first (citydip \
            copy-dataset).
            """
    )

    @Argument(help: ArgumentHelp("The .qdpx file to read.", valueName: "file"))
    var file: String

    @Option(help: "The dataset to import into: one of your own (see citydip datasets).")
    var dataset: String

    @Option(help: ArgumentHelp("The record (relation, city, membership or event id) documents that name none are about.", valueName: "record-id"))
    var attach: String?

    @Option(help: ArgumentHelp("A codebook file (Docs/codebook.md) to match codes to (default: the bundled study themes).", valueName: "file"))
    var codebook: String?

    @Option(help: ArgumentHelp("The coder of codings whose project names none; also who imports, in the change log.", valueName: "name"))
    var coder: String?

    @Option(help: "Language of the message: en or fa.")
    var lang: Language = .en

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let actor = coder ?? ProcessInfo.processInfo.environment["USER"] ?? "citydip"
        let result = try await workspace.importQDPX(QDPXImportRequest(
            path: file, dataset: dataset, attach: attach, codebook: try workspace.codebook(file: codebook), coder: coder, actor: actor))
        let style = OutputStyle(language: lang)
        print(style.message("qdpx.imported", [
            "documents": style.number(result.documents.count), "segments": style.number(result.segments.count), "dataset": style.code(result.datasetID),
        ]))
        if !result.skippedSources.isEmpty {
            print(style.message("qdpx.skipped-sources", ["sources": result.skippedSources.joined(separator: ", ")]))
        }
        if result.uncodedSelections > 0 {
            print(style.message("qdpx.uncoded-selections", ["count": style.number(result.uncodedSelections)]))
        }
    }
}
