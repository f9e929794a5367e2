import CityDiplomacyApplication

/// The places `citydip quality --status/--limit/--offset` selects, as a Markdown table after the
/// report: each place as the file names it, the record it became and the evidence.
enum QualityMarkdown {
    static func places(_ view: ImportQualityView, status: PlaceStatusChoice?) -> String {
        let page = view.places
        let first = page.items.isEmpty ? 0 : page.offset + 1
        let last = page.offset + page.items.count
        var lines = ["## Places: \(status?.rawValue ?? "all") (\(first)–\(last) of \(page.total))", "",
                     "| name | country | status | city | gazetteer name | GeoNames | km | part of | reason | candidates |",
                     "|---|---|---|---|---|---|---|---|---|---|"]
        lines += page.items.map { place in
            let cells = [place.name, place.country ?? "", place.status.rawValue, place.city, place.matched ?? "",
                         place.geonamesID.map(String.init) ?? "", place.kilometres.map { String($0) } ?? "", place.partOf ?? "",
                         place.reason, place.candidates.joined(separator: "; ")]
            return "| " + cells.map(cell).joined(separator: " | ") + " |"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
