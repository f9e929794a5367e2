import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyPresentation

/// `citydip backup PATH`: a consistent copy of the live database, taken while others use it.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database, consistently, while it is in use.",
        discussion: """
        Writes a new SQLite file with SQLite's online backup API: the server and other commands may \
        go on reading and writing, and the copy holds every change committed before it started. \
        The copy is checked before it is put in place; an existing file is never replaced. \
        A PostgreSQL database is backed up with pg_dump (see the README).
        """
    )

    @Argument(help: ArgumentHelp("The new file to write.", valueName: "path"))
    var path: String

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let copy = try await RegistryBackup.run(from: try database.location, to: path)
        let style = OutputStyle(language: language.lang)
        print(style.message("backup.done", [
            "path": style.code(copy.path), "size": style.number(copy.bytes),
            "datasets": style.number(copy.datasets.count), "ids": copy.datasets.map(style.code).joined(separator: style.comma),
        ]))
    }
}
