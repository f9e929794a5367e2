import CityDiplomacyCore

/// `/relations`: relations with filters (city, country, kind, years, dataset), paged, with exports.
struct RelationsPage {
    let observatory: Observatory
    let context: PageContext
    static let pageSize = 50

    func render() async throws -> String {
        let c = context
        let filters = c.filters
        let page = try filters.integer("page", in: 1...1_000_000) ?? 1
        let offset = (page - 1) * Self.pageSize
        // The same rules as the API and `citydip relations`: a country by code or name, an
        // unknown city, dataset or kind named rather than answered with an empty list.
        let result = try await WebError.answering {
            try await observatory.workspace.relations(filters.relationFilter, limit: Self.pageSize, offset: offset)
        }
        let selection = result.selection, total = result.total
        let datasets = try await observatory.registry.datasetsWithoutImportReports()
        let first = total == 0 ? 0 : offset + 1
        let last = offset + selection.relations.count
        // Paging and exports keep the filters.
        let kept = c.fields.pairs.filter { !["page", "lang"].contains($0.name) && !$0.value.isEmpty }.map { ($0.name, Optional($0.value)) }
        let exportQuery = kept.map { "\(PageContext.encode($0.0))=\(PageContext.encode($0.1 ?? ""))" }.joined(separator: "&")
        let view = RelationsView(
            heading: c.text(.message("column.relations")), persian: c.language == .fa,
            textFields: [
                .init(name: "city", label: c.text(.message("web.city")), value: c.fields["city"] ?? "", placeholder: c.text(.message("web.name-in-any-language"))),
                .init(name: "country", label: c.text(.message("web.country")), value: c.fields["country"] ?? "", placeholder: c.text(.message("web.ir-or-iran"))),
            ],
            kindLabel: c.text(.message("web.kind")), anyKind: c.text(.message("web.any")),
            kinds: RelationKind.knownTerms.map { .init(value: $0.term.rawValue, label: c.text($0.label), selected: c.fields["kind"] == $0.term.rawValue) },
            yearFields: [
                .init(name: "from", label: c.text(.message("web.from-year")), value: c.fields["from"] ?? "", placeholder: "1990"),
                .init(name: "to", label: c.text(.message("web.to-year")), value: c.fields["to"] ?? "", placeholder: "2018"),
            ],
            datasetLabel: c.text(.message("web.dataset")), allDatasets: c.text(.message("web.all")),
            datasets: datasets.map { .init(value: $0.id, label: c.text($0.title), selected: c.fields["dataset"] == $0.id) },
            filterLabel: c.text(.message("web.filter")),
            count: c.text(.message("web.relations.shown", ["first": String(first), "last": String(last), "total": String(total)])),
            table: RelationTable(context: c, countries: observatory.countriesByCode).view(selection.relations, cities: selection.cities),
            paging: (page > 1 ? [.init(rel: "prev", text: c.text(.message("web.previous")), address: c.href("/relations", kept + [("page", String(page - 1))]))] : [])
                + (last < total ? [.init(rel: "next", text: c.text(.message("web.next")), address: c.href("/relations", kept + [("page", String(page + 1))]))] : []),
            exportLabel: c.text(.message("web.export-these-relations")),
            exports: [("relations.csv", "CSV"), ("relations.geojson", "GeoJSON"), ("relations.graphml", "GraphML")].map { file, label in
                LinkView(text: label, target: "/api/v1/export/\(file)" + (exportQuery.isEmpty ? "" : "?" + exportQuery))
            })
        return try Layout.page("relations", title: c.text(.message("column.relations")), content: view, context: c)
    }
}

/// What the `relations` template shows: the filter form as it was submitted, a page of relations,
/// paging and exports.
struct RelationsView {
    struct TextField {
        let name: String
        let label: String
        let value: String
        let placeholder: String
    }

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    struct PagingLink {
        let rel: String
        let text: String
        let address: String
    }

    let heading: String
    /// Whether the form carries `lang=fa`, so that the filtered list stays in Persian.
    let persian: Bool
    let textFields: [TextField]
    let kindLabel: String
    let anyKind: String
    let kinds: [Choice]
    let yearFields: [TextField]
    let datasetLabel: String
    let allDatasets: String
    let datasets: [Choice]
    let filterLabel: String
    let count: String
    let table: RelationTableView
    let paging: [PagingLink]
    let exportLabel: String
    let exports: [LinkView]
}
