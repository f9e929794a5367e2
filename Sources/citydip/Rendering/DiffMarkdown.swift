import CityDiplomacyApplication

/// `citydip diff` for people: the counts, then each list.
enum DiffMarkdown {
    static func render(_ diff: DiffView) -> String {
        func describe(_ item: DiffView.Relation) -> String {
            "\(item.city) (\(item.cityCountryISO2)) – \(item.partner) (\(item.partnerCountryISO2)), \(item.kind)\(item.signed.map { ", \($0)" } ?? "")"
        }
        let scope = (diff.request.country.map { ", country \($0)" } ?? "") + (diff.request.city.map { ", city \($0)" } ?? "")
        var lines = ["# \(diff.a) vs \(diff.b)\(scope)", "",
                     "| | pairs |", "|---|---|",
                     "| in both | \(diff.inBoth.count) |",
                     "| only in \(diff.a) | \(diff.onlyInA.count) |",
                     "| only in \(diff.b) | \(diff.onlyInB.count) |",
                     "| in both, conflicting | \(diff.conflicting.count) |", ""]
        lines += ["## Only in \(diff.a)", ""] + diff.onlyInA.map { "- " + describe($0) } + [""]
        lines += ["## Only in \(diff.b)", ""] + diff.onlyInB.map { "- " + describe($0) } + [""]
        lines += ["## In both, conflicting", ""] + diff.conflicting.map { "- " + describe($0.a) + " — " + $0.conflicts.joined(separator: "; ") } + [""]
        lines += ["## In both", ""] + diff.inBoth.map { "- " + describe($0.a) + " ≈ " + describe($0.b) } + [""]
        return lines.joined(separator: "\n")
    }
}
