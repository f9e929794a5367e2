import Foundation

/// What an import found in a file: counts, and every name, pair and coordinate that needs a
/// person's eye. Printed after each import and kept with the dataset for `citydip quality`.
public struct ImportQualityReport: Hashable, Sendable, Codable {
    public struct PairNote: Hashable, Sendable, Codable {
        public var line: Int
        public var city1: String
        public var city2: String
    }

    public struct NameNote: Hashable, Sendable, Codable {
        public var name: String
        public var country: String?
        public var occurrences: Int
        /// The first rows it occurs in.
        public var lines: [Int]
        public var reason: String
        /// Possible places, as `Name, CC (geonames id, population)`.
        public var candidates: [String]
    }

    public struct CoordinateNote: Hashable, Sendable, Codable {
        public var line: Int
        public var name: String
        public var given: String
        public var resolvedTo: String
        public var kilometres: Int
        public var problem: String
    }

    public struct CountryNote: Hashable, Sendable, Codable {
        public var country: String
        public var occurrences: Int
        public var lines: [Int]
    }

    public var file: String
    public var format: String
    public var dataset: String
    public var contentHash: String
    public var rowsRead: Int
    public var relationsCreated: Int
    public var duplicatesMerged: Int
    public var citiesCreated: Int
    public var citiesResolved: Int
    public var citiesUnresolved: Int
    public var selfPairs: [PairNote]
    public var domesticPairs: Int
    /// Domestic pairs by country, most first.
    public var domesticByCountry: [String: Int]
    public var unresolvedNames: [NameNote]
    /// Names resolved with low confidence or by choosing among namesakes.
    public var uncertainNames: [NameNote]
    public var coordinateIssues: [CoordinateNote]
    public var unknownCountries: [CountryNote]

    enum CodingKeys: String, CodingKey {
        case file, format, dataset
        case contentHash = "content_hash"
        case rowsRead = "rows_read"
        case relationsCreated = "relations_created"
        case duplicatesMerged = "duplicates_merged"
        case citiesCreated = "cities_created"
        case citiesResolved = "cities_resolved"
        case citiesUnresolved = "cities_unresolved"
        case selfPairs = "self_pairs"
        case domesticPairs = "domestic_pairs"
        case domesticByCountry = "domestic_by_country"
        case unresolvedNames = "unresolved_names"
        case uncertainNames = "uncertain_names"
        case coordinateIssues = "coordinate_issues"
        case unknownCountries = "unknown_countries"
    }

    /// The report as JSON: indented for people, or compact, as the registry stores it (a large
    /// import's report is a few megabytes indented, and indenting it cost a tenth of a second).
    public func json(prettyPrinted: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    public static func decode(json: String) -> ImportQualityReport? {
        try? JSONDecoder().decode(ImportQualityReport.self, from: Data(json.utf8))
    }

    /// The report for people; long lists are cut to `limit` entries, with the count of the rest.
    public func markdown(limit: Int = 25) -> String {
        func cut<T>(_ items: [T], _ line: (T) -> String) -> [String] {
            var lines = items.prefix(limit).map(line)
            if items.count > limit { lines.append("- … and \(items.count - limit) more (see --report json)") }
            return lines
        }
        var lines = [
            "# Import quality: \(file) → dataset \(dataset)", "",
            "| | |", "|---|---|",
            "| format | \(format) |",
            "| rows read | \(rowsRead) |",
            "| relations created | \(relationsCreated) |",
            "| duplicates merged | \(duplicatesMerged) |",
            "| cities | \(citiesCreated) (\(citiesResolved) resolved to GeoNames, \(citiesUnresolved) unresolved) |",
            "| self-pairs | \(selfPairs.count) |",
            "| domestic pairs | \(domesticPairs) |",
            "| unresolved names | \(unresolvedNames.count) |",
            "| uncertain resolutions | \(uncertainNames.count) |",
            "| coordinate issues | \(coordinateIssues.count) |",
            "| unknown countries | \(unknownCountries.count) |",
            "", "SHA-256 of the file: `\(contentHash)`", "",
        ]
        if !selfPairs.isEmpty {
            lines += ["## Self-pairs (kept, flagged)", ""] + cut(selfPairs) { "- line \($0.line): \($0.city1) – \($0.city2)" } + [""]
        }
        if !domesticByCountry.isEmpty {
            let top = domesticByCountry.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            lines += ["## Domestic pairs (kept, flagged)", "", top.prefix(15).map { "\($0.key) \($0.value)" }.joined(separator: ", "), ""]
        }
        if !unresolvedNames.isEmpty {
            lines += ["## Unresolved names (kept as unresolved cities)", ""] + cut(unresolvedNames) { note in
                "- \(note.name)\(note.country.map { ", \($0)" } ?? "") ×\(note.occurrences) (line \(note.lines.map(String.init).joined(separator: ", "))): \(note.reason)\(note.candidates.isEmpty ? "" : "; candidates: " + note.candidates.joined(separator: "; "))"
            } + [""]
        }
        if !uncertainNames.isEmpty {
            lines += ["## Uncertain resolutions", ""] + cut(uncertainNames) { note in
                "- \(note.name)\(note.country.map { ", \($0)" } ?? "") ×\(note.occurrences): \(note.reason)\(note.candidates.isEmpty ? "" : "; candidates: " + note.candidates.joined(separator: "; "))"
            } + [""]
        }
        if !coordinateIssues.isEmpty {
            lines += ["## Coordinates", ""] + cut(coordinateIssues) { "- line \($0.line): \($0.name) at \($0.given): \($0.problem) (\($0.resolvedTo), \($0.kilometres) km)" } + [""]
        }
        if !unknownCountries.isEmpty {
            lines += ["## Unknown countries (cities kept under ZZ)", ""] + cut(unknownCountries) { "- \($0.country) ×\($0.occurrences) (line \($0.lines.map(String.init).joined(separator: ", ")))" } + [""]
        }
        return lines.joined(separator: "\n")
    }
}
