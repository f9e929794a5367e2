import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip copy-dataset SOURCE NEW_ID`: a dataset of one's own to change, from a bundled one.
struct CopyDatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy-dataset",
        abstract: "Copy a dataset under a new id, to change the copy (the bundled datasets are read-only).",
        discussion: """
            Every record of SOURCE is stored again under NEW_ID, its ids rewritten (iran-2018:tehran becomes \
            NEW_ID:tehran, and every reference with it). The copy is yours: it can be edited through the web \
            observatory's forms and API, and citydip init --refresh leaves it alone.
            """
    )

    @Argument(help: "The dataset to copy (e.g. iran-2018).")
    var source: String

    @Argument(help: ArgumentHelp("The id of the copy: lower-case letters, digits, '.', '-' or '_'.", valueName: "new-id"))
    var newID: String

    @Option(help: "Language of the message: en or fa.")
    var lang: Language = .en

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let copy = try await workspace.copyDataset(source, to: newID)
        let style = OutputStyle(language: lang)
        print(style.message("copy-dataset.done", [
            "source": style.code(source), "dataset": style.code(copy.dataset.id),
            "relations": style.number(copy.relations.count), "cities": style.number(copy.cities.count),
        ]))
    }
}
