import CityDiplomacyCore
import Foundation

/// The cities of an import, in the order the file first names them: one per gazetteer place a
/// mention resolved to, one per district of a gazetteer city (linked to it by `partOf`, the city
/// added if no row names it), and one per unresolved name, country and location. A name that
/// differs from the city's becomes an alias.
struct ImportedCities {
    /// The cities, in order, and the position of each by its id. Kept apart, rather than a
    /// dictionary of cities by id: a city named again is changed where it lies, not copied out
    /// and back (a dozen strings retained and released), and a mention is told its city's
    /// position (``RelationImporter/ResolvedMention/cityNumber``), which merging the rows then
    /// reads rather than looking the id up again (a third of a second of a 1,000,000-row
    /// import, on the one core that merges, perf 2026-12-04).
    private(set) var all: [City] = []
    private(set) var positions: [String: Int32] = [:]
    /// How each distinct place (not the cities added as parents) came out.
    private(set) var resolvedCount = 0
    private(set) var partCount = 0
    private(set) var ambiguousCount = 0
    private(set) var unresolvedCount = 0
    /// Cities added because a district names them, though no row names them alone.
    private(set) var parentsAdded = 0
    /// Unresolved places of one name and country, told apart by where the file puts them.
    private var clusters: [String: [(id: String, at: Coordinates?)]] = [:]
    private var addedAsParent: Set<String> = []
    /// The id of each district of each city, by the keys of every name the file gives it.
    private var districtIDs: [String: String] = [:]

    /// Same-named unresolved places that the file puts farther apart than this are different places.
    static let sameNameKilometres = PlaceResolver.matchKilometres

    /// Creates the cities and tells each mention which city it stands for.
    init(_ places: [PlaceMention], resolved mentions: inout [RelationImporter.ResolvedMention], datasetID: String) {
        districtIDs = Self.districtIDs(mentions, datasetID: datasetID)
        all.reserveCapacity(places.count)
        positions.reserveCapacity(places.count)
        // What each place gives whatever came before it, on every core: the search keys of the
        // name given and of the gazetteer's name it resolved to, the id an unresolved place
        // starts from, and the city it would make. Made one by one in the loop below, they kept
        // one core busy for two seconds of a 1,000,000-row import while the other waited (perf,
        // 2026-12-02); a city made for a place whose city another place made first is dropped.
        var prepared = Self.prepare(places, mentions, datasetID: datasetID)
        // Each place, its mention and what was prepared for it are read where they lie, field by
        // field, and the city prepared for it is moved out rather than copied: a loop that copied
        // each (a dozen strings, the tuple of what was prepared copied whole for each field read)
        // spent a third of its time retaining and releasing them, on one core (perf, 2026-12-02).
        // Only unresolved places are told apart by location.
        clusters.reserveCapacity(prepared.withUnsafeBufferPointer { prepared in prepared.indices.count { prepared[$0].base != nil } })
        places.withUnsafeBufferPointer { places in
            for number in places.indices {
                let parent = mentions[number].place.parent
                var parentID: String?
                if let parent {
                    parentID = "\(datasetID):gn\(parent.geonameID)"
                    addParent(parent, id: parentID!)
                    mentions[number].parentID = parentID
                }
                // The mention's parts read where they lie: the place and its mention passed whole
                // were copied for each (perf, 2026-12-04).
                let id = self.id(resolvedTo: mentions[number].resolution.geonameID, parent: parent, placeName: mentions[number].place.name,
                                 at: places[number].coordinates, unresolvedBase: prepared[number].base, datasetID: datasetID)
                mentions[number].cityID = id
                if let position = positions[id] {
                    mentions[number].cityNumber = position
                    if addedAsParent.remove(id) != nil {
                        // A city first added for its district, now named by a row of its own.
                        all[Int(position)].notes = nil
                        parentsAdded -= 1
                        count(mentions[number].outcome)
                    }
                    Self.nameAgain(&all[Int(position)], places[number].name, parentID: parentID, parent: parent)
                    continue
                }
                guard var city = prepared[number].city.take() else { preconditionFailure("a place's city is taken once") }
                city.id = id
                count(mentions[number].outcome)
                if let parentID, parentID != id { city.partOf = parentID }
                // The city's name is the gazetteer's, unless a district's or unresolved.
                let cityKey = city.name.en == mentions[number].place.resolution.entryName ? prepared[number].gazetteer : nil
                // The names compared first: an unresolved place is named as the file names it, and
                // keying its name again was a tenth of this loop (perf).
                let name = places[number].name
                if city.name.en != name, prepared[number].given != cityKey ?? PersianText.searchKey(city.name.en), !city.aliases.contains(name) {
                    city.aliases.append(name)
                }
                mentions[number].cityNumber = Int32(all.count)
                append(city)
            }
        }
        // The keys and ids prepared (a million texts) are freed on another thread, off the path
        // the later stages wait for.
        Background.release(consume prepared)
    }

