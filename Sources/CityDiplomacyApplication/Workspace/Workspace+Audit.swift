import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyReferenceData

/// The published study checked against its records: the findings and their title.
public struct AuditResult: Sendable {
    public var title: LocalizedText
    public var datasetID: String
    public var findings: [AuditFinding]

    /// How many findings have each status, in the order of ``AuditFinding/Status/allCases``.
    public var counts: [(status: AuditFinding.Status, count: Int)] {
        AuditFinding.Status.allCases.map { status in (status, findings.filter { $0.status == status }.count) }
    }

    /// The order findings are listed in: what does not match first, what matches last.
    public static let listingOrder: [AuditFinding.Status] = [.mismatch, .schemeDependent, .notCheckable, .match]

    /// The findings of `status` (all when `nil`) as the page, the API and the CLI list them: by
    /// ``listingOrder``, each status's findings in the study's order (Table 2, 3, 4, the claims).
    public func listed(_ status: AuditFinding.Status? = nil) -> [AuditFinding] {
        let order = Dictionary(uniqueKeysWithValues: Self.listingOrder.enumerated().map { ($1, $0) })
        return findings.enumerated()
            .filter { status == nil || $0.element.status == status }
            .sorted { (order[$0.element.status]!, $0.offset) < (order[$1.element.status]!, $1.offset) }
            .map(\.element)
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
        return AuditResult(title: title, datasetID: content.dataset.id, findings: audit.findings())
    }
}

/// One finding in JSON: `{"id", "claim", "published", "computed", "status", "detail"}` (the
/// claim in the language asked for; values as numbers, texts, lists or named variants).
public struct AuditFindingView: Encodable, Sendable {
    public var id: String
    public var claim: String
    public var published: JSONValueView
    public var computed: JSONValueView
    public var status: String
    public var detail: String

    public init(_ finding: AuditFinding, language: Language) {
        id = finding.id
        claim = finding.claim[language]
        published = JSONValueView(finding.published)
        computed = JSONValueView(finding.computed)
        status = finding.status.rawValue
        detail = finding.detail[language]
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

/// The audit as the API answers it: `{"title", "summary": {status: count}, "findings": […]}`, the
/// summary counting every finding, the findings those of `status` (all when `nil`) in
/// ``AuditResult/listingOrder``.
public struct AuditView: Encodable, Sendable {
    public var title: String
    public var summary: [String: Int]
    public var findings: [AuditFindingView]
    private var order: [String]

    public init(_ result: AuditResult, language: Language, status: AuditFinding.Status? = nil) {
        title = result.title[language]
        summary = Dictionary(uniqueKeysWithValues: result.counts.map { ($0.status.rawValue, $0.count) })
        order = result.counts.map(\.status.rawValue)
        findings = result.listed(status).map { AuditFindingView($0, language: language) }
    }

    enum CodingKeys: String, CodingKey { case title, summary, findings }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        var counts = container.nestedContainer(keyedBy: NameKey.self, forKey: .summary)
        for status in order { try counts.encode(summary[status] ?? 0, forKey: NameKey(status)) }
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
