import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation

/// `/cities/{id}`: a city's partners on a map and in a table, its memberships, events and every
/// source cited; the city it is part of and its parts, which a switch counts with it
/// (`aggregate_parts=true`).
struct CityPage {
    let observatory: Observatory
    let context: PageContext

    /// How many of a city's relations its page lists at a time (a city of a large dataset has
    /// thousands; its map and its files show them all).
    static let relationsPerPage = 250

    func render(cityID: String) async throws -> String {
        let c = context
        let aggregating = try c.aggregateParts
        // The page's own parameters first: a bad one costs no read.
        let (requestedPage, perPage) = try pageParameters()
        guard let stored = try await observatory.registry.profile(ofCity: cityID) else {
            throw WebError.notFound(c.text(.message("web.not-found.city", ["id": cityID])), field: "id").asPage(c)
        }
        let counted = aggregating ? try await observatory.workspace.countingParts(stored) : CityProfileView(stored)
        let profile = counted.profile
        let city = profile.city
        var cities = Dictionary(profile.relations.map { ($0.partner.id, $0.partner) }, uniquingKeysWith: { first, _ in first })
        cities[city.id] = city
        let newRecord: [(String, String?)] = [("dataset", profile.dataset.id), ("city", city.id)]
        let shown = Self.page(of: profile.relations, page: requestedPage, perPage: perPage)
        // The network of a large dataset is shown once its own page has measured it.
        let showsNetwork = try await WebError.answering { try await observatory.workspace.cityPageShowsNetwork(ofDataset: profile.dataset.id) }
        let edit = c.text(.message("web.edit"))
        var view = CityPageView(
            name: c.text(city.name),
            otherName: otherName(city),
            country: LinkView(text: observatory.countryName(city.country, c.language), target: c.href("/countries/\(city.country.rawValue)")),
            facts: facts(city), datasetLabel: c.text(.message("web.dataset-2")), datasetID: profile.dataset.id,
            aliases: aliases(city),
            partOf: partOf(profile, aggregating: aggregating), parts: parts(profile, aggregating: aggregating),
            partsSwitch: Self.partsMatter(stored) ? c.partsSwitch(aggregating: aggregating) : nil,
            partsNote: counted.aggregation.map { c.text($0.note) },
            map: await map(profile),
            relationsHeading: c.text(.message("column.relations")) + " (" + c.number(profile.relations.count) + ")",
            relations: RelationTable(context: c, countries: observatory.countriesByCode).view(shown.rows.map(\.relation), cities: cities, from: city.id),
            network: try await network(city, dataset: profile.dataset.id, measured: showsNetwork),
            suggestions: try await suggestions(city, dataset: profile.dataset.id, measured: showsNetwork),
            peers: try await peers(city, dataset: profile.dataset.id, measured: showsNetwork),
            additions: !c.canEdit ? [] : [
                LinkView(text: c.text(.message("web.add-a-relation")), target: c.href("/edit/relations/new", newRecord)),
                LinkView(text: c.text(.message("web.add-a-membership")), target: c.href("/edit/memberships/new", newRecord)),
                LinkView(text: c.text(.message("web.add-an-event")), target: c.href("/edit/events/new", newRecord)),
                LinkView(text: c.text(.message("web.documents.add")), target: c.href("/documents/new", [("attach", city.id)])),
            ],
            membershipsHeading: c.text(.message("web.memberships-in-networks")),
            memberships: profile.memberships.map { membership, network in
                CityPageView.Entry(link: LinkView(text: c.text(network.name), target: c.href("/networks/\(PageContext.segment(network.id))")),
                               detail: (membership.role.map { " — " + c.text($0) } ?? "")
                                   + (membership.since.map { " (" + c.text(.message("web.since")) + " " + c.style.date($0) + ")" } ?? ""),
                               editAddress: c.canEdit ? c.href("/edit/memberships/\(PageContext.segment(membership.id))") : nil,
                               supplementNote: nil, entryNotes: nil)
            },
            eventsHeading: c.text(.message("web.international-events")),
            events: profile.events.map { event in
                CityPageView.Entry(link: LinkView(text: c.text(event.title), target: nil),
                               detail: (event.awardingBody(in: c.language).map { " · " + c.style.digits($0) } ?? ""),
                               editAddress: c.canEdit ? c.href("/edit/events/\(PageContext.segment(event.id))") : nil,
                               supplementNote: event.isSupplement ? c.text(.message("supplement.added")) : nil,
                               entryNotes: event.notes(in: c.language).map(c.style.digits))
            },
            sourcesHeading: "", sources: [], editLabel: edit)
        view.codedThemes = try await codedThemes(stored)
        if shown.pageCount > 1 { view.relationsPaging = paging(shown, total: profile.relations.count, perPage: perPage) }
        return try Layout.page("city", title: c.text(city.name), content: withSources(view, profile), context: c)
    }

