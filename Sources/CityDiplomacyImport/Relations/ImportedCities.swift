import CityDiplomacyCore
import Foundation

/// The cities of an import, in the order the file first names them: one per gazetteer place a
/// mention resolved to, or one per unresolved name and country. A name that differs from the
/// city's becomes an alias.
struct ImportedCities {
    private(set) var byID: [String: City] = [:]
    private(set) var order: [String] = []
    private(set) var resolvedCount = 0
    private(set) var unresolvedCount = 0

    /// Creates the cities and tells each mention which city it stands for.
    init(_ places: [PlaceMention], resolved mentions: inout [RelationImporter.ResolvedMention], datasetID: String) {
        for (number, mention) in places.enumerated() {
            let id = "\(datasetID):\(Self.key(of: mention, mentions[number]))"
            mentions[number].cityID = id
            if var existing = byID[id] {
                if existing.name.en != mention.name, !existing.aliases.contains(mention.name) {
                    existing.aliases.append(mention.name)
                    byID[id] = existing
                }
                continue
            }
            var city = makeCity(id: id, mention, mentions[number])
            if PersianText.searchKey(mention.name) != PersianText.searchKey(city.name.en), !city.aliases.contains(mention.name), city.name.en != mention.name {
                city.aliases.append(mention.name)
            }
            byID[id] = city
            order.append(id)
        }
    }

    /// A resolved place is keyed by its GeoNames id; an unresolved one by its country and name.
    private static func key(of mention: PlaceMention, _ resolved: RelationImporter.ResolvedMention) -> String {
        switch resolved.resolution {
        case let .resolved(entry, _, _):
            return "gn\(entry.geonameID)"
        case .ambiguous, .unresolved:
            let nameKey = PersianText.searchKey(mention.name)
            // A name of symbols only has no key: a hash of its bytes keeps its id the same from run to run.
            let name = nameKey.isEmpty ? String(ContentHash.sha256Hex(of: Data(mention.name.utf8)).prefix(12)) : nameKey
            return "u-\(resolved.country.rawValue.lowercased())-\(name)"
        }
    }

    /// A resolved place takes the gazetteer's name, country and coordinates; an unresolved one
    /// keeps what the file gave and says why it is unresolved.
    private mutating func makeCity(id: String, _ mention: PlaceMention, _ resolved: RelationImporter.ResolvedMention) -> City {
        let describe = RelationImporter.describe
        switch resolved.resolution {
        case let .resolved(entry, confidence, reason):
            resolvedCount += 1
            return City(id: id, name: LocalizedText(en: entry.name, fa: entry.arabicScriptName), aliases: entry.name == mention.name ? [] : [mention.name],
                        country: entry.country, coordinates: entry.coordinates, population: entry.population,
                        geonamesID: entry.geonameID, wikidataID: mention.wikidataID,
                        notes: confidence < 0.8 ? "resolved with confidence \(confidence): \(reason)" : nil)
        case let .ambiguous(candidates, reason):
            unresolvedCount += 1
            return City(id: id, name: LocalizedText(en: mention.name), country: resolved.country, coordinates: mention.coordinates,
                        wikidataID: mention.wikidataID, notes: "unresolved: \(reason); candidates: \(candidates.map(describe).joined(separator: "; "))")
        case let .unresolved(reason, nearest):
            unresolvedCount += 1
            return City(id: id, name: LocalizedText(en: mention.name), country: resolved.country, coordinates: mention.coordinates,
                        wikidataID: mention.wikidataID, notes: "unresolved: \(reason)\(nearest.map { "; nearest place: \(describe($0))" } ?? "")")
        }
    }
}
