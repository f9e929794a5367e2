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
            let affiliationScheme = affiliations ?? ClassificationScheme(id: "-", title: LocalizedText(en: "-"), sourceNote: "", categories: [], assignments: [])
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
            subtitle: content.dataset.citation.map { LocalizedText(en: $0) },
            sections: sections)
    }

    func methodNotes() -> [LocalizedText] {
        var notes = [LocalizedText(
            en: "Content analysis by systematic counting: every number is computed from the \(content.relations.count) relation records of dataset \(content.dataset.id), each citing its sources. A relation's partner is the city opposite the one whose record lists it; a state a classification does not cover is counted as unclassified, never dropped.",
            fa: "تحلیل محتوا با شمارش نظام‌مند: همه اعداد از \(content.relations.count) رکورد رابطه در مجموعه داده \(content.dataset.id) محاسبه شده‌اند و هر رکورد به منابع خود استناد می‌کند. طرف رابطه شهری است که در برابر شهر فهرست‌کننده قرار دارد؛ کشوری که در طبقه‌بندی نیامده «طبقه‌بندی‌نشده» شمرده می‌شود و کنار گذاشته نمی‌شود.")]
        if let regions {
            notes.append(LocalizedText(en: "Regions: \(regions.title.en) — \(regions.sourceNote)", fa: "مناطق: \(regions.title[.fa]) — \(regions.sourceNote)"))
        }
        if let affiliations {
            notes.append(LocalizedText(en: "Civilisational affiliations: \(affiliations.title.en) — \(affiliations.sourceNote)", fa: "وابستگی تمدنی: \(affiliations.title[.fa]) — \(affiliations.sourceNote)"))
        }
        for variant in taggedVariants {
            notes.append(LocalizedText(en: "Share with tagged states: \(variant.scheme.title.en), tags \(variant.tags.sorted().joined(separator: ", ")) — \(variant.scheme.sourceNote)",
                                       fa: "سهم کشورهای برچسب‌دار: \(variant.scheme.title[.fa])، برچسب \(variant.tags.sorted().joined(separator: "، ")) — \(variant.scheme.sourceNote)"))
        }
        if let periodisation {
            notes.append(LocalizedText(
                en: "Periods: \(periodisation.title.en) — \(periodisation.sourceNote) A date known only to a year in which the period changed is ambiguous; it is placed by: \(rule.label.en). Table 3's second part shows the counts under every rule.",
                fa: "دوره‌ها: \(periodisation.title[.fa]) — \(periodisation.sourceNote) تاریخی که تنها سال آن معلوم است و در سال تغییر دوره قرار دارد مبهم است و بر این پایه جایگذاری می‌شود: \(rule.label[.fa]). بخش دوم جدول ۳ شمار روابط را بر پایه همه قاعده‌ها نشان می‌دهد."))
        }
        if let provenance = content.dataset.provenance {
            notes.append(LocalizedText(en: "Records: \(provenance)"))
        }
        return notes
    }

    static func describe(_ source: SourceCitation) -> LocalizedText {
        var parts = [source.title]
        if let publisher = source.publisher { parts.append(publisher) }
        if let published = source.published { parts.append("published \(published)") }
        if let url = source.url { parts.append(url) }
        if let accessed = source.accessed { parts.append("accessed \(accessed)") }
        if let locator = source.locator { parts.append("cited at \(locator)") }
        var persian = [source.title]
        if let publisher = source.publisher { persian.append(publisher) }
        if let published = source.published { persian.append("انتشار \(published)") }
        if let url = source.url { persian.append(url) }
        if let accessed = source.accessed { persian.append("دسترسی \(accessed)") }
        if let locator = source.locator { persian.append("محل استناد: \(locator)") }
        return LocalizedText(en: parts.joined(separator: " — "), fa: persian.joined(separator: " — "))
    }
}
