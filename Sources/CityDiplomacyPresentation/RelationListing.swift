import CityDiplomacyCore

/// The table `citydip relations` prints: one row per relation, with both cities, the partner's
/// country, kind, date, themes and sources.
public enum RelationListing {
    public static func table(_ selection: RelationSelection, countries: [Country]) -> Tabulation {
        let countryNames = Dictionary(countries.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        func city(_ id: String) -> City? { selection.cities[id] }
        let rows: [[Tabulation.Cell]] = selection.relations.map { relation in
            let partner = city(relation.partnerID)
            let partnerCountry = partner?.country.rawValue ?? ""
            return [
                .identifier(relation.datasetID),
                .text(city(relation.cityID)?.name ?? LocalizedText(en: relation.cityID)),
                .text(partner?.name ?? LocalizedText(en: relation.partnerID)),
                .code(partnerCountry, label: partner.flatMap { countryNames[$0.country] } ?? LocalizedText(en: partnerCountry)),
                .code(relation.kind.rawValue, label: relation.kind.label),
                relation.signed.map { .code($0.description, label: LocalizedText(en: OutputStyle(language: .en).date($0), fa: OutputStyle(language: .fa).date($0))) } ?? .empty,
                .list(relation.themes.map { .code($0.rawValue, label: $0.label) }),
                .list(relation.sources.map { source in
                    source.url.map { .link(url: $0, text: source.titleText) }
                        ?? .text(source.locatorText ?? source.titleText)
                }),
            ]
        }
        return Tabulation(
            title: LocalizedText.message("presentation.bilateral-relations"),
            columns: [
                .init(key: "dataset", title: LocalizedText.message("web.dataset")),
                .init(key: "city", title: LocalizedText.message("web.city")),
                .init(key: "partner_city", title: LocalizedText.message("analysis.partner-city")),
                .init(key: "partner_country_iso2", title: LocalizedText.message("analysis.partner-country")),
                .init(key: "kind", title: LocalizedText.message("analysis.kind")),
                .init(key: "signed", title: LocalizedText.message("presentation.signed")),
                .init(key: "themes", title: LocalizedText.message("presentation.themes")),
                .init(key: "sources", title: LocalizedText.message("column.sources")),
            ],
            rows: rows,
            notes: [.message("listing.relations-count", ["count": String(selection.relations.count)])]
        )
    }
}
