import Testing
@testable import CityDiplomacyNetwork

/// Six cities in three countries and one city of unknown country:
/// country 0 = {0, 1}, country 1 = {2, 3}, country 2 = {4}, city 5 unknown.
/// Relations: 0–1 twice (domestic), 0–2, 1–3 three times, 2–3 (domestic), 3–4, 4–5.
private let cities = UndirectedGraph(
    nodeCount: 6, edges: [(0, 1), (1, 0), (0, 2), (1, 3), (3, 1), (1, 3), (2, 3), (3, 4), (4, 5)])
private let countryOfCity = [0, 0, 1, 1, 2, -1]

@Suite("Grouping nodes: the quotient graph, relation shares and community profiles")
struct AggregationTests {
    @Test("Relations between countries are summed, domestic ones kept apart, unknown ends counted aside")
    func quotientOfRelations() {
        let countries = QuotientGraph(cities, groups: countryOfCity)
        #expect(countries.groupCount == 3)
        #expect(countries.weight(between: 0, and: 1) == 4)
        #expect(countries.weight(between: 1, and: 0) == 4)
        #expect(countries.weight(between: 1, and: 2) == 1)
        #expect(countries.weight(between: 0, and: 2) == 0)
        #expect(countries.domestic == [2, 1, 0])
        #expect(countries.weight(between: 0, and: 0) == 2)
        #expect(countries.unassigned == 1)
        #expect(countries.graph.edgeCount == 2)
        #expect([0, 1, 2].map(countries.total(of:)) == [6, 6, 1])
    }

    @Test("Counting pairs, each pair of cities adds one however many relations join it")
    func quotientOfPairs() {
        let countries = QuotientGraph(cities, groups: countryOfCity, groupCount: 4, counting: .pairs)
        #expect(countries.groupCount == 4)
        #expect(countries.weight(between: 0, and: 1) == 2)
        #expect(countries.domestic == [1, 1, 0, 0])
        #expect(countries.total(of: 3) == 0)
    }

    @Test("Each country's relations split into domestic, each region, and unclassified; the shares add to 1")
    func shares() {
        let countries = QuotientGraph(cities, groups: countryOfCity)
        // Countries 0 and 1 in region 0, country 2 unclassified; a second region has no country.
        let shares = RelationShares(countries, categories: [0, 0, -1], categoryCount: 2)
        #expect(shares.totals == [6, 6, 1])
        #expect(shares.domestic == [2.0 / 6, 1.0 / 6, 0])
        #expect(shares.toCategory == [[4.0 / 6, 0], [4.0 / 6, 0], [1, 0]])
        #expect(shares.unclassified == [0, 1.0 / 6, 0])
        for g in 0..<3 {
            let sum = shares.domestic[g] + shares.toCategory[g].reduce(0, +) + shares.unclassified[g]
            #expect(abs(sum - 1) < 1e-12)
        }
    }

    @Test("A group without relations has every share 0")
    func emptyGroup() {
        let countries = QuotientGraph(cities, groups: countryOfCity, groupCount: 4)
        let shares = RelationShares(countries, categories: [0, 0, 1, 1])
        #expect(shares.totals[3] == 0)
        #expect(shares.domestic[3] == 0 && shares.toCategory[3] == [0, 0] && shares.unclassified[3] == 0)
    }

    @Test("A community's profile: size, hubs by degree (ties by node), label mix by count (ties by label), weights")
    func profiles() {
        let profiles = CommunityProfile.profiles(of: [0, 0, 0, 1, 1, 1], in: cities, top: 2, labels: countryOfCity)
        #expect(profiles.count == 2)
        #expect(profiles[0].size == 3)
        #expect(profiles[0].hubs == [.init(node: 0, degree: 2), .init(node: 1, degree: 2)])
        #expect(profiles[0].labels == [.init(label: 0, count: 2), .init(label: 1, count: 1)])
        #expect(profiles[0].unlabelled == 0)
        #expect(profiles[0].internalWeight == 3)
        #expect(profiles[0].externalWeight == 4)
        #expect(profiles[1].hubs.map(\.node) == [3, 4])
        #expect(profiles[1].labels == [.init(label: 1, count: 1), .init(label: 2, count: 1)])
        #expect(profiles[1].unlabelled == 1)
        #expect(profiles[1].internalWeight == 2)
        #expect(profiles[1].externalWeight == 4)
        #expect(CommunityProfile.profiles(of: [0, 0, 0, 1, 1, 1], in: cities)[1].labels.isEmpty)
    }
}
