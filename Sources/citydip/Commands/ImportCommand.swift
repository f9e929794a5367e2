import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import Foundation
import Synchronization

extension ImportFormat: ExpressibleByArgument {}

/// `citydip import FILE`: another source's relations as a dataset of their own.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import relations from a Wikipedia scrape, a Wikidata query result or any CSV/TSV, resolving places offline.",
        discussion: """
            Canonical fields: city1, country1, lat1, lng1, city2, country2, lat2, lng2, kind, date, source \
            (and qid1, qid2, coord1, coord2 for Wikidata: item IRIs or QIDs, WKT Point(lon lat)). Columns named \
            so are read as such; --map FIELD=COLUMN maps others. Names may be English or Persian, dates \
            Gregorian or Solar Hijri (1385/02/24 SH). Each undirected pair is stored once; self-pairs, domestic \
            pairs and unresolved places are kept and flagged. The import is atomic: a file with an error \
            stores nothing. Importing the same file again changes nothing; a different file into an existing \
            dataset needs --replace.
            """
    )

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "wikipedia-csv, wikidata-json, wikidata-tsv or csv.")
    var format: ImportFormat

    @Option(name: .customLong("map"), help: ArgumentHelp("FIELD=COLUMN: read a canonical field from a column of another name. Repeatable.", valueName: "field=column"))
    var mappings: [String] = []

    @Option(help: ArgumentHelp("comma, tab, semicolon or a single character (default: detected).", valueName: "delimiter"))
    var delimiter: String?

    @Option(help: "The dataset to create (default: the file name without extension).")
    var dataset: String?

    @Flag(help: "Replace the dataset if it already holds another file.")
    var replace = false

    @Option(help: "The quality report's format: md or json.")
    var report: String = "md"

    @OptionGroup var database: DatabaseOptions

    var datasetID: String {
        dataset ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.lowercased()
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    func validate() throws {
        if let delimiter, ImportPipeline.delimiter(named: delimiter) == nil {
            throw CLIError("invalid --delimiter '\(delimiter)': expected comma, tab, semicolon or a single character")
        }
        guard ["md", "json"].contains(report) else { throw CLIError("invalid --report '\(report)': expected md or json") }
        let id = datasetID
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber,
              id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw CLIError("invalid dataset id '\(id)': expected lower-case letters, digits and hyphens (give one with --dataset)")
        }
    }

    func run() async throws {
        // The gazetteer loads on the other core from the start, while the database is opened and
        // the file is read and checked. An import that finds nothing to do leaves it unfinished.
        let gazetteerTask = Task.detached { () throws -> Gazetteer in try Gazetteer.bundled() }
        let url = URL(fileURLWithPath: file)
        let data = try SourceFile.read(atPath: file)
        let registry = try await database.open()
        let id = datasetID
        if let existing = try await registry.datasets().first(where: { $0.id == id }) {
            if existing.isBundled { throw CLIError("dataset '\(id)' is bundled with citydip: import into another with --dataset") }
            // The same file again changes nothing — unless --replace asks to read it anew (with
            // other --map, --format or --delimiter options, say).
            if existing.contentHash == ContentHash.sha256Hex(of: data), !replace {
                print("dataset '\(id)' already holds this file (SHA-256 \(existing.contentHash!.prefix(16))…); nothing changed")
                return
            }
            if !replace {
                throw CLIError("dataset '\(id)' already holds \(existing.sourceFile ?? "another file"): add --replace to replace it, or choose another --dataset")
            }
        }
        let started = Date()
        let countries = try CountryDirectory.bundled()
        let progress = ImportProgress(start: started)
        let pipeline = ImportPipeline(format: format, mappings: mappings, delimiter: delimiter.flatMap(ImportPipeline.delimiter(named:)))
        let records = try pipeline.records(data, fileName: url.lastPathComponent)
        let gazetteer = try await gazetteerTask.value
        let result = pipeline.resolve(records, data: data, fileName: url.lastPathComponent, dataset: id,
                                      resolver: PlaceResolver(gazetteer: gazetteer, countries: countries),
                                      progress: { done, total in progress.report("resolving", done, total, "rows") })
        try await registry.store(result.content, countries: countries.countries) { done, total in
            progress.report("storing", done, total, "relations")
        }
        progress.finish()
        print(report == "json" ? result.report.json() : result.report.markdown(), terminator: "")
        ProcessLifetime.keep(gazetteer, records, result)
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
