import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyPresentation
import Foundation

/// `citydip copy --from DB --to DB`: everything a registry holds, into another (SQLite to
/// PostgreSQL and back).
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every dataset, edit and change-log entry from one database into another (SQLite or PostgreSQL).",
        discussion: """
            Copies the countries, every dataset with its records as edited and its import report, and the \
            change log with its ids. The target (a SQLite file or postgres://user@host:port/name) is created \
            if needed and must hold none of the source's datasets and no change log. Each dataset keeps the \
            time it was stored. The source is read in one transaction and the target written in one: a copy \
            that fails leaves the target as it was.
            """
    )

    @Option(help: ArgumentHelp("The database to copy from: a SQLite file (or sqlite:PATH) or postgres://user@host:port/name.", valueName: "path-or-url"))
    var from: String

    @Option(help: ArgumentHelp("The database to copy into, as --from.", valueName: "path-or-url"))
    var to: String

    @OptionGroup var language: LanguageOption

    func validate() throws {
        try validatingOptions {
            _ = try RegistryLocation(parsing: from)
            _ = try RegistryLocation(parsing: to)
        }
    }

    func run() async throws {
        let from = try RegistryLocation(parsing: from), to = try RegistryLocation(parsing: to)
        guard from != to else { throw ApplicationError.invalid("to", "--from and --to name the same database (\(from)): give another target") }
        // Opening creates a missing file: a mistyped source would be copied as an empty database.
        if case let .sqlite(path) = from, !FileManager.default.fileExists(atPath: (path as NSString).expandingTildeInPath) {
            throw ApplicationError(.notFound, field: "from", "there is no database at '\(path)' to copy from")
        }
        let source = try await RegistryOpening.open(from, seed: false)
        guard !(try await source.registry.datasetsWithoutImportReports().isEmpty) else {
            throw ApplicationError(.notFound, field: "from", "\(from) holds no dataset: nothing to copy")
        }
        let target = try await RegistryOpening.open(to, seed: false)
        let outcome = try await RegistryCopy.run(from: source.registry, to: target.registry)
        let style = OutputStyle(language: language.lang)
        print(style.message("copy.done", [
            "datasets": style.number(outcome.datasets.count), "ids": outcome.datasets.map(style.code).joined(separator: style.comma),
            "countries": style.number(outcome.countries), "changes": style.number(outcome.changes),
            "from": style.code(source.location.description), "to": style.code(target.location.description),
        ]))
    }
}