    /// Appends `city`, numbered by its position; taken rather than copied (a dozen texts
    /// retained here and released when the caller's copy went, for each of 326,000 cities of the
    /// 1,000,000-row synthetic file, on the one core that makes them; perf, 2026-12-04).
    private mutating func append(_ city: consuming City) {
        precondition(all.count < Int(Int32.max), "fewer cities than positions of 32 bits")
        positions[city.id] = Int32(all.count)
        all.append(city)
    }

    /// A city a place names again under `name`: the name an alias if new; a city a row names
    /// alone is a district all the same when another row names it with its city (`parentID`).
    private static func nameAgain(_ existing: inout City, _ name: String, parentID: String?, parent: GazetteerEntry?) {
        if existing.name.en != name, !existing.aliases.contains(name) {
            existing.aliases.append(name)
        }
        if existing.partOf == nil, let parentID, parentID != existing.id, let parent {
            existing.partOf = parentID
            let named = Self.partName(existing.name.en, existing.name.fa, of: parent)
            if named.en != existing.name.en, !existing.aliases.contains(existing.name.en) { existing.aliases.append(existing.name.en) }
            existing.name = named
        }
    }

    /// The city a district belongs to, added once from the gazetteer if no row has named it yet.
    private mutating func addParent(_ entry: GazetteerEntry, id: String) {
        guard positions[id] == nil else { return }
        append(City(
            id: id, name: LocalizedText(en: entry.name, fa: entry.persianName), country: entry.country,
            coordinates: entry.coordinates, population: entry.population, geonamesID: entry.geonameID,
            notes: "added as the city of a district the file names"))
        parentsAdded += 1
        addedAsParent.insert(id)
    }

    private mutating func count(_ outcome: RelationImporter.ResolvedMention.Outcome) {
        switch outcome {
        case .resolved: resolvedCount += 1
        case .ambiguous: ambiguousCount += 1
        case .part: partCount += 1
        case .unresolved: unresolvedCount += 1
        }
    }

    /// A resolved place is keyed by its GeoNames id; a district the gazetteer lacks by its city's
    /// GeoNames id and its own name; an unresolved place by its country, its name and, when the
    /// file puts places of that name far apart, the ordinal of its location.
    private mutating func id(
        resolvedTo geonameID: Int?, parent: GazetteerEntry?, placeName: String, at coordinates: Coordinates?, unresolvedBase: String?, datasetID: String
    ) -> String {
        if let geonameID { return "\(datasetID):gn\(geonameID)" }
        if let parent {
            let key = "\(parent.geonameID)|\(Self.districtKey(placeName))"
            return districtIDs[key] ?? "\(datasetID):gn\(parent.geonameID)-\(Self.districtKey(placeName))"
        }
        guard let base = unresolvedBase else { preconditionFailure("an unresolved place has its base id") }
        // The places of the name are changed where the dictionary keeps them: a copy taken out
        // and written back copied the whole list for each place of the name, k²/2 for k places
        // of one name and country far apart.
        return Self.id(at: coordinates, base: base, among: &clusters[base, default: []])
    }

