import CityDiplomacyCore

/// A table of relations with links to both cities, dates in both calendars and sources, as the
/// `_relation-table` template shows it on the relations, city and country pages.
struct RelationTable {
    let context: PageContext
    let countries: [CountryCode: Country]

    /// The relations; `home` (a city page's city) leaves out the column of that city.
    func view(_ relations: [BilateralRelation], cities: [String: City], from home: String? = nil) -> RelationTableView {
        let c = context
        let headers = home == nil
            ? ["city", "partner", "partner-country", "kind", "signed", "sources"]
            : ["partner", "country", "kind", "signed", "sources"]
        let rows = relations.map { relation in
            let first = home.map { relation.partner(of: $0) } ?? relation.cityID
            let second = home == nil ? relation.partnerID : nil
            let country = cities[second ?? first]?.country
            let sources = relation.sources.map { source in
                let title = c.style.digits(source.title(in: c.language))
                let link = source.url.map { LinkView.external($0, text: title) } ?? LinkView(text: source.locator(in: c.language).map(c.style.digits) ?? title, target: nil)
                return RelationTableView.Source(link: link, supplementNote: source.isSupplement ? c.text(.message("supplement.added")) : nil)
            }
            return RelationTableView.Row(
                id: relation.id, cityCell: cityLink(first, cities), partnerCell: second.map { cityLink($0, cities) },
                countryCell: country.map { LinkView(text: countries[$0].map { c.text($0.name) } ?? $0.rawValue, target: c.href("/countries/\($0.rawValue)")) },
                kind: c.text(relation.kind.label), signed: relation.signed.map { c.style.date($0) } ?? "—", sources: sources,
                edit: c.canEdit ? c.href("/edit/relations/\(PageContext.segment(relation.id))") : nil)
        }
        return RelationTableView(headers: headers.map { c.text(.message("web.relation-table.\($0)")) },
                                 editColumnLabel: c.canEdit ? c.text(.message("web.edit")) : nil, rows: rows)
    }

    /// A city's name linked to its page, or its id when the city is not known.
    func cityLink(_ id: String, _ cities: [String: City]) -> LinkView {
        guard let city = cities[id] else { return LinkView(text: id, target: nil) }
        return LinkView(text: context.text(city.name), target: context.href("/cities/\(PageContext.segment(id))"))
    }
}

/// What the `_relation-table` template shows.
struct RelationTableView {
    struct Row {
        let id: String
        let cityCell: LinkView
        /// The second city, on lists that show both ends.
        let partnerCell: LinkView?
        let countryCell: LinkView?
        let kind: String
        let signed: String
        let sources: [Source]
        let edit: String?
    }

    /// A source a relation cites, and whether this project's editors added it.
    struct Source {
        let link: LinkView
        let supplementNote: String?
    }

    let headers: [String]
    /// Named apart from the pages' own `editLabel`: a template looks a missing value up in the page around it.
    let editColumnLabel: String?
    let rows: [RelationTableView.Row]
}
