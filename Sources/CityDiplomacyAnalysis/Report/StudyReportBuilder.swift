import CityDiplomacyCore

/// Writes the whole study, regenerated from a dataset's records: its findings, Tables 1–4 (with
/// how Table 3 moves under the rules for ambiguous years), the method, and every source.
///
/// ```swift
/// let report = StudyReportBuilder(content: study, countries: countries, regions: regions,
///     affiliations: civilisations, periodisation: discourses, taggedVariants: variants).document()
/// ```
public struct StudyReportBuilder: Sendable {
    public var content: DatasetContent
    public var countries: [Country]
    public var regions: ClassificationScheme?
    public var affiliations: ClassificationScheme?
    public var periodisation: Periodisation?
    public var rule: AmbiguityRule
    public var taggedVariants: [(scheme: ClassificationScheme, tags: Set<String>)]

    public init(
        content: DatasetContent, countries: [Country], regions: ClassificationScheme?,
        affiliations: ClassificationScheme?, periodisation: Periodisation?, rule: AmbiguityRule = .standard,
        taggedVariants: [(scheme: ClassificationScheme, tags: Set<String>)] = []
    ) {
        self.content = content
        self.countries = countries
        self.regions = regions
        self.affiliations = affiliations
        self.periodisation = periodisation
        self.rule = rule
        self.taggedVariants = taggedVariants
    }

    public func document() -> ReportDocument {
        let tables = StudyTables(content: content, countries: countries)
        let findings = StudyFindings(content: content, configuration: .init(
            regions: regions, affiliations: affiliations, periodisation: periodisation, taggedVariants: taggedVariants))
        var sections: [ReportDocument.Section] = [
            .init(heading: LocalizedText.message("analysis.findings"), items: findings.sentences),
            .init(heading: LocalizedText.message("analysis.table-1"), tables: [tables.relationsTable()]),
        ]
        if let regions {
            let affiliationScheme = affiliations ?? ClassificationScheme(id: "-", title: LocalizedText(en: "-"), sourceNote: LocalizedText(en: ""), categories: [], assignments: [])
            sections.append(.init(heading: LocalizedText.message("analysis.table-2"), tables: [tables.regionTable(regions: regions, affiliations: affiliationScheme)]))
        }
        if let periodisation {
            sections.append(.init(
                heading: LocalizedText.message("analysis.table-3"),
                tables: [tables.periodTable(periodisation: periodisation, rule: rule), tables.periodAlternativesTable(periodisation: periodisation)]))
        }
        sections.append(.init(heading: LocalizedText.message("analysis.table-4"), tables: [tables.networksTable()]))
        sections.append(.init(heading: LocalizedText.message("analysis.method"), paragraphs: methodNotes()))
        sections.append(.init(heading: LocalizedText.message("column.sources"), items: content.sources.map(Self.describe), numbered: true))
        return ReportDocument(
            title: content.dataset.title,
            subtitle: content.dataset.citationText,
            sections: sections)
    }

    func methodNotes() -> [LocalizedText] {
        var notes: [LocalizedText] = [.message("report.method.counting", localized: ["dataset": .message("text.quoted", localized: ["text": content.dataset.title])], ["relations": String(content.relations.count)])]
        if let regions {
            notes.append(.message("report.method.regions", localized: ["title": regions.title, "note": regions.sourceNote]))
        }
        if let affiliations {
            notes.append(.message("report.method.affiliations", localized: ["title": affiliations.title, "note": affiliations.sourceNote]))
        }
        for variant in taggedVariants {
            let tags = LocalizedText.joined(variant.tags.sorted().map(ClassificationScheme.tagLabel), separator: "list.or")
            notes.append(.message("report.method.tagged", localized: ["title": variant.scheme.title, "tags": tags, "note": variant.scheme.sourceNote]))
        }
        if let periodisation {
            notes.append(.message("report.method.periods", localized: ["title": periodisation.title, "rule": rule.label, "note": periodisation.sourceNote]))
        }
        if let provenance = content.dataset.provenanceText {
            notes.append(.message("report.method.records", localized: ["provenance": provenance]))
        }
        return notes
    }

    static func describe(_ source: SourceCitation) -> LocalizedText {
        var parts = [source.titleText]
        if let publisher = source.publisherText { parts.append(publisher) }
        if let published = source.published { parts.append(.message("report.source.published", localized: ["date": published.written])) }
        if let url = source.url { parts.append(LocalizedText(en: url)) }
        if let accessed = source.accessed { parts.append(.message("report.source.accessed", localized: ["date": accessed.written])) }
        if let locator = source.locatorText { parts.append(.message("report.source.cited-at", localized: ["locator": locator])) }
        return .joined(parts, separator: "list.dash")
    }
}
