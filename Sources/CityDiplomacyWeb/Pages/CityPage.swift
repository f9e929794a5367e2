import CityDiplomacyCore
import CityDiplomacyPresentation

/// `/cities/{id}`: a city's partners on a map and in a table, its memberships, events and every
/// source cited.
struct CityPage {
    let observatory: Observatory
    let context: PageContext

    func render(cityID: String) async throws -> String {
        let c = context
        guard let profile = try await observatory.registry.profile(ofCity: cityID) else {
            throw WebError.notFound(c.t("city '\(cityID)'", "شهر «\(cityID)»"), field: "id").asPage(c)
        }
        let city = profile.city
        var cities = Dictionary(profile.relations.map { ($0.partner.id, $0.partner) }, uniquingKeysWith: { first, _ in first })
        cities[city.id] = city
        var body = "<h1>\(h(c.text(city.name)))"
        if c.language == .en, let fa = city.name.fa { body += " <span lang=\"fa\" dir=\"rtl\">\(h(fa))</span>" }
        if c.language == .fa, city.name.fa != nil { body += " <span lang=\"en\" dir=\"ltr\">\(h(city.name.en))</span>" }
        body += "</h1><p class=\"note\">"
        body += "<a href=\"\(h(c.href("/countries/\(city.country.rawValue)")))\">\(h(observatory.countryName(city.country, c.language)))</a>"
        if let point = city.coordinates {
            body += " · " + h(c.style.digits(String(format: "%.3f, %.3f", point.latitude, point.longitude)))
        }
        if let population = city.population { body += " · " + h(c.t("population ", "جمعیت ")) + h(c.number(population)) }
        body += " · " + h(c.t("dataset", "مجموعه داده")) + " <code>\(h(profile.dataset.id))</code>"
        if !city.aliases.isEmpty { body += "<br>" + h(c.t("Also written: ", "نگارش‌های دیگر: ")) + h(city.aliases.joined(separator: ", ")) }
        body += "</p>"
        let partners = profile.relations.map(\.partner)
        var map = WorldMap(title: c.t("Partners of \(city.name.en) on the world map", "شهرهای طرف رابطهٔ \(city.name[.fa]) بر نقشهٔ جهان"))
        let home = await observatory.location(of: city)
        if let home {
            map.points.append(.init(coordinates: home.coordinates, label: c.text(city.name), href: nil, emphasised: true))
        }
        var drawn = 0, placedByGazetteer = home?.fromGazetteer == true ? 1 : 0
        for partner in partners {
            guard let place = await observatory.location(of: partner) else { continue }
            drawn += 1
            if place.fromGazetteer { placedByGazetteer += 1 }
            map.points.append(.init(coordinates: place.coordinates, label: c.text(partner.name), href: c.href("/cities/\(PageContext.segment(partner.id))")))
            if let home { map.arcs.append((home.coordinates, place.coordinates)) }
        }
        var caption = c.t("\(drawn) of \(partners.count) partners drawn", "\(drawn) از \(partners.count) شهر طرف رابطه نشان داده شده")
        if placedByGazetteer > 0 {
            caption += c.t("; \(placedByGazetteer) places located by name in the GeoNames gazetteer, as the records give no coordinates.",
                           "؛ \(placedByGazetteer) مکان با نامشان در گزیدهٔ GeoNames یافته شده‌اند، چون داده‌ها مختصات ندارند.")
        } else {
            caption += "."
        }
        body += "<figure>\(map.svg())<figcaption>\(h(caption))</figcaption></figure>"
        body += "<h2>\(h(c.t("Relations", "روابط"))) (\(h(c.number(profile.relations.count))))</h2>"
        body += RelationTable(context: c, countries: observatory.countriesByCode).render(profile.relations.map(\.relation), cities: cities, from: city.id)
        let newRecord: [(String, String)] = [("dataset", profile.dataset.id), ("city", city.id)]
        body += "<p class=\"actions\"><a href=\"\(h(c.href("/edit/relations/new", newRecord)))\">\(h(c.t("Add a relation", "افزودن رابطه")))</a> · "
        body += "<a href=\"\(h(c.href("/edit/memberships/new", newRecord)))\">\(h(c.t("Add a membership", "افزودن عضویت")))</a> · "
        body += "<a href=\"\(h(c.href("/edit/events/new", newRecord)))\">\(h(c.t("Add an event", "افزودن رویداد")))</a></p>"
        if !profile.memberships.isEmpty {
            body += "<h2>\(h(c.t("Memberships in networks", "عضویت در شبکه‌ها")))</h2><ul>"
            for (membership, network) in profile.memberships {
                body += "<li><a href=\"\(h(c.href("/networks/\(PageContext.segment(network.id))")))\">\(h(c.text(network.name)))</a>"
                if let role = membership.role { body += " — \(h(c.text(role)))" }
                if let since = membership.since { body += " (\(h(c.t("since", "از"))) \(h(c.style.date(since))))" }
                body += " <a href=\"\(h(c.href("/edit/memberships/\(PageContext.segment(membership.id))")))\" title=\"\(h(c.t("Edit", "ویرایش")))\">✎</a></li>"
            }
            body += "</ul>"
        }
        if !profile.events.isEmpty {
            body += "<h2>\(h(c.t("International events", "رویدادهای بین‌المللی")))</h2><ul>"
            for event in profile.events {
                body += "<li>\(h(c.text(event.title))) — \(h(c.number(event.year)))\(event.awardingBody.map { " · " + h($0) } ?? "")"
                body += " <a href=\"\(h(c.href("/edit/events/\(PageContext.segment(event.id))")))\" title=\"\(h(c.t("Edit", "ویرایش")))\">✎</a></li>"
            }
            body += "</ul>"
        }
        var sources: [SourceCitation] = []
        var seen: Set<String> = []
        for source in profile.relations.flatMap(\.relation.sources) + profile.memberships.flatMap(\.membership.sources) + profile.events.flatMap(\.sources)
        where seen.insert(source.id).inserted {
            sources.append(source)
        }
        body += "<h2>\(h(c.t("Sources", "منابع"))) (\(h(c.number(sources.count))))</h2><ol class=\"sources\">"
        for source in sources {
            body += "<li>" + (source.url.map { HTMLPage.link($0, text: source.title) } ?? h(source.title))
            if let publisher = source.publisher { body += " — \(h(publisher))" }
            if let published = source.published { body += " · \(h(c.style.date(published)))" }
            if let accessed = source.accessed { body += " · \(h(c.t("accessed", "دسترسی"))) \(h(c.style.date(accessed)))" }
            if let locator = source.locator { body += " · \(h(locator))" }
            body += " <code>\(h(source.id))</code> <a href=\"\(h(c.href("/edit/sources/\(PageContext.segment(source.id))")))\" title=\"\(h(c.t("Edit", "ویرایش")))\">✎</a></li>"
        }
        body += "</ol>"
        return Layout.page(title: c.text(city.name), body: body, context: c)
    }
}
