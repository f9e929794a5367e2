import Foundation
import Testing
@testable import CityDiplomacyNetwork

/// networkx's link-prediction scores of every unjoined pair of Zachary's karate club
/// (scripts/link-prediction-fixtures.py).
struct LinkPredictionFixture: Decodable {
    struct Pair: Decodable {
        var u: Int, v: Int
        var commonNeighbours: Int
        var adamicAdar: Double
        var resourceAllocation: Double
        var preferentialAttachment: Int
    }

    var nodeCount: Int
    var edges: [[Int]]
    var pairs: [Pair]

    static func load() throws -> LinkPredictionFixture {
        let url = try #require(Bundle.module.url(forResource: "link-prediction-karate", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(LinkPredictionFixture.self, from: Data(contentsOf: url))
    }

    var graph: UndirectedGraph { UndirectedGraph(nodeCount: nodeCount, edges: edges.map { ($0[0], $0[1]) }) }
}

@Suite("Link prediction: neighbourhood scores, the partner-choice model and their evaluation")
struct LinkPredictionTests {
    @Test("Common neighbours, Adamic–Adar and resource allocation of every unjoined karate pair match networkx")
    func pairsMatchNetworkx() throws {
        let fixture = try LinkPredictionFixture.load()
        let graph = fixture.graph
        #expect(fixture.pairs.count == 483)
        var wrong: [String] = []
        for pair in fixture.pairs {
            let scores = NeighbourhoodScores.pair(graph, pair.u, pair.v)
            if scores.commonNeighbours != pair.commonNeighbours || !close(scores.adamicAdar, pair.adamicAdar, relative: 1e-10)
                || !close(scores.resourceAllocation, pair.resourceAllocation, relative: 1e-10)
                || graph.degree(of: pair.u) * graph.degree(of: pair.v) != pair.preferentialAttachment {
                wrong.append("\(pair.u)–\(pair.v): \(scores)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("The two-step walk from a node gives the same scores as pair by pair, for exactly the unjoined nodes sharing a partner")
    func walkMatchesPairs() throws {
        let fixture = try LinkPredictionFixture.load()
        let graph = fixture.graph
        var walk = TwoStepNeighbourhood(nodeCount: graph.nodeCount)
        for u in [0, 16, 33] {
            let walked = walk.scores(from: u, in: graph)
            let expected = fixture.pairs.filter { ($0.u == u || $0.v == u) && $0.commonNeighbours > 0 }.map { $0.u == u ? $0.v : $0.u }.sorted()
            #expect(walked.map(\.node) == expected)
            for (v, scores) in walked {
                #expect(close(scores.adamicAdar, NeighbourhoodScores.pair(graph, u, v).adamicAdar, relative: 1e-12))
            }
        }
        let shared = NeighbourhoodScores.sharedPartners(graph, 0, 33)
        #expect(shared.count == NeighbourhoodScores.pair(graph, 0, 33).commonNeighbours)
        #expect(!shared.isEmpty && shared.allSatisfy { graph.neighbours(of: 0).contains(Int32($0)) && graph.neighbours(of: 33).contains(Int32($0)) })
    }

    @Test("The partner-choice model ranks a two-step candidate first, then the candidate's country and activity")
    func choiceModel() {
        // Nodes 0–3 in group 0, 4–7 in group 1. Node 0's partners: 1 and 4; 4's partner 5 is two
        // steps from 0. Group 1's cities pair much more than group 0's.
        let edges = [(0, 1), (0, 4), (4, 5), (5, 6), (6, 7), (5, 7), (2, 6)]
        let graph = UndirectedGraph(nodeCount: 8, edges: edges)
        let model = PartnerChoiceModel(graph, group: [0, 0, 0, 0, 1, 1, 1, 1], groupCount: 2)
        let list = model.recommend(for: 0, count: 3)
        #expect(list.first?.node == 5, "the node sharing a partner comes first")
        #expect(list.first?.neighbourhood.commonNeighbours == 1)
        #expect(!list.contains { [0, 1, 4].contains($0.node) }, "never the node itself or a partner")
        // Beyond two steps: P(0 → each group) = (1 + 0.5) / (2 + 1) = 0.5, and a node's share of
        // its group's partners: 6 has 3 of group 1's 10, 2 has 1 of group 0's 4, 7 has 2 of 10.
        #expect(model.recommend(for: 0, count: 4).map(\.node) == [5, 6, 2, 7])
        #expect(abs(list[1].score - 0.5 * 3 / 10) < 1e-12)
        #expect(abs(model.score(0, 5) - list[0].score) < 1e-12)
        let affinity = model.groupAffinity(of: 0)
        #expect(abs(affinity.reduce(0, +) - 1) < 1e-12, "P(u → C) sums to one over countries")
        // Excluding group 1 leaves the group-0 nodes only; a factor of 0 on a group removes its weight.
        #expect(model.recommend(for: 0, count: 5, excludedGroups: [1]).allSatisfy { $0.node < 4 })
        #expect(model.recommend(for: 0, count: 2, groupFactor: [10, 1]).first.map { $0.node < 4 } == true)
    }

    @Test("Holding out edges is seeded and leaves them out of the training graph")
    func split() throws {
        let graph = try LinkPredictionFixture.load().graph
        let split = LinkPredictionEvaluation.Split(graph, holdout: 0.1, seed: 7)
        #expect(split.heldOut.count == 8)
        #expect(split.training.edgeCount == 70)
        for (a, b) in split.heldOut { #expect(!split.training.neighbours(of: a).contains(Int32(b))) }
        #expect(LinkPredictionEvaluation.Split(graph, holdout: 0.1, seed: 7).heldOut.map { [$0.a, $0.b] } == split.heldOut.map { [$0.a, $0.b] })
        #expect(LinkPredictionEvaluation.Split(graph, holdout: 0.1, seed: 8).heldOut.map { [$0.a, $0.b] } != split.heldOut.map { [$0.a, $0.b] })
    }

    @Test("Held-out karate ties are found above chance by Adamic–Adar and the recommender, not by the random method")
    func evaluation() throws {
        let graph = try LinkPredictionFixture.load().graph
        let split = LinkPredictionEvaluation.Split(graph, holdout: 0.2, seed: 2026)
        let groups = [Int32](repeating: 0, count: graph.nodeCount)
        let figures = LinkPredictionEvaluation.Method.allCases.map {
            LinkPredictionEvaluation.evaluate($0, on: split, groups: groups, groupCount: 1, k: 10, aucSamples: 2_000, seed: 1)
        }
        let byMethod = Dictionary(uniqueKeysWithValues: figures.map { ($0.method, $0) })
        let random = try #require(byMethod[.random]), adamicAdar = try #require(byMethod[.adamicAdar])
        #expect(abs(random.auc - 0.5) < 0.05)
        // Held-out pairs with no shared partner left tie with most negatives at 0: well above one half, not far.
        #expect(adamicAdar.auc > random.auc + 0.03)
        #expect(try #require(byMethod[.recommender]).auc > random.auc + 0.03)
        #expect(adamicAdar.precision > random.precision)
        for figure in figures {
            #expect((0...1).contains(figure.precision) && (0...1).contains(figure.recall))
            #expect(figure.evaluatedNodes == Set(split.heldOut.flatMap { [$0.a, $0.b] }).count)
        }
        // Recall at k = n: every held-out partner is among all candidates.
        let all = LinkPredictionEvaluation.evaluate(.preferentialAttachment, on: split, groups: groups, groupCount: 1, k: graph.nodeCount, aucSamples: 10, seed: 1)
        #expect(abs(all.recall - 1) < 1e-12)
    }

    @Test("On a complete graph (K5) no pair is unjoined: the AUC is undefined and the sampling ends", .timeLimit(.minutes(1)))
    func completeGraphEnds() {
        let pairs = (0..<5).flatMap { a in (a + 1..<5).map { (a, $0) } }
        let graph = UndirectedGraph(nodeCount: 5, edges: pairs)
        let split = LinkPredictionEvaluation.Split(graph, holdout: 0.3, seed: 1)
        #expect(!split.heldOut.isEmpty)
        for method in LinkPredictionEvaluation.Method.allCases {
            let figures = LinkPredictionEvaluation.evaluate(method, on: split, groups: [Int32](repeating: 0, count: 5), groupCount: 1, k: 3, aucSamples: 100, seed: 1)
            #expect(figures.auc.isNaN, "\(method)")
        }
    }

    @Test("No scorer sees a held-out pair: in a matching, a held-out edge is its ends' only evidence, so no method ranks it above chance")
    func heldOutPairsUnseen() {
        // 20 disjoint pairs: once an edge is held out, both its cities have no partner left.
        let graph = UndirectedGraph(nodeCount: 40, edges: (0..<20).map { (2 * $0, 2 * $0 + 1) })
        let split = LinkPredictionEvaluation.Split(graph, holdout: 0.5, seed: 4)
        #expect(split.heldOut.count == 10)
        for (a, b) in split.heldOut { #expect(split.training.degree(of: a) == 0 && split.training.degree(of: b) == 0) }
        let groups = [Int32](repeating: 0, count: 40)
        for method in LinkPredictionEvaluation.Method.allCases where method != .random {
            let figures = LinkPredictionEvaluation.evaluate(method, on: split, groups: groups, groupCount: 1, k: 10, aucSamples: 4_000, seed: 2)
            // A scorer reading the full graph would give the held-out pairs a degree or a partner
            // and rank them first; from the training graph they score no more than any other pair.
            #expect(figures.precision == 0, "\(method)")
            #expect(figures.auc <= 0.5 + 1e-12, "\(method): \(figures.auc)")
        }
    }
}
