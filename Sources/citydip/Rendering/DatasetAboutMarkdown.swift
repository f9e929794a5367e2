import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip datasets --dataset ID`: the dataset's "about this data" panel as Markdown, the same
/// lines the dataset's page shows, in English or Persian.
enum DatasetAboutMarkdown {
    static func render(_ about: DatasetAboutView, language: Language) -> String {
        let style = OutputStyle(language: language)
        func cell(_ text: String) -> String {
            ASCIIReplacements.markdownPipes.apply(to: text)
        }
        var lines = ["## " + style.text(.message("about.title")) + ": `" + about.id + "`", "",
                     "| | |", "|---|---|"]
        for fact in about.facts {
            let value = switch fact.value {
            case let .text(text): style.text(text)
            case let .english(text): text
            case let .verbatim(text): "`" + text + "`"
            case let .number(number): style.number(number)
            case let .date(date): style.date(date)
            }
            lines.append("| " + cell(style.text(fact.label)) + " | " + cell(value) + " |")
        }
        lines += ["", style.text(.message("about.cite-with", ["dataset": about.id]))]
        return lines.joined(separator: "\n") + "\n"
    }
}