    /// Which page of the relations to list, and how many a page.
    private func pageParameters() throws -> (page: Int, perPage: Int) {
        do {
            let page = try context.filters.integer("page", in: 1...10_000_000) ?? 1
            let perPage = try context.filters.integer("per_page", in: 1...5_000) ?? Self.relationsPerPage
            return (page, perPage)
        } catch {
            // Typed: the filters throw only WebError.
            throw error.asPage(context)
        }
    }

    /// Rows `(page - 1) * perPage ..< page * perPage` of `rows`, a page past the last being the last.
    static func page<Row>(of rows: [Row], page: Int, perPage: Int) -> (rows: ArraySlice<Row>, page: Int, pageCount: Int, first: Int) {
        let pageCount = max(1, (rows.count + perPage - 1) / perPage)
        let page = min(max(1, page), pageCount)
        let start = min(rows.count, (page - 1) * perPage)
        return (rows[start..<min(rows.count, start + perPage)], page, pageCount, start)
    }

    /// "Rows 251–500 of 3,564 (page 2 of 15)" and the links to the pages before and after,
    /// keeping the page's other choices, as Table 1's page says them.
    private func paging<Row>(_ shown: (rows: ArraySlice<Row>, page: Int, pageCount: Int, first: Int), total: Int, perPage: Int) -> StudyTablePageView.Paging {
        let c = context
        return .init(
            shown: c.text(.message("web.table.rows-shown", ["first": c.number(shown.first + 1), "last": c.number(shown.first + shown.rows.count),
                                                            "total": c.number(total), "page": c.number(shown.page),
                                                            "pages": c.number(shown.pageCount)])),
            links: (shown.page > 1 ? [.init(rel: "prev", text: c.text(.message("web.previous")), address: c.href(setting: "page", to: String(shown.page - 1)))] : [])
                + (shown.page < shown.pageCount ? [.init(rel: "next", text: c.text(.message("web.next")), address: c.href(setting: "page", to: String(shown.page + 1)))] : []))
    }

