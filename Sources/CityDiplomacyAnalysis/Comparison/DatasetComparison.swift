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

        /// What differs between the two datasets' records of the pair, if both hold it.
        public var conflicts: [String] {
            guard let first = a.first?.relation, let second = b.first?.relation else { return [] }
            var conflicts: [String] = []
            let kindsA = Set(a.map(\.relation.kind))
            let kindsB = Set(b.map(\.relation.kind))
            if kindsA != kindsB {
                conflicts.append("kind: \(kindsA.map(\.rawValue).sorted().joined(separator: "+")) vs \(kindsB.map(\.rawValue).sorted().joined(separator: "+"))")
            }
            if let yearsA = first.signed?.gregorianYears, let yearsB = second.signed?.gregorianYears, !yearsA.overlaps(yearsB) {
                conflicts.append("year: \(first.signed!) vs \(second.signed!)")
            }
            return conflicts
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
