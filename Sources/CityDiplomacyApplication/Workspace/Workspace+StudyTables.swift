import CityDiplomacyAnalysis
import CityDiplomacyCore

/// Which of the study's tables to compute, and under which classifications; `nil` takes the
/// study's default.
public struct StudyTableRequest: Hashable, Sendable {
    public var table: StudyTableNumber
    public var dataset: String?
    public var regions: String?
    public var affiliations: String?
    public var periodisation: String?
    public var rule: AmbiguityRuleChoice?

    public init(table: StudyTableNumber, dataset: String? = nil, regions: String? = nil, affiliations: String? = nil,
                periodisation: String? = nil, rule: AmbiguityRuleChoice? = nil) {
        self.table = table
        self.dataset = dataset
        self.regions = regions
        self.affiliations = affiliations
        self.periodisation = periodisation
        self.rule = rule
    }
}

extension Workspace {
    /// One of the study's tables, computed from a dataset's records.
    public func studyTable(_ request: StudyTableRequest) async throws -> Tabulation {
        try await studyTable(request, of: try await content(ofDataset: request.dataset))
    }

    /// One of the study's tables, computed from records already read (`request.dataset` is not read
    /// again); kept until the registry changes when the records are a dataset as read.
    public func studyTable(_ request: StudyTableRequest, of content: DatasetContent) async throws -> Tabulation {
        let revision = try await registry.revision()
        guard await isAsRead(content, at: revision) else {
            return try await computeStudyTable(request, of: content)
        }
        var key = request
        key.dataset = content.dataset.id
        return try await studyTables.value(for: key, revision: revision) { [self] in try await computeStudyTable(request, of: content) }
    }

    private func computeStudyTable(_ request: StudyTableRequest, of content: DatasetContent) async throws -> Tabulation {
        let tables = StudyTables(content: content, countries: countries)
        switch request.table {
        case .relations:
            return tables.relationsTable()
        case .regions:
            return tables.regionTable(
                regions: try classifications.scheme(request.regions ?? defaults.regionScheme, field: "regions"),
                affiliations: try classifications.scheme(request.affiliations ?? defaults.affiliationScheme, field: "affiliations"))
        case .periods:
            return tables.periodTable(
                periodisation: try classifications.periodisation(request.periodisation ?? defaults.periodisation),
                rule: (request.rule ?? defaults.rule).rule)
        case .networks:
            return tables.networksTable()
        }
    }
}
