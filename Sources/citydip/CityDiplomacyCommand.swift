import ArgumentParser
import Foundation

@main
struct CityDiplomacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citydip",
        abstract: "A registry and analysis of city diplomacy: sister cities, cooperation memoranda, networks, events.",
        discussion: """
            The database is SQLite, at --db, $CITYDIP_DB, or a per-user default; first use creates it \
            and loads the bundled datasets (the study iran-2018). Names may be given in English or \
            Persian; Persian output uses Persian digits and shows Solar Hijri dates.
            """,
        subcommands: [
            TablesCommand.self, RelationsCommand.self, ShowCommand.self, CountCommand.self,
            ReportCommand.self, AuditCommand.self, SchemesCommand.self, ImportCommand.self, QualityCommand.self,
            StatsCommand.self, DiffCommand.self, DatasetsCommand.self, InitCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command. Errors — a malformed option as much as an unknown city — end in one line
    /// `Error: …` on standard error and exit status 1; `--help` prints help as usual.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is CleanExit) else { exit(withError: error) }
            if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            let line = message.hasPrefix("Error: ") ? message : "Error: \(message)"
            FileHandle.standardError.write(Data((line + "\n").utf8))
            Foundation.exit(1)
        }
    }
}
