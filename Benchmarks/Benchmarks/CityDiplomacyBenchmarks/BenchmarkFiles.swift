import Foundation

/// Where the benchmarks find their input: the Wikipedia scrape beside the repository (never
/// copied into it) and synthetic files generated on demand into a temporary folder.
enum BenchmarkFiles {
    /// The repository's root, from this file's place in it.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data/wikipedia-twin-cities-2026/twin_cities.csv`, or `$CITYDIP_WIKIPEDIA_CSV`;
    /// `nil` where it is absent.
    static var wikipedia: URL? {
        let path = ProcessInfo.processInfo.environment["CITYDIP_WIKIPEDIA_CSV"]
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data/wikipedia-twin-cities-2026/twin_cities.csv").path
        return FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
    }

    /// The folder of synthetic files, `$CITYDIP_BENCH_DATA` or one in the temporary folder.
    static var syntheticFolder: URL {
        ProcessInfo.processInfo.environment["CITYDIP_BENCH_DATA"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("citydip-bench-data")
    }

    /// A synthetic file of `rows` rows, written by `Benchmarks/scripts/make-synthetic.py` the first
    /// time it is asked for (the same bytes every time, so it is kept between runs).
    static func synthetic(rows: Int) throws -> URL {
        let file = syntheticFolder.appendingPathComponent("synthetic-\(rows).csv")
        if FileManager.default.fileExists(atPath: file.path) { return file }
        try FileManager.default.createDirectory(at: syntheticFolder, withIntermediateDirectories: true)
        let partial = file.appendingPathExtension("partial")
        let script = repository.appendingPathComponent("Benchmarks/scripts/make-synthetic.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, String(rows), partial.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkInputError("make-synthetic.py \(rows) exited with status \(process.terminationStatus)")
        }
        try FileManager.default.moveItem(at: partial, to: file)
        return file
    }

    /// A new empty folder for one benchmark's databases.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

struct BenchmarkInputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
