import CityDiplomacyCore
import Foundation

/// The findings of a study's analysis, written as sentences in English and Persian from the
/// counts: totals, the regional and civilisational distribution, dated and undated records,
/// the share with states of a tagged category (Islamic countries, under several definitions),
/// the busiest periods, networks and events.
///
/// ```swift
/// let findings = StudyFindings(content: study, configuration: .init(regions: regions,
///     affiliations: civilisations, periodisation: discourses, taggedVariants: variants))
/// findings.sentences.first?.en   // "The dataset holds 70 bilateral relations: …"
/// ```
public struct StudyFindings: Sendable {
    public struct Configuration: Sendable {
        public var regions: ClassificationScheme?
        public var affiliations: ClassificationScheme?
        public var periodisation: Periodisation?
        /// Definitions under which to count relations with a tagged category of states, each with
        /// the scheme it uses.
        public var taggedVariants: [(scheme: ClassificationScheme, tags: Set<String>)]
        /// How the tagged category is called ("Islamic countries").
        public var taggedName: LocalizedText

        public init(
            regions: ClassificationScheme?, affiliations: ClassificationScheme?, periodisation: Periodisation?,
            taggedVariants: [(scheme: ClassificationScheme, tags: Set<String>)] = [],
            taggedName: LocalizedText = LocalizedText.message("analysis.islamic-countries")
        ) {
            self.regions = regions
            self.affiliations = affiliations
            self.periodisation = periodisation
            self.taggedVariants = taggedVariants
            self.taggedName = taggedName
        }
    }

    public let content: DatasetContent
    public let configuration: Configuration
    let analysis: RelationAnalysis

    public init(content: DatasetContent, configuration: Configuration) {
        self.content = content
        self.configuration = configuration
        self.analysis = RelationAnalysis(content: content)
    }

    static func percent(_ part: Int, of total: Int) -> Int {
        total == 0 ? 0 : Int((Double(part) * 100 / Double(total)).rounded())
    }

    private func list(_ rows: [Tally.Row], total: Int) -> LocalizedText {
        .joined(rows.map { .message("findings.item-share", localized: ["label": $0.key.label], ["count": String($0.count), "share": String(Self.percent($0.count, of: total))]) },
                separator: "list.comma")
    }

    /// The findings, in the order of the study's section 5.
    public var sentences: [LocalizedText] {
        var sentences: [LocalizedText] = []
        let relations = analysis.relations
        let total = relations.count
        let kinds = analysis.tally(by: .kind)
        let kindText = LocalizedText(
            en: LocalizedText.joined(kinds.rows.map { .message("findings.kind-count", localized: ["kind": LocalizedText(en: $0.key.label.en.lowercased())], ["count": String($0.count)]) }, separator: "list.comma").en,
            fa: LocalizedText.joined(kinds.rows.map { .message("findings.kind-count", localized: ["kind": $0.key.label], ["count": String($0.count)]) }, separator: "list.and")[.fa])
        sentences.append(.message("findings.total", localized: ["kinds": kindText], ["total": String(total)]))
        let memoranda = relations.filter { $0.kind == .cooperationMemorandum }
        if !memoranda.isEmpty {
            var byCity: [String: Int] = [:]
            for relation in memoranda { byCity[relation.cityID, default: 0] += 1 }
            let cities = byCity.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let holders = LocalizedText.joined(cities.map { .message("findings.name-count", localized: ["name": analysis.city($0.key)?.name ?? LocalizedText(en: $0.key)], ["count": String($0.value)]) },
                                               separator: "list.and")
            sentences.append(.message("findings.memoranda", localized: ["cities": holders]))
        }
        if let regions = configuration.regions {
            let groups = analysis.tally(by: .group(regions))
            sentences.append(.message("findings.by-region", localized: ["list": list(groups.rows, total: total), "scheme": .message("text.quoted", localized: ["text": regions.title])]))
        }
        let dated = relations.filter { $0.signed != nil }.count
        sentences.append(.message("findings.dated", ["dated": String(dated), "undated": String(total - dated)]))
        if !configuration.taggedVariants.isEmpty {
            let parts = configuration.taggedVariants.map { variant -> LocalizedText in
                let count = analysis.relations(taggedAnyOf: variant.tags, in: variant.scheme).count
                let tags = LocalizedText.joined(variant.tags.sorted().map(ClassificationScheme.tagLabel), separator: "list.or")
                return .message("findings.tagged-variant", localized: ["scheme": .message("text.quoted", localized: ["text": variant.scheme.title]), "tags": tags],
                                ["count": String(count), "share": String(Self.percent(count, of: total))])
            }
            sentences.append(.message("findings.tagged", localized: ["name": configuration.taggedName, "parts": .joined(parts, separator: "list.semicolon")]))
        }
        if let affiliations = configuration.affiliations {
            let ranked = analysis.tally(by: .group(affiliations)).ranked
            sentences.append(.message("findings.by-affiliation", localized: ["list": list(ranked, total: total), "scheme": .message("text.quoted", localized: ["text": affiliations.title])]))
        }
        if let periodisation = configuration.periodisation {
            let tally = analysis.tally(by: .period(periodisation, .standard))
            let periods = tally.rows.filter { row in periodisation.periods.contains { $0.id == row.key.id } }
            if let top = periods.map(\.count).max(), top > 0 {
                let busiest = periods.filter { $0.count == top }
                let byPeriod = LocalizedText.joined(periods.map { .message("findings.label-count", localized: ["label": $0.key.label], ["count": String($0.count)]) }, separator: "list.comma")
                sentences.append(.message("findings.busiest", localized: ["periods": .joined(busiest.map(\.key.label), separator: "list.and"), "byPeriod": byPeriod],
                                          ["top": String(top), "dated": String(dated)]))
            }
            let ambiguous = analysis.ambiguousRecords(in: periodisation)
            if !ambiguous.isEmpty {
                sentences.append(.message("findings.ambiguous", ["count": String(ambiguous.count)]))
            }
        }
        let networks = content.networks.filter { $0.category == .cityNetwork }
        if let top = analysis.membershipsByNetwork().ranked.first {
            sentences.append(.message("findings.networks", localized: ["top": top.key.label],
                                      ["networks": String(networks.count), "programmes": String(content.networks.count - networks.count), "members": String(top.count)]))
        }
        // The study's own events; those the dataset's editors added (every source a supplement)
        // are named apart, so that the regenerated study never counts them as its own.
        func named(_ events: [InternationalEvent]) -> LocalizedText {
            .joined(events.map { event in
                .message("findings.event", localized: ["city": analysis.city(event.cityID)?.name ?? LocalizedText(en: ""), "title": event.title], ["year": String(event.year)])
            }, separator: "list.semicolon")
        }
        let own = content.events.filter { !$0.isSupplement }
        let added = content.events.filter(\.isSupplement)
        if !own.isEmpty {
            sentences.append(.message("findings.events", localized: ["events": named(own)], ["count": String(own.count)]))
        }
        if !added.isEmpty {
            sentences.append(.message("findings.events-added", localized: ["events": named(added)], ["count": String(added.count)]))
        }
        return sentences
    }
}
