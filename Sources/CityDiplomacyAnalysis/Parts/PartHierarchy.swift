import CityDiplomacyCore

/// The ``City/partOf`` links of a dataset's cities, followed to the city each part is counted
/// with when parts are aggregated: the top of its chain ("Mitte" → "Berlin"; a ward of a
/// district → the district → the city).
///
/// A link that names no city of the dataset (dangling), or that goes round in a cycle, is not
/// followed: the city stays itself and is listed in ``danglingLinks`` or ``cyclicLinks``, so
/// that a slip in the records is said rather than folding a city into nothing or looping.
///
/// ```swift
/// let hierarchy = PartHierarchy(cities: berlinContent.cities)
/// hierarchy.whole(of: "de:mitte")        // "de:berlin"
/// hierarchy.parts(of: "de:berlin")       // ["de:mitte", "de:pankow"]
/// ```
public struct PartHierarchy: Sendable {
    /// The city each part is counted with, by the part's id; a city that is no part is absent.
    public let wholeOfPart: [String: String]
    /// Cities whose link names no city of the dataset, left as themselves, in dataset order.
    public let danglingLinks: [String]
    /// Cities whose links go round in a cycle, left as themselves, in dataset order.
    public let cyclicLinks: [String]
    /// Every city's id, in dataset order, for listing parts in that order.
    private let order: [String]

    /// Follows the links of `cities`; the cities in `keepingWhole` count as wholes whatever their
    /// link says (a part asked about by name is shown with its own parts, not as its city).
    public init(cities: [City], keepingWhole: Set<String> = []) {
        let known = Set(cities.map(\.id))
        var links: [String: String] = [:]
        var dangling: [String] = []
        for city in cities {
            guard let whole = city.partOf, !keepingWhole.contains(city.id) else { continue }
            if known.contains(whole) { links[city.id] = whole } else { dangling.append(city.id) }
        }
        let cyclic = Self.cycles(of: links, order: cities.map(\.id))
        for id in cyclic { links[id] = nil }
        var wholes: [String: String] = [:]
        for city in cities where links[city.id] != nil {
            // Cycles are cut above, so every chain ends at a city without a link.
            var top = city.id
            while let next = links[top] { top = next }
            wholes[city.id] = top
        }
        wholeOfPart = wholes
        danglingLinks = dangling
        cyclicLinks = cyclic
        order = cities.map(\.id)
    }

    /// The city `id` is counted with: its top city if it is a part, else itself.
    public func whole(of id: String) -> String {
        wholeOfPart[id] ?? id
    }

    /// Every part counted with `id` (its districts, theirs in turn), in dataset order.
    public func parts(of id: String) -> [String] {
        order.filter { wholeOfPart[$0] == id }
    }

    /// The cities on a cycle of `links`, each once, in the order the walk from `order` meets them.
    private static func cycles(of links: [String: String], order: [String]) -> [String] {
        enum Visit { case onPath, done }
        var visits: [String: Visit] = [:]
        var cyclic: [String] = []
        for start in order where links[start] != nil && visits[start] == nil {
            var path: [String] = []
            var current = start
            while visits[current] == nil, let next = links[current] {
                visits[current] = .onPath
                path.append(current)
                current = next
            }
            if visits[current] == .onPath, let first = path.firstIndex(of: current) {
                cyclic += path[first...]
            }
            for id in path { visits[id] = .done }
        }
        return cyclic
    }
}
