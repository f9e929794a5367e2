import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// The published study checked against its records: the findings and their title, and the one
/// order the CLI, the page and the API list them in.
public struct AuditResult: Sendable {
    public var title: LocalizedText
    public var datasetID: String
    /// In the study's order (Table 2, 3, 4, the claims).
    public var findings: [AuditFinding]

    public init(title: LocalizedText, datasetID: String, findings: [AuditFinding]) {
        self.title = title
        self.datasetID = datasetID
        self.findings = findings
    }

    /// How many findings have each status, in the order of ``AuditFinding/Status/allCases``.
    public var counts: [(status: AuditFinding.Status, count: Int)] {
        AuditFinding.Status.allCases.map { status in (status, findings.filter { $0.status == status }.count) }
    }

    /// How many findings of `kind` have each status, in the order of ``AuditFinding/Status/allCases``.
    public func counts(of kind: AuditFinding.Kind) -> [(status: AuditFinding.Status, count: Int)] {
        AuditFinding.Status.allCases.map { status in (status, findings.filter { $0.status == status && $0.kind == kind }.count) }
    }

    /// How many findings have `status` and `kind` (any when `nil`).
    public func count(status: AuditFinding.Status? = nil, kind: AuditFinding.Kind? = nil) -> Int {
        findings.filter { (status == nil || $0.status == status) && (kind == nil || $0.kind == kind) }.count
    }

    /// The statuses in the order their filters are offered: what does not match first, what
    /// matches last.
    public static let statusOrder: [AuditFinding.Status] = [.mismatch, .contradicted, .queried, .schemeDependent, .notCheckable, .match]

    /// The parts the findings are listed in, in their order: what a referee must read first (the
    /// study contradicted by its records or by evidence it lacked), what depends on a choice, what
    /// cannot be checked, then the independent checks that confirm the study, and last the
    /// consistency checks, which compare a printed cell with its own transcription and so say the
    /// least.
    public enum Section: Int, CaseIterable, Sendable {
        /// Mismatches and contradicted findings, independent checks before consistency checks.
        case disagreements
        case schemeDependent
        case notCheckable
        case independentMatches
        case consistencyMatches

        public init(_ finding: AuditFinding) {
            switch finding.status {
            case .mismatch, .contradicted: self = .disagreements
            case .schemeDependent, .queried: self = .schemeDependent
            case .notCheckable: self = .notCheckable
            case .match: self = finding.kind == .independent ? .independentMatches : .consistencyMatches
            }
        }

        public var heading: LocalizedText {
            switch self {
            case .disagreements: .message("audit.section.disagreements")
            case .schemeDependent: .message("audit.section.scheme-dependent")
            case .notCheckable: .message("audit.section.not-checkable")
            case .independentMatches: .message("audit.section.independent-matches")
            case .consistencyMatches: .message("audit.section.consistency")
            }
        }
    }

    /// Where `finding` stands in the listing, before its place in the study: its section, and in
    /// the first section its kind (independent checks first).
    static func rank(_ finding: AuditFinding) -> (section: Int, kind: Int) {
        let section = Section(finding)
        return (section.rawValue, section == .disagreements ? AuditFinding.Kind.allCases.firstIndex(of: finding.kind)! : 0)
    }

    /// The findings of `status` and `kind` (all when `nil`) as the page, the API and the CLI list
    /// them: by ``Section`` (mismatches and contradicted findings first, independent before
    /// consistency; then scheme-dependent, not checkable, independent matches, consistency
    /// matches), each section's findings in the study's order.
    public func listed(_ status: AuditFinding.Status? = nil, kind: AuditFinding.Kind? = nil) -> [AuditFinding] {
        findings.enumerated()
            .filter { (status == nil || $0.element.status == status) && (kind == nil || $0.element.kind == kind) }
            .map { (rank: Self.rank($0.element), offset: $0.offset, finding: $0.element) }
            .sorted { ($0.rank.section, $0.rank.kind, $0.offset) < ($1.rank.section, $1.rank.kind, $1.offset) }
            .map(\.finding)
    }

    /// ``listed(_:kind:)`` cut into its sections under their headings, the empty ones left out.
    public func sections(_ status: AuditFinding.Status? = nil, kind: AuditFinding.Kind? = nil) -> [AuditRenderer.Section] {
        let listed = listed(status, kind: kind)
        return Section.allCases.compactMap { section in
            let findings = listed.filter { Section($0) == section }
            return findings.isEmpty ? nil : AuditRenderer.Section(heading: section.heading, findings: findings)
        }
    }
}

