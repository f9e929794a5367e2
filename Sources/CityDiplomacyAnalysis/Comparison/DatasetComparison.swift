import CityDiplomacyCore

/// Two datasets compared relation by relation: in both, only in one, and in both with conflicting
/// attributes (kind, year). Cities are matched by an identity the caller gives — a GeoNames id
/// where known, else a name and country — so that "Isfahan" and "Esfahan" meet.
///
/// ```swift
/// let diff = DatasetComparison(a: study, b: wikipedia, identity: { $0.geonamesID.map { "gn:\($0)" } ?? $0.name.en })
/// diff.onlyInA.count
/// ```
public struct DatasetComparison: Sendable {
    /// One unordered pair of places and the relations each dataset holds for it.
    public struct Pair: Sendable {
        public var identity: String
        public var a: [(relation: BilateralRelation, city: City, partner: City)]
        public var b: [(relation: BilateralRelation, city: City, partner: City)]

        /// What differs between the two datasets' records of the pair, if both hold it: the kinds
        /// (every kind each gives the pair), then the years when they cannot be the same.
        public var differences: [Difference] {
            guard let first = a.first?.relation, let second = b.first?.relation else { return [] }
            var differences: [Difference] = []
            let kindsA = Set(a.map(\.relation.kind))
            let kindsB = Set(b.map(\.relation.kind))
            if kindsA != kindsB {
                differences.append(.kind(a: kindsA.sorted { $0.rawValue < $1.rawValue }, b: kindsB.sorted { $0.rawValue < $1.rawValue }))
            }
            if let signedA = first.signed, let signedB = second.signed, !signedA.gregorianYears.overlaps(signedB.gregorianYears) {
                differences.append(.year(a: signedA, b: signedB))
            }
            return differences
        }

        /// The differences as scripts read them (`kind: cooperation_mou vs sister_city`).
        public var conflicts: [String] { differences.map(\.description) }
    }

    /// One way two datasets' records of a pair differ. People read it in their language (the
    /// kinds' labels, the dates in both calendars); scripts read ``description``.
    public enum Difference: Hashable, Sendable, CustomStringConvertible {
        /// The kinds each dataset gives the pair, by code.
        case kind(a: [RelationKind], b: [RelationKind])
        /// The signing dates, whose years cannot be the same.
        case year(a: PartialDate, b: PartialDate)

        /// `kind: cooperation_mou vs sister_city`, `year: 2006 vs 2010`: codes and dates as stored.
        public var description: String {
            switch self {
            case let .kind(a, b): "kind: \(a.map(\.rawValue).joined(separator: "+")) vs \(b.map(\.rawValue).joined(separator: "+"))"
            case let .year(a, b): "year: \(a) vs \(b)"
            }
        }
    }

    public var datasetA: String
    public var datasetB: String
    public var pairs: [Pair]

    public var inBoth: [Pair] { pairs.filter { !$0.a.isEmpty && !$0.b.isEmpty } }
    public var onlyInA: [Pair] { pairs.filter { $0.b.isEmpty } }
    public var onlyInB: [Pair] { pairs.filter { $0.a.isEmpty } }
    public var conflicting: [Pair] { inBoth.filter { !$0.conflicts.isEmpty } }

    /// - Parameters:
    ///   - identity: what makes two cities of different datasets the same place.
    ///   - include: which relations to compare (a filter by country or city), given both ends.
    public init(
        a: DatasetContent, b: DatasetContent, identity: (City) -> String,
        include: (City, City) -> Bool = { _, _ in true }
    ) {
        datasetA = a.dataset.id
        datasetB = b.dataset.id
        var pairs: [String: Pair] = [:]
        var order: [String] = []
        func add(_ content: DatasetContent, toA: Bool) {
            let cities = content.citiesByID
            var identities: [String: String] = [:]
            for relation in content.relations {
                guard let city = cities[relation.cityID], let partner = cities[relation.partnerID], include(city, partner) else { continue }
                let first = identities[city.id] ?? identity(city)
                let second = identities[partner.id] ?? identity(partner)
                identities[city.id] = first
                identities[partner.id] = second
                let key = [first, second].sorted().joined(separator: " ~ ")
                if pairs[key] == nil {
                    pairs[key] = Pair(identity: key, a: [], b: [])
                    order.append(key)
                }
                if toA { pairs[key]!.a.append((relation, city, partner)) } else { pairs[key]!.b.append((relation, city, partner)) }
            }
        }
        add(a, toA: true)
        add(b, toA: false)
        self.pairs = order.compactMap { pairs[$0] }
    }
}
