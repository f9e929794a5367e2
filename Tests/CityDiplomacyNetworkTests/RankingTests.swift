import Testing
@testable import CityDiplomacyNetwork

@Suite("Competition ranks")
struct RankingTests {
    @Test("The highest value ranks 1; ties share the best rank and the next skips their places")
    func overall() {
        #expect(Ranking.ranks(of: [0.5, 0.1, 0.5, 0.0]) == [1, 3, 1, 4])
        #expect(Ranking.ranks(of: [3, 2, 2, 1]) == [1, 2, 2, 4])
        #expect(Ranking.ranks(of: [7, 7, 7]) == [1, 1, 1])
        #expect(Ranking.ranks(of: [Double]()) == [])
    }

    @Test("Within groups, each node is ranked among its group's nodes only")
    func grouped() {
        let values = [0.5, 0.1, 0.5, 0.0, 0.9, 0.1]
        let groups = [0, 0, 1, 1, 0, 2]
        #expect(Ranking.ranks(of: values, groups: groups) == [2, 3, 1, 2, 1, 1])
        #expect(Ranking.ranks(of: [1, 1, 2, 2], groups: [5, -1, 5, -1]) == [2, 2, 1, 1])
    }

    @Test("A rank is one plus the number of values strictly greater", arguments: NetworkFixture.names)
    func definition(name: String) throws {
        let degrees = try NetworkFixture.load(name).networkx.degree
        let ranks = Ranking.ranks(of: degrees)
        for (i, d) in degrees.enumerated() {
            #expect(ranks[i] == 1 + degrees.filter { $0 > d }.count)
        }
    }
}
