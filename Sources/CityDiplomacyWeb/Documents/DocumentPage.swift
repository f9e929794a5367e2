import CityDiplomacyAnalysis
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Hummingbird

/// `/documents/{id}`: a document's text with its coded passages marked, the codings, and the
/// codebook's suggestions still to decide — with, for a signed-in coder, the forms that code a
/// selected passage, accept or reject a suggestion and delete a coding (`DocumentForms`).
///
/// The text is rendered so that the page's text of `#document-text` is the document's text
/// exactly (pieces between passage bounds, nothing added between them), so that `coding.js` can
/// count a selection's offsets in it as the server counts them.
struct DocumentPage {
    let observatory: Observatory
    let context: PageContext
    /// The signed-in coder's CSRF token; `nil` shows no form.
    var csrf: String?
    /// Said to a signed-in coder instead of the forms, on a document of a bundled dataset.
    var readOnlyNote: String? = nil

    func render(id: String) async throws -> String {
        let c = context
        let view = try await WebError.answering { try await observatory.workspace.documentView(id: id) }
        let document = view.document
        // A bundled dataset is read-only: its coder gets no form that could only answer 403.
        if csrf != nil, try await observatory.registry.datasetsWithoutImportReports().contains(where: { $0.id == document.datasetID && $0.isBundled }) {
            var readOnly = self
            readOnly.csrf = nil
            readOnly.readOnlyNote = c.text(.message("web.document.read-only", ["dataset": document.datasetID]))
            return try await readOnly.render(id: id)
        }
        let coded = view.segments.filter { $0.status == .coded }.sorted { ($0.start, $0.end, $0.position) < ($1.start, $1.end, $1.position) }
        let rejected = view.segments.filter { $0.status == .rejected }
        let page = DocumentPageView(
            heading: c.style.digits(c.text(document.title)),
            facts: try await facts(view),
            textHeading: c.text(.message("web.document.text")),
            textLanguage: document.language,
            textDirection: Self.isRightToLeft(document.language) ? "rtl" : "ltr",
            pieces: pieces(document, coded: coded, view: view),
            codingsHeading: c.text(.message("web.document.codings")) + " (" + c.number(coded.count) + ")",
            codingColumns: ["number", "theme", "passage", "coder", "memo"].map { c.text(.message("web.document.column.\($0)")) },
            codings: coded.enumerated().map { codingRow($0.element, number: $0.offset + 1, view: view) },
            noCodings: coded.isEmpty ? c.text(.message("web.document.no-codings")) : nil,
            rejectedHeading: rejected.isEmpty ? nil : c.text(.message("web.document.rejected")) + " (" + c.number(rejected.count) + ")",
            rejected: rejected.map { codingRow($0, number: nil, view: view) },
            suggestionsHeading: c.text(.message("web.document.suggestions")) + " (" + c.number(view.suggestions.count) + ")",
            suggestionsNote: c.text(.message("web.document.suggestions.note")),
            suggestionColumns: ["theme", "keyword", "passage"].map { c.text(.message("web.document.column.\($0)")) },
            suggestions: view.suggestions.map { suggestionRow($0, view: view) },
            noSuggestions: view.suggestions.isEmpty ? c.text(.message("web.document.no-suggestions")) : nil,
            codingForm: codingForm(view),
            readOnlyNote: readOnlyNote,
            signIn: csrf == nil && readOnlyNote == nil && !observatory.configuration.writeTokens.isEmpty
                ? LinkView(text: c.text(.message("web.document.sign-in")), target: c.href("/sign-in")) : nil,
            links: [
                LinkView(text: c.text(.message("web.document.all")),
                         target: c.href("/documents", [("dataset", document.datasetID)])),
                LinkView(text: c.text(.message("web.document.json")), target: "/api/v1/documents/\(PageContext.segment(document.id))"),
            ])
        return try Layout.page("document", title: page.heading, content: page, context: c)
    }

    static func isRightToLeft(_ language: String) -> Bool {
        ["fa", "ar", "ur", "ps", "ku", "he"].contains(language)
    }

    // MARK: What the document is

