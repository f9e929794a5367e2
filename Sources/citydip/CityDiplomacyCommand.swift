import ArgumentParser

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
            TablesCommand.self, RelationsCommand.self, ShowCommand.self, DatasetsCommand.self, InitCommand.self,
        ]
    )
}
