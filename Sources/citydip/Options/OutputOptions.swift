import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

extension Language: ExpressibleByArgument {}

/// The formats a table can be printed in.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case md, csv, json, html

    var outputFormat: OutputFormat { OutputFormat(rawValue: rawValue)! }
}

/// The formats of a record or a comparison: Markdown for people, JSON for scripts.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}

/// `--format` and `--lang` of the commands that print tables.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: md, csv, json or html.")
    var format: TableFormat = .md

    @Option(help: "Output language: en or fa (Persian, with Persian digits).")
    var lang: Language = .en

    func render(_ table: Tabulation) -> String {
        TabulationRenderer(format: format.outputFormat, language: lang).render(table)
    }
}

/// `--lang` of the commands whose Markdown is written for people and whose JSON is for scripts
/// (the same in either language).
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the Markdown: en or fa (Persian, with Persian digits); JSON is the same in both.")
    var lang: Language = .en
}

/// `--dataset`: one of the datasets in the database; the study's when not given.
struct DatasetOption: ParsableArguments {
    @Option(help: ArgumentHelp("The dataset to use (see `citydip datasets`)." + StudyDefaultsHelp.naming(\.datasetID)))
    var dataset: String?
}

extension Encodable {
    /// This view model as pretty JSON, through the one ordered encoder both front ends use.
    func prettyJSON() throws -> String {
        try OrderedJSONEncoder().text(of: self, pretty: true) + "\n"
    }

    /// Prints ``prettyJSON()``, to a file or a pipe as it is written, a megabyte at a time: a view
    /// model of hundreds of megabytes (an import's report of every place) is never held whole.
    /// On a terminal, through `print`, which shows control characters rather than obeying them.
    func printPrettyJSON() throws {
        guard !TerminalOutput.isTerminal else { return print(try prettyJSON(), terminator: "") }
        try TerminalOutput.stream { piece in
            try OrderedJSONEncoder().write(self, pretty: true, to: piece)
            // The last line's end through the same checked writes.
            try [UInt8(ascii: "\n")].withUnsafeBufferPointer(piece)
        }
    }
}
