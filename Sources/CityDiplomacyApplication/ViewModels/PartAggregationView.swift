import CityDiplomacyAnalysis
import CityDiplomacyCore

/// What counting parts with their cities changed, as every output that aggregates parts states
/// it: `{"parts", "cities", "relations_merged", "internal_relations_left_out", "ignored_links"}`
/// in JSON (under `aggregated_parts`, `null` when parts are counted as themselves), and a note
/// line in every language for tables, Markdown and pages.
///
/// ```swift
/// let view = PartAggregationView(summary, scope: .datasets)
/// view.note.en   // "Districts and other parts counted with their cities: 79 parts into 3 cities; …"
/// ```
public struct PartAggregationView: Encodable, Hashable, Sendable {
    /// What the figures are of: every city counted, or one city's profile.
    public enum Scope: Hashable, Sendable {
        case datasets, city
    }

    public var scope: Scope
    /// Parts counted with another city.
    public var parts: Int
    /// Cities that had parts counted with them.
    public var cities: Int
    public var relationsMerged: Int
    public var internalRelationsLeftOut: Int
    /// Cities whose `part of` could not be followed (it names no city of the dataset, or goes round
    /// in a cycle), counted as themselves.
    public var ignoredLinks: [String]

    public init(_ summary: PartAggregation, scope: Scope) {
        self.scope = scope
        parts = summary.partsFolded
        cities = summary.citiesWithParts
        relationsMerged = summary.relationsMerged
        internalRelationsLeftOut = summary.internalRelationsLeftOut
        ignoredLinks = summary.ignoredLinks
    }

    /// The note saying so, with the links not followed if any.
    public var note: LocalizedText {
        let counts = ["parts": String(parts), "cities": String(cities), "merged": String(relationsMerged), "internal": String(internalRelationsLeftOut)]
        var note = LocalizedText.message(scope == .city ? "parts.note.city" : "parts.note", counts)
        if !ignoredLinks.isEmpty {
            let ignored = LocalizedText.message("parts.note.ignored", ["count": String(ignoredLinks.count), "ids": ignoredLinks.map { "`\($0)`" }.joined(separator: ", ")])
            note = LocalizedText(en: note.en + " " + ignored.en, fa: [note.fa, ignored.fa].compactMap { $0 }.joined(separator: " "))
        }
        return note
    }

    enum CodingKeys: String, CodingKey {
        case parts, cities, relationsMerged = "relations_merged", internalRelationsLeftOut = "internal_relations_left_out", ignoredLinks = "ignored_links"
    }
}
