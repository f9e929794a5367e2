import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip cite`: the study, a dataset or a source as a citation for a reference manager.
struct CiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Cite the study, a dataset (with its version) or a source: BibTeX, RIS, CSL-JSON or a reference.",
        discussion: """
            --study cites the published study a dataset transcribes (Dehshiri & Khorrami 2018 for \
            iran-2018), its Persian authors and title with the English title beside them. --dataset ID \
            alone cites the dataset: its version is the first 12 digits of the SHA-256 of its records \
            (the whole hash in the note), dated by their last change, with its licence. --source ID cites \
            one source its records cite (ids as citydip show --format json and the observatory give them). \
            The observatory offers the same files at /study/cite.bib, /datasets/{id}/cite.ris and \
            /sources/{id}/cite.json. --format reference prints the reference for people, in --lang.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case bibtex, ris
        case cslJSON = "csl-json"
        case reference

        var citationFormat: CitationFormat? { CitationFormat(rawValue: rawValue) }
    }

    @Flag(help: "Cite the study the dataset transcribes (with --dataset, that dataset's).")
    var study = false

    @Option(help: "The dataset to cite (or, with --study, whose study to cite; default: the study's dataset).")
    var dataset: String?

    @Option(help: "The id of a source to cite (e.g. iran-2018:t1-tehran-fn2).")
    var source: String?

    @Option(help: "bibtex, ris, csl-json or reference.")
    var format: Format = .bibtex

    @Option(help: "The language of --format reference: en or fa.")
    var lang: Language = .en

    var subject: CitationSubject {
        get throws {
            if let source {
                guard !study, dataset == nil else { throw ValidationError("--source cites one source: give it without --study or --dataset") }
                return .source(source)
            }
            if study { return .study(dataset: dataset) }
            guard let dataset else {
                throw ValidationError("say what to cite: --study, --dataset ID or --source ID")
            }
            return .dataset(dataset)
        }
    }

    func validate() throws {
        _ = try subject
    }

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let record = try await workspace.bibliographicRecord(of: try subject)
        let renderer = CitationRenderer()
        if let citationFormat = format.citationFormat {
            print(renderer.render(record, as: citationFormat), terminator: "")
        } else {
            print(renderer.reference(record, language: lang))
        }
    }
}
