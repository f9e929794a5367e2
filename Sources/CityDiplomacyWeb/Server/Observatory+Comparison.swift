import CityDiplomacyApplication
import CityDiplomacyCore

/// Comparisons and baselines for the pages and the API, through the application's use cases.
extension Observatory {
    func compare(_ filters: Filters) async throws -> ComparisonResult {
        let request = try filters.comparisonRequest()
        return try await WebError.answering { try await workspace.compare(request) }
    }

    func baseline(_ filters: Filters) async throws -> BaselineResult {
        let request = try filters.baselineRequest()
        return try await WebError.answering { try await workspace.baseline(request) }
    }
}
