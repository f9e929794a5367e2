import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation

/// `citydip bench import FILE`: how long an import takes and how much memory it needs.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure an import (gazetteer load, parsing, resolution, quality report, storing) on this machine.",
        discussion: "Build with -c release for figures that mean anything: swift run -c release citydip bench import ../shared/data/wikipedia-twin-cities-2026/twin_cities.csv"
    )

    @Argument(help: "What to measure: import.")
    var what: String

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "The file's format.")
    var format: ImportFormat = .wikipediaCSV

    @Option(help: "How many runs (the median and the best are reported).")
    var runs: Int = 3

    func validate() throws {
        guard what == "import" else { throw CLIError("unknown benchmark '\(what)': expected import") }
        guard runs >= 1 else { throw CLIError("invalid --runs \(runs): expected at least 1") }
    }

    func run() async throws {
        let data = try SourceFile.read(atPath: file)
        var timings: [[String: Double]] = []
        var report: ImportQualityReport?
        for _ in 0..<runs {
            var stages: [String: Double] = [:]
            var clock = Date()
            func lap(_ name: String) {
                let now = Date()
                stages[name] = now.timeIntervalSince(clock)
                clock = now
            }
            let total = Date()
            let countries = try CountryDirectory.bundled()
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            // As `citydip import` does: the gazetteer loads while the file is read and checked.
            let gazetteerTask = Task.detached { () throws -> Gazetteer in try Gazetteer.bundled() }
            let pipeline = ImportPipeline(format: format)
            let records = try pipeline.records(data, fileName: fileName)
            lap("read+check")
            let gazetteer = try await gazetteerTask.value
            lap("gazetteer (waiting)")
            let result = pipeline.resolve(records, data: data, fileName: fileName, dataset: "bench",
                                          resolver: PlaceResolver(gazetteer: gazetteer, countries: countries))
            lap("resolve+report")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let registry = try SQLiteRegistry(path: folder.appendingPathComponent("bench.sqlite").path)
            lap("create database")
            try await registry.store(result.content, countries: countries.countries, progress: nil)
            lap("store")
            stages["total"] = Date().timeIntervalSince(total)
            timings.append(stages)
            report = result.report
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        func summary(_ stage: String) -> String {
            let values = timings.compactMap { $0[stage] }.sorted()
            return String(format: "%@: median %.3f s, best %.3f s", stage, values[values.count / 2], values[0])
        }
        #if DEBUG
        let build = "debug (figures are not meaningful; use swift run -c release)"
        #else
        let build = "release"
        #endif
        print("""
            benchmark: import \(URL(fileURLWithPath: file).lastPathComponent) (\(format.rawValue)), \(report?.rowsRead ?? 0) rows → \(report?.relationsCreated ?? 0) relations, \(report?.citiesCreated ?? 0) cities
            machine: \(Self.machine()); build: \(build); runs: \(runs)
            \(summary("read+check"))
            \(summary("gazetteer (waiting)"))
            \(summary("resolve+report"))
            \(summary("create database"))
            \(summary("store"))
            \(summary("total"))
            each run's total: \(timings.compactMap { $0["total"] }.map { String(format: "%.3f s", $0) }.joined(separator: ", "))
            peak memory (max RSS of the process): \(String(format: "%.0f", peakMB)) MB
            targets: total < 3 s, peak < 500 MB
            """)
    }

    static func machine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(cores) cores, \(String(format: "%.0f", memory)) GiB, \(cpu)"
    }
}
