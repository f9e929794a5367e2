import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation

@main
struct CityDiplomacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citydip",
        abstract: "A registry and analysis of city diplomacy: sister cities, cooperation memoranda, networks, events.",
        discussion: """
            The database is a SQLite file or a PostgreSQL database (postgres://…), at --db, \
            $CITYDIP_DB, or a per-user SQLite default; first use creates it and loads the bundled \
            datasets (the study iran-2018). Names may be given in English or \
            Persian; Persian output uses Persian digits and shows Solar Hijri dates.
            """,
        version: BuildInfo.current.description,
        subcommands: [
            TablesCommand.self, RelationsCommand.self, ShowCommand.self, CountCommand.self,
            ReportCommand.self, AuditCommand.self, CiteCommand.self, SchemesCommand.self, ImportCommand.self, QualityCommand.self,
            StatsCommand.self, NetworkCommand.self, CompareCommand.self, BaselineCommand.self, RecommendCommand.self, PeersCommand.self, AlignmentCommand.self, DiffCommand.self, DatasetsCommand.self, CopyDatasetCommand.self, CopyCommand.self, InitCommand.self, BackupCommand.self, CodebookCommand.self, DocumentsCommand.self, CodeCommand.self, ReliabilityCommand.self, SegmentsCommand.self, QDPXCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command. Errors — a malformed option as much as an unknown city — end in one line
    /// `Error: …` on standard error and exit status 1; `--help` prints help as usual.
    static func main() async {
        RegistryOpening.prepareProcess()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = CommandSuggestion.unknownCommand(in: arguments, known: subcommandNames) {
            fail(unknown)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is CleanExit) else { exit(withError: error) }
            if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
            if let error = error as? ApplicationError { fail(error.message { "--" + $0 }) }
            fail(message(for: error))
        }
    }

    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    private static func fail(_ message: String) -> Never {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        let line = first.hasPrefix("Error: ") ? first : "Error: \(first)"
        // An error quotes what the user or a file gave: its control characters are shown, not obeyed.
        FileHandle.standardError.write(Data((ControlCharacters.escaped(line) + "\n").utf8))
        Foundation.exit(1)
    }
}

/// The message for a first argument that is no command: ArgumentParser would take `tabels` for an
/// argument of the root command and complain about the options that follow it.
enum CommandSuggestion {
    static func unknownCommand(in arguments: [String], known: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !known.contains(first) else { return nil }
        let commands = known.filter { $0 != "help" }
        let suggested = suggestions(for: first, among: commands)
        let mean = suggested.isEmpty ? "." : "; did you mean " + suggested.map { "'\($0)'" }.joined(separator: " or ") + "?"
        return "unknown command '\(first)'\(mean) Commands: \(commands.joined(separator: ", ")) (citydip --help)"
    }

    /// The commands `typed` begins, where they are three at most (`rel` → `relations` or
    /// `reliability`), else the closest within a typo or two.
    static func suggestions(for typed: String, among commands: [String]) -> [String] {
        let prefixed = commands.filter { $0.hasPrefix(typed.lowercased()) }
        if (1...3).contains(prefixed.count) { return prefixed }
        let closest = commands.min { distance(typed, $0) < distance(typed, $1) }
        return closest.flatMap { distance(typed, $0) <= max(2, typed.count / 3) ? [$0] : nil } ?? []
    }

    /// Levenshtein distance: a transposed or missing letter or two is a typo.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
