import CityDiplomacyApplication

/// `citydip stats` for people: the totals, the ranking of cities and the busiest countries.
enum StatisticsMarkdown {
    static func render(_ statistics: StatisticsView) -> String {
        var lines = ["# Statistics\(statistics.dataset.map { " of \($0)" } ?? " of all datasets")", "",
                     "relations: \(statistics.relations); cities: \(statistics.cities); countries: \(statistics.countries)", ""]
        if let aggregation = statistics.aggregation { lines += [aggregation.note.en, ""] }
        lines += ["| City | Country | Partners |", "|---|---|---|"]
        lines += statistics.topCities.map { "| \($0.city) | \($0.countryISO2) | \($0.degree) |" }
        lines += ["", "Relations by country: " + statistics.byCountry.prefix(20).map { "\($0.code) \($0.relations)" }.joined(separator: ", ")]
        return lines.joined(separator: "\n") + "\n"
    }
}
