import CityDiplomacyCore

/// Writes audit findings as JSON (an array of `{"id", "claim", "published", "computed", "status",
/// "kind", "detail", "sentence"}`), Markdown or HTML.
///
/// Markdown and HTML give the headline first — each kind of check counted apart, so that a reader
/// sees how many findings confirm the study and how many only guard the transcription — then the
/// findings in the sections the caller lists them in (``Section``), each a table.
public struct AuditRenderer: Sendable {
    public var format: OutputFormat
    public var style: OutputStyle

    /// Findings listed under a heading ("Mismatches and contradicted claims"), in their order.
    public struct Section: Sendable {
        public var heading: LocalizedText
        public var findings: [AuditFinding]

        public init(heading: LocalizedText, findings: [AuditFinding]) {
            self.heading = heading
            self.findings = findings
        }
    }

    public init(format: OutputFormat, language: Language) {
        self.format = format
        self.style = OutputStyle(language: language)
    }

    static func json(_ value: AuditFinding.Value) -> JSONValue {
        switch value {
        case let .number(number): .number(number)
        case let .text(text): .string(text)
        case let .list(items): .array(items.map(JSONValue.string))
        case let .term(term): .string(term.code)
        case let .terms(terms): .array(terms.map { .string($0.code) })
        case let .variants(variants): .object(variants.map { ($0.name, json($0.value)) })
        case .none: .null
        }
    }

    /// A value as one line of text, numbers in the output's digits.
    public func text(of value: AuditFinding.Value) -> String { plain(value) }

    func plain(_ value: AuditFinding.Value) -> String {
        switch value {
        case let .number(number): style.number(number)
        case let .text(text): text
        case let .list(items): items.isEmpty ? "∅" : items.joined(separator: style.comma)
        case let .term(term): style.text(term.label)
        case let .terms(terms): terms.isEmpty ? "∅" : terms.map { style.text($0.label) }.joined(separator: style.comma)
        case let .variants(variants): variants.map { "\(style.text($0.label)): \(plain($0.value))" }.joined(separator: style.semicolon)
        case .none: "—"
        }
    }

    /// Every finding of `findings` counted in the headline; the findings listed are those of
    /// `sections`, each section (the empty ones left out) under its heading. JSON (and CSV, which
    /// the audit does not have) is the array of the sections' findings.
    public func render(_ findings: [AuditFinding], sections: [Section], title: LocalizedText) -> String {
        let sections = sections.filter { !$0.findings.isEmpty }
        let listed = sections.flatMap(\.findings)
        switch format {
        case .json, .csv:
            return json(listed).serialized(pretty: true) + "\n"
        case .md:
            let tables = TabulationRenderer(format: .md, language: style.language)
            var parts = ["# \(style.text(title))\n", style.text(Self.headline(findings)) + "\n"]
            if let note = listingNote(listed: listed.count, of: findings.count) { parts.append(style.text(note) + "\n") }
            parts += sections.map { tables.render(table($0.findings, title: $0.heading)) }
            return parts.joined(separator: "\n")
        case .html:
            let tables = TabulationRenderer(format: .html, language: style.language)
            var body = "<h1>\(HTMLPage.escape(style.text(title)))</h1>\n"
            body += "<p class=\"summary\">\(HTMLPage.escape(style.text(Self.headline(findings))))</p>\n"
            if let note = listingNote(listed: listed.count, of: findings.count) { body += "<p class=\"note\">\(HTMLPage.escape(style.text(note)))</p>\n" }
            for section in sections {
                // The heading names the section; the table's caption says how many it holds.
                body += "<section>\n<h2>\(HTMLPage.escape(style.text(section.heading)))</h2>\n"
                body += tables.htmlFragment(table(section.findings, title: Self.count(section.findings.count)))
                body += "</section>\n"
            }
            return HTMLPage.page(title: style.text(title), language: style.language, body: body)
        }
    }

    /// How many of the findings are listed, where a filter left some out; none where all are.
    func listingNote(listed: Int, of count: Int) -> LocalizedText? {
        guard listed != count else { return nil }
        return listed == 0 ? .message("audit.none-listed") : .message("audit.listed-count", ["listed": String(listed), "count": String(count)])
    }

    /// "3 findings".
    static func count(_ count: Int) -> LocalizedText {
        .message(count == 1 ? "audit.findings.one" : "audit.findings", ["count": String(count)])
    }

    /// The findings as a JSON array: the claim, detail and sentence in the output's language,
    /// `sentence` null where the finding has none.
    public func json(_ findings: [AuditFinding]) -> JSONValue {
        JSONValue.array(findings.map { finding in
            .object([
                ("id", .string(finding.id)),
                ("claim", .string(finding.claim[style.language])),
                ("published", Self.json(finding.published)),
                ("computed", Self.json(finding.computed)),
                ("status", .string(finding.status.rawValue)),
                ("kind", .string(finding.kind.rawValue)),
                ("detail", .string(style.text(finding.detail))),
                ("sentence", finding.sentence.map { .string(style.text($0)) } ?? .null),
            ])
        })
    }

