import CityDiplomacyAnalysis
import CityDiplomacyApplication
import CityDiplomacyCore

/// `/`: the datasets, totals, and a dataset's relations by region, period and kind — its districts
/// and other parts counted as places of their own, or with their cities (`aggregate_parts=true`).
struct DashboardPage {
    let observatory: Observatory
    let context: PageContext

    func render() async throws -> String {
        let filters = context.filters
        let datasets = try await observatory.registry.datasets()
        let content = try await observatory.content(ofDataset: filters.text("dataset"))
        // The totals are what the registry holds, off the snapshot of every dataset (kept until
        // the registry changes); the chosen dataset's figures are counted with parts apart or
        // together, as the switch says.
        let all = RegistryStatistics(snapshot: try await WebError.answering { try await observatory.workspace.snapshot(ofDatasets: []) }, top: 10)
        let c = context
        let aggregating = try c.aggregateParts
        let counted = observatory.workspace.counted(content, aggregateParts: aggregating)
        let citations = CitationPages(observatory: observatory, context: c)
        // The records' hash, once for the panel and the dataset's citation.
        let version = try await observatory.workspace.version(of: content)
        let view = DashboardView(
            heading: c.text(.message("web.city-diplomacy-observatory")),
            totals: [(all.relations, "relations"), (all.cities, "cities"), (all.countries, "countries"), (datasets.count, "datasets")]
                .map { .init(figure: c.number($0.0), label: c.text(.message("web.totals.\($0.1)"))) },
            datasetsHeading: c.text(.message("datasets.title")),
            datasetColumns: [c.text(.message("web.dataset")), c.text(.message("column.title")), c.text(.message("web.provenance")),
                             c.text(.message("quality.import-quality"))],
            datasets: datasets.map {
                .init(id: $0.id, address: c.href("/", [("dataset", $0.id)]), title: c.text($0.title),
                      provenance: $0.provenanceText.map(c.text) ?? $0.sourceFile ?? "", qualityReport: qualityLink($0), current: $0.id == content.dataset.id)
            },
            currentLabel: c.text(.message("web.dataset")), currentID: content.dataset.id,
            currentCount: c.number(content.relations.count) + " " + c.text(.message("web.relations")),
            listLink: LinkView(text: c.text(.message("web.list-its-relations")), target: c.href("/relations", [("dataset", content.dataset.id)])),
            networkLink: LinkView(text: c.text(.message("web.network-analysis.link")), target: c.href("/network", [("dataset", content.dataset.id)])),
            partsSwitch: c.partsSwitch(aggregating: aggregating),
            partsNote: counted.aggregationView.map { c.text($0.note) },
            currentQualityReport: qualityLink(counted.content.dataset),
            charts: try await figures(content, aggregating: aggregating),
            about: citations.aboutPanel(try await WebError.answering { try await observatory.workspace.about(content, version: version) }),
            citations: try await citations.boxes(content, version: version))
        return try Layout.page("dashboard", title: c.text(.message("web.dashboard")), content: view, context: c)
    }

    /// The page of an imported dataset's quality report; `nil` for a dataset not imported from a file.
    private func qualityLink(_ dataset: Dataset) -> LinkView? {
        guard dataset.importReport != nil else { return nil }
        return LinkView(text: context.text(.message("quality.report")), target: context.href("/datasets/\(PageContext.segment(dataset.id))/quality"))
    }

    /// The chosen dataset by region, period and kind, and its cities with most partners.
    private func figures(_ content: DatasetContent, aggregating: Bool) async throws -> [FigureView] {
        let drawn = try await DatasetCharts.drawn(observatory: observatory, context: context, content: content, aggregating: aggregating)
        let query = DatasetCharts.query(dataset: content.dataset.id, aggregating: aggregating)
        return ChartName.datasetCharts.compactMap { name in drawn[name].map { FigureView($0, name: name, query: query, context: context) } }
    }
}

/// What the `dashboard` template shows.
struct DashboardView {
    struct Total {
        let figure: String
        let label: String
    }

    struct DatasetRow {
        let id: String
        let address: String
        let title: String
        let provenance: String
        /// The page of its import's quality report, if it was imported from a file.
        let qualityReport: LinkView?
        /// The dataset the charts are drawn from.
        let current: Bool
    }

    let heading: String
    let totals: [Total]
    let datasetsHeading: String
    let datasetColumns: [String]
    let datasets: [DatasetRow]
    let currentLabel: String
    let currentID: String
    let currentCount: String
    let listLink: LinkView
    /// The page of the dataset's network measures.
    let networkLink: LinkView
    /// The link that counts parts with their cities, or apart again.
    let partsSwitch: LinkView
    /// What counting parts with their cities changed, when it is on.
    let partsNote: String?
    let currentQualityReport: LinkView?
    let charts: [FigureView]
    /// What the chosen dataset is, with the link to its page.
    let about: AboutPanelView
    /// How to cite the study behind the chosen dataset, and the dataset.
    let citations: [CiteBoxView]
}