extension Workspace {
    /// Every number and list the study behind `dataset` publishes, compared with the records.
    public func audit(dataset: String?) async throws -> AuditResult {
        let content = try await content(ofDataset: dataset)
        guard let published = try BundledClassifications.publishedStudy(forDataset: content.dataset.id) else {
            throw ApplicationError.notFound("dataset", "no published values for dataset '\(content.dataset.id)': the audit checks a study's published tables, and only \(defaults.datasetID) ships them")
        }
        let audit = try await StudyAudit.auditing(
            content, against: published, schemes: classifications.schemes, periodisations: classifications.periodisations,
            countries: countries, registry: registry)
        let title = LocalizedText.message("audit.title", localized: ["citation": published.citation,
                                                                     "dataset": .message("text.quoted", localized: ["text": content.dataset.title])])
        return AuditResult(title: title, datasetID: content.dataset.id, findings: audit.findings() + (try await baselineFindings(dataset: content.dataset.id)))
    }
}

/// One finding in JSON: `{"id", "claim", "published", "computed", "status", "kind", "detail",
/// "sentence"}` (the claim, detail and sentence in the language asked for, the sentence null
/// where the finding has none; values as numbers, texts, lists or named variants).
public struct AuditFindingView: Encodable, Sendable {
    public var id: String
    public var claim: String
    public var published: JSONValueView
    public var computed: JSONValueView
    public var status: String
    /// `independent` or `consistency`.
    public var kind: String
    public var detail: String
    /// The finding as one sentence a reader can quote, in the language's digits.
    public var sentence: String?

    public init(_ finding: AuditFinding, language: Language) {
        id = finding.id
        claim = finding.claim[language]
        published = JSONValueView(finding.published)
        computed = JSONValueView(finding.computed)
        status = finding.status.rawValue
        kind = finding.kind.rawValue
        detail = finding.detail[language]
        sentence = finding.sentence.map { OutputStyle(language: language).text($0) }
    }
}

/// An audit value as JSON: a number, a text, a list, or `{variant: value}` per classification.
public struct JSONValueView: Encodable, Sendable {
    public var value: AuditFinding.Value

    public init(_ value: AuditFinding.Value) {
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        switch value {
        case let .number(number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case let .text(text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case let .list(items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case let .term(term):
            var container = encoder.singleValueContainer()
            try container.encode(term.code)
        case let .terms(terms):
            var container = encoder.unkeyedContainer()
            for term in terms { try container.encode(term.code) }
        case let .variants(variants):
            var container = encoder.container(keyedBy: NameKey.self)
            for variant in variants { try container.encode(JSONValueView(variant.value), forKey: NameKey(variant.name)) }
        case .none:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

/// The audit as the API answers it: `{"title", "summary": {status: count}, "summary_by_kind":
/// {kind: {status: count}}, "findings": […]}`, the summaries counting every finding (every status
/// and kind, zeros too), the findings those of `status` and `kind` (all when `nil`) in the order
/// of ``AuditResult/listed(_:kind:)``.
public struct AuditView: Encodable, Sendable {
    public var title: String
    public var summary: [String: Int]
    public var summaryByKind: [String: [String: Int]]
    public var findings: [AuditFindingView]
    private var order: [String]

    public init(_ result: AuditResult, language: Language, status: AuditFinding.Status? = nil, kind: AuditFinding.Kind? = nil) {
        title = result.title[language]
        summary = Dictionary(uniqueKeysWithValues: result.counts.map { ($0.status.rawValue, $0.count) })
        summaryByKind = Dictionary(uniqueKeysWithValues: AuditFinding.Kind.allCases.map { kind in
            (kind.rawValue, Dictionary(uniqueKeysWithValues: result.counts(of: kind).map { ($0.status.rawValue, $0.count) }))
        })
        order = result.counts.map(\.status.rawValue)
        findings = result.listed(status, kind: kind).map { AuditFindingView($0, language: language) }
    }

    enum CodingKeys: String, CodingKey {
        case title, summary, findings
        case summaryByKind = "summary_by_kind"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        var counts = container.nestedContainer(keyedBy: NameKey.self, forKey: .summary)
        for status in order { try counts.encode(summary[status] ?? 0, forKey: NameKey(status)) }
        var byKind = container.nestedContainer(keyedBy: NameKey.self, forKey: .summaryByKind)
        for kind in AuditFinding.Kind.allCases {
            var counts = byKind.nestedContainer(keyedBy: NameKey.self, forKey: NameKey(kind.rawValue))
            for status in order { try counts.encode(summaryByKind[kind.rawValue]?[status] ?? 0, forKey: NameKey(status)) }
        }
        try container.encode(findings, forKey: .findings)
    }
}

/// A key named at run time (a status, a variant, a country code).
struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
