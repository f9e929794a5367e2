import CityDiplomacyAnalysis
import CityDiplomacyCore

/// `/`: the datasets, totals, and a dataset's relations by region, period and kind.
struct DashboardPage {
    let observatory: Observatory
    let context: PageContext

    func render() async throws -> String {
        let filters = context.filters
        let datasets = try await observatory.registry.datasets()
        let content = try await observatory.content(ofDataset: filters.text("dataset"))
        // Every dataset is read once: the chosen one for its charts, all of them for the totals.
        var contents = [content]
        for dataset in datasets where dataset.id != content.dataset.id {
            if let other = try await observatory.registry.content(ofDataset: dataset.id) { contents.append(other) }
        }
        let all = RegistryStatistics(contents: contents, top: 10)
        let analysis = RelationAnalysis(content: content)
        let c = context
        var body = "<h1>\(h(c.t("City diplomacy observatory", "رصدخانهٔ دیپلماسی شهری")))</h1>"
        body += "<section class=\"totals\">"
        for (value, en, fa) in [(all.relations, "relations", "رابطه"), (all.cities, "cities", "شهر"), (all.countries, "countries", "کشور"), (datasets.count, "datasets", "مجموعه داده")] {
            body += "<div><span class=\"figure\">\(h(c.number(value)))</span> \(h(c.t(en, fa)))</div>"
        }
        body += "</section>"
        body += "<h2>\(h(c.t("Datasets", "مجموعه‌های داده")))</h2><table><thead><tr><th>\(h(c.t("Dataset", "مجموعه داده")))</th><th>\(h(c.t("Title", "عنوان")))</th><th>\(h(c.t("Provenance", "خاستگاه")))</th></tr></thead><tbody>"
        for dataset in datasets {
            let current = dataset.id == content.dataset.id
            body += "<tr\(current ? " class=\"current\"" : "")><td><a href=\"\(h(c.href("/", [("dataset", dataset.id)])))\">\(h(dataset.id))</a></td><td>\(h(c.text(dataset.title)))</td><td>\(h(dataset.provenance ?? dataset.sourceFile ?? ""))</td></tr>"
        }
        body += "</tbody></table>"
        body += "<h2>\(h(c.t("Dataset", "مجموعه داده"))) <code>\(h(content.dataset.id))</code>: \(h(c.number(content.relations.count))) \(h(c.t("relations", "رابطه")))</h2>"
        body += "<p><a href=\"\(h(c.href("/relations", [("dataset", content.dataset.id)])))\">\(h(c.t("List its relations", "فهرست روابط آن")))</a></p>"
        var charts: [(String, String, Dimension)] = []
        if let regions = observatory.schemes["study-regions"] { charts.append(("By region of the partner", "بر پایهٔ منطقهٔ طرف رابطه", .category(regions))) }
        if let periods = observatory.periodisations["iran-study-discourses"] { charts.append(("By foreign-policy period", "بر پایهٔ دورهٔ سیاست خارجی", .period(periods, .standard))) }
        charts.append(("By kind", "بر پایهٔ نوع رابطه", .kind))
        for (en, fa, dimension) in charts {
            let tally = analysis.tally(by: dimension)
            let title = c.t(en, fa)
            body += "<figure><figcaption>\(h(title))</figcaption>"
            body += BarChart(title: title, bars: tally.rows.map { .init(label: c.text($0.key.label), value: $0.count, href: nil) },
                             rightToLeft: c.language == .fa, format: c.number).svg()
            body += "</figure>"
        }
        let ranking = RegistryStatistics(contents: [content], top: 15)
        body += "<figure><figcaption>\(h(c.t("Cities with the most partners", "شهرهای دارای بیشترین شریک")))</figcaption>"
        body += BarChart(title: c.t("Cities with the most partners", "شهرهای دارای بیشترین شریک"),
                         bars: ranking.topCities.map { .init(label: c.text($0.city.name) + " (" + $0.city.country.rawValue + ")", value: $0.degree, href: c.href("/cities/\(PageContext.segment($0.city.id))")) },
                         rightToLeft: c.language == .fa, format: c.number).svg()
        body += "</figure>"
        return Layout.page(title: c.t("Dashboard", "پیشخوان"), body: body, context: c)
    }
}