    /// The id of a place of unresolved name `base` at `at`, among the places of that name so far
    /// (`known`, which it joins if it is none of them).
    private static func id(at: Coordinates?, base: String, among known: inout [(id: String, at: Coordinates?)]) -> String {
        guard let at else {
            // No coordinates to tell it apart: the first place of the name.
            if let first = known.first { return first.id }
            known.append((base, nil))
            return base
        }
        if let index = known.firstIndex(where: { $0.at.map { $0.kilometres(to: at) <= sameNameKilometres } ?? true }) {
            if known[index].at == nil { known[index].at = at }
            return known[index].id
        }
        let id = known.isEmpty ? base : "\(base)-\(known.count + 1)"
        known.append((id, at))
        return id
    }

    /// What one place gives whatever came before it (see `init`): the search keys of the name
    /// given and of the gazetteer's name it resolved to, the id it starts from if unresolved, and
    /// the city it would make, until `init` takes it.
    private struct Prepared: Sendable {
        var given: String
        var gazetteer: String?
        var base: String?
        var city: City?
    }

    /// What each place gives whatever came before it (see `init`). The mentions are read by a
    /// copy of the array that ends as this returns, before `init` writes into them, which then
    /// copies none of them.
    private static func prepare(
        _ places: [PlaceMention], _ mentions: [RelationImporter.ResolvedMention], datasetID: String
    ) -> [Prepared] {
        Array(places.indices).concurrentMap { number in
            let given = PersianText.searchKey(places[number].name)
            return Prepared(given: given, gazetteer: mentions[number].resolution.entry.map { PersianText.searchKey($0.name) },
                            base: unresolvedBase(places[number], mentions[number], nameKey: given, datasetID: datasetID),
                            city: makeCity(id: "", places[number], mentions[number]))
        }
    }

    /// The id an unresolved place that is no district starts from (its country and name), which
    /// ``id(resolvedTo:parent:placeName:at:unresolvedBase:datasetID:)`` tells apart by location; `nil` for other places.
    private static func unresolvedBase(
        _ mention: PlaceMention, _ resolved: RelationImporter.ResolvedMention, nameKey key: String, datasetID: String
    ) -> String? {
        guard !resolved.resolution.isResolved, resolved.place.parent == nil else { return nil }
        return "\(datasetID):u-\(resolved.country.rawValue.lowercased())-\(Self.nameKey(mention.name, key: key))"
    }

