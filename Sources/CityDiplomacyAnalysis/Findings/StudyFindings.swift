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
        LocalizedText(
            en: rows.map { "\($0.key.label.en) \($0.count) (\(Self.percent($0.count, of: total))%)" }.joined(separator: ", "),
            fa: rows.map { "\($0.key.label[.fa]) \($0.count) (\(Self.percent($0.count, of: total))٪)" }.joined(separator: "، "))
    }

    /// The findings, in the order of the study's section 5.
    public var sentences: [LocalizedText] {
        var sentences: [LocalizedText] = []
        let relations = analysis.relations
        let total = relations.count
        let kinds = analysis.tally(by: .kind)
        let kindText = LocalizedText(
            en: kinds.rows.map { "\($0.key.label.en.lowercased()) \($0.count)" }.joined(separator: ", "),
            fa: kinds.rows.map { "\($0.count) \($0.key.label[.fa])" }.joined(separator: " و "))
        sentences.append(LocalizedText(
            en: "The dataset holds \(total) bilateral relations; by kind: \(kindText.en).",
            fa: "این مجموعه \(total) رابطه دوجانبه دارد: \(kindText[.fa])."))
        let memoranda = relations.filter { $0.kind != .sisterCity }
        if !memoranda.isEmpty {
            var byCity: [String: Int] = [:]
            for relation in memoranda { byCity[relation.cityID, default: 0] += 1 }
            let cities = byCity.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            sentences.append(LocalizedText(
                en: "Agreements other than twinning are held by " + cities.map { "\(analysis.city($0.key)?.name.en ?? $0.key) (\($0.value))" }.joined(separator: ", ") + ".",
                fa: "توافق‌های غیر از خواهرخواندگی متعلق به " + cities.map { "\(analysis.city($0.key)?.name[.fa] ?? $0.key) (\($0.value))" }.joined(separator: "، ") + " است."))
        }
        if let regions = configuration.regions {
            let groups = analysis.tally(by: .group(regions))
            sentences.append(LocalizedText(
                en: "By region (\(regions.id)): \(list(groups.rows, total: total).en).",
                fa: "بر پایه منطقه (\(regions.id)): \(list(groups.rows, total: total)[.fa])."))
        }
        let dated = relations.filter { $0.signed != nil }.count
        sentences.append(LocalizedText(
            en: "\(dated) relations have a known date and \(total - dated) have none.",
            fa: "تاریخ انعقاد \(dated) رابطه معلوم است و \(total - dated) رابطه تاریخ ندارد."))
        if !configuration.taggedVariants.isEmpty {
            let parts = configuration.taggedVariants.map { variant -> (String, String) in
                let count = analysis.relations(taggedAnyOf: variant.tags, in: variant.scheme).count
                let tags = variant.tags.sorted().joined(separator: "+")
                return ("\(count) (\(Self.percent(count, of: total))%) under \(variant.scheme.id) [\(tags)]",
                        "\(count) (\(Self.percent(count, of: total))٪) بر پایه \(variant.scheme.id) [\(tags)]")
            }
            sentences.append(LocalizedText(
                en: "Relations with \(configuration.taggedName.en): " + parts.map(\.0).joined(separator: "; ") + ".",
                fa: "روابط با \(configuration.taggedName[.fa]): " + parts.map(\.1).joined(separator: "؛ ") + "."))
        }
        if let affiliations = configuration.affiliations {
            let ranked = analysis.tally(by: .group(affiliations)).ranked
            sentences.append(LocalizedText(
                en: "By civilisational family (\(affiliations.id)), ranked: \(list(ranked, total: total).en).",
                fa: "بر پایه خانواده تمدنی (\(affiliations.id))، به ترتیب: \(list(ranked, total: total)[.fa])."))
        }
        if let periodisation = configuration.periodisation {
            let tally = analysis.tally(by: .period(periodisation, .standard))
            let periods = tally.rows.filter { row in periodisation.periods.contains { $0.id == row.key.id } }
            if let top = periods.map(\.count).max(), top > 0 {
                let busiest = periods.filter { $0.count == top }
                sentences.append(LocalizedText(
                    en: "Most dated relations were signed in " + busiest.map { $0.key.label.en }.joined(separator: " and ") + " (\(top) each of \(dated)); by period: " + periods.map { "\($0.key.label.en) \($0.count)" }.joined(separator: ", ") + ".",
                    fa: "بیشترین روابط تاریخ‌دار در " + busiest.map { $0.key.label[.fa] }.joined(separator: " و ") + " منعقد شده است (هر یک \(top) از \(dated))؛ به تفکیک دوره: " + periods.map { "\($0.key.label[.fa]) \($0.count)" }.joined(separator: "، ") + "."))
            }
            let ambiguous = analysis.ambiguousRecords(in: periodisation)
            if !ambiguous.isEmpty {
                sentences.append(LocalizedText(
                    en: "\(ambiguous.count) dated relations fall in a year of a change of government and cannot be placed by their year alone; the tables use the placements recorded in the dataset.",
                    fa: "\(ambiguous.count) رابطه تاریخ‌دار در سال تغییر دولت منعقد شده‌اند و تنها از روی سال قابل جایگذاری نیستند؛ جدول‌ها جایگذاری ثبت‌شده در داده را به کار می‌برند."))
            }
        }
        let networks = content.networks.filter { $0.category == .cityNetwork }
        if let top = analysis.membershipsByNetwork().ranked.first {
            sentences.append(LocalizedText(
                en: "Cities belong to \(networks.count) city networks and \(content.networks.count - networks.count) state-level programmes; \(top.key.label.en) has the most members (\(top.count)).",
                fa: "شهرها عضو \(networks.count) شبکه شهری و \(content.networks.count - networks.count) برنامه در سطح دولت‌ها هستند؛ \(top.key.label[.fa]) بیشترین عضو را دارد (\(top.count))."))
        }
        if !content.events.isEmpty {
            let events = content.events.map { event in
                (en: "\(analysis.city(event.cityID)?.name.en ?? "") \(event.year) (\(event.title.en))",
                 fa: "\(analysis.city(event.cityID)?.name[.fa] ?? "") \(event.year) (\(event.title[.fa]))")
            }
            sentences.append(LocalizedText(
                en: "\(content.events.count) international events: " + events.map(\.en).joined(separator: "; ") + ".",
                fa: "\(content.events.count) رویداد بین‌المللی: " + events.map(\.fa).joined(separator: "؛ ") + "."))
        }
        return sentences
    }
}
