/// How community labels are renumbered: compactly while the algorithms work, and canonically in
/// their results so that two runs finding the same communities give the same membership.
enum CommunityNumbering {
    /// Labels `0..<count` in order of first appearance. Labels already in `0..<labels.count`,
    /// as the algorithms keep them, are renumbered through an array; others (a caller's own
    /// labels) through a dictionary.
    static func compact(_ labels: [Int]) -> (labels: [Int], count: Int) {
        let n = labels.count
        if labels.allSatisfy({ $0 >= 0 && $0 < n }) {
            var rank = [Int](repeating: -1, count: n)
            var count = 0
            var result = [Int](repeating: 0, count: n)
            for (v, label) in labels.enumerated() {
                if rank[label] < 0 { rank[label] = count; count += 1 }
                result[v] = rank[label]
            }
            return (result, count)
        }
        var seen: [Int: Int] = [:]
        var result = [Int](repeating: 0, count: labels.count)
        for (v, label) in labels.enumerated() {
            if let known = seen[label] {
                result[v] = known
            } else {
                result[v] = seen.count
                seen[label] = seen.count
            }
        }
        return (result, seen.count)
    }

    /// Labels in `0..<count` (dense, as the algorithms keep them) renumbered by decreasing
    /// community size, ties broken by the smallest node of each community.
    static func canonical(_ labels: [Int], count: Int) -> [Int] {
        var size = [Int](repeating: 0, count: count)
        var first = [Int](repeating: Int.max, count: count)
        for (v, c) in labels.enumerated() {
            size[c] += 1
            if first[c] == Int.max { first[c] = v }
        }
        let order = (0..<count).filter { size[$0] > 0 }.sorted {
            size[$0] != size[$1] ? size[$0] > size[$1] : first[$0] < first[$1]
        }
        var rank = [Int](repeating: -1, count: count)
        for (r, c) in order.enumerated() { rank[c] = r }
        return labels.map { rank[$0] }
    }
}