    /// One id for each district, whichever of its names a row gives: the names one row gives
    /// together ("Vienna 23 – Liesing") and the gazetteer place any of them resolved to join one
    /// district, so that "Liesing (Vienna)" and "Vienna 23 – Liesing", or "Budavár (Budapest)" and
    /// "Budapest I – Budavár", are one city. A district the gazetteer lists keeps its GeoNames id.
    private static func districtIDs(_ mentions: [RelationImporter.ResolvedMention], datasetID: String) -> [String: String] {
        var parent: [String: String] = [:]  // union-find over "geonameID|key" and "gn…" anchors
        func find(_ node: String) -> String {
            var root = node
            while let up = parent[root], up != root { root = up }
            parent[node] = root
            return root
        }
        func union(_ a: String, _ b: String) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[rb] = ra }
        }
        var order: [String] = []
        for mention in mentions {
            guard let city = mention.place.parent else { continue }
            let keys = ([mention.place.name] + mention.place.otherNames).map { "\(city.geonameID)|\(districtKey($0))" }
            var nodes = keys
            if let entry = mention.place.resolution.entry { nodes.append("gn\(entry.geonameID)") }
            for node in nodes where parent[node] == nil {
                parent[node] = node
                order.append(node)
            }
            for node in nodes.dropFirst() { union(nodes[0], node) }
        }
        // Each group's id: its gazetteer place if it has one, else its first name in the file.
        var idOfRoot: [String: String] = [:]
        for node in order where node.hasPrefix("gn") && idOfRoot[find(node)] == nil {
            idOfRoot[find(node)] = "\(datasetID):\(node)"
        }
        var ids: [String: String] = [:]
        for node in order where !node.hasPrefix("gn") {
            let root = find(node)
            if idOfRoot[root] == nil {
                let parts = node.split(separator: "|", maxSplits: 1)
                idOfRoot[root] = "\(datasetID):gn\(parts[0])-\(parts[1])"
            }
            ids[node] = idOfRoot[root]
        }
        return ids
    }

    /// The key of a district's name without the word for a district ("Gangnam-gu", "Solomianskyi
    /// District" are Gangnam and Solomianskyi).
    static func districtKey(_ name: String) -> String {
        var bare = name.trimmingCharacters(in: .whitespaces)
        for suffix in ["-gu", " gu", "-ku", " ku", "-qu", " qu", " district", " subdistrict", " borough", " ward"]
        where bare.count > suffix.count + 1 && bare.lowercased().hasSuffix(suffix) {
            bare = String(bare.dropLast(suffix.count))
            break
        }
        return nameKey(bare)
    }

    /// A name's search key; a name of symbols only has none, and a hash of its bytes keeps its id
    /// the same from run to run.
    private static func nameKey(_ name: String, key: String? = nil) -> String {
        let key = key ?? PersianText.searchKey(name)
        return key.isEmpty ? String(ContentHash.sha256Hex(of: Data(name.utf8)).prefix(12)) : key
    }

    /// A resolved place takes the gazetteer's name, country and coordinates; a district is named
    /// with its city ("Mitte (Berlin)") whichever form the file used; an unresolved place keeps what
    /// the file gave and says why it is unresolved.
    private static func makeCity(id: String, _ mention: PlaceMention, _ resolved: RelationImporter.ResolvedMention) -> City {
        let describe = RelationImporter.describe
        let place = resolved.place
        switch place.resolution {
        case let .resolved(entry, confidence, reason):
            let name = place.parent.map { Self.partName(entry.name, entry.persianName, of: $0) } ?? LocalizedText(en: entry.name, fa: entry.persianName)
            return City(id: id, name: name, aliases: name.en == entry.name ? [] : [entry.name],
                        country: entry.country, coordinates: entry.coordinates, population: entry.population,
                        geonamesID: entry.geonameID, wikidataID: mention.wikidataID,
                        notes: confidence < 0.9 ? "resolved with confidence \(confidence): \(reason)" : nil)
        case let .ambiguous(candidates, reason):
            return City(id: id, name: LocalizedText(en: mention.name), country: resolved.country, coordinates: mention.coordinates,
                        wikidataID: mention.wikidataID, notes: "unresolved: \(reason); candidates: \(candidates.map(describe).joined(separator: "; "))")
        case let .unresolved(reason, candidates):
            if let parent = place.parent {
                return City(id: id, name: Self.partName(place.name, nil, of: parent), country: parent.country,
                            coordinates: mention.coordinates, wikidataID: mention.wikidataID, notes: "\(reason)")
            }
            let offered = candidates.isEmpty ? "" : "; candidates: \(candidates.map(describe).joined(separator: "; "))"
            return City(id: id, name: LocalizedText(en: mention.name), country: resolved.country, coordinates: mention.coordinates,
                        wikidataID: mention.wikidataID, notes: "unresolved: \(reason)\(offered)")
        }
    }

    /// "Mitte (Berlin)": a district's name with its city's, unless the name holds it already
    /// ("Budapest V", "Prague 1").
    static func partName(_ name: String, _ persian: String?, of parent: GazetteerEntry) -> LocalizedText {
        if PersianText.searchKey(name).contains(PersianText.searchKey(parent.name)) {
            return LocalizedText(en: name, fa: persian)
        }
        let fa = zip(persian, parent.persianName).map { "\($0) (\($1))" }
        return LocalizedText(en: "\(name) (\(parent.name))", fa: fa)
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
