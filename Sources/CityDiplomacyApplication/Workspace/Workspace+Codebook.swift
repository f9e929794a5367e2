import CityDiplomacyCore
import CityDiplomacyReferenceData

extension Workspace {
    /// The bundled codebook: the study's themes, for coding agreement texts.
    public func codebook() throws(ApplicationError) -> Codebook {
        do {
            return try CodebookFile.bundled()
        } catch {
            throw ApplicationError.invalid(nil, "\(error)")
        }
    }

    /// The codebook as a table, a theme a row in the file's order (each parent before its
    /// children): its id, parent, name, definition, rules of inclusion and exclusion, examples and
    /// keywords, in the reader's language — what `citydip codebook` prints and `/codebook` shows.
    public func codebookTable(_ codebook: Codebook) -> Tabulation {
        func optional(_ text: LocalizedText?) -> Tabulation.Cell { text.map { .text($0) } ?? .empty }
        let rows: [[Tabulation.Cell]] = codebook.themes.map { theme in
            [
                .identifier(theme.id), theme.parent.flatMap { codebook.theme($0) }.map { .text($0.name) } ?? .empty, .text(theme.name), .text(theme.definition),
                optional(theme.include), optional(theme.exclude),
                theme.examples.isEmpty ? .empty : .list(theme.examples.map { .text($0) }),
                .text(LocalizedText(en: (theme.keywords[.en] ?? []).joined(separator: ", "), fa: (theme.keywords[.fa] ?? []).joined(separator: "\u{060C} "))),
            ]
        }
        return Tabulation(
            title: codebook.title,
            columns: [.titled("id"), .titled("parent"), .titled("theme"), .titled("definition"), .titled("include"), .titled("exclude"),
                      .titled("examples"), .titled("keywords")],
            rows: rows)
    }
}
