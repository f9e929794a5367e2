import Foundation
import Testing

/// The help of every command, held to a reviewed copy in `HelpSnapshots/`: a changed option, a
/// format list that no longer matches what the command accepts, or a lost command shows up as a
/// diff in review. After an intended change, record anew with `CITYDIP_RECORD_HELP=1 swift test
/// --filter HelpSnapshotTests` and read the diff.
@Suite("Help texts")
struct HelpSnapshotTests {
    static let commands = ["", "tables", "relations", "show", "count", "report", "audit", "cite", "schemes", "import", "quality",
                           "stats", "network", "compare", "baseline", "diff", "datasets", "copy-dataset", "copy", "init", "backup", "codebook", "serve",
                           "recommend", "peers", "alignment", "documents", "documents add", "documents list", "documents show", "code", "reliability", "segments", "qdpx", "qdpx export", "qdpx import"]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HelpSnapshots")

    @Test("Every command's --help matches its snapshot", arguments: commands)
    func help(_ command: String) throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        // A fixed width, so that wrapping does not depend on the terminal the tests run in.
        // A subcommand ("qdpx export") is two words, its snapshot qdpx-export.txt.
        let result = try citydip.run(command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        let file = Self.folder.appendingPathComponent((command.isEmpty ? "citydip" : command.replacingOccurrences(of: " ", with: "-")) + ".txt")
        if ProcessInfo.processInfo.environment["CITYDIP_RECORD_HELP"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(result.stdout == expected, "citydip \(command) --help differs from \(file.lastPathComponent)")
    }

    @Test("The list of snapshots names every command citydip has, and no other")
    func everyCommand() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let help = try citydip.run(["--help"], environment: ["COLUMNS": "100"]).stdout
        let listed = help.split(separator: "\n").drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst()
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            // A command's line starts two spaces in; its wrapped abstract further in.
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.hasPrefix("  See ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(Set(listed) == Set(Self.commands.dropFirst().filter { !$0.contains(" ") }))
    }
}
