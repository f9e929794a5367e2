import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip stats` for people, in English or Persian: the totals, the cities with the most
/// partners and the countries with the most relations, named as a reader of the language knows
/// them.
///
/// It renders the view model both front ends get (``StatisticsView``), so the web can show the
/// same text; it lives beside the view models because the presentation target, below them,
/// cannot see them.
///
/// ```swift
/// let statistics = try await workspace.statistics(dataset: "iran-2018", top: 10)
/// print(StatisticsMarkdown(language: .fa, countries: workspace.directory).render(statistics))
/// ```
public struct StatisticsMarkdown: Sendable {
    public var style: OutputStyle
    public var countries: CountryDirectory
    /// How many countries the closing line names.
    public var countriesListed = 20

    public init(language: Language, countries: CountryDirectory) {
        style = OutputStyle(language: language)
        self.countries = countries
    }

    public func render(_ statistics: StatisticsView) -> String {
        let title = statistics.dataset.map { style.message("stats.title.dataset", ["dataset": style.code($0)]) } ?? style.message("stats.title.all")
        var lines = ["# " + title, "",
                     style.message("stats.totals", ["relations": style.number(statistics.relations), "cities": style.number(statistics.cities),
                                                    "countries": style.number(statistics.countries)]), ""]
        if let aggregation = statistics.aggregation { lines += [style.text(aggregation.note), ""] }
        lines += style.header(["stats.column.city", "stats.column.country", "stats.column.partners"].map { style.message($0) })
        lines += statistics.topCities.map { city in
            style.row([style.name(city.name), style.country(code: city.countryISO2, in: countries), style.number(city.degree)])
        }
        let counts = statistics.byCountry.prefix(countriesListed).map { code, relations in
            style.message("stats.country-count", ["country": style.country(code: code, in: countries), "relations": style.number(relations)])
        }
        lines += ["", style.message("stats.by-country", ["counts": counts.joined(separator: style.comma)])]
        return lines.joined(separator: "\n") + "\n"
    }
}
