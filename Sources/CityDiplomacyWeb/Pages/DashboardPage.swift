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
        let c = context
        let aggregating = try c.aggregateParts
        // A dataset as read, its parts apart, is drawn from its columns and described by the
        // counts and version the registry keeps: no record is read (reading and counting the
        // records was most of a cold dashboard's time). Counting parts with their cities needs
        // the records, aggregated.
        let current: (dataset: Dataset, relations: Int, charts: [String], counts: DatasetRecordCounts, version: DatasetVersion, partsNote: String?)
        if aggregating {
            let content = try await observatory.content(ofDataset: filters.text("dataset"))
            let counted = observatory.workspace.counted(content, aggregateParts: true)
            let drawn = try await DatasetCharts.drawn(observatory: observatory, context: c, content: content, aggregating: true)
            current = (content.dataset, content.relations.count, drawn.figures,
                       DatasetRecordCounts(content), try await observatory.workspace.version(of: content), counted.aggregationView.map { c.text($0.note) })
        } else {
            let (columns, drawn) = try await DatasetCharts.drawn(observatory: observatory, context: c, dataset: filters.text("dataset"))
            let id = columns.dataset.id
            let counts = try await WebError.answering { try await observatory.workspace.recordCounts(ofDataset: id) }
            current = (columns.dataset, columns.relationCount, drawn.figures, counts,
                       try await WebError.answering { try await observatory.workspace.version(ofDataset: id) }, nil)
        }
        let datasets = try await observatory.registry.datasetsWithoutImportReports()
        let imported = try await WebError.answering { try await observatory.workspace.importFormats() }
        // The totals are what the registry holds, counted off the snapshot of every dataset once
        // per registry revision.
        let all = try await WebError.answering { try await observatory.workspace.statistics(dataset: nil, top: 10) }
        let citations = CitationPages(observatory: observatory, context: c)
        let about = try await WebError.answering { try await observatory.workspace.about(current.dataset, counts: current.counts, version: current.version) }
        let view = DashboardView(
            heading: c.text(.message("web.city-diplomacy-observatory")),
            totals: [(all.relations, "relations"), (all.cities, "cities"), (all.countries, "countries"), (datasets.count, "datasets")]
                .map { .init(figure: c.number($0.0), label: c.text(.message("web.totals.\($0.1)"))) },
            datasetsHeading: c.text(.message("datasets.title")),
            datasetColumns: [c.text(.message("web.dataset")), c.text(.message("column.title")), c.text(.message("web.provenance")),
                             c.text(.message("quality.import-quality"))],
            datasets: datasets.map {
                .init(id: $0.id, address: c.href("/", [("dataset", $0.id)]), title: c.text($0.title),
                      provenance: $0.provenanceText.map(c.text) ?? $0.sourceFile ?? "", qualityReport: qualityLink($0.id, imported: imported),
                      current: $0.id == current.dataset.id)
            },
            currentLabel: c.text(.message("web.dataset")), currentID: current.dataset.id,
            currentCount: c.number(current.relations) + " " + c.text(.message("web.relations")),
            listLink: LinkView(text: c.text(.message("web.list-its-relations")), target: c.href("/relations", [("dataset", current.dataset.id)])),
            networkLink: LinkView(text: c.text(.message("web.network-analysis.link")), target: c.href("/network", [("dataset", current.dataset.id)])),
            partsSwitch: c.partsSwitch(aggregating: aggregating),
            partsNote: current.partsNote,
            currentQualityReport: qualityLink(current.dataset.id, imported: imported),
            charts: current.charts,
            about: citations.aboutPanel(about),
            citations: try await citations.boxes(current.dataset, version: current.version))
        return try Layout.page("dashboard", title: c.text(.message("web.dashboard")), content: view, context: c)
    }

    /// The page of an imported dataset's quality report; `nil` for a dataset not imported from a file.
    private func qualityLink(_ id: String, imported: [String: String]) -> LinkView? {
        guard imported[id] != nil else { return nil }
        return LinkView(text: context.text(.message("quality.report")), target: context.href("/datasets/\(PageContext.segment(id))/quality"))
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
    /// The dataset's charts as rendered (``DatasetCharts/Drawn/figures``).
    let charts: [String]
    /// What the chosen dataset is, with the link to its page.
    let about: AboutPanelView
    /// How to cite the study behind the chosen dataset, and the dataset.
    /// The citation boxes as rendered (``CitationPages/boxes(_:version:)``).
    let citations: [String]
}
