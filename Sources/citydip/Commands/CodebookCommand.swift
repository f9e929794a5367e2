import ArgumentParser
import CityDiplomacyApplication

/// `citydip codebook`: the themes coders apply to agreement texts, with their definitions, rules
/// and keywords.
struct CodebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Show the codebook for coding agreement texts: the study's themes with their definitions, rules, examples and keywords.",
        discussion: """
            One row per theme, each parent before its children: id, parent, name, definition, when to code \
            it and when not, examples, and the English and Persian keywords that suggest it (a suggestion \
            only: a coder accepts or rejects it). The format of a codebook file is in Docs/codebook.md. \
            As /codebook shows it; --format json gives every text in both languages, as /api/v1/codebook.
            """
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let codebook = try workspace.codebook()
        switch output.format {
        // Both languages, whatever --lang: a coder of Persian texts reads the English rules too.
        case .json: try CodebookView(codebook).printPrettyJSON()
        default: print(output.render(workspace.codebookTable(codebook)), terminator: "")
        }
    }
}
