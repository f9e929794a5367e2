/// Where each group's relations go: the share that stays domestic and the share that goes to
/// each category of partner group. With countries as groups and a classification scheme's
/// regions as categories, "62% of Iran's sister-city relations stay in Iran, 20% go to Asia,
/// 12% to Europe" is one row.
///
/// A relation between two groups counts once for each; a domestic one once for its group. The
/// partner's category is counted even when it is the group's own (Iran's relations with Iraq
/// count as going to Asia), and a partner without a category goes to ``unclassified``. The
/// shares of a group add up to 1, unless it has no relation at all: then all are 0.
///
/// ```swift
/// let countries = QuotientGraph(cities, groups: countryOfCity)
/// let shares = RelationShares(countries, categories: regionOfCountry)
/// shares.domestic[iran]               // share of Iran's relations inside Iran
/// shares.toCategory[iran][asia]       // share going to (other) Asian countries
/// ```
public struct RelationShares: Sendable {
    /// Number of categories; categories are `0..<categoryCount`.
    public let categoryCount: Int
    /// Each group's total weight (``QuotientGraph/total(of:)``), what its shares divide.
    public let totals: [Double]
    /// Each group's share of domestic relations.
    public let domestic: [Double]
    /// `toCategory[g][c]`: group `g`'s share of relations with other groups of category `c`.
    public let toCategory: [[Double]]
    /// Each group's share of relations with groups that have no category.
    public let unclassified: [Double]

    /// The shares of each group of `quotient`.
    ///
    /// - Parameters:
    ///   - categories: the category of each group, negative for none.
    ///   - categoryCount: by default one more than the largest category.
    public init(_ quotient: QuotientGraph, categories: [Int], categoryCount: Int? = nil) {
        precondition(categories.count == quotient.groupCount, "one category per group")
        let count = categoryCount ?? ((categories.max() ?? -1) + 1)
        precondition(categories.allSatisfy { $0 < count }, "a category is out of range")
        let graph = quotient.graph
        var totals = [Double](repeating: 0, count: quotient.groupCount)
        var domestic = [Double](repeating: 0, count: quotient.groupCount)
        var toCategory = [[Double]](repeating: [Double](repeating: 0, count: count), count: quotient.groupCount)
        var unclassified = [Double](repeating: 0, count: quotient.groupCount)
        for g in 0..<quotient.groupCount {
            let total = quotient.total(of: g)
            totals[g] = total
            guard total > 0 else { continue }
            domestic[g] = quotient.domestic[g] / total
            for i in graph.offsets[g]..<graph.offsets[g + 1] {
                let category = categories[Int(graph.neighbourIndex[i])]
                if category < 0 {
                    unclassified[g] += graph.weights[i] / total
                } else {
                    toCategory[g][category] += graph.weights[i] / total
                }
            }
        }
        self.categoryCount = count
        self.totals = totals
        self.domestic = domestic
        self.toCategory = toCategory
        self.unclassified = unclassified
    }
}
