import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

/// Every command's `--lang fa` output reads as Persian: no English words but the exceptions
/// `LatinInPersian` lists (addresses, code, licence ids and formats, sources cited in their own
/// language, names with no Persian form yet).
@Suite("Persian output of every command holds no English words but the listed exceptions")
struct PersianOutputTests {
    static let twins = """
        city1,country1,lat1,lng1,city2,country2,lat2,lng2
        Isfahan,Iran,32.65,51.67,Freiburg im Breisgau,Germany,47.99,7.85
        Isfahan,Iran,32.65,51.67,Kuala Lumpur,Malaysia,3.14,101.69
        Berlin,Germany,52.52,13.40,Paris,France,48.86,2.35
        Atlantis,Atlantis,10.00,-40.00,Paris,France,48.86,2.35

        """

    static func allowed() throws -> [String] {
        let content = try #require(try BundledDatasets.load(id: "iran-2018", countries: CountryDirectory.bundled()))
        let sources = content.sources + content.relations.flatMap(\.sources) + content.memberships.flatMap(\.sources)
            + content.networks.flatMap(\.sources) + content.events.flatMap(\.sources)
        // The imported file's own words: a name it gives that has no Persian form is shown as given.
        return sources.filter { $0.language != "fa" }.flatMap { [$0.title, $0.publisher].compactMap { $0 } } + ["Atlantis"]
    }

    static let commands: [[String]] = [
        ["report"], ["report", "--format", "html"],
        ["audit", "--format", "summary"], ["audit", "--format", "md"], ["audit", "--format", "html"],
        ["tables", "--table", "1"], ["tables", "--table", "2"], ["tables", "--table", "3"], ["tables", "--table", "4"],
        ["tables", "--table", "3", "--rule", "later"],
        ["show", "Tehran"], ["show", "Isfahan"], ["show", "Ramsar"], ["show", "Mashhad"],
        ["relations", "--city", "Tehran"], ["relations"],
        ["count", "--by", "period:iran-presidencies"], ["count", "--by", "period:iran-study-discourses"],
        ["count", "--by", "group:study-regions"], ["count", "--by", "scheme:study-civilisations"], ["count", "--by", "kind"],
        ["count", "--by", "partner-country"], ["count", "--by", "decade"],
        ["stats"], ["datasets"], ["schemes"], ["datasets", "--dataset", "iran-2018"],
        ["schemes", "--scheme", "study-civilisations"], ["schemes", "--scheme", "study-civilisations:by-region", "--format", "html"],
        ["schemes", "--scheme", "study-regions", "--format", "csv"],
        ["cite", "--study", "--format", "reference"], ["cite", "--dataset", "iran-2018", "--format", "reference"],
        ["cite", "--source", "iran-2018:t1-tabriz-fn8", "--format", "reference"],
    ]

    @Test("report, audit, tables, show, relations, count, stats, datasets, schemes, quality and diff in Persian")
    func everyCommand() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let allowed = try Self.allowed()
        var faults: [String] = []
        func check(_ arguments: [String]) throws {
            let result = try citydip.run(arguments + ["--lang", "fa"])
            #expect(result.status == 0, Comment(rawValue: "citydip \(arguments.joined(separator: " ")) --lang fa: \(result.stderr)"))
            var text = result.stdout
            if arguments.contains("html") {
                // What a reader sees of a page: no styles, tags or code.
                for pattern in ["<style[^>]*>[\\s\\S]*?</style>", "<code>[^<]*</code>", "<[^>]*>"] {
                    text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
                }
                for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                    text = text.replacingOccurrences(of: entity, with: character)
                }
            }
            if arguments.contains("csv") {
                // A CSV's first column holds the ids (`شناسه`): code a program reads, as a page's <code>.
                text = text.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1).dropFirst().joined() }.joined(separator: "\n")
            }
            let runs = LatinInPersian.offendingRuns(in: text, allowing: allowed)
            if !runs.isEmpty {
                faults.append("citydip \(arguments.joined(separator: " ")): " + Array(Set(runs)).sorted().prefix(15).joined(separator: " | "))
            }
        }
        for arguments in Self.commands { try check(arguments) }

        let folder = citydip.database.deletingLastPathComponent()
        let path = folder.appendingPathComponent("twins.csv").path
        try Self.twins.write(toFile: path, atomically: true, encoding: .utf8)
        try check(["import", path, "--format", "wikipedia-csv", "--dataset", "twins"])
        try check(["quality", "--dataset", "twins"])
        try check(["diff", "iran-2018", "twins"])
        try check(["stats", "--dataset", "twins"])
        #expect(faults.isEmpty, Comment(rawValue: "English in \(faults.count) Persian outputs:\n" + faults.joined(separator: "\n")))
    }
}
