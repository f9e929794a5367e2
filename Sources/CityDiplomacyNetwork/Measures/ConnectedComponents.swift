/// The connected components of an undirected graph: which component each node is in, how large
/// each is, and the largest one, on which the distance figures (diameter, mean distance) are
/// defined.
///
/// ```swift
/// let graph = UndirectedGraph(nodeCount: 6, edges: [(0, 1), (1, 2), (3, 4)])
/// let components = ConnectedComponents(graph)
/// components.count            // 3: {0, 1, 2}, {3, 4}, {5}
/// components.sizes            // [3, 2, 1]
/// components.largestNodes     // [0, 1, 2]
/// components.isolatedNodes    // 1
/// ```
///
/// Components are numbered in the order of their lowest node, so the numbering depends only on
/// the graph. Among components of equal size the largest is the one with the lowest node, the one
/// networkx's `max(nx.connected_components(G), key=len)` returns for nodes added in order.
public struct ConnectedComponents: Sendable, Hashable, Codable {
    /// The component of each node.
    public let componentOf: [Int32]
    /// The number of nodes in each component, by component number.
    public let sizes: [Int]
    /// The number of the largest component, or `nil` for a graph without nodes.
    public let largest: Int?

    public init(_ graph: UndirectedGraph) {
        let n = graph.nodeCount
        var componentOf = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        var queue = [Int32](repeating: 0, count: n)
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbourIndex.withUnsafeBufferPointer { neighbours in
                for root in 0..<n where componentOf[root] < 0 {
                    let id = Int32(sizes.count)
                    componentOf[root] = id
                    queue[0] = Int32(root)
                    var head = 0
                    var tail = 1
                    while head < tail {
                        let v = Int(queue[head])
                        head += 1
                        for i in offsets[v]..<offsets[v + 1] {
                            let w = Int(neighbours[i])
                            if componentOf[w] < 0 {
                                componentOf[w] = id
                                queue[tail] = Int32(w)
                                tail += 1
                            }
                        }
                    }
                    sizes.append(tail)
                }
            }
        }
        self.componentOf = componentOf
        self.sizes = sizes
        var largest: Int?
        for (id, size) in sizes.enumerated() where largest == nil || size > sizes[largest!] { largest = id }
        self.largest = largest
    }

    /// The number of components (an isolated node is one).
    public var count: Int { sizes.count }

    /// The number of nodes of the largest component (0 for a graph without nodes).
    public var largestSize: Int { largest.map { sizes[$0] } ?? 0 }

    /// The number of nodes without any neighbour, each a component of its own.
    public var isolatedNodes: Int { sizes.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }

    /// The nodes of `component`, ascending.
    public func nodes(of component: Int) -> [Int] {
        componentOf.indices.filter { componentOf[$0] == Int32(component) }
    }

    /// The nodes of the largest component, ascending (empty for a graph without nodes).
    public var largestNodes: [Int] { largest.map { nodes(of: $0) } ?? [] }
}
