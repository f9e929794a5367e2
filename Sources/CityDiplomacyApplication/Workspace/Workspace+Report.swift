import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyReferenceData

/// The study regenerated: which dataset, classifications, and the shares of categories of states
/// to count (`oic:oic-member+oic-observer`); without shares, those the study's claims are checked under.
public struct ReportRequest: Hashable, Sendable {
    public struct Share: Hashable, Sendable {
        public var scheme: String
        public var tags: Set<String>

        /// Reads `SCHEME:TAG` or `SCHEME:TAG+TAG`.
        public init(parsing text: String, field: String = "share") throws(ApplicationError) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .invalid(field, "invalid share '\(text)': expected SCHEME:TAG or SCHEME:TAG+TAG, e.g. oic:oic-member")
            }
            scheme = parts[0]
            tags = Set(parts[1].split(separator: "+").map(String.init))
        }
    }

    public var dataset: String?
    public var regions: String?
    public var affiliations: String?
    public var periodisation: String?
    public var rule: AmbiguityRuleChoice?
    public var shares: [Share]

    public init(dataset: String? = nil, regions: String? = nil, affiliations: String? = nil, periodisation: String? = nil,
                rule: AmbiguityRuleChoice? = nil, shares: [Share] = []) {
        self.dataset = dataset
        self.regions = regions
        self.affiliations = affiliations
        self.periodisation = periodisation
        self.rule = rule
        self.shares = shares
    }
}

extension Workspace {
    /// The whole study — findings, Tables 1–4, method, sources — computed from the records.
    public func report(_ request: ReportRequest) async throws -> ReportDocument {
        let content = try await content(ofDataset: request.dataset)
        var variants: [(scheme: ClassificationScheme, tags: Set<String>)] = []
        if request.shares.isEmpty, let published = try BundledClassifications.publishedStudy(forDataset: content.dataset.id) {
            for claim in published.claims {
                guard case let .taggedCount(claimVariants, _, _) = claim.check else { continue }
                for variant in claimVariants {
                    if let scheme = classifications.schemes[variant.scheme] { variants.append((scheme, variant.tags)) }
                }
            }
        }
        for share in request.shares {
            variants.append((try classifications.scheme(share.scheme, field: "share"), share.tags))
        }
        let builder = StudyReportBuilder(
            content: content, countries: countries,
            regions: try classifications.scheme(request.regions ?? defaults.regionScheme, field: "regions"),
            affiliations: try classifications.scheme(request.affiliations ?? defaults.affiliationScheme, field: "affiliations"),
            periodisation: try classifications.periodisation(request.periodisation ?? defaults.periodisation),
            rule: (request.rule ?? defaults.rule).rule, taggedVariants: variants)
        var document = builder.document()
        // What the agreements are about, where passages of their documents are coded.
        if let themes = try await themeSection(of: content) {
            let at = document.sections.firstIndex { $0.heading == LocalizedText.message("analysis.method") } ?? document.sections.count
            document.sections.insert(themes, at: at)
        }
        // The study's comparison with Istanbul and its claims against a baseline, where a dataset
        // of the world is at hand; otherwise a section saying they need one.
        if (try BundledClassifications.publishedStudy(forDataset: content.dataset.id)) != nil {
            let sections = try await comparisonSections(dataset: content.dataset.id)
            let at = document.sections.firstIndex { $0.heading == LocalizedText.message("analysis.method") } ?? document.sections.count
            document.sections.insert(contentsOf: sections, at: at)
        }
        return document
    }
}
