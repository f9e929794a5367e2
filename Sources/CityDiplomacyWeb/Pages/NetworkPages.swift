import CityDiplomacyCore

/// `/networks` and `/networks/{id}`: city networks and programmes with their members.
struct NetworkPages {
    let observatory: Observatory
    let context: PageContext

    func list() async throws -> String {
        let c = context
        let networks = try await observatory.registry.networks(datasetID: c.filters.text("dataset"))
        let memberships = try await observatory.registry.memberships(datasetID: c.filters.text("dataset"))
        var counts: [String: Int] = [:]
        for membership in memberships { counts[membership.networkID, default: 0] += 1 }
        let view = NetworkListView(
            heading: c.text(.message("web.networks-and-programmes")),
            columns: ["network", "scope", "members", "dataset"].map { c.text(.message("web.networks.column.\($0)")) },
            networks: networks.map { network in
                .init(link: LinkView(text: c.text(network.name), target: c.href("/networks/\(PageContext.segment(network.id))")),
                      acronym: c.language == .fa ? nil : network.acronym, scope: c.text(network.scope.label), members: c.number(counts[network.id] ?? 0), datasetID: network.datasetID)
            })
        return try Layout.page("networks", title: c.text(.message("column.networks")), content: view, context: c)
    }

    func detail(networkID: String) async throws -> String {
        let c = context
        guard let profile = try await observatory.registry.networkProfile(ofNetwork: networkID) else {
            throw WebError.notFound(c.text(.message("web.not-found.network", ["id": networkID])), field: "id").asPage(c)
        }
        let network = profile.network
        var facts = c.text(network.scope.label)
        if let founded = network.founded { facts += " · " + c.text(.message("web.founded")) + " " + c.style.date(founded) }
        if let seat = network.seat(in: c.language) { facts += " · " + c.text(.message("web.seat")) + " " + c.style.digits(seat) }
        let table = RelationTable(context: c, countries: observatory.countriesByCode)
        var sectionOf: NetworkPageView.SectionOf?
        if let wholeID = network.partOf {
            let whole = try await observatory.registry.networks(datasetID: network.datasetID).first { $0.id == wholeID }
            sectionOf = NetworkPageView.SectionOf(
                label: c.text(.message("network.section-of")),
                link: LinkView(text: whole.map { c.text($0.name) } ?? wholeID, target: c.href("/networks/\(PageContext.segment(wholeID))")))
        }
        var seen: Set<String> = []
        let view = NetworkPageView(
            name: c.text(network.name), acronym: c.language == .fa ? nil : network.acronym, facts: facts, sectionOf: sectionOf,
            summary: network.description.map { c.text($0) },
            membersHeading: c.text(.message("web.members")) + " (" + c.number(profile.memberships.count) + ")",
            members: profile.memberships.map { membership in
                .init(city: table.cityLink(membership.cityID, profile.cities),
                      detail: (membership.role.map { " — " + c.text($0) } ?? "")
                          + (membership.since.map { " (" + c.text(.message("web.since")) + " " + c.style.date($0) + ")" } ?? ""))
            },
            sourcesHeading: c.text(.message("column.sources")),
            sources: (network.sources + profile.memberships.flatMap(\.sources)).filter { seen.insert($0.id).inserted }
                .map { CitationPages(observatory: observatory, context: c).sourceItem($0) })
        return try Layout.page("network", title: c.text(network.name), content: view, context: c)
    }
}

/// What the `networks` template shows.
struct NetworkListView {
    struct Row {
        let link: LinkView
        let acronym: String?
        let scope: String
        let members: String
        let datasetID: String
    }

    let heading: String
    let columns: [String]
    let networks: [Row]
}

/// What the `network` template shows.
struct NetworkPageView {
    struct Member {
        let city: LinkView
        let detail: String
    }

    /// "Section of" and the network this one is a section of.
    struct SectionOf {
        let label: String
        let link: LinkView
    }

    let name: String
    let acronym: String?
    let facts: String
    let sectionOf: SectionOf?
    let summary: String?
    let membersHeading: String
    let members: [Member]
    let sourcesHeading: String
    let sources: [SourceItemView]
}
