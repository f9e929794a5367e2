import Foundation
import Testing

/// Runs the built `citydip` executable, as a user would, against a database of its own.
struct CitydipProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let database: URL

    init() {
        database = FileManager.default.temporaryDirectory
            .appendingPathComponent("citydip-cli-\(UUID().uuidString)")
            .appendingPathComponent("registry.sqlite")
    }

    /// The executable beside the test bundle (the same build folder), whatever the scratch path.
    static let executable: URL? = {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles + [Bundle.main] {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("citydip"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("citydip"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `citydip arguments`; its standard output read into the result, or sent to
    /// `standardOutput` (and the result's `stdout` empty).
    func run(_ arguments: [String], environment extra: [String: String] = [:], standardOutput: FileHandle? = nil) throws -> Result {
        let executable = try #require(Self.executable, "the citydip executable was not found beside the test bundle")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CITYDIP_DB"] = database.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        try process.run()
        let stdout = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: database.deletingLastPathComponent())
    }
}
