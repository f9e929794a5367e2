import CityDiplomacyAnalysis
import CityDiplomacyCore
import Foundation

/// A document as a list shows it: what it is, what it is about, and how far it is coded.
public struct DocumentSummary: Hashable, Sendable {
    public var document: AgreementDocument
    /// The record it is attached to, for a reader.
    public var record: LocalizedText
    /// Coded passages (not rejected suggestions), and who coded them, in the order they first did.
    public var codings: Int
    public var coders: [String]
    /// The themes coded, in the codebook's order.
    public var themes: [String]
}

/// A document as its page and `citydip documents show` give it: the text, the passages coded in
/// it, and the codebook's suggestions no coder has decided yet.
public struct DocumentView: Sendable {
    public var summary: DocumentSummary
    public var segments: [CodedSegment]
    /// Keyword hits of the codebook that no coding or rejection of the same theme covers.
    public var suggestions: [ThemeSuggestions.Suggestion]
    /// Suggestions past the first ``suggestionLimit``, not listed (decide those listed first).
    public var suggestionsLeftOut: Int
    public var codebook: Codebook
    /// The text's scalars, read once: passages are cut from it by offset, where cutting each
    /// from the text walked it from its start (minutes for a long text with many hits).
    let scalars: [Unicode.Scalar]

    /// The most suggestions a view lists.
    public static let suggestionLimit = 500

    public var document: AgreementDocument { summary.document }

    /// The length of the text in scalars.
    public var length: Int { scalars.count }

    /// The passage between two offsets of the text; `nil` if they are not a range inside it.
    public func passage(_ range: Range<Int>) -> String? {
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The theme's name, or its id where the codebook lacks it.
    public func themeName(_ id: String) -> LocalizedText {
        codebook.theme(id)?.name ?? LocalizedText(en: id)
    }
}

extension Workspace {
    /// The documents of a dataset, or of one record, in dataset order, with how far each is coded;
    /// with `containing`, only those whose title or text holds the words (compared as searches
    /// compare: Arabic and Persian letter variants, digits, harakat, case and ZWNJ folded; the
    /// text itself is shown as written).
    public func documents(dataset: String?, attachedTo recordID: String? = nil, containing words: String? = nil) async throws -> [DocumentSummary] {
        if let dataset { _ = try await requireDataset(dataset) }
        var query = DocumentQuery(datasetID: dataset)
        if let recordID { query.attachedTo = try await record(recordID).reference }
        var documents = try await registry.documents(matching: query)
        if let words = words?.trimmingCharacters(in: .whitespaces), !words.isEmpty {
            documents = documents.filter { document in
                [document.title.en, document.title.fa ?? "", document.text].contains { !TextMatcher($0).ranges(of: words).isEmpty }
            }
        }
        guard !documents.isEmpty else { return [] }
        let segments = try await registry.segments(matching: SegmentQuery(datasetID: dataset))
        let byDocument = Dictionary(grouping: segments, by: \.documentID)
        let codebook = try codebook()
        var labels: [String: LocalizedText] = [:]
        var summaries: [DocumentSummary] = []
        for document in documents {
            let label: LocalizedText
            if let known = labels[document.attachedTo.id] {
                label = known
            } else {
                label = (try? await record(document.attachedTo.id).label) ?? LocalizedText(en: document.attachedTo.id)
                labels[document.attachedTo.id] = label
            }
            summaries.append(Self.summary(document, record: label, segments: byDocument[document.id] ?? [], codebook: codebook))
        }
        return summaries
    }

    /// One document with its codings and the suggestions still to decide.
    public func documentView(id: String, codebook given: Codebook? = nil) async throws -> DocumentView {
        guard let document = try await registry.document(id: id) else {
            throw ApplicationError.notFound("document", "no document has the id '\(id)': see citydip documents list")
        }
        let codebook = try given ?? codebook()
        let segments = try await registry.segments(matching: SegmentQuery(documentID: id))
        let label = (try? await record(document.attachedTo.id).label) ?? LocalizedText(en: document.attachedTo.id)
        let decided = segments.map { ($0.theme, $0.range) }
        let suggestions = ThemeSuggestions(codebook: codebook).suggest(in: document.text).filter { suggestion in
            !decided.contains { $0.0 == suggestion.theme && $0.1.overlaps(suggestion.range) }
        }
        return DocumentView(summary: Self.summary(document, record: label, segments: segments, codebook: codebook),
                            segments: segments, suggestions: Array(suggestions.prefix(DocumentView.suggestionLimit)),
                            suggestionsLeftOut: max(0, suggestions.count - DocumentView.suggestionLimit), codebook: codebook,
                            scalars: Array(document.text.unicodeScalars))
    }

    static func summary(_ document: AgreementDocument, record: LocalizedText, segments: [CodedSegment], codebook: Codebook) -> DocumentSummary {
        let coded = segments.filter { $0.status == .coded }
        var coders: [String] = []
        for segment in coded where !coders.contains(segment.coder) { coders.append(segment.coder) }
        let used = Set(coded.map(\.theme))
        var themes = codebook.themes.map(\.id).filter(used.contains)
        themes += used.subtracting(themes).sortedInNFCOrder()
        return DocumentSummary(document: document, record: record, codings: coded.count, coders: coders, themes: themes)
    }

    /// The documents as a table (`citydip documents list`): id, title, kind, language, date, the
    /// record, codings, coders and themes.
    public func documentsTable(_ summaries: [DocumentSummary], codebook: Codebook) -> Tabulation {
        let rows: [[Tabulation.Cell]] = summaries.map { summary in
            let document = summary.document
            return [
                .identifier(document.id), .text(document.title), .text(.message("document.kind.\(document.kind.rawValue)")),
                .text(Self.languageName(document.language)), document.date.map { .text($0.written) } ?? .empty, .text(summary.record),
                .number(summary.codings), summary.coders.isEmpty ? .empty : .list(summary.coders.map(Self.coderCell)),
                summary.themes.isEmpty ? .empty : .list(summary.themes.map { .text(codebook.theme($0)?.name ?? LocalizedText(en: $0)) }),
            ]
        }
        return Tabulation(
            title: .message("document.list.title"),
            columns: [.titled("id"), .titled("title"), .titled("kind"), .titled("language"), .titled("date"), .titled("attached-to"),
                      .titled("codings"), .titled("coders"), .titled("themes")],
            rows: rows)
    }

    /// A coder as readers see them: the study's own codings (coder `study`) are the study's, in
    /// the reader's language; anyone else is named as they signed.
    public static func coderName(_ coder: String) -> LocalizedText {
        coder == "study" ? .message("coder.study") : LocalizedText(en: coder)
    }

    /// A coder in a table: the study's own codings in words, anyone else as they signed — an
    /// identifier (a token's or `--coder`'s name), not prose to translate.
    public static func coderCell(_ coder: String) -> Tabulation.Cell {
        coder == "study" ? .text(coderName(coder)) : .identifier(coder)
    }

    /// A language's name where the catalogue has it (`language.fa`), else its code.
    public static func languageName(_ code: String) -> LocalizedText {
        let key = "language.\(code)"
        let named = LocalizedText.message(key)
        return named.en == key ? LocalizedText(en: code) : named
    }
}
