import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyImport
import CityDiplomacyPresentation
import Foundation
import Synchronization

extension ImportFormat: ExpressibleByArgument {}

/// `citydip import FILE`: another source's relations as a dataset of their own.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import relations from a Wikipedia scrape, a Wikidata query result or any CSV/TSV, resolving places offline.",
        // Written out because <file> is optional to the parser (see `validate()`) but not to the user.
        usage: """
            citydip import <file> --format <format> [--map <field=column> ...] [--delimiter <delimiter>] \
            [--dataset <dataset>] [--replace] [--report <report>] [--lang <lang>] [--db <path-or-url>]
            """,
        discussion: """
            Canonical fields: city1, country1, lat1, lng1, city2, country2, lat2, lng2, kind, date, source \
            (and qid1, qid2, coord1, coord2 for Wikidata: item IRIs or QIDs, WKT Point(lon lat)). Columns named \
            so are read as such; --map FIELD=COLUMN maps others, several to one --map or one to each. --map \
            takes every value up to the next option, so give the file first, or last after the mappings. \
            Names may be English or Persian, dates \
            Gregorian or Solar Hijri (1385/02/24 SH). Each undirected pair is stored once; self-pairs, domestic \
            pairs and unresolved places are kept and flagged. The import is atomic: a file with an error \
            stores nothing. Importing the same file again changes nothing; a different file into an existing \
            dataset needs --replace. Limits: 128 MiB a file, 256 columns, 1 MiB a field; a file beyond them \
            is refused before it is read. Control and bidirectional characters (ESC, U+202E…) are taken out of \
            values and listed in the quality report.
            """
    )

    /// Optional to the parser only: `--map a=b c=d FILE` leaves the file among the mappings, and
    /// `validate()` takes it from there.
    @Argument(help: "The file to import.")
    var file: String?

    @Option(help: "wikipedia-csv, wikidata-json, wikidata-tsv or csv.")
    var format: ImportFormat

    @Option(name: .customLong("map"), parsing: .upToNextOption,
            help: ArgumentHelp("FIELD=COLUMN: read a canonical field from a column of another name. Takes one or more; repeatable.", valueName: "field=column"))
    var mappings: [String] = []

    @Option(help: ArgumentHelp("comma, tab, semicolon, pipe or a single character other than a quote or a line end (default: detected).", valueName: "delimiter"))
    var delimiter: String?

    @Option(help: "The dataset to create (default: the file name without extension).")
    var dataset: String?

    @Flag(help: "Replace the dataset if it already holds another file.")
    var replace = false

    @Option(help: ArgumentHelp("The licence of the file's records as its publisher states it (e.g. \"CC BY-SA 4.0\"), given when the dataset is cited.", valueName: "licence"))
    var licence: String?

    @Option(help: "The quality report's format: md or json.")
    var report: RecordFormat = .md

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    var request: ImportRequest {
        ImportRequest(path: file ?? "", format: format, mappings: mappings, delimiter: delimiter, dataset: dataset, replace: replace, licence: licence)
    }

    mutating func validate() throws {
        if file == nil, let last = mappings.last, !last.contains("=") {
            // `--map a=b c=d FILE`: a mapping has an `=`, so a last value without one is the file.
            file = mappings.removeLast()
        }
        guard file != nil else {
            throw ValidationError("no file to import: give it first (citydip import FILE --format FORMAT --map FIELD=COLUMN …) or last, after the mappings")
        }
        try validatingOptions { try request.validate() }
    }

    func run() async throws {
        // Before anything is read or opened: a large file's import may start again, with large
        // pages for its memory (``TransparentHugePages``).
        TransparentHugePages.restartIfWorthwhile(importing: request.path)
        let registry = try await database.open().registry
        let progress = ImportProgress(start: Date())
        let outcome = try await DatasetImport.run(request, into: registry) { stage, done, total, unit in
            progress.report(stage, done, total, unit)
        }
        progress.finish()
        let style = OutputStyle(language: language.lang)
        switch outcome {
        case let .unchanged(id, hash):
            print(style.message("import.unchanged", ["dataset": style.code(id), "hash": style.code(hash.prefix(16) + "…")]))
        case let .imported(quality, retained):
            // The JSON of `citydip quality --report json`, every place listed. The Markdown lists
            // no place (`citydip quality` does, given `--status`, `--limit` or `--offset`), so its
            // view takes one, the least a page holds: making the view of each of a million-row
            // file's 326,000 places was a tenth of a second (perf).
            let view = ImportQualityView(quality, places: report == .json ? PlaceSelection() : PlaceSelection(limit: 1))
            if report == .json {
                try view.printPrettyJSON()
            } else {
                print(try ImportQualityMarkdown(language: language.lang).report(view), terminator: "")
            }
            // The view too: freeing its hundreds of thousands of places as the process ends was
            // time the import's user waited for.
            ProcessLifetime.keep(retained, view)
        }
    }
}

/// Progress on a terminal for an import that runs longer than a second: the stage (resolving
/// rows, storing relations), how far it is, its rate and the time it has left.
final class ImportProgress: Sendable {
    private let start: Date
    private let isTerminal = isatty(STDERR_FILENO) == 1
    /// Whether a line was shown, and when the current stage began.
    private let state = Mutex<(shown: Bool, stage: String, stageStart: Date)>((false, "", Date()))

    init(start: Date) {
        self.start = start
    }

    func report(_ stage: String, _ done: Int, _ total: Int, _ unit: String) {
        guard isTerminal else { return }
        let now = Date()
        let line: String? = state.withLock { state in
            if state.stage != stage { state.stage = stage; state.stageStart = now }
            guard now.timeIntervalSince(start) > 1 else { return nil }
            state.shown = true
            let elapsed = now.timeIntervalSince(state.stageStart)
            guard done > 0, elapsed > 0 else { return String(format: "\r%@ %d %@ …                              ", stage, total, unit) }
            let rate = Double(done) / elapsed
            let left = Double(total - done) / max(rate, 1)
            return String(format: "\r%@: %d/%d %@, %.0f %@/s, %.1f s left   ", stage, done, total, unit, rate, unit, left)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
