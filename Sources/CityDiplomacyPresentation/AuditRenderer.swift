import CityDiplomacyCore

/// Writes audit findings as JSON (an array of `{"id", "claim", "published", "computed", "status",
/// "detail"}`), Markdown or HTML.
public struct AuditRenderer: Sendable {
    public var format: OutputFormat
    public var style: OutputStyle

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

    public func render(_ findings: [AuditFinding], title: LocalizedText) -> String {
        switch format {
        case .json, .csv:
            return json(findings).serialized(pretty: true) + "\n"
        case .md, .html:
            return TabulationRenderer(format: format, language: style.language).render(table(findings, title: title))
        }
    }

    /// The findings as a JSON array.
    public func json(_ findings: [AuditFinding]) -> JSONValue {
        JSONValue.array(findings.map { finding in
            .object([
                ("id", .string(finding.id)),
                ("claim", .string(finding.claim[style.language])),
                ("published", Self.json(finding.published)),
                ("computed", Self.json(finding.computed)),
                ("status", .string(finding.status.rawValue)),
                ("detail", .string(style.text(finding.detail))),
            ])
        })
    }

    /// The findings as a table, with a summary note (for pages that embed it).
    public func table(_ findings: [AuditFinding], title: LocalizedText) -> Tabulation {
        Tabulation(
            title: title,
            columns: [
                .init(key: "id", title: LocalizedText.message("column.id")),
                .init(key: "claim", title: LocalizedText.message("presentation.published")),
                .init(key: "published", title: LocalizedText.message("presentation.printed")),
                .init(key: "computed", title: LocalizedText.message("presentation.from-the-records")),
                .init(key: "status", title: LocalizedText.message("presentation.status")),
                .init(key: "detail", title: LocalizedText.message("presentation.detail")),
            ],
            rows: findings.map { finding in
                [.identifier(finding.id), .text(finding.claim), .verbatim(plain(finding.published)),
                 .verbatim(plain(finding.computed)), .code(finding.status.rawValue, label: Self.label(finding.status)),
                 .text(finding.detail)]
            },
            notes: [summary(findings)]
        )
    }

    public static func label(_ status: AuditFinding.Status) -> LocalizedText {
        switch status {
        case .match: LocalizedText.message("presentation.match")
        case .mismatch: LocalizedText.message("presentation.mismatch")
        case .contradicted: LocalizedText.message("presentation.contradicted")
        case .schemeDependent: LocalizedText.message("presentation.scheme-dependent")
        case .notCheckable: LocalizedText.message("presentation.not-checkable")
        }
    }

    /// The headline, counted from every finding, and the findings `listing` gives (by default those
    /// that are not a match), as the README shows them: what a person at a terminal wants first
    /// (`citydip audit` there; `--format md` gives every finding).
    public func summaryMarkdown(_ findings: [AuditFinding], listing: [AuditFinding]? = nil, title: LocalizedText) -> String {
        let rest = listing ?? findings.filter { $0.status != .match }
        let matched = findings.filter { $0.status == .match }.count
        var lines = ["# \(style.text(title))", ""]
        lines.append(style.text(.message(rest.isEmpty ? "audit.summary.all" : "audit.summary.rest", ["checked": String(findings.count), "matched": String(matched)])))
        if !rest.isEmpty {
            lines += ["", "| \(style.text(LocalizedText.message("column.id"))) | \(style.text(LocalizedText.message("presentation.status"))) | \(style.text(LocalizedText.message("presentation.what-the-records-show"))) |", "|---|---|---|"]
            for finding in rest {
                let detail = style.text(finding.detail).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                lines.append("| `\(finding.id)` | \(style.text(Self.label(finding.status))) | \(detail) |")
            }
        }
        lines += ["", style.text(LocalizedText.message("presentation.every-finding-citydip-audit-format-md-or-json"))]
        return lines.joined(separator: "\n") + "\n"
    }

    func summary(_ findings: [AuditFinding]) -> LocalizedText {
        let counts = AuditFinding.Status.allCases.map { status in (status, findings.filter { $0.status == status }.count) }
        let byStatus = LocalizedText.joined(counts.map { .message("audit.status-count", localized: ["status": Self.label($0.0)], ["count": String($0.1)]) }, separator: "list.comma")
        return .message("audit.findings-count", localized: ["statuses": byStatus], ["count": String(findings.count)])
    }
}
