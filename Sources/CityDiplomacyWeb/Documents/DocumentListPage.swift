import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation

/// `/documents?dataset=ID&attached=RECORD_ID`: the documents of a dataset (or of every dataset,
/// or of one record) as `citydip documents list` prints them, each title linked to its page.
struct DocumentListPage {
    let observatory: Observatory
    let context: PageContext

    func render() async throws -> String {
        let c = context
        let dataset = c.filters.text("dataset"), attached = c.filters.text("attached")
        let workspace = observatory.workspace
        let (summaries, codebook) = try await WebError.answering {
            (try await workspace.documents(dataset: dataset, attachedTo: attached), try workspace.codebook())
        }
        let table = workspace.documentsTable(summaries, codebook: codebook)
        // The dataset by its title, which Persian pages give in Persian.
        let title = try await dataset.asyncMap { id in
            try await observatory.registry.datasetsWithoutImportReports().first { $0.id == id }?.title ?? LocalizedText(en: id)
        }
        let view = DocumentListView(
            heading: c.text(title.map { .message("web.documents.of-dataset", localized: ["dataset": $0]) } ?? .message("document.list.title")),
            table: summaries.isEmpty ? nil : TabulationView(table, context: c) { row, column, _, _ in
                column == "title" || column == "id" ? c.href("/documents/\(PageContext.segment(summaries[row].document.id))") : nil
            },
            none: summaries.isEmpty ? c.text(.message("web.documents.none")) : nil,
            links: [LinkView(text: c.text(.message("web.nav.codebook")), target: c.href("/codebook"))]
                + (dataset.map { [LinkView(text: c.text(.message("web.documents.dataset-page")), target: c.href("/datasets/\(PageContext.segment($0))"))] } ?? [])
                + (c.canEdit && attached != nil ? [LinkView(text: c.text(.message("web.documents.add")), target: c.href("/documents/new", [("attach", attached)]))] : [])
                + [LinkView(text: "JSON", target: "/api/v1/documents" + (dataset.map { "?dataset=" + PageContext.encode($0) } ?? ""))])
        return try Layout.page("documents", title: view.heading, content: view, context: c)
    }
}

/// What the `documents` template shows.
struct DocumentListView {
    let heading: String
    let table: TabulationView?
    let none: String?
    let links: [LinkView]
}
