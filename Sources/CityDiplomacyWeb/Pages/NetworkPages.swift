import CityDiplomacyCore
import CityDiplomacyPresentation

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
        var body = "<h1>\(h(c.t("Networks and programmes", "شبکه‌ها و برنامه‌ها")))</h1><table><thead><tr>"
        body += [("Network", "شبکه"), ("Scope", "گستره"), ("Members", "اعضا"), ("Dataset", "مجموعه داده")].map { "<th>\(h(c.t($0.0, $0.1)))</th>" }.joined()
        body += "</tr></thead><tbody>"
        for network in networks {
            body += "<tr><td><a href=\"\(h(c.href("/networks/\(PageContext.segment(network.id))")))\">\(h(c.text(network.name)))</a>\(network.acronym.map { " (" + h($0) + ")" } ?? "")</td>"
            body += "<td>\(h(c.text(network.scope.label)))</td><td>\(h(c.number(counts[network.id] ?? 0)))</td><td><code>\(h(network.datasetID))</code></td></tr>"
        }
        body += "</tbody></table>"
        return Layout.page(title: c.t("Networks", "شبکه‌ها"), body: body, context: c)
    }

    func detail(networkID: String) async throws -> String {
        let c = context
        guard let profile = try await observatory.registry.networkProfile(ofNetwork: networkID) else {
            throw WebError.notFound(c.t("network '\(networkID)'", "شبکهٔ «\(networkID)»"), field: "id").asPage(c)
        }
        let network = profile.network
        var body = "<h1>\(h(c.text(network.name)))\(network.acronym.map { " (" + h($0) + ")" } ?? "")</h1><p class=\"note\">\(h(c.text(network.scope.label)))"
        if let founded = network.founded { body += " · \(h(c.t("founded", "تأسیس"))) \(h(c.style.date(founded)))" }
        if let seat = network.seat { body += " · \(h(c.t("seat", "مقر"))) \(h(seat))" }
        body += "</p>"
        if let description = network.description { body += "<p>\(h(c.text(description)))</p>" }
        body += "<h2>\(h(c.t("Members", "اعضا"))) (\(h(c.number(profile.memberships.count))))</h2><ul>"
        for membership in profile.memberships {
            body += "<li>\(RelationTable(context: c, countries: observatory.countriesByCode).cityLink(membership.cityID, profile.cities))"
            if let role = membership.role { body += " — \(h(c.text(role)))" }
            if let since = membership.since { body += " (\(h(c.t("since", "از"))) \(h(c.style.date(since))))" }
            body += "</li>"
        }
        body += "</ul>"
        let sources = network.sources + profile.memberships.flatMap(\.sources)
        var seen: Set<String> = []
        body += "<h2>\(h(c.t("Sources", "منابع")))</h2><ol class=\"sources\">"
        for source in sources where seen.insert(source.id).inserted {
            body += "<li>" + (source.url.map { HTMLPage.link($0, text: source.title) } ?? h(source.locator ?? source.title)) + "</li>"
        }
        body += "</ol>"
        return Layout.page(title: c.text(network.name), body: body, context: c)
    }
}
