import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation

extension Filters {
    /// Every value of a repeatable parameter, normalised, the empty ones left out.
    func texts(_ name: String) -> [String] {
        fields.all(name).map { PersianText.normalized($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The comparison of `/compare` and `/api/v1/compare`: every `subject`, every `dataset`,
    /// `scheme`, `draws` (at most ``ComparisonRequest/webMaximumDraws``, and so 1,000 by default
    /// rather than the CLI's 10,000), `seed` and `network_measures`.
    func comparisonRequest() throws(WebError) -> ComparisonRequest {
        let defaults = ComparisonRequest(subjects: [ComparisonSubject]())
        do {
            var request = try ComparisonRequest(
                subjects: texts("subject"), datasets: texts("dataset"), scheme: text("scheme"),
                draws: try integer("draws", in: 1...ComparisonRequest.webMaximumDraws) ?? min(defaults.draws, ComparisonRequest.webMaximumDraws), seed: try seed() ?? defaults.seed)
            request.networkMeasures = try flag("network_measures") ?? false
            return request
        } catch let error as ApplicationError {
            throw WebError(error)
        } catch {
            throw error as! WebError
        }
    }

    /// The baseline of `/baseline` and `/api/v1/baseline`: `focus`, `scheme`, `group` (all three
    /// required), `dataset`, `against`, `model`, `draws` (at most ``BaselineRequest/webMaximumDraws``), `seed`.
    func baselineRequest() throws(WebError) -> BaselineRequest {
        for name in ["focus", "scheme", "group"] where text(name)?.isEmpty ?? true {
            throw .badRequest("missing \(name): a baseline needs focus, scheme and group (e.g. focus=country:IR&scheme=study-regions&group=periphery)", field: name)
        }
        do {
            let model = try choice("model", as: BaselineModelChoice.self) ?? .world
            return try BaselineRequest(
                focus: text("focus")!, scheme: text("scheme")!, group: text("group")!, dataset: text("dataset"), against: text("against"),
                model: model, draws: try integer("draws", in: 1...BaselineRequest.webMaximumDraws) ?? 1_000, seed: try seed() ?? 2026)
        } catch let error as ApplicationError {
            throw WebError(error)
        } catch {
            throw error as! WebError
        }
    }
}