    private func facts(_ view: DocumentView) async throws -> [DocumentPageView.Fact] {
        let c = context
        let document = view.document
        var facts: [DocumentPageView.Fact] = [
            .init(label: c.text(.message("column.attached-to")), link: LinkView(text: c.style.digits(c.text(view.summary.record)), target: try await recordAddress(document.attachedTo))),
            .init(label: c.text(.message("column.kind")), text: c.text(.message("document.kind.\(document.kind.rawValue)"))),
            .init(label: c.text(.message("column.language")), text: c.text(Workspace.languageName(document.language))),
        ]
        if let date = document.date { facts.append(.init(label: c.text(.message("column.date")), text: c.style.date(date))) }
        let source = c.style.digits(c.text(document.source))
        facts.append(.init(label: c.text(.message("web.document.source")),
                           link: HTMLPage.isLinkable(document.source.en) ? LinkView.external(document.source.en, text: source) : LinkView(text: source, target: nil)))
        if let locator = document.locator { facts.append(.init(label: c.text(.message("web.document.locator")), text: c.style.digits(c.text(locator)))) }
        if let by = document.addedBy { facts.append(.init(label: c.text(.message("web.document.added-by")), text: by)) }
        facts.append(.init(label: c.text(.message("column.id")), code: document.id))
        return facts
    }

    /// The page of the record a document is about: a relation's row on its city's page, a
    /// city's page, a membership's network, an event's city.
    private func recordAddress(_ record: RecordReference) async throws -> String? {
        let c = context, registry = observatory.registry
        switch record.kind {
        case .relation:
            guard let relation = try await registry.relation(id: record.id) else { return nil }
            return c.href("/cities/\(PageContext.segment(relation.cityID))") + "#" + PageContext.encode(relation.id)
        case .city:
            return c.href("/cities/\(PageContext.segment(record.id))")
        case .membership:
            guard let membership = try await registry.membership(id: record.id) else { return nil }
            return c.href("/networks/\(PageContext.segment(membership.networkID))")
        case .event:
            guard let event = try await registry.event(id: record.id) else { return nil }
            return c.href("/cities/\(PageContext.segment(event.cityID))")
        }
    }

    // MARK: The text

    private func pieces(_ document: AgreementDocument, coded: [CodedSegment], view: DocumentView) -> [DocumentPageView.Piece] {
        let c = context
        let names = coded.map { c.text(view.themeName($0.theme)) }
        return MarkedText.pieces(of: document.text, ranges: coded.map(\.range)).map { piece in
            guard !piece.covering.isEmpty else { return .init(text: piece.text) }
            // The theme of each passage ending here is shown after it (by the stylesheet, from
            // `data-themes`, so that it is no part of the text a selection counts).
            let ending = piece.ending.map { c.number($0 + 1) + " " + names[$0] }
            return .init(text: piece.text, marked: true, depth: min(piece.covering.count, 3),
                         markTitle: piece.covering.map { names[$0] }.joined(separator: c.style.comma),
                         themesAfter: ending.isEmpty ? nil : ending.joined(separator: c.style.comma),
                         anchor: piece.starting.first.map { "passage-\($0 + 1)" })
        }
    }

    private func codingRow(_ segment: CodedSegment, number: Int?, view: DocumentView) -> DocumentPageView.Coding {
        let c = context
        return DocumentPageView.Coding(
            number: number.map(c.number), anchor: number.map { "#passage-\($0)" }, theme: c.text(view.themeName(segment.theme)),
            passage: view.passage(segment.range) ?? "", coder: segment.coder, memo: segment.memo,
            keyword: segment.keyword,
            deletion: csrf.map { csrf in
                .init(action: c.href("/segments/\(PageContext.segment(segment.id))/delete"), csrf: csrf,
                      label: c.text(.message(segment.status == .coded ? "web.document.delete-coding" : "web.document.delete-rejection")))
            })
    }

