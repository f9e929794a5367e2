import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation

/// One import of a file into a fresh SQLite database, as `citydip import` does it, with the time
/// of each stage: reading and checking the rows (while the gazetteer loads on the other core),
/// waiting for the gazetteer, resolving the places and building the report, and storing.
///
/// ```swift
/// let stages = try await MeasuredImport(file: url, format: .wikipediaCSV).run(dataset: "wikipedia")
/// print(stages.store)
/// ```
struct MeasuredImport: Sendable {
    /// Seconds spent in each stage of one import.
    struct Stages: Sendable {
        var readAndCheck: Duration = .zero
        var gazetteerWait: Duration = .zero
        var resolve: Duration = .zero
        var store: Duration = .zero
        var rows = 0
        var relations = 0
        var cities = 0
        /// The gazetteer, rows and dataset, handed back so that the caller frees them after the
        /// clock stops: `citydip import` never frees them (see `ProcessLifetime`), so their
        /// freeing is no part of what a user waits for.
        var kept: [any Sendable] = []
    }

    var file: URL
    var format: ImportFormat

    /// Imports the file into a new database in `folder` and returns the stage times. The database
    /// is left there: the read benchmarks query it.
    func run(dataset: String, into folder: URL) async throws -> Stages {
        let clock = ContinuousClock()
        var stages = Stages()
        var lap = clock.now
        func next() -> Duration {
            let now = clock.now
            defer { lap = now }
            return now - lap
        }
        // As `citydip import` does: the gazetteer loads while the file is read and checked.
        let gazetteerTask = Task.detached { () throws -> Gazetteer in try Gazetteer.bundled() }
        let countries = try CountryDirectory.bundled()
        let data = try Data(contentsOf: file)
        let pipeline = ImportPipeline(format: format)
        let records = try pipeline.records(data, fileName: file.lastPathComponent)
        stages.readAndCheck = next()
        let gazetteer = try await gazetteerTask.value
        stages.gazetteerWait = next()
        let result = pipeline.resolve(records, data: data, fileName: file.lastPathComponent, dataset: dataset,
                                      resolver: PlaceResolver(gazetteer: gazetteer, countries: countries))
        stages.resolve = next()
        let registry = try SQLiteRegistry(path: folder.appendingPathComponent("\(dataset).sqlite").path)
        try await registry.store(result.content, countries: countries.countries, progress: nil)
        stages.store = next()
        stages.rows = result.report.rowsRead
        stages.relations = result.report.relationsCreated
        stages.cities = result.report.citiesCreated
        stages.kept = [gazetteer, records, result, registry]
        return stages
    }
}

extension Duration {
    /// Whole milliseconds, for the benchmark's custom metrics.
    var milliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