    /// The city's measures and ranks in its dataset's network of cities, measured as the network
    /// page measures it (the same request, so the same cached measures), or a note that it is no
    /// node of it.
    private func network(_ city: City, dataset: String, measured: Bool) async throws -> CityPageView.Network {
        let c = context
        let result: NetworkResult?
        do {
            result = measured ? try await observatory.network(ofDataset: dataset) : nil
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let node = result?.cities.node(ofCity: city.id)
        let note: String? = if result == nil {
            c.text(.message("web.city.network.not-measured", localized: ["city": city.name]))
        } else if node == nil {
            c.text(.message("web.city.network.none", localized: ["city": city.name]))
        } else {
            nil
        }
        return CityPageView.Network(
            networkHeading: c.text(.message("web.city.network.heading")),
            measures: node.flatMap { node in result.map { TabulationView($0.cityTable(node: node), context: c) } },
            noNodeNote: note,
            networkLink: LinkView(text: c.text(.message("web.city.network.link", localized: ["country": observatory.countriesByCode[city.country]?.name ?? LocalizedText(en: city.country.rawValue)])),
                                  target: c.href("/network", [("dataset", dataset), ("focus_country", city.country.rawValue)])),
            // The form, prefilled with the city: its own country holds it, so comparing the two
            // would test a subject against itself; the reader chooses what to compare it with.
            compareLink: LinkView(text: c.text(.message("web.city.compare-with", localized: ["city": city.name])),
                                  target: c.href("/compare", [("subject", city.id), ("dataset", dataset)])))
    }

    /// The partners suggested for the city in its dataset's network (the five best, with their
    /// reasons), or a note that it is no node of it.
    private func suggestions(_ city: City, dataset: String, measured: Bool) async throws -> CityPageView.Suggestions {
        let c = context
        let heading = c.text(.message("web.city.recommend.heading"))
        let jsonLink = LinkView(text: c.text(.message("web.city.recommend.json")), target: c.href("/api/v1/cities/\(PageContext.segment(city.id))/recommendations"))
        guard measured else {
            return CityPageView.Suggestions(heading: heading, notes: [c.text(.message("web.city.recommend.not-measured", localized: ["city": city.name]))],
                                            table: nil, reasons: [], jsonLink: jsonLink)
        }
        let result: RecommendationResult
        do {
            let network = try await observatory.network(ofDataset: dataset)
            guard network.cities.node(ofCity: city.id) != nil else {
                return CityPageView.Suggestions(heading: heading, notes: [c.text(.message("web.city.recommend.none", localized: ["city": city.name]))],
                                                table: nil, reasons: [], jsonLink: nil)
            }
            result = try await observatory.recommendations(RecommendationRequest(city: city.id, datasets: [dataset], top: 5))
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let table = TabulationView(result.table, context: c) { row, column, _, _ in
            column == "city" ? c.href("/cities/\(PageContext.segment(result.candidates[row].city.id))") : nil
        }
        return CityPageView.Suggestions(
            heading: heading, notes: result.notes.map { c.text($0) }, table: table, reasons: result.candidates.map { c.text(result.reason($0)) },
            jsonLink: jsonLink)
    }

    /// The five cities of the dataset's network most like the city, each linked, with the measure
    /// of likeness named, or a note that it is no node of the network.
    private func peers(_ city: City, dataset: String, measured: Bool) async throws -> CityPageView.Suggestions {
        let c = context
        let heading = c.text(.message("web.city.peers.heading"))
        let jsonLink = LinkView(text: c.text(.message("web.city.peers.json")), target: c.href("/api/v1/cities/\(PageContext.segment(city.id))/peers"))
        guard measured else {
            return CityPageView.Suggestions(heading: heading, notes: [c.text(.message("web.city.peers.not-measured", localized: ["city": city.name]))],
                                            table: nil, reasons: [], jsonLink: jsonLink)
        }
        let result: PeersResult
        do {
            let network = try await observatory.network(ofDataset: dataset)
            guard network.cities.node(ofCity: city.id) != nil else {
                return CityPageView.Suggestions(heading: heading, notes: [c.text(.message("web.city.peers.none", localized: ["city": city.name]))],
                                                table: nil, reasons: [], jsonLink: nil)
            }
            result = try await observatory.peers(PeersRequest(city: city.id, datasets: [dataset], top: 5))
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let table = TabulationView(result.table, context: c) { row, column, _, _ in
            column == "city" ? c.href("/cities/\(PageContext.segment(result.peers[row].city.id))") : nil
        }
        return CityPageView.Suggestions(
            heading: heading, notes: result.notes.map { c.text($0) }, table: table, reasons: [], jsonLink: jsonLink)
    }

    /// Whether counting parts with their cities changes this page: the city has parts, or a
    /// partner is a part of another city.
    private static func partsMatter(_ profile: CityProfile) -> Bool {
        !profile.parts.isEmpty || profile.relations.contains { $0.partner.partOf != nil }
    }

    /// "Part of" the city's whole, linked, if it is a part.
    private func partOf(_ profile: CityProfile, aggregating: Bool) -> CityPageView.PartOf? {
        profile.whole.map { CityPageView.PartOf(label: context.text(.message("parts.part-of")), link: cityLink($0, aggregating: aggregating)) }
    }

    /// The city's parts, linked, if it has any.
    private func parts(_ profile: CityProfile, aggregating: Bool) -> CityPageView.Parts? {
        guard !profile.parts.isEmpty else { return nil }
        let label = context.text(.message("parts.parts")) + " (" + context.number(profile.parts.count) + ")"
        return CityPageView.Parts(label: label, links: profile.parts.map { cityLink($0, aggregating: aggregating) },
                                  separator: context.style.comma)
    }

    /// A link to a city's page, counting parts with their cities if this page does.
    private func cityLink(_ city: City, aggregating: Bool) -> LinkView {
        LinkView(text: context.text(city.name), target: context.href("/cities/\(PageContext.segment(city.id))", [("aggregate_parts", aggregating ? "true" : nil)]))
    }

    /// The name in the language the page is not in, if the city has both.
    /// Other spellings: on a Persian page those in Persian script.
    private func aliases(_ city: City) -> String? {
        let shown = city.aliases(shownIn: context.language)
        return shown.isEmpty ? nil : context.text(.message("web.also-written")) + shown.joined(separator: context.style.comma)
    }

    private func otherName(_ city: City) -> CityPageView.OtherName? {
        guard let persian = city.name.fa else { return nil }
        // A Persian page names the city in Persian only: its English name is English text.
        return context.language == .en ? CityPageView.OtherName(lang: "fa", dir: "rtl", text: persian) : nil
    }

    /// Coordinates and population, written in the page's digits.
    private func facts(_ city: City) -> String {
        var facts = ""
        if let point = city.coordinates {
            facts += " · " + context.style.digits(String(format: "%.3f, %.3f", point.latitude, point.longitude))
        }
        if let population = city.population { facts += " · " + context.text(.message("web.population")) + context.number(population) }
        return facts
    }

    /// The city and its partners on the world map, placed by their coordinates or the gazetteer,
    /// joined by an arc for each kind of relation they have.
    private func map(_ profile: CityProfile) async -> CityPageView.Map {
        let c = context, city = profile.city
        var map = WorldMap(title: c.text(.message("web.map.title", localized: ["city": city.name])),
                           legendWords: c.mapLegendWords(home: .message("web.map.legend.this-city")), rightToLeft: c.language == .fa)
        let home = await observatory.location(of: city)
        if let home {
            map.points.append(.init(coordinates: home.coordinates, label: c.text(city.name), href: nil, emphasised: true))
        }
        var located: [String: (coordinates: Coordinates, fromGazetteer: Bool)] = [:]
        for partner in profile.relations.map(\.partner) where located[partner.id] == nil {
            guard let place = await observatory.location(of: partner) else { continue }
            located[partner.id] = place
            map.points.append(.init(coordinates: place.coordinates, label: c.text(partner.name), href: c.href("/cities/\(PageContext.segment(partner.id))")))
        }
        if let home {
            for (relation, partner) in profile.relations.map({ ($0.relation, $0.partner) }) {
                if let place = located[partner.id] { map.arcs.append(.init(from: home.coordinates, to: place.coordinates, kind: relation.kind)) }
            }
        }
        let partners = Set(profile.relations.map(\.partner.id)).count
        let placedByGazetteer = (home?.fromGazetteer == true ? 1 : 0) + located.values.count(where: \.fromGazetteer)
        let chart = map.view
        let caption = c.mapCaption(.message("web.map.drawn", ["drawn": String(located.count), "total": String(partners)]),
                                   placedByGazetteer: placedByGazetteer, unlabelled: chart.unlabelled)
        return CityPageView.Map(chart: chart, caption: caption)
    }

    /// Every source the city's records cite, once each, in the order first cited.
    private func withSources(_ view: CityPageView, _ profile: CityProfile) -> CityPageView {
        let c = context
        var seen: Set<String> = []
        let sources = (profile.relations.flatMap(\.relation.sources) + profile.memberships.flatMap(\.membership.sources) + profile.events.flatMap(\.sources))
            .filter { seen.insert($0.id).inserted }
        var view = view
        view.sourcesHeading = c.text(.message("column.sources")) + " (" + c.number(sources.count) + ")"
        let pages = CitationPages(observatory: observatory, context: c)
        view.sources = sources.map { source in
            pages.sourceItem(source, editAddress: c.canEdit ? c.href("/edit/sources/\(PageContext.segment(source.id))") : nil)
        }
        return view
    }
}

/// A cited source as the pages list it: its title (linked when it has a web address), what is
/// known of it, and its id.
struct SourceItemView {
    let link: LinkView
    let detail: String
    /// Said of a source this project's editors added beside the study (named apart from
    /// anything of the pages around it: a template looks a missing value up there).
    let supplementNote: String?
    let id: String
    let editAddress: String?
    /// The link to the source's citation.
    let cite: LinkView
}

/// What the `city` template shows.
struct CityPageView {
    struct OtherName {
        let lang: String
        let dir: String
        let text: String
    }

    struct Map {
        let chart: WorldMapView
        let caption: String
    }

    /// The city's measures and ranks in its dataset's network, with the link to the network's page.
    struct Network {
        let networkHeading: String
        let measures: TabulationView?
        /// Said instead of the measures of a city with no relation to another city.
        let noNodeNote: String?
        let networkLink: LinkView
        /// To `/compare`: the city beside its country's cities in its dataset.
        let compareLink: LinkView
    }

    /// The partners suggested for the city, with the reasons for each.
    struct Suggestions {
        let heading: String
        let notes: [String]
        let table: TabulationView?
        let reasons: [String]
        let jsonLink: LinkView?
    }

    /// "Part of" and the city it links to.
    struct PartOf {
        let label: String
        let link: LinkView
    }

    /// The city's parts, each linked.
    struct Parts {
        let label: String
        let links: [LinkView]
        /// The comma of the page's language.
        let separator: String
    }

    /// A membership or an event, with the link to edit it.
    struct Entry {
        let link: LinkView
        let detail: String
        let editAddress: String?
        /// Said of an event only sources this project's editors added cite.
        let supplementNote: String?
        /// The event's notes, in the page's language where the dataset gives them so.
        let entryNotes: String?
    }

    let name: String
    /// The name in the other language, marked with its language and direction.
    let otherName: OtherName?
    let country: LinkView
    let facts: String
    let datasetLabel: String
    let datasetID: String
    let aliases: String?
    let partOf: PartOf?
    let parts: Parts?
    /// The link that counts the city's parts with it, or apart again; only where it changes something.
    let partsSwitch: LinkView?
    /// What counting the city's parts with it changed, when it is on.
    let partsNote: String?
    let map: Map
    let relationsHeading: String
    let relations: RelationTableView
    /// Its place in its dataset's network of cities.
    let network: Network
    /// Partner cities suggested for it.
    let suggestions: Suggestions
    /// The cities most like it (shown as the suggestions are, without reasons).
    let peers: Suggestions
    let additions: [LinkView]
    let membershipsHeading: String
    let memberships: [Entry]
    let eventsHeading: String
    let events: [Entry]
    var sourcesHeading: String
    var sources: [SourceItemView]
    let editLabel: String
    /// The themes of its relations with documents, and their evidence.
    var codedThemes: CodedThemes? = nil
    /// Which of its relations the table lists, and the links to the others; only when they make
    /// more than one page.
    var relationsPaging: StudyTablePageView.Paging? = nil
}
