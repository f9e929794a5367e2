import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation

/// `citydip documents add|list|show`: texts kept beside the records they are about.
struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "Add, list and show documents: agreement texts, memoranda, news and minutes attached to records.",
        discussion: """
            A document belongs to the dataset of the record it is attached to (a relation, city, membership \
            or event) and cites where it comes from. Its text is kept as written; passages of it are coded \
            with the codebook's themes by citydip code, or on the document's page of the web observatory. \
            The bundled datasets are read-only: copy one first (citydip copy-dataset iran-2018 mine).
            """,
        subcommands: [DocumentsAddCommand.self, DocumentsListCommand.self, DocumentsShowCommand.self]
    )
}

extension AgreementDocument.Kind: ExpressibleByArgument {}

/// The name a command records as who acted: `--coder`, else the user's login name.
enum ActorName {
    static func resolve(_ given: String?) -> String {
        let name = given ?? ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "citydip"
        return name.trimmingCharacters(in: .whitespaces)
    }
}

struct DocumentsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a document (.txt, .md, .html or .pdf) to a record; prints its id.",
        discussion: """
            Markdown and HTML are reduced to their text; a PDF is read through pdftotext (Debian's \
            poppler-utils). The date may be Gregorian (2017-12-12) or Solar Hijri (1396/09/21 SH), \
            in Persian digits too. With --format json the id is printed as {"id": …}.
            """
    )

    @Argument(help: ArgumentHelp("The document's file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The id of the relation, city, membership or event the document is about.", valueName: "record-id"))
    var attach: String

    @Option(help: ArgumentHelp("Where the document comes from: a URL or a citation.", valueName: "url-or-text"))
    var source: String

    @Option(help: ArgumentHelp("The document's language, an ISO 639-1 code (fa, en, de…); by default Persian or English by its script.", valueName: "code"))
    var lang: String?

    @Option(help: ArgumentHelp("When it was written or published: YYYY[-MM[-DD]] or the same with SH.", valueName: "date"))
    var date: String?

    @Option(help: "Its title (default: the file's name).")
    var title: String?

    @Option(name: .customLong("title-fa"), help: "Its title in Persian.")
    var titleFa: String?

    @Option(help: "What it is: agreement, memorandum, news, minutes, study or other.")
    var kind: AgreementDocument.Kind = .other

    @Option(help: "Who adds it (default: the user's login name).")
    var coder: String?

    @Option(help: "Output: md (the id) or json ({\"id\": …}).")
    var format: RecordFormat = .md

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let document = try await workspace.addDocument(AddDocumentRequest(
            path: file, attachTo: attach, source: source, language: lang, date: date, title: title, titleFa: titleFa, kind: kind,
            actor: ActorName.resolve(coder)))
        switch format {
        case .json: try ["id": document.id].printPrettyJSON()
        case .md: print(document.id)
        }
    }
}

struct DocumentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents of a dataset (or of one record), with how far each is coded."
    )

    @Option(help: ArgumentHelp("Only the documents of this relation, city, membership or event.", valueName: "record-id"))
    var record: String?

    @Option(help: ArgumentHelp("The dataset (default: every dataset).", valueName: "id"))
    var dataset: String?

    @Option(help: ArgumentHelp("Only documents whose title or text holds these words (Persian letter variants, digits and ZWNJ folded).", valueName: "words"))
    var search: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let summaries = try await workspace.documents(dataset: dataset, attachedTo: record, containing: search)
        switch output.format {
        case .json: try summaries.map(DocumentSummaryJSON.init).printPrettyJSON()
        default: print(output.render(workspace.documentsTable(summaries, codebook: try workspace.codebook())), terminator: "")
        }
    }
}

struct DocumentsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document: what it is, its text, its coded passages and the suggestions still to decide."
    )

    @Argument(help: ArgumentHelp("The document's id (see citydip documents list).", valueName: "document-id"))
    var id: String

    @Option(help: ArgumentHelp("A codebook file whose keywords suggest themes (default: the study's themes).", valueName: "file"))
    var codebook: String?

    @Option(help: "Output format: md or json (with the text, the segments and the suggestions).")
    var format: RecordFormat = .md

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let view = try await workspace.documentView(id: id, codebook: try workspace.codebook(file: codebook))
        switch format {
        case .json: try DocumentJSON(view).printPrettyJSON()
        case .md: print(DocumentMarkdown(view: view, language: language.lang).render(), terminator: "")
        }
    }
}
