import CityDiplomacyCore

/// The cities that counting one city with its parts needs, read through the registry's indexes
/// rather than by loading every city (or the whole dataset) of a million-relation database.
///
/// Counting a city X with its parts (``aggregatedRelations(_:limit:offset:)`` with a city,
/// ``countingParts(_:)``) folds X's parts, at every level, into X, and each partner into the city
/// at the top of its own chain; X is kept whole. What such a count says of X depends only on X's
/// parts, X's relations and theirs, and the chains of the cities at their other ends — so a
/// ``PartHierarchy`` of those cities gives X the same parts, the same partners, the same merges
/// and the same notes as one of every city (a link to a city outside them is one no chain of
/// theirs follows, and no part of X can be on a cycle or dangle, since its chain ends at X).
extension Workspace {
    /// The parts of `cities` at every level (the places that name one of them, or a part of one,
    /// as what they are part of), each once, the named cities left out, of `dataset` only when
    /// one is given (a part in another dataset is no part of the count, as when the count reads
    /// that dataset alone): through each city's profile, whose parts the registry finds by the
    /// index on `part_of`; `knownParts` are the direct parts of cities already at hand.
    func partsAtEveryLevel(of cities: [City], dataset: String?, knownParts: [String: [City]] = [:]) async throws -> [City] {
        var found: Set<String> = Set(cities.map(\.id))
        var parts: [City] = []
        var pending = cities.map(\.id)
        while let id = pending.popLast() {
            let direct: [City]
            if let known = knownParts[id] {
                direct = known
            } else {
                direct = try await registry.profile(ofCity: id)?.parts ?? []
            }
            for part in direct where found.insert(part.id).inserted {
                guard try await city(id: part.id, in: dataset) != nil else { continue }
                parts.append(part)
                pending.append(part.id)
            }
        }
        return parts
    }

    /// `cities` with every city each is part of, up its chain to a city that is part of none, or
    /// to a link that names no city (of `dataset`, when one is given: dangling) or comes round
    /// again (a cycle): looked up by id.
    func withWholes(_ cities: [String: City], dataset: String?) async throws -> [String: City] {
        var all = cities
        var pending = cities.values.compactMap(\.partOf).filter { all[$0] == nil }
        var missing: Set<String> = []
        while let id = pending.popLast() {
            guard all[id] == nil, !missing.contains(id) else { continue }
            guard let whole = try await city(id: id, in: dataset) else {
                missing.insert(id)
                continue
            }
            all[id] = whole
            if let next = whole.partOf, all[next] == nil { pending.append(next) }
        }
        return all
    }

    /// The city of this id (of `dataset`, when one is given), through the primary key: a name
    /// lookup also matches ids, and only the city of that id is kept.
    private func city(id: String, in dataset: String?) async throws -> City? {
        try await registry.cities(matching: CityQuery(datasetID: dataset, name: id)).first { $0.id == id }
    }
}
