import CityDiplomacyAnalysis
import CityDiplomacyCore

/// A dataset's records as an analysis counts them: as stored, each district or other part of a
/// city as its own place (the default), or with every part counted with its city
/// (`--aggregate-parts`, `aggregate_parts=true`), together with what that changed.
///
/// ```swift
/// let counted = try await workspace.countedContent(ofDataset: "wikipedia", aggregateParts: true)
/// RegistryStatistics(contents: [counted.content])
/// counted.aggregationView?.note   // "Districts and other parts counted with their cities: …"
/// ```
public struct CountedContent: Sendable {
    public var content: DatasetContent
    /// What aggregating parts changed; `nil` when parts are counted as themselves.
    public var aggregation: PartAggregation?

    /// The aggregation as outputs state it.
    public var aggregationView: PartAggregationView? {
        aggregation.map { PartAggregationView($0, scope: .datasets) }
    }
}

extension Workspace {
    /// `content` as counted: as stored, or with its parts counted with their cities.
    public func counted(_ content: DatasetContent, aggregateParts: Bool) -> CountedContent {
        guard aggregateParts else { return CountedContent(content: content, aggregation: nil) }
        let (aggregated, summary) = content.aggregatingParts()
        return CountedContent(content: aggregated, aggregation: summary)
    }

    /// Dataset `id` (the default dataset when `nil`) as counted.
    public func countedContent(ofDataset id: String?, aggregateParts: Bool) async throws -> CountedContent {
        counted(try await content(ofDataset: id), aggregateParts: aggregateParts)
    }

    /// Several datasets as counted, and their aggregations together (`nil` when not aggregating).
    func counted(_ contents: [DatasetContent], aggregateParts: Bool) -> (contents: [DatasetContent], aggregation: PartAggregation?) {
        guard aggregateParts else { return (contents, nil) }
        let counted = contents.map { self.counted($0, aggregateParts: true) }
        var together = PartAggregation()
        for item in counted { together.add(item.aggregation ?? PartAggregation()) }
        return (counted.map(\.content), together)
    }
}
