/// Ranks of nodes by a measure, highest first, among all nodes or within groups (the cities of a
/// country, of a region): what "3rd by betweenness in its country" is computed from.
///
/// ```swift
/// let betweenness = [0.5, 0.1, 0.5, 0.0]
/// Ranking.ranks(of: betweenness)                          // [1, 3, 1, 4]
/// Ranking.ranks(of: betweenness, groups: [0, 0, 1, 1])    // [1, 2, 1, 2]
/// ```
///
/// Ties share the best of their ranks and the next value skips the shared places ("competition"
/// ranking, 1-2-2-4, pandas' `rank(method="min", ascending=False)`), so a rank always says how
/// many nodes do strictly better. Equality is exact: two scores that differ in the last bit are
/// ranked apart. Values must be totally ordered (no NaN, which none of these measures gives).
public enum Ranking {
    /// Each value's rank among all values: 1 plus the number of values strictly greater.
    public static func ranks<Value: Comparable>(of values: [Value]) -> [Int] {
        ranks(of: values, groups: [Int](repeating: 0, count: values.count))
    }

    /// Each value's rank among the values of its group: `groups[i]` is the group of `values[i]`,
    /// any integer (a node without a group can be given one of its own).
    public static func ranks<Value: Comparable>(of values: [Value], groups: [Int]) -> [Int] {
        precondition(groups.count == values.count, "one group per value")
        // Sorted by group, then by value from highest; a rank is the place in its group of the
        // first of its equals.
        let order = values.indices.sorted { a, b in
            groups[a] != groups[b] ? groups[a] < groups[b] : values[a] > values[b]
        }
        var ranks = [Int](repeating: 0, count: values.count)
        var groupStart = 0
        for (place, index) in order.enumerated() {
            if place == 0 || groups[index] != groups[order[place - 1]] {
                groupStart = place
                ranks[index] = 1
            } else if values[index] == values[order[place - 1]] {
                ranks[index] = ranks[order[place - 1]]
            } else {
                ranks[index] = place - groupStart + 1
            }
        }
        return ranks
    }
}
