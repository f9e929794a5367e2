import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyReferenceData

/// The study's tables, its audit and registry statistics, computed as the CLI computes them.
extension Observatory {
    static let tableNumbers = 1...4

    /// Table `number` of the study computed from a dataset. Table 2 takes `regions` and
    /// `affiliations` scheme ids, Table 3 a `periodisation` and a `rule`.
    func studyTable(_ number: Int, filters: Filters) async throws -> Tabulation {
        let content = try await content(ofDataset: filters.text("dataset"))
        let tables = StudyTables(content: content, countries: countries)
        switch number {
        case 1:
            return tables.relationsTable()
        case 2:
            return tables.regionTable(regions: try scheme(filters.text("regions") ?? "study-regions", field: "regions"),
                                      affiliations: try scheme(filters.text("affiliations") ?? "study-civilisations", field: "affiliations"))
        case 3:
            return tables.periodTable(periodisation: try periodisation(filters.text("periodisation")), rule: try rule(filters.text("rule")))
        case 4:
            return tables.networksTable()
        default:
            throw WebError.notFound("table \(number)", field: "table")
        }
    }

    func scheme(_ id: String, field: String) throws(WebError) -> ClassificationScheme {
        guard let scheme = schemes[id] else {
            throw .badRequest("unknown scheme '\(id)': expected one of \(schemes.keys.sorted().joined(separator: ", "))", field: field)
        }
        return scheme
    }

    func periodisation(_ id: String?) throws(WebError) -> Periodisation {
        let id = id ?? "iran-study-discourses"
        guard let periodisation = periodisations[id] else {
            throw .badRequest("unknown periodisation '\(id)': expected one of \(periodisations.keys.sorted().joined(separator: ", "))", field: "periodisation")
        }
        return periodisation
    }

    func rule(_ id: String?) throws(WebError) -> AmbiguityRule {
        switch id ?? "recorded" {
        case "recorded": .standard
        case "later": .later
        case "earlier": .earlier
        case "exclude": .exclude
        default: throw .badRequest("unknown rule '\(id ?? "")': expected recorded, later, earlier or exclude", field: "rule")
        }
    }

    /// The audit of a dataset against the study it transcribes.
    func audit(dataset: String?) async throws -> (findings: [AuditFinding], title: LocalizedText) {
        let content = try await content(ofDataset: dataset)
        guard let published = try BundledClassifications.publishedStudy(forDataset: content.dataset.id) else {
            throw WebError(.notFound, "no published values for dataset '\(content.dataset.id)': only the study's own dataset can be audited", field: "dataset")
        }
        let audit = try await StudyAudit.auditing(content, against: published, schemes: schemes, periodisations: periodisations,
                                                  countries: countries, registry: registry)
        let title = LocalizedText(en: "Audit of \(published.citation) against dataset \(content.dataset.id)",
                                  fa: "بررسی \(published.citation) در برابر داده \(content.dataset.id)")
        return (audit.findings(), title)
    }

    /// Totals of one dataset, or of all.
    func statistics(dataset: String?, top: Int) async throws -> RegistryStatistics {
        var contents: [DatasetContent] = []
        if let dataset {
            contents.append(try await content(ofDataset: dataset))
        } else {
            for id in try await registry.datasets().map(\.id) {
                if let content = try await registry.content(ofDataset: id) { contents.append(content) }
            }
        }
        return RegistryStatistics(contents: contents, top: top)
    }
}
