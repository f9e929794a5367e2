import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/datasets/{id}/quality`: how an imported dataset's file resolved — the counts with their
/// shares, the distances to the gazetteer's points, every place with its evidence (by status,
/// a page at a time) and the names, coordinates and countries that need a person's eye. The
/// numbers are those of `citydip quality` and `/api/v1/datasets/{id}/quality`: one use case.
struct QualityPage {
    let observatory: Observatory
    let context: PageContext
    static let pageSize = 100
    /// How many entries of each list the page shows; the JSON report has them all.
    static let listLength = 100

    func render(datasetID: String) async throws -> String {
        let c = context
        let page = try c.filters.integer("page", in: 1...1_000_000) ?? 1
        let status = try c.filters.placeStatus()
        let quality = try await WebError.answering {
            try await observatory.workspace.quality(
                dataset: datasetID, places: PlaceSelection(status: status, limit: Self.pageSize, offset: (page - 1) * Self.pageSize))
        }
        let view = QualityPageView(
            heading: c.text(.message("quality.title", ["dataset": quality.dataset])),
            intro: c.text(.message("quality.intro")),
            facts: facts(quality),
            counts: counts(quality),
            distances: distances(quality),
            places: places(quality, status: status, page: page),
            lists: lists(quality),
            json: LinkView(text: c.text(.message("quality.machine-readable")),
                           target: "/api/v1/datasets/\(PageContext.segment(quality.dataset))/quality?limit=\(Filters.maximumLimit)"))
        return try Layout.page("quality", title: view.heading, content: view, context: c)
    }

    private func facts(_ quality: ImportQualityView) -> [QualityPageView.Fact] {
        let c = context
        return [
            .init(label: c.text(.message("column.file")), value: quality.file, code: false),
            .init(label: c.text(.message("quality.format")), value: quality.format, code: true),
            .init(label: c.text(.message("quality.rows-read")), value: c.number(quality.rowsRead), code: false),
            .init(label: c.text(.message("quality.relations-created")), value: c.number(quality.relationsCreated), code: false),
            .init(label: c.text(.message("quality.duplicates-merged")), value: c.number(quality.duplicatesMerged), code: false),
            .init(label: c.text(.message("quality.cities-created")), value: c.number(quality.citiesCreated), code: false),
            .init(label: c.text(.message("quality.self-pairs")), value: c.number(quality.selfPairs.count), code: false),
            .init(label: c.text(.message("quality.domestic-pairs")), value: c.number(quality.domesticPairs), code: false),
            .init(label: c.text(.message("quality.content-hash")), value: quality.contentHash, code: true),
        ]
    }

    /// The places of the file by how they resolved, each with its share of the distinct places.
    private func counts(_ quality: ImportQualityView) -> QualityPageView.Counts {
        let c = context
        let total = quality.placeCount
        func row(_ key: String, _ count: Int) -> QualityPageView.Count {
            .init(label: c.text(.message(key)), figure: c.number(count), share: c.style.percent(count, of: total))
        }
        return .init(
            heading: c.text(.message("quality.places-heading")),
            columns: [c.text(.message("presentation.status")), c.text(.message("quality.places")), c.text(.message("quality.share"))],
            rows: [row("quality.count.resolved", quality.citiesResolved), row("quality.count.part-of", quality.citiesPartOf),
                   row("quality.count.ambiguous", quality.citiesAmbiguous), row("quality.count.unresolved", quality.citiesUnresolved)],
            total: row("quality.count.distinct-places", total),
            parentsAdded: .init(label: c.text(.message("quality.count.parents-added")), figure: c.number(quality.parentsAdded), share: ""))
    }

    /// How far the file's coordinates lie from the gazetteer's points, by distance band.
    private func distances(_ quality: ImportQualityView) -> QualityPageView.Distances {
        let c = context
        let distances = quality.distances
        let bands = [("quality.up-to-1-km", distances.upTo1km), ("quality.from-1-to-5-km", distances.from1To5km),
                     ("quality.from-5-to-10-km", distances.from5To10km), ("quality.from-10-to-25-km", distances.from10To25km)]
        let heading = c.text(.message("quality.distances"))
        let chart = BarChart(caption: heading, categoryHeading: c.text(.message("quality.distance")), valueHeading: c.text(.message("quality.places")),
                             bars: bands.map { .init(label: c.text(.message($0.0)), value: $0.1) }, language: c.language)
        return .init(
            heading: heading,
            columns: [c.text(.message("quality.distance")), c.text(.message("quality.places")), c.text(.message("quality.share"))],
            rows: bands.map { .init(label: c.text(.message($0.0)), figure: c.number($0.1), share: c.style.percent($0.1, of: distances.measured)) },
            summary: c.text(.message("quality.distance-summary", [
                "measured": String(distances.measured), "median": c.style.decimal(distances.medianKilometres),
                "p95": c.style.decimal(distances.p95Kilometres), "max": c.style.decimal(distances.maxKilometres),
            ])),
            chart: distances.measured > 0 ? chart.view : nil)
    }

    /// A page of places of one status (or of all), with the links that choose the status and page.
    private func places(_ quality: ImportQualityView, status chosen: PlaceStatusChoice?, page: Int) -> QualityPageView.Places {
        let c = context
        let path = "/datasets/\(PageContext.segment(quality.dataset))/quality"
        let kept: [(String, String?)] = [("status", chosen?.rawValue)]
        let filters = [QualityPageView.StatusLink(text: c.text(.message("web.all")) + " (" + c.number(quality.placesByStatus.reduce(0) { $0 + $1.places }) + ")",
                                                  address: c.href(path) + "#places", current: chosen == nil)]
            + quality.placesByStatus.map { status, count in
                QualityPageView.StatusLink(text: c.text(.message("quality.status.\(status.rawValue)")) + " (" + c.number(count) + ")",
                      address: c.href(path, [("status", status.rawValue)]) + "#places", current: chosen == status)
            }
        let items = quality.places.items
        let first = items.isEmpty ? 0 : quality.places.offset + 1
        let last = quality.places.offset + items.count
        var paging: [RelationsView.PagingLink] = []
        if page > 1 {
            paging.append(.init(rel: "prev", text: c.text(.message("web.previous")), address: c.href(path, kept + [("page", String(page - 1))]) + "#places"))
        }
        if last < quality.places.total {
            paging.append(.init(rel: "next", text: c.text(.message("web.next")), address: c.href(path, kept + [("page", String(page + 1))]) + "#places"))
        }
        return .init(
            heading: c.text(.message("quality.places-and-evidence")),
            statusLabel: c.text(.message("presentation.status")),
            statuses: filters,
            count: c.text(.message("quality.shown-of", ["first": String(first), "last": String(last), "total": String(quality.places.total)])),
            notes: [c.text(.message("quality.places-note")), c.text(.message("quality.reasons-note"))],
            columns: ["quality.name-as-written", "web.country", "presentation.status", "quality.gazetteer-name", "quality.geonames-id",
                      "quality.kilometres", "quality.part-of", "quality.candidates", "quality.reason"].map { c.text(.message($0)) },
            rows: items.map(placeRow),
            paging: paging)
    }

    private func placeRow(_ place: ImportQualityView.Place) -> QualityPageView.PlaceRow {
        let c = context
        return .init(
            name: LinkView(text: place.name, target: c.href("/cities/\(PageContext.segment(place.city))")),
            country: place.country ?? "",
            status: c.text(.message("quality.status.\(place.status.rawValue)")),
            matched: place.matched ?? "",
            geonames: place.geonamesID.map { LinkView.external("https://www.geonames.org/\($0)", text: c.number($0)) },
            kilometres: place.kilometres.map { c.style.decimal($0) } ?? "",
            partOf: place.partOf.map { LinkView(text: $0, target: c.href("/cities/\(PageContext.segment($0))")) },
            candidates: place.candidates,
            reason: place.reason)
    }

    /// The lists of the report that need a person's eye, each cut to its first entries.
    private func lists(_ quality: ImportQualityView) -> [QualityPageView.List] {
        let c = context
        let separator = c.text(.message("list.comma"))
        func lines(_ lines: [Int]) -> String { lines.map(c.number).joined(separator: separator) }
        func list(_ key: String, _ count: Int, columns: [String], rows: [[QualityPageView.Cell]]) -> QualityPageView.List {
            .init(heading: c.text(.message(key)) + " (" + c.number(count) + ")",
                  cut: count > Self.listLength ? c.text(.message("quality.first-of", ["shown": String(Self.listLength), "total": String(count)])) : nil,
                  emptyNote: count == 0 ? c.text(.message("quality.none")) : nil,
                  columns: columns.map { c.text(.message($0)) }, rows: rows.prefix(Self.listLength).map { .init(cells: $0) })
        }
        func names(_ key: String, _ notes: [ImportQualityView.Name]) -> QualityPageView.List {
            list(key, notes.count, columns: ["quality.name-as-written", "web.country", "quality.occurrences", "quality.lines", "quality.reason", "quality.candidates"],
                 rows: notes.prefix(Self.listLength).map { note in
                     [.asWritten(note.name), .asWritten(note.country ?? ""), .figure(c.number(note.occurrences)), .figure(lines(note.lines)),
                      .english([note.reason]), .english(note.candidates)]
                 })
        }
        return [
            names("quality.unresolved-names", quality.unresolvedNames),
            names("quality.uncertain-names", quality.uncertainNames),
            list("quality.coordinate-issues", quality.coordinateIssues.count,
                 columns: ["quality.line", "quality.name-as-written", "quality.given-coordinates", "quality.resolved-to", "quality.nearest", "quality.kilometres", "quality.problem"],
                 rows: quality.coordinateIssues.prefix(Self.listLength).map { note in
                     [.figure(c.number(note.line)), .asWritten(note.name), .english([note.given]), .asWritten(note.resolvedTo ?? ""),
                      .asWritten(note.nearest), .figure(c.number(note.kilometres)), .english([note.problem])]
                 }),
            list("quality.unknown-countries", quality.unknownCountries.count, columns: ["web.country", "quality.occurrences", "quality.lines"],
                 rows: quality.unknownCountries.prefix(Self.listLength).map { note in
                     [.asWritten(note.country), .figure(c.number(note.occurrences)), .figure(lines(note.lines))]
                 }),
            list("quality.country-readings", quality.countryReadings.count, columns: ["web.country", "quality.read-as", "quality.reason", "quality.occurrences"],
                 rows: quality.countryReadings.prefix(Self.listLength).map { note in
                     [.asWritten(note.country), .asWritten(note.readAs), .english([note.note]), .figure(c.number(note.occurrences))]
                 }),
            list("quality.removed-characters", quality.removedCharacters.count, columns: ["quality.character", "quality.field", "quality.occurrences", "quality.lines"],
                 rows: quality.removedCharacters.prefix(Self.listLength).map { note in
                     [.asWritten(note.character), .asWritten(note.field), .figure(c.number(note.occurrences)), .figure(lines(note.lines))]
                 }),
            list("quality.district-and-city-pairs", quality.districtAndCityPairs.count,
                 columns: ["quality.line", "quality.partner", "quality.district", "quality.line", "quality.city"],
                 rows: quality.districtAndCityPairs.prefix(Self.listLength).map { pair in
                     [.figure(c.number(pair.line)), .asWritten(pair.partner), .asWritten(pair.district), .figure(c.number(pair.cityLine)), .asWritten(pair.city)]
                 }),
            list("quality.self-pairs", quality.selfPairs.count, columns: ["quality.line", "quality.city-1", "quality.city-2"],
                 rows: quality.selfPairs.prefix(Self.listLength).map { pair in
                     [.figure(c.number(pair.line)), .asWritten(pair.city1), .asWritten(pair.city2)]
                 }),
        ]
    }
}

/// What the `quality` template shows. Names are shown as the file writes them (`dir="auto"`);
/// the importer's reasons, problems and candidates are English text, marked so on Persian pages.
struct QualityPageView {
    struct Fact {
        let label: String
        let value: String
        /// A code or hash, shown as such.
        let code: Bool
    }

    struct Count {
        let label: String
        let figure: String
        let share: String
    }

    struct Counts {
        let heading: String
        let columns: [String]
        let rows: [Count]
        let total: Count
        let parentsAdded: Count
    }

    struct Distances {
        let heading: String
        let columns: [String]
        let rows: [Count]
        let summary: String
        let chart: BarChartView?
    }

    struct StatusLink {
        let text: String
        let address: String
        let current: Bool
    }

    struct PlaceRow {
        let name: LinkView
        let country: String
        let status: String
        let matched: String
        let geonames: LinkView?
        let kilometres: String
        let partOf: LinkView?
        let candidates: [String]
        let reason: String
    }

    struct Places {
        let heading: String
        let statusLabel: String
        let statuses: [StatusLink]
        let count: String
        let notes: [String]
        let columns: [String]
        let rows: [PlaceRow]
        let paging: [RelationsView.PagingLink]
    }

    /// A cell of a list: a figure, text as the file writes it (`dir="auto"`), or the importer's
    /// English, a line each.
    struct Cell {
        let lines: [String]
        let asWritten: Bool
        let english: Bool

        static func figure(_ text: String) -> Cell { Cell(lines: [text], asWritten: false, english: false) }
        static func asWritten(_ text: String) -> Cell { Cell(lines: [text], asWritten: true, english: false) }
        static func english(_ lines: [String]) -> Cell { Cell(lines: lines, asWritten: false, english: true) }
    }

    struct Row {
        let cells: [Cell]
    }

    struct List {
        let heading: String
        /// "The first 100 of N", when the list is longer than the page shows.
        let cut: String?
        /// Said instead of an empty table.
        let emptyNote: String?
        let columns: [String]
        let rows: [Row]
    }

    let heading: String
    let intro: String
    let facts: [Fact]
    let counts: Counts
    let distances: Distances
    let places: Places
    let lists: [List]
    let json: LinkView
}
