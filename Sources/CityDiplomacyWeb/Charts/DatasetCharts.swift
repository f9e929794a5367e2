import CityDiplomacyAnalysis
import CityDiplomacyCore

/// A dataset's charts, as the dashboard shows them and `/charts/{name}.svg|.csv?dataset=…` serves
/// them: its relations by region of the partner, by foreign-policy period and its discourse, by
/// kind, and its cities with the most partners — in the page's language.
///
/// ```swift
/// let charts = DatasetCharts(observatory: observatory, context: context, content: counted, aggregating: false)
/// charts.chart(.byPeriod)?.bars.first?.label   // "Before 1979 · Independent national policy"
/// ```
struct DatasetCharts {
    let observatory: Observatory
    let context: PageContext
    /// The dataset the charts are of, and how many relations it has as counted.
    let dataset: Dataset
    let relationCount: Int
    let aggregating: Bool
    /// One counting for every chart: from the records (a dataset with its parts counted with
    /// their cities, an edited copy) or from the columns the registry keeps per revision.
    let analysis: any RelationCounting
    /// The same relations as integer arrays, for the cities with most partners.
    let snapshot: AnalysisSnapshot

    /// The charts of `content` as counted (its parts apart, or with their cities), from its records.
    init(observatory: Observatory, context: PageContext, content: DatasetContent, aggregating: Bool) {
        self.observatory = observatory
        self.context = context
        dataset = content.dataset
        relationCount = content.relations.count
        self.aggregating = aggregating
        analysis = RelationAnalysis(content: content)
        snapshot = AnalysisSnapshot(contents: [content])
    }

    /// The charts of a dataset as read, its parts apart, from its columns: no record is read
    /// (reading and counting the records was two fifths of a cold dashboard's time).
    init(observatory: Observatory, context: PageContext, columns: AnalysisColumns) {
        self.observatory = observatory
        self.context = context
        dataset = columns.dataset
        relationCount = columns.relationCount
        aggregating = false
        analysis = ColumnAnalysis(columns: columns)
        snapshot = AnalysisSnapshot(columns: [columns])
    }

    /// Every chart dataset `content` has, with its parts counted apart or with their cities, in
    /// the context's language. Drawn once per registry revision when `content` is the dataset as
    /// read (``Workspace/isAsRead(_:at:)``), else drawn now.
    static func drawn(observatory: Observatory, context: PageContext, content: DatasetContent, aggregating: Bool) async throws -> Drawn {
        let draw = { @Sendable in
            let counted = observatory.workspace.counted(content, aggregateParts: aggregating).content
            return try Drawn(DatasetCharts(observatory: observatory, context: context, content: counted, aggregating: aggregating).all,
                             dataset: content.dataset.id, aggregating: aggregating, context: context)
        }
        let revision = try await observatory.registry.revision()
        guard await observatory.workspace.isAsRead(content, at: revision) else { return try draw() }
        return try await observatory.drawnCharts.value(for: key(content.dataset.id, aggregating: aggregating, context), revision: revision, compute: draw)
    }

    /// Every chart of dataset `id` (the default dataset when `nil`) as read, its parts apart,
    /// drawn from its columns once per registry revision and language; with the dataset.
    static func drawn(observatory: Observatory, context: PageContext, dataset id: String?) async throws -> (columns: AnalysisColumns, drawn: Drawn) {
        let revision = try await observatory.registry.revision()
        let columns = try await WebError.answering { try await observatory.workspace.analysisColumns(ofDataset: id) }
        let drawn = try await observatory.drawnCharts.value(for: key(columns.dataset.id, aggregating: false, context), revision: revision) {
            try Drawn(DatasetCharts(observatory: observatory, context: context, columns: columns).all,
                      dataset: columns.dataset.id, aggregating: false, context: context)
        }
        return (columns, drawn)
    }

    /// A dataset's charts, and the same charts as the dashboard shows them (each with its caption
    /// and download links, in the dashboard's order) rendered once: rendering the bars' SVG
    /// through Mustache, every bar a dozen lookups, was most of a warm dashboard's time (perf),
    /// for markup that changes only with the data and the language.
    struct Drawn: Sendable {
        let charts: [ChartName: BarChart]
        /// The `_figure` template of each chart, in ``ChartName/datasetCharts``' order.
        let figures: [String]

        init(_ charts: [ChartName: BarChart], dataset: String, aggregating: Bool, context: PageContext) throws {
            self.charts = charts
            let query = DatasetCharts.query(dataset: dataset, aggregating: aggregating)
            figures = try ChartName.datasetCharts.compactMap { name in
                try charts[name].map { try PageTemplates.render("_figure", FigureView($0, name: name, query: query, context: context)) }
            }
        }
    }