    private func suggestionRow(_ suggestion: ThemeSuggestions.Suggestion, view: DocumentView) -> DocumentPageView.Suggestion {
        let c = context
        let document = view.document
        let before = max(0, suggestion.range.lowerBound - 40), after = min(view.length, suggestion.range.upperBound + 40)
        let decision = csrf.map { csrf in
            DocumentPageView.Decision(
                accept: c.href("/documents/\(PageContext.segment(document.id))/suggestions/accept"),
                reject: c.href("/documents/\(PageContext.segment(document.id))/suggestions/reject"), csrf: csrf,
                theme: suggestion.theme, start: String(suggestion.range.lowerBound), end: String(suggestion.range.upperBound),
                keyword: suggestion.keyword,
                acceptLabel: c.text(.message("web.document.accept")), rejectLabel: c.text(.message("web.document.reject")))
        }
        return DocumentPageView.Suggestion(
            theme: c.text(view.themeName(suggestion.theme)), keyword: suggestion.keyword,
            before: (before < suggestion.range.lowerBound ? "…" : "") + (view.passage(before..<suggestion.range.lowerBound) ?? ""),
            hit: view.passage(suggestion.range) ?? "",
            after: (view.passage(suggestion.range.upperBound..<after) ?? "") + (after < view.length ? "…" : ""),
            decision: decision)
    }

    // MARK: Coding form

    private func codingForm(_ view: DocumentView) -> DocumentPageView.CodingForm? {
        guard let csrf else { return nil }
        let c = context
        return DocumentPageView.CodingForm(
            heading: c.text(.message("web.document.code.heading")), help: c.text(.message("web.document.code.help")),
            action: c.href("/documents/\(PageContext.segment(view.document.id))/code"), csrf: csrf,
            themeLabel: c.text(.message("web.document.code.theme")),
            themes: view.codebook.themes.map { theme in
                .init(value: theme.id, label: (theme.parent == nil ? "" : "— ") + c.text(theme.name))
            },
            selectedLabel: c.text(.message("web.document.code.selected")),
            spanLabel: c.text(.message("web.document.code.span")), quoteLabel: c.text(.message("web.document.code.quote")),
            occurrenceLabel: c.text(.message("web.document.code.occurrence")),
            memoLabel: c.text(.message("web.document.code.memo")), submit: c.text(.message("web.document.code.submit")))
    }
}

/// What the `document` template shows.
struct DocumentPageView {
    /// A line of what the document is: a label and its text, link or code.
    struct Fact {
        let label: String
        var text: String? = nil
        var link: LinkView? = nil
        var code: String? = nil
    }

    /// A piece of the text between passage bounds, marked where a coding covers it.
    struct Piece {
        let text: String
        var marked = false
        /// How many codings cover it (at most 3, as the stylesheet shades them).
        var depth = 0
        var markTitle = ""
        /// The numbers and themes of the passages that end with this piece.
        var themesAfter: String? = nil
        /// The anchor of the passage starting here, which its row in the codings links to.
        var anchor: String? = nil
    }

    /// A form that posts one field with its CSRF token.
    struct Deletion {
        let action: String
        let csrf: String
        let label: String
    }

    struct Coding {
        let number: String?
        let anchor: String?
        let theme: String
        let passage: String
        let coder: String
        let memo: String?
        let keyword: String?
        let deletion: Deletion?
    }

    /// The two forms that decide a suggestion: the same fields, to accept or to reject.
    struct Decision {
        let accept: String
        let reject: String
        let csrf: String
        let theme: String
        let start: String
        let end: String
        let keyword: String
        let acceptLabel: String
        let rejectLabel: String
    }

    struct Suggestion {
        let theme: String
        let keyword: String
        /// The words before the hit, the hit, and the words after it.
        let before: String
        let hit: String
        let after: String
        let decision: Decision?
    }

    struct ThemeOption {
        let value: String
        let label: String
    }

    struct CodingForm {
        let heading: String
        let help: String
        let action: String
        let csrf: String
        let themeLabel: String
        let themes: [ThemeOption]
        let selectedLabel: String
        let spanLabel: String
        let quoteLabel: String
        let occurrenceLabel: String
        let memoLabel: String
        let submit: String
    }

    let heading: String
    let facts: [Fact]
    let textHeading: String
    let textLanguage: String
    let textDirection: String
    let pieces: [Piece]
    let codingsHeading: String
    let codingColumns: [String]
    let codings: [Coding]
    let noCodings: String?
    let rejectedHeading: String?
    let rejected: [Coding]
    let suggestionsHeading: String
    let suggestionsNote: String
    let suggestionColumns: [String]
    let suggestions: [Suggestion]
    let noSuggestions: String?
    let codingForm: CodingForm?
    let readOnlyNote: String?
    let signIn: LinkView?
    let links: [LinkView]
}
