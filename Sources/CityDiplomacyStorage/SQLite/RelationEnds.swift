import CityDiplomacyCore

extension SQLiteRegistry {
    /// The cities of a dataset numbered by id, as SQLite compares ids (``TextKey``), and each of
    /// its relations' ends by those numbers: what a store checks of the relations' references
    /// and, in bulk, of their pairs (``firstDuplicatePair(in:ends:)``).
    ///
    /// The pairs were checked by their ids, hashing four strings a relation: on the core that is
    /// otherwise free for SQLite's sort while the indexes of a million relations are made again,
    /// that was 0.8 s of CPU (perf, 2026-12-04). The ends are looked up once, before the store,
    /// as the check of references did already, and the pairs then compare numbers.
    struct RelationEnds: Sendable {
        /// The number of each city of the dataset by its id: its first position among the cities.
        var cityNumbers: TextIndex
        /// The numbers of each relation's city and partner, in the relations' order; empty where
        /// an end is not among the cities (`firstDangling`).
        var numbers: [EndNumbers]
        /// The first relation (in the dataset's order) whose city or partner is not among the
        /// dataset's cities, as ``checkReferences(of:in:everyKey:)`` reports it.
        var firstDangling: RegistryError?
    }

    /// A relation's city and partner by number.
    struct EndNumbers: Sendable {
        var city: Int32
        var partner: Int32
    }

    /// The ends of `content`'s relations, looked up on every core: on one, the lookups were the
    /// last 1.5–1.8 s of the preparation of a 1,000,000-row store, the other core idle (perf,
    /// 2026-12-02). Each relation's ids are read where it lies: a loop over the array copied each
    /// relation (ten strings retained and released), a second of such a store.
    static func relationEnds(of content: DatasetContent) -> RelationEnds {
        let cityNumbers = TextIndex(content.cities.map(\.id))
        // In a few runs a core, each a loop: mapped one relation at a time, the same lookups took
        // twice the CPU (perf).
        let relations = content.relations
        let runs = CoreRuns.cutting(relations.count).concurrentMap { [cityNumbers] run in
            relations.withUnsafeBufferPointer { relations in
                run.map { index in
                    EndNumbers(city: cityNumbers.position(of: relations[index].cityID).map(Int32.init) ?? -1,
                               partner: cityNumbers.position(of: relations[index].partnerID).map(Int32.init) ?? -1)
                }
            }
        }
        var numbers: [EndNumbers] = []
        numbers.reserveCapacity(relations.count)
        for run in runs { numbers.append(contentsOf: run) }
        guard let first = numbers.firstIndex(where: { $0.city < 0 || $0.partner < 0 }) else {
            return RelationEnds(cityNumbers: cityNumbers, numbers: numbers, firstDangling: nil)
        }
        let dangling: RegistryError = numbers[first].city < 0
            ? .danglingReference(record: relations[first].id, field: "city", value: relations[first].cityID)
            : .danglingReference(record: relations[first].id, field: "partner", value: relations[first].partnerID)
        return RelationEnds(cityNumbers: cityNumbers, numbers: [], firstDangling: dangling)
    }

    /// The position of the first relation whose unordered pair of cities, kind and dataset an
    /// earlier one has, compared by their bytes, as SQLite compares them.
    static func firstDuplicatePair(in relations: [BilateralRelation]) -> Int? {
        var texts = TextNumbers()
        let ends = relations.map { EndNumbers(city: texts.number($0.cityID), partner: texts.number($0.partnerID)) }
        return firstDuplicatePair(in: relations, ends: ends)
    }

    /// ``firstDuplicatePair(in:)`` with the relations' ends numbered already: equal numbers for
    /// equal ids, and no end unnumbered (negative).
    static func firstDuplicatePair(in relations: [BilateralRelation], ends: [EndNumbers]) -> Int? {
        precondition(ends.count == relations.count, "one pair of numbers per relation")
        struct Pair: Hashable {
            var low: Int32, high: Int32, kind: Int32, dataset: Int32
        }
        var kinds = TextNumbers(), datasets = TextNumbers()
        var pairs = Set<Pair>(minimumCapacity: relations.count)
        return relations.withUnsafeBufferPointer { relations in
            ends.withUnsafeBufferPointer { ends in
                relations.indices.first { index in
                    let (city, partner) = (ends[index].city, ends[index].partner)
                    precondition(city >= 0 && partner >= 0, "every end numbered")
                    let pair = Pair(low: min(city, partner), high: max(city, partner),
                                    kind: kinds.number(relations[index].kind.rawValue), dataset: datasets.number(relations[index].datasetID))
                    return !pairs.insert(pair).inserted
                }
            }
        }
    }

    /// Numbers texts as first seen, equal bytes equal numbers (``TextKey``). A text equal to the
    /// one before (the kind and dataset of relation after relation) is not hashed again.
    struct TextNumbers {
        private var numbers: [TextKey: Int32] = [:]
        private var last: (text: String, number: Int32)?

        mutating func number(_ text: String) -> Int32 {
            if let last, TextKey.compare(last.text, text) == 0 { return last.number }
            let key = TextKey(text)
            let number = numbers[key] ?? Int32(numbers.count)
            if number == numbers.count { numbers[key] = number }
            last = (text, number)
            return number
        }
    }
}
