/// What a community is made of, for reading a partition: its size, its best-connected nodes and
/// the mix of a label over its nodes (the country of each city, say), so that "community 3 is
/// 40 cities, led by Tehran and Isfahan, 70% Iranian" can be read off.
///
/// ```swift
/// let found = Leiden(seed: 1).communities(in: graph)
/// let profiles = CommunityProfile.profiles(of: found.membership, in: graph, top: 3, labels: countryOfCity)
/// profiles[0].size                  // nodes in the largest community
/// profiles[0].hubs.map(\.node)      // its three nodes of highest degree
/// profiles[0].labels.first?.label   // its most frequent country
/// ```
public struct CommunityProfile: Sendable, Equatable {
    /// A node and its degree (number of distinct neighbours in the whole graph).
    public struct Hub: Sendable, Equatable {
        public let node: Int
        public let degree: Int
    }

    /// How many of the community's nodes carry a label.
    public struct LabelCount: Sendable, Equatable {
        public let label: Int
        public let count: Int
    }

    /// The community's number in the membership.
    public let community: Int
    /// Its number of nodes.
    public let size: Int
    /// Its nodes of highest degree, at most `top` of them, by decreasing degree, ties by node.
    public let hubs: [Hub]
    /// Its nodes counted by label, by decreasing count, ties by label; empty without labels.
    public let labels: [LabelCount]
    /// Its nodes whose label is unknown (negative).
    public let unlabelled: Int
    /// The weight of the edges with both ends in the community.
    public let internalWeight: Double
    /// The weight of the edges with one end in the community and the other outside.
    public let externalWeight: Double

    /// One profile per community number, `0...membership.max()`, in that order.
    ///
    /// - Parameters:
    ///   - membership: each node's community, non-negative (a ``CommunityPartition``'s, or any).
    ///   - top: how many hubs to keep per community.
    ///   - labels: a label per node (a country index, say), negative where unknown.
    public static func profiles(of membership: [Int], in graph: UndirectedGraph, top: Int = 5, labels: [Int]? = nil) -> [CommunityProfile] {
        precondition(membership.count == graph.nodeCount, "one community per node")
        precondition(labels == nil || labels!.count == graph.nodeCount, "one label per node")
        precondition(membership.allSatisfy { $0 >= 0 }, "communities are non-negative")
        let count = (membership.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: count)
        var inside = [Double](repeating: 0, count: count)
        var outside = [Double](repeating: 0, count: count)
        for v in 0..<graph.nodeCount {
            let c = membership[v]
            members[c].append(v)
            for i in graph.offsets[v]..<graph.offsets[v + 1] {
                let u = Int(graph.neighbourIndex[i])
                if membership[u] != c {
                    outside[c] += graph.weights[i]
                } else if u > v {
                    inside[c] += graph.weights[i]
                }
            }
        }
        return (0..<count).map { c in
            let hubs = members[c]
                .map { Hub(node: $0, degree: graph.degree(of: $0)) }
                .sorted { $0.degree != $1.degree ? $0.degree > $1.degree : $0.node < $1.node }
                .prefix(top)
            var counts: [Int: Int] = [:]
            var unlabelled = 0
            if let labels {
                for v in members[c] {
                    if labels[v] < 0 { unlabelled += 1 } else { counts[labels[v], default: 0] += 1 }
                }
            }
            let mix = counts.map { LabelCount(label: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
            return CommunityProfile(community: c, size: members[c].count, hubs: Array(hubs), labels: mix,
                                    unlabelled: unlabelled, internalWeight: inside[c], externalWeight: outside[c])
        }
    }
}