    /// What a chart's words and links depend on: the dataset, the counting of parts, the language.
    private static func key(_ dataset: String, aggregating: Bool, _ context: PageContext) -> String {
        "\(dataset)|\(aggregating)|\(context.language.rawValue)"
    }

    /// Every chart this dataset has, by name.
    var all: [ChartName: BarChart] {
        var drawn: [ChartName: BarChart] = [:]
        for name in available { drawn[name] = chart(name) }
        return drawn
    }

    /// How many cities the ranking shows.
    static let topCities = 15

    /// The charts this dataset has, in the dashboard's order (by region only where the region
    /// scheme, by period only where the periodisation, is installed).
    var available: [ChartName] {
        ChartName.datasetCharts.filter { name in
            switch name {
            case .byRegion: regions != nil
            case .byPeriod: periodisation != nil
            default: true
            }
        }
    }

    /// The parameters a chart's files are addressed by, besides the language.
    var query: [(String, String?)] { Self.query(dataset: dataset.id, aggregating: aggregating) }

    static func query(dataset: String, aggregating: Bool) -> [(String, String?)] {
        [("dataset", dataset), ("aggregate_parts", aggregating ? "true" : nil)]
    }

    private var regions: ClassificationScheme? { observatory.schemes[observatory.workspace.defaults.regionScheme] }
    private var periodisation: Periodisation? { observatory.periodisations[observatory.workspace.defaults.periodisation] }

    /// The chart `name`, or `nil` where this dataset has none by that name.
    func chart(_ name: ChartName) -> BarChart? {
        let c = context
        let bars: [BarChart.Bar]
        switch name {
        case .byRegion:
            guard let regions else { return nil }
            bars = analysis.tally(by: .category(regions), includeEmpty: false).rows.map(bar)
        case .byPeriod:
            guard let periodisation else { return nil }
            // Every period is drawn, an empty one too: a period without relations is a finding.
            let tally = analysis.tally(by: .period(periodisation, observatory.workspace.defaults.rule.rule), includeEmpty: true)
            bars = tally.rows.map { row in
                var bar = bar(row)
                bar.label = periodLabel(row.key, in: periodisation).map(context.sentenceCase) ?? bar.label
                return bar
            }
        case .byKind:
            bars = analysis.tally(by: .kind, includeEmpty: false).rows.map(bar)
        case .topCities:
            // Off the dataset's integer arrays: counting partners by sets of ids took a third of the dashboard's time.
            bars = RegistryStatistics(snapshot: snapshot, top: Self.topCities).topCities.map { ranked in
                BarChart.Bar(
                    label: c.text(.message("chart.city-in-country", ["city": c.text(ranked.city.name),
                                                                      "country": observatory.countryName(ranked.city.country, c.language)])),
                    value: ranked.degree,
                    href: c.href("/cities/\(PageContext.segment(ranked.city.id))", [("aggregate_parts", aggregating ? "true" : nil)]))
            }
        case .partnerCountries, .countryNetwork:
            // A country's chart, and a map: not a dataset's bar chart.
            return nil
        }
        let captionValues = ["count": c.number(bars.count)]
        return BarChart(
            caption: c.text(.message("chart.\(name.rawValue)", captionValues)),
            source: source,
            categoryHeading: c.text(.message("chart.category.\(name.rawValue)")),
            valueHeading: c.text(.message(name == .topCities ? "chart.value.partners" : "chart.value.relations")),
            bars: bars, language: c.language, emptyNote: c.text(.message("chart.no-data")))
    }

    /// A category and its count; the counts in none of the categories set apart.
    private func bar(_ row: Tally.Row) -> BarChart.Bar {
        BarChart.Bar(label: context.sentenceCase(context.text(row.key.label)), value: row.count, setApart: row.key.isResidual)
    }

    /// "1997–2005 · Dialogue among civilisations": the period's years and its discourse (or,
    /// where the periodisation names none, its head of government).
    private func periodLabel(_ key: Dimension.Key, in periodisation: Periodisation) -> String? {
        guard let period = periodisation.periods.first(where: { $0.id == key.id }) else { return nil }
        guard let name = period.name ?? period.headOfGovernment else { return context.text(period.label) }
        let discourse = LocalizedText(en: name.en.prefix(1).uppercased() + name.en.dropFirst(), fa: name.fa)
        return context.text(.message("chart.period-label", localized: ["years": period.label, "discourse": discourse]))
    }

    /// Where the numbers come from, for a chart drawn as a file of its own.
    private var source: String {
        let c = context
        var source = c.text(.message("chart.source.dataset", ["dataset": c.text(dataset.title), "relations": c.number(relationCount)]))
        if aggregating { source += " " + c.text(.message("chart.source.parts-together")) }
        return source
    }
}

extension PageContext {
    /// `text` with its first letter capitalised in English, as a chart's labels are written; Persian
    /// has no capitals.
    func sentenceCase(_ text: String) -> String {
        guard language == .en, let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
