import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/relations`: relations with filters (city, country, kind, years, dataset), paged, with exports.
struct RelationsPage {
    let observatory: Observatory
    let context: PageContext
    static let pageSize = 50

    func render() async throws -> String {
        let c = context
        let filters = c.filters
        let page = try filters.integer("page", in: 1...1_000_000) ?? 1
        let query = try filters.relationQuery(limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        let selection = try await observatory.registry.relations(matching: query)
        let total = try await observatory.registry.countRelations(matching: query)
        let datasets = try await observatory.registry.datasets()
        var body = "<h1>\(h(c.t("Relations", "روابط")))</h1>"
        body += "<form class=\"filters\" method=\"get\" action=\"/relations\">"
        if c.language == .fa { body += "<input type=\"hidden\" name=\"lang\" value=\"fa\">" }
        func field(_ name: String, _ en: String, _ fa: String, placeholder: String = "") -> String {
            "<label>\(h(c.t(en, fa))) <input name=\"\(name)\" value=\"\(h(c.fields[name] ?? ""))\" placeholder=\"\(h(placeholder))\"></label>"
        }
        body += field("city", "City", "شهر", placeholder: c.t("name in any language", "نام به هر زبان"))
        body += field("country", "Country (ISO)", "کشور (کد ISO)", placeholder: "IR")
        body += "<label>\(h(c.t("Kind", "نوع"))) <select name=\"kind\"><option value=\"\">\(h(c.t("any", "همه")))</option>"
        for (term, label) in RelationKind.knownTerms {
            body += "<option value=\"\(h(term.rawValue))\"\(c.fields["kind"] == term.rawValue ? " selected" : "")>\(h(c.text(label)))</option>"
        }
        body += "</select></label>"
        body += field("from", "From year", "از سال", placeholder: "1990") + field("to", "To year", "تا سال", placeholder: "2018")
        body += "<label>\(h(c.t("Dataset", "مجموعه داده"))) <select name=\"dataset\"><option value=\"\">\(h(c.t("all", "همه")))</option>"
        for dataset in datasets {
            body += "<option value=\"\(h(dataset.id))\"\(c.fields["dataset"] == dataset.id ? " selected" : "")>\(h(dataset.id))</option>"
        }
        body += "</select></label><button type=\"submit\">\(h(c.t("Filter", "پالایش")))</button></form>"
        let first = total == 0 ? 0 : query.offset + 1
        let last = query.offset + selection.relations.count
        body += "<p class=\"note\">\(h(c.t("\(first)–\(last) of \(total) relations", "\(first)–\(last) از \(total) رابطه")))</p>"
        body += RelationTable(context: c, countries: observatory.countriesByCode).render(selection.relations, cities: selection.cities)
        // Paging and exports keep the filters.
        let kept = c.fields.pairs.filter { !["page", "lang"].contains($0.name) && !$0.value.isEmpty }.map { ($0.name, Optional($0.value)) }
        var paging: [String] = []
        if page > 1 { paging.append("<a rel=\"prev\" href=\"\(h(c.href("/relations", kept + [("page", String(page - 1))])))\">\(h(c.t("← previous", "→ قبلی")))</a>") }
        if last < total { paging.append("<a rel=\"next\" href=\"\(h(c.href("/relations", kept + [("page", String(page + 1))])))\">\(h(c.t("next →", "بعدی ←")))</a>") }
        if !paging.isEmpty { body += "<nav class=\"paging\">\(paging.joined(separator: " "))</nav>" }
        body += "<p>\(h(c.t("Export these relations:", "برون‌بری این روابط:")))"
        for (file, label) in [("relations.csv", "CSV"), ("relations.geojson", "GeoJSON"), ("relations.graphml", "GraphML")] {
            let exportQuery = kept.map { "\(PageContext.encode($0.0))=\(PageContext.encode($0.1 ?? ""))" }.joined(separator: "&")
            body += " <a href=\"\(h("/api/v1/export/\(file)" + (exportQuery.isEmpty ? "" : "?" + exportQuery)))\">\(label)</a>"
        }
        body += "</p>"
        return Layout.page(title: c.t("Relations", "روابط"), body: body, context: c)
    }
}

/// A table of relations with links to both cities, dates in both calendars and sources.
struct RelationTable {
    let context: PageContext
    let countries: [CountryCode: Country]

    func render(_ relations: [BilateralRelation], cities: [String: City], from home: String? = nil) -> String {
        let c = context
        var out = "<table><thead><tr>"
        let headers = home == nil
            ? [("City", "شهر"), ("Partner", "شهر طرف"), ("Partner country", "کشور طرف"), ("Kind", "نوع"), ("Signed", "تاریخ انعقاد"), ("Sources", "منابع")]
            : [("Partner", "شهر طرف"), ("Country", "کشور"), ("Kind", "نوع"), ("Signed", "تاریخ انعقاد"), ("Sources", "منابع")]
        out += headers.map { "<th>\(h(c.t($0.0, $0.1)))</th>" }.joined() + "<th><span class=\"visually-hidden\">\(h(c.t("Edit", "ویرایش")))</span></th></tr></thead><tbody>"
        for relation in relations {
            let first = home.map { relation.partner(of: $0) } ?? relation.cityID
            let second = home == nil ? relation.partnerID : nil
            out += "<tr id=\"\(h(relation.id))\">"
            out += "<td>\(cityLink(first, cities))</td>"
            if let second { out += "<td>\(cityLink(second, cities))</td>" }
            let country = cities[second ?? first]?.country
            out += "<td>\(country.map { "<a href=\"\(h(c.href("/countries/\($0.rawValue)")))\">\(h(countries[$0].map { c.text($0.name) } ?? $0.rawValue))</a>" } ?? "")</td>"
            out += "<td>\(h(c.text(relation.kind.label)))</td>"
            out += "<td>\(relation.signed.map { h(c.style.date($0)) } ?? "—")</td>"
            out += "<td>\(relation.sources.map { source in source.url.map { HTMLPage.link($0, text: source.title) } ?? h(source.locator ?? source.title) }.joined(separator: "<br>"))</td>"
            out += "<td><a href=\"\(h(c.href("/edit/relations/\(PageContext.segment(relation.id))")))\" title=\"\(h(c.t("Edit", "ویرایش")))\">✎</a></td></tr>"
        }
        return out + "</tbody></table>"
    }

    func cityLink(_ id: String, _ cities: [String: City]) -> String {
        guard let city = cities[id] else { return h(id) }
        return "<a href=\"\(h(context.href("/cities/\(PageContext.segment(id))")))\">\(h(context.text(city.name)))</a>"
    }
}
