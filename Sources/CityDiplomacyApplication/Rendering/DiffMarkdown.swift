import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip diff` for people, in English or Persian: how many pairs are in both datasets, only
/// in one, or in both with a conflict, then each list — cities by their names in the language,
/// countries by name, kinds by their labels, dates in both calendars in Persian.
///
/// ```swift
/// let diff = try await workspace.diff(DiffRequest(datasetA: "iran-2018", datasetB: "wikipedia-2026", country: "IR"))
/// print(DiffMarkdown(language: .fa, countries: workspace.directory).render(diff))
/// ```
public struct DiffMarkdown: Sendable {
    public var style: OutputStyle
    public var countries: CountryDirectory

    public init(language: Language, countries: CountryDirectory) {
        style = OutputStyle(language: language)
        self.countries = countries
    }

    public func render(_ diff: DiffView) -> String {
        let a = style.code(diff.a), b = style.code(diff.b)
        var lines = ["# " + title(diff), ""]
        lines += style.header(["", style.message("diff.pairs")])
        lines += [
            style.row([style.message("diff.in-both"), style.number(diff.inBoth.count)]),
            style.row([style.message("diff.only-in", ["dataset": a]), style.number(diff.onlyInA.count)]),
            style.row([style.message("diff.only-in", ["dataset": b]), style.number(diff.onlyInB.count)]),
            style.row([style.message("diff.conflicting"), style.number(diff.conflicting.count)]),
            "",
        ]
        lines += section(style.message("diff.heading.only-in", ["dataset": a]), diff.onlyInA.map(describe))
        lines += section(style.message("diff.heading.only-in", ["dataset": b]), diff.onlyInB.map(describe))
        lines += section(style.message("diff.heading.conflicting"), diff.conflicting.map { conflict in
            describe(conflict.a) + " — " + conflict.differences.map(describe).joined(separator: style.semicolon)
        })
        lines += section(style.message("diff.heading.in-both"), diff.inBoth.map { describe($0.a) + " ≈ " + describe($0.b) })
        return lines.joined(separator: "\n")
    }

    /// The two datasets, and the country or city the comparison was limited to.
    private func title(_ diff: DiffView) -> String {
        var title = style.message("diff.title", ["a": style.code(diff.a), "b": style.code(diff.b)])
        if let country = diff.request.country {
            title += style.message("diff.scope.country", ["country": style.country(written: country, in: countries)])
        }
        if let city = diff.request.city {
            title += style.message("diff.scope.city", ["city": style.asWritten(city)])
        }
        return title
    }

    private func section(_ heading: String, _ items: [String]) -> [String] {
        ["## " + heading, ""] + items.map { "- " + $0 } + [""]
    }

    private func describe(_ item: DiffView.Relation) -> String {
        let relation = style.message("diff.relation", [
            "city": style.name(item.cityName), "cityCountry": style.country(code: item.cityCountryISO2, in: countries),
            "partner": style.name(item.partnerName), "partnerCountry": style.country(code: item.partnerCountryISO2, in: countries),
            "kind": style.name(item.kindLabel),
        ])
        guard let signed = item.signedDate else { return relation }
        return style.message("diff.relation.signed", ["relation": relation, "date": style.date(signed)])
    }

    private func describe(_ difference: DatasetComparison.Difference) -> String {
        switch difference {
        case let .kind(a, b):
            let labels = { (kinds: [RelationKind]) in kinds.map { style.name($0.label) }.joined(separator: " + ") }
            return style.message("diff.conflict.kind", ["a": labels(a), "b": labels(b)])
        case let .year(a, b):
            return style.message("diff.conflict.year", ["a": style.date(a), "b": style.date(b)])
        }
    }
}
