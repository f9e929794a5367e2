import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip code DOCUMENT --theme ID --span START:END|--quote TEXT`: a coder gives a passage a
/// theme of the codebook.
struct CodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code a passage of a document with a theme of the codebook (or reject a suggestion, or remove a coding).",
        discussion: """
            The passage is given by character offsets (--span 120:184, as citydip documents show prints \
            them) or by a quotation (--quote "cultural exchange"), matched as searches match: whole \
            words, Arabic and Persian letter variants, digits and ZWNJ folded. A quotation found more \
            than once needs --occurrence N. --suggestion N accepts the Nth suggestion citydip documents show lists (the \
            codebook's keyword found there), or with --reject rejects it. --reject records that the coder rejects the codebook's \
            suggestion of the theme there, so that it is not offered again. --remove SEGMENT_ID takes a \
            coding back. Every change is in the change log, and the themes of the relation the \
            document is about follow its codings.
            """
    )

    @Argument(help: ArgumentHelp("The document's id (see citydip documents list).", valueName: "document-id"))
    var document: String?

    @Option(help: ArgumentHelp("The theme (an id of the codebook: citydip codebook).", valueName: "id"))
    var theme: String?

    @Option(help: ArgumentHelp("The passage as character offsets of the text.", valueName: "start:end"))
    var span: String?

    @Option(help: ArgumentHelp("The passage as its words.", valueName: "text"))
    var quote: String?

    @Option(help: ArgumentHelp("Which occurrence of the quotation (1 is the first).", valueName: "n"))
    var occurrence: Int?

    @Option(help: ArgumentHelp("Accept (or with --reject, reject) the Nth suggestion citydip documents show lists; it gives the theme and the passage.", valueName: "n"))
    var suggestion: Int?

    @Option(help: "Who codes (required: reliability compares coders).")
    var coder: String?

    @Option(help: "A memo on the coding.")
    var memo: String?

    @Flag(help: "Record that the coder rejects the suggestion of this theme for this passage.")
    var reject = false

    @Option(help: ArgumentHelp("Remove this coding (or rejection) instead.", valueName: "segment-id"))
    var remove: String?

    @Option(help: ArgumentHelp("A codebook file (default: the study's themes).", valueName: "file"))
    var codebook: String?

    @Option(help: "Output: md (the segment's id) or json.")
    var format: RecordFormat = .md

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try validatingOptions {
            if remove != nil {
                guard document == nil, theme == nil, span == nil, quote == nil, suggestion == nil else {
                    throw ApplicationError.invalid("remove", "\(parameter: "remove") takes a segment's id alone, without a document, theme or passage")
                }
                return
            }
            guard document != nil else { throw ApplicationError.invalid("document", "name the document to code (see citydip documents list)") }
            guard coder.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? false else {
                throw ApplicationError.invalid("coder", "give the \(parameter: "coder"): who codes (reliability compares coders)")
            }
            if suggestion != nil {
                guard theme == nil, span == nil, quote == nil else {
                    throw ApplicationError.invalid("suggestion", "\(parameter: "suggestion") gives the theme and the passage: leave out \(parameter: "theme"), \(parameter: "span") and \(parameter: "quote")")
                }
                return
            }
            guard theme != nil else { throw ApplicationError.invalid("theme", "give the \(parameter: "theme") to code the passage with (see citydip codebook)") }
            guard (span == nil) != (quote == nil) else {
                throw ApplicationError.invalid("span", "give the passage as a \(parameter: "span") START:END or as a \(parameter: "quote"), one of the two")
            }
            if occurrence != nil, quote == nil { throw ApplicationError.invalid("occurrence", "\(parameter: "occurrence") goes with \(parameter: "quote")") }
        }
    }

    /// What `--format json` prints: the new segment's id and offsets.
    private struct Coded: Encodable {
        var id: String
        var start: Int
        var end: Int
    }

    func run() async throws {
        let workspace = try await database.workspace()
        let style = OutputStyle(language: language.lang)
        if let remove {
            let removed = try await workspace.uncode(segmentID: remove, actor: ActorName.resolve(coder))
            print(style.message("code.removed", ["segment": style.code(removed.id), "document": style.code(removed.documentID)]))
            return
        }
        guard let document, let coder else { return }
        if let suggestion {
            let segment = try await workspace.decideSuggestion(documentID: document, number: suggestion, accept: !reject, coder: coder, memo: memo,
                                                               codebook: try workspace.codebook(file: codebook))
            switch format {
            case .json: try Coded(id: segment.id, start: segment.start, end: segment.end).printPrettyJSON()
            case .md: print(segment.id)
            }
            return
        }
        guard let theme else { return }
        let passage: CodeRequest.Passage = if let span { .span(try CodeRequest.span(parsing: span)) } else { .quote(quote ?? "", occurrence: occurrence) }
        let segment = try await workspace.code(
            CodeRequest(documentID: document, theme: theme, passage: passage, coder: coder, memo: memo, status: reject ? .rejected : .coded),
            codebook: try workspace.codebook(file: codebook))
        switch format {
        case .json: try Coded(id: segment.id, start: segment.start, end: segment.end).printPrettyJSON()
        case .md: print(segment.id)
        }
    }
}
