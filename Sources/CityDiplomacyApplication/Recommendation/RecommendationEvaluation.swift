import CityDiplomacyCore
import CityDiplomacyNetwork

/// The recommender and its baselines checked against relations held out of the network: what
/// `citydip recommend --evaluate` prints (``document``, ``table``, ``view``).
///
/// ```swift
/// let evaluation = try await workspace.evaluateRecommender(RecommendationEvaluationRequest(datasets: ["wikipedia-2026"]))
/// evaluation.figures.first { $0.method == .recommender }?.precision
/// ```
public struct RecommendationEvaluation: Sendable {
    public let request: RecommendationEvaluationRequest
    public let datasets: [Dataset]
    public let nodes: Int
    /// Distinct pairs of cities in the whole network.
    public let pairs: Int
    public let heldOut: Int
    /// One per method, the recommender first.
    public let figures: [LinkPredictionEvaluation.Figures]

    static func label(_ method: LinkPredictionEvaluation.Method) -> LocalizedText { .message("recommend.evaluate.method.\(method.rawValue)") }

    public var table: Tabulation {
        let k = String(request.k)
        return Tabulation(
            title: .message("recommend.evaluate.table"),
            columns: [.init(key: "method", title: .message("recommend.evaluate.method")),
                      .init(key: "precision_at_k", title: .message("recommend.evaluate.precision", ["k": k])),
                      .init(key: "recall_at_k", title: .message("recommend.evaluate.recall", ["k": k])),
                      .init(key: "auc", title: .message("recommend.evaluate.auc")),
                      .init(key: "cities", title: .message("recommend.evaluate.cities"))],
            rows: figures.map { f in
                [.code(f.method.rawValue, label: Self.label(f.method)), .decimal(f.precision, places: 4), .decimal(f.recall, places: 4),
                 .decimal(f.auc, places: 4), .number(f.evaluatedNodes)]
            })
    }

    public var document: ReportDocument {
        let values = ["heldOut": String(heldOut), "pairs": String(pairs),
                      "nodes": String(nodes), "seed": String(request.seed), "k": String(request.k), "samples": String(request.aucSamples)]
        return ReportDocument(
            title: .message("recommend.evaluate.title", localized: ["datasets": .joined(datasets.map { .message("text.quoted", localized: ["text": $0.title]) }, separator: "list.and")]),
            sections: [.init(heading: .message("recommend.evaluate.section"),
                             paragraphs: [.message("recommend.evaluate.split", localized: ["holdout": RecommendationResult.decimal(request.holdout * 100, places: 1)], values), .message("recommend.evaluate.metrics", values),
                                          .message("recommend.evaluate.honest")],
                             tables: [table])])
    }

    public var view: RecommendationEvaluationView { RecommendationEvaluationView(self) }
}

/// `{"datasets", "nodes", "pairs", "holdout", "held_out", "seed", "k", "auc_samples", "methods"}`.
public struct RecommendationEvaluationView: Encodable, Sendable {
    struct Method: Encodable {
        var method: String
        var precisionAtK: Double
        var recallAtK: Double
        var auc: Double
        var cities: Int
        enum CodingKeys: String, CodingKey { case method, precisionAtK = "precision_at_k", recallAtK = "recall_at_k", auc, cities }
    }

    var datasets: [String]
    var nodes: Int
    var pairs: Int
    var holdout: Double
    var heldOut: Int
    var seed: UInt64
    var k: Int
    var aucSamples: Int
    var methods: [Method]

    enum CodingKeys: String, CodingKey {
        case datasets, nodes, pairs, holdout, heldOut = "held_out", seed, k, aucSamples = "auc_samples", methods
    }

    init(_ e: RecommendationEvaluation) {
        datasets = e.datasets.map(\.id)
        nodes = e.nodes
        pairs = e.pairs
        holdout = e.request.holdout
        heldOut = e.heldOut
        seed = e.request.seed
        k = e.request.k
        aucSamples = e.request.aucSamples
        methods = e.figures.map { Method(method: $0.method.rawValue, precisionAtK: $0.precision, recallAtK: $0.recall, auc: $0.auc, cities: $0.evaluatedNodes) }
    }
}