    /// Findings as a table under `title` (a section of the audit, or the page that embeds it).
    public func table(_ findings: [AuditFinding], title: LocalizedText) -> Tabulation {
        Tabulation(
            title: title,
            columns: [
                .init(key: "id", title: LocalizedText.message("column.id")),
                .init(key: "kind", title: LocalizedText.message("presentation.kind")),
                .init(key: "claim", title: LocalizedText.message("presentation.published")),
                .init(key: "published", title: LocalizedText.message("presentation.printed")),
                .init(key: "computed", title: LocalizedText.message("presentation.from-the-records")),
                .init(key: "status", title: LocalizedText.message("presentation.status")),
                .init(key: "sentence", title: LocalizedText.message("presentation.citable-sentence")),
                .init(key: "detail", title: LocalizedText.message("presentation.detail")),
            ],
            rows: findings.map { finding in
                [.identifier(finding.id), .code(finding.kind.rawValue, label: Self.label(finding.kind)), .text(finding.claim),
                 .verbatim(plain(finding.published)), .verbatim(plain(finding.computed)),
                 .code(finding.status.rawValue, label: Self.label(finding.status)),
                 finding.sentence.map(Tabulation.Cell.text) ?? .empty, .text(finding.detail)]
            }
        )
    }

    public static func label(_ status: AuditFinding.Status) -> LocalizedText {
        switch status {
        case .match: LocalizedText.message("presentation.match")
        case .mismatch: LocalizedText.message("presentation.mismatch")
        case .contradicted: LocalizedText.message("presentation.contradicted")
        case .queried: LocalizedText.message("presentation.queried")
        case .schemeDependent: LocalizedText.message("presentation.scheme-dependent")
        case .notCheckable: LocalizedText.message("presentation.not-checkable")
        }
    }

    /// "independent check", "consistency check".
    public static func label(_ kind: AuditFinding.Kind) -> LocalizedText {
        switch kind {
        case .independent: LocalizedText.message("audit.kind.independent")
        case .consistency: LocalizedText.message("audit.kind.consistency")
        }
    }

    /// The headline: each kind of check counted apart, independent ones first, each with its
    /// findings by status (those no finding has left out) — "58 independent checks: 49 match,
    /// 5 mismatch, …. 110 consistency checks (a printed cell against its own transcription):
    /// 110 match." A kind no finding has is left out.
    public static func headline(_ findings: [AuditFinding]) -> LocalizedText {
        let kinds: [LocalizedText] = AuditFinding.Kind.allCases.compactMap { kind in
            let ofKind = findings.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            let statuses = AuditFinding.Status.allCases.compactMap { status -> LocalizedText? in
                let count = ofKind.filter { $0.status == status }.count
                return count == 0 ? nil : statusCount(status, count)
            }
            let key = switch kind {
            case .independent: "audit.headline.independent"
            case .consistency: "audit.headline.consistency"
            }
            return .message(ofKind.count == 1 ? key + ".one" : key, localized: ["statuses": .joined(statuses, separator: "list.comma")],
                            ["count": String(ofKind.count)])
        }
        guard !kinds.isEmpty else { return .message("audit.headline.none") }
        return .message("audit.headline", localized: ["kinds": .joined(kinds, separator: "audit.headline.join")])
    }

    /// "49 match", "5 mismatch", … as the headline counts them.
    static func statusCount(_ status: AuditFinding.Status, _ count: Int) -> LocalizedText {
        let key = switch status {
        case .match: "audit.headline.match"
        case .mismatch: "audit.headline.mismatch"
        case .contradicted: "audit.headline.contradicted"
        case .queried: "audit.headline.queried"
        case .schemeDependent: "audit.headline.scheme-dependent"
        case .notCheckable: "audit.headline.not-checkable"
        }
        return .message(key, ["count": String(count)])
    }

    /// The headline, counted from every finding, and the findings `listing` gives (by default those
    /// that are not a match; `filtered` when the reader asked for some only), each by its citable
    /// sentence where it has one and by what the records show otherwise: what a person at a
    /// terminal wants first (`citydip audit` there; `--format md` gives every finding).
    public func summaryMarkdown(_ findings: [AuditFinding], listing: [AuditFinding]? = nil, filtered: Bool = false,
                                title: LocalizedText) -> String {
        let rest = listing ?? findings.filter { $0.status != .match }
        var lines = ["# \(style.text(title))", "", style.text(Self.headline(findings))]
        if rest.isEmpty, filtered {
            lines += ["", style.text(.message("audit.none-listed"))]
        } else if !rest.isEmpty {
            lines += ["", style.text(.message(filtered ? "audit.summary.listed" : "audit.summary.not-matching"))]
            lines += ["", "| \(style.text(LocalizedText.message("column.id"))) | \(style.text(LocalizedText.message("presentation.status"))) | \(style.text(LocalizedText.message("presentation.kind"))) | \(style.text(LocalizedText.message("presentation.what-the-records-show"))) |", "|---|---|---|---|"]
            for finding in rest {
                let text = Self.markdownCell(style.text(finding.sentence ?? finding.detail))
                lines.append("| `\(finding.id)` | \(style.text(Self.label(finding.status))) | \(style.text(Self.label(finding.kind))) | \(text) |")
            }
        }
        lines += ["", style.text(LocalizedText.message("presentation.every-finding-citydip-audit-format-md-or-json"))]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for a cell of a Markdown table: on one line, its `|` escaped, and no markup (Markdown
    /// passes HTML through).
    static func markdownCell(_ text: String) -> String {
        ASCIIReplacements.markdownCell.apply(to: text)
    }
}
