import CityDiplomacyCore
import Foundation

/// Turns the rows of an imported file into a dataset: places resolved against the gazetteer, each
/// undirected pair stored once, self-pairs, domestic pairs and unresolved places kept and flagged,
/// and a quality report of everything that needs a person's eye.
///
/// ```swift
/// let importer = RelationImporter(resolver: PlaceResolver(gazetteer: gazetteer, countries: countries))
/// let result = importer.run(records, dataset: "wikipedia-2026", fileName: "twin_cities.csv",
///                           contentHash: hash, format: .wikipediaCSV)
/// result.report.relationsCreated
/// ```
public struct RelationImporter: Sendable {
    public let resolver: PlaceResolver
    /// Beyond this distance given coordinates are reported as far from the resolved place.
    public var farKilometres: Double = 100

    public init(resolver: PlaceResolver) {
        self.resolver = resolver
    }

    public struct Result: Sendable {
        public var content: DatasetContent
        public var report: ImportQualityReport
    }

    /// How a mention resolved, cached per distinct (name, country, coordinates).
    struct ResolvedMention {
        var cityKey: String
        var country: CountryCode
        var resolution: PlaceResolver.Resolution
        var countryKnown: Bool
    }

    public func run(
        _ records: [ImportRecord], dataset datasetID: String, fileName: String, contentHash: String,
        format: ImportFormat, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Result {
        var mentions: [PlaceMention: ResolvedMention] = [:]
        var cities: [String: City] = [:]
        var cityOrder: [String] = []
        var relationIndex: [String: Int] = [:]
        var relations: [BilateralRelation] = []
        var sources: [String: SourceCitation] = [:]
        let fileSource = SourceCitation(
            id: "\(datasetID):file", title: fileName, publisher: nil, language: nil,
            locator: "imported by citydip (\(format.rawValue)); SHA-256 \(contentHash.prefix(16))…")
        sources[fileSource.id] = fileSource
        var sourceOrder = [fileSource.id]
        var report = ImportQualityReport(
            file: fileName, format: format.rawValue, dataset: datasetID, contentHash: contentHash,
            rowsRead: records.count, relationsCreated: 0, duplicatesMerged: 0, citiesCreated: 0, citiesResolved: 0,
            citiesUnresolved: 0, selfPairs: [], domesticPairs: 0, domesticByCountry: [:], unresolvedNames: [],
            uncertainNames: [], coordinateIssues: [], unknownCountries: [])
        var unresolved: [String: ImportQualityReport.NameNote] = [:]
        var uncertain: [String: ImportQualityReport.NameNote] = [:]
        var unknownCountries: [String: ImportQualityReport.CountryNote] = [:]
        var coordinateChecked: Set<PlaceMention> = []
        var countryCache: [String: CountryCode?] = [:]
        func countryCode(_ text: String?) -> CountryCode? {
            guard let text else { return nil }
            if let cached = countryCache[text] { return cached }
            let code = resolver.country(text)?.code
            countryCache[text] = code
            return code
        }

        func describe(_ entry: GazetteerEntry) -> String {
            "\(entry.name), \(entry.country) (geonames \(entry.geonameID), pop. \(entry.population))"
        }

        func resolve(_ mention: PlaceMention, line: Int) -> ResolvedMention {
            if let known = mentions[mention] { return known }
            let resolution = preresolved[mention] ?? resolver.resolve(name: mention.name, country: mention.country, coordinates: mention.coordinates)
            let givenCountry = countryCode(mention.country)
            let key: String
            let country: CountryCode
            switch resolution {
            case let .resolved(entry, _, _):
                key = "gn\(entry.geonameID)"
                country = entry.country
            case .ambiguous, .unresolved:
                country = givenCountry ?? CountryCode(unchecked: "ZZ")
                let nameKey = PersianText.searchKey(mention.name)
                // A name of symbols only has no key: a hash of its bytes keeps its id the same from run to run.
                key = "u-\(country.rawValue.lowercased())-\(nameKey.isEmpty ? String(ImportPipeline.contentHash(Data(mention.name.utf8)).prefix(12)) : nameKey)"
            }
            let resolved = ResolvedMention(cityKey: key, country: country, resolution: resolution, countryKnown: givenCountry != nil || mention.country == nil)
            mentions[mention] = resolved
            return resolved
        }

        func note(_ mention: PlaceMention, line: Int, into notes: inout [String: ImportQualityReport.NameNote], reason: String, candidates: @autoclosure () -> [GazetteerEntry]) {
            let key = "\(mention.name)|\(mention.country ?? "")"
            if var existing = notes[key] {
                existing.occurrences += 1
                if existing.lines.count < 5 { existing.lines.append(line) }
                notes[key] = existing
            } else {
                notes[key] = ImportQualityReport.NameNote(name: mention.name, country: mention.country, occurrences: 1, lines: [line], reason: reason, candidates: candidates().map(describe))
            }
        }

        func city(for mention: PlaceMention, _ resolved: ResolvedMention, line: Int) -> String {
            let id = "\(datasetID):\(resolved.cityKey)"
            if var existing = cities[id] {
                if existing.name.en != mention.name, !existing.aliases.contains(mention.name) {
                    existing.aliases.append(mention.name)
                    cities[id] = existing
                }
                return id
            }
            var city: City
            switch resolved.resolution {
            case let .resolved(entry, confidence, reason):
                city = City(id: id, name: LocalizedText(en: entry.name, fa: entry.arabicScriptName), aliases: entry.name == mention.name ? [] : [mention.name],
                            country: entry.country, coordinates: entry.coordinates, population: entry.population,
                            geonamesID: entry.geonameID, wikidataID: mention.wikidataID,
                            notes: confidence < 0.8 ? "resolved with confidence \(confidence): \(reason)" : nil)
                report.citiesResolved += 1
            case let .ambiguous(candidates, reason):
                city = City(id: id, name: LocalizedText(en: mention.name), country: resolved.country, coordinates: mention.coordinates,
                            wikidataID: mention.wikidataID, notes: "unresolved: \(reason); candidates: \(candidates.map(describe).joined(separator: "; "))")
                report.citiesUnresolved += 1
            case let .unresolved(reason, nearest):
                city = City(id: id, name: LocalizedText(en: mention.name), country: resolved.country, coordinates: mention.coordinates,
                            wikidataID: mention.wikidataID, notes: "unresolved: \(reason)\(nearest.map { "; nearest place: \(describe($0))" } ?? "")")
                report.citiesUnresolved += 1
            }
            if PersianText.searchKey(mention.name) != PersianText.searchKey(city.name.en), !city.aliases.contains(mention.name), city.name.en != mention.name {
                city.aliases.append(mention.name)
            }
            cities[id] = city
            cityOrder.append(id)
            return id
        }

        func checkMention(_ mention: PlaceMention, _ resolved: ResolvedMention, line: Int) -> Bool {
            var disagrees = false
            switch resolved.resolution {
            case let .resolved(entry, confidence, reason):
                if confidence < 0.8 { note(mention, line: line, into: &uncertain, reason: reason, candidates: resolver.gazetteer.entries(named: mention.name).prefix(4).filter { $0 != entry }) }
                if let given = mention.coordinates {
                    let distance = given.kilometres(to: entry.coordinates)
                    if distance > farKilometres {
                        disagrees = true
                        if coordinateChecked.insert(mention).inserted {
                            report.coordinateIssues.append(.init(
                                line: line, name: mention.name, given: String(format: "%.4f, %.4f", given.latitude, given.longitude),
                                resolvedTo: describe(entry), kilometres: Int(distance.rounded()),
                                problem: "the coordinates are far from the place the name resolves to"))
                        }
                    }
                }
            case let .ambiguous(candidates, reason):
                note(mention, line: line, into: &unresolved, reason: reason, candidates: candidates)
            case let .unresolved(reason, nearest):
                note(mention, line: line, into: &unresolved, reason: reason, candidates: nearest.map { [$0] } ?? [])
            }
            if mention.coordinates != nil, countryCode(mention.country) != nil, elsewhere[mention] != nil {
                // Every relation of the place is flagged; the report lists the place once.
                disagrees = true
            }
            if let given = mention.coordinates, let country = countryCode(mention.country), let other = elsewhere[mention],
               coordinateChecked.insert(PlaceMention(name: "\u{0}" + mention.name, country: mention.country, coordinates: given)).inserted {
                report.coordinateIssues.append(.init(
                    line: line, name: mention.name, given: String(format: "%.4f, %.4f", given.latitude, given.longitude),
                    resolvedTo: describe(other.entry), kilometres: Int(other.kilometres.rounded()),
                    problem: "the coordinates lie in \(other.entry.country), not in \(country)"))
            }
            if let text = mention.country, !resolved.countryKnown {
                if var existing = unknownCountries[text] {
                    existing.occurrences += 1
                    if existing.lines.count < 5 { existing.lines.append(line) }
                    unknownCountries[text] = existing
                } else {
                    unknownCountries[text] = .init(country: text, occurrences: 1, lines: [line])
                }
            }
            return disagrees
        }

        // Resolving distinct places is the costly part and independent place by place: it runs on
        // every core first, and the loop below finds each answer in the table.
        var distinct: [PlaceMention] = []
        var seen: Set<PlaceMention> = []
        for record in records {
            for mention in [record.city1, record.city2] where seen.insert(mention).inserted { distinct.append(mention) }
        }
        let resolutions = ResolutionTable(count: distinct.count)
        let resolver = self.resolver
        let places = distinct
        DispatchQueue.concurrentPerform(iterations: places.count) { index in
            let place = places[index]
            let resolution = resolver.resolve(name: place.name, country: place.country, coordinates: place.coordinates)
            // Whether given coordinates lie in another country than the one given: no place of that
            // country near them, but one of another.
            var elsewhere: (entry: GazetteerEntry, kilometres: Double)?
            if let given = place.coordinates, let country = resolver.country(place.country)?.code,
               resolver.gazetteer.nearest(to: given, withinKilometres: 30, in: country) == nil,
               let other = resolver.gazetteer.nearest(to: given, withinKilometres: 30), other.entry.country != country {
                elsewhere = other
            }
            resolutions.set(index, resolution, elsewhere: elsewhere)
        }
        var preresolved: [PlaceMention: PlaceResolver.Resolution] = [:]
        var elsewhere: [PlaceMention: (entry: GazetteerEntry, kilometres: Double)] = [:]
        preresolved.reserveCapacity(distinct.count)
        for (index, mention) in distinct.enumerated() {
            preresolved[mention] = resolutions.value(index)
            if let found = resolutions.elsewhere(index) { elsewhere[mention] = found }
        }

        for (index, record) in records.enumerated() {
            if index % 2000 == 0 { progress?(index, records.count) }
            let resolved1 = resolve(record.city1, line: record.line)
            let resolved2 = resolve(record.city2, line: record.line)
            let id1 = city(for: record.city1, resolved1, line: record.line)
            let id2 = city(for: record.city2, resolved2, line: record.line)
            let far1 = checkMention(record.city1, resolved1, line: record.line)
            let far2 = checkMention(record.city2, resolved2, line: record.line)
            var recordSources = [fileSource]
            if let text = record.source {
                let sourceID = "\(datasetID):source-\(ImportPipeline.contentHash(Data(text.utf8)).prefix(16))"
                if sources[sourceID] == nil {
                    sources[sourceID] = SourceCitation(id: sourceID, title: text, url: text.hasPrefix("http") ? text : nil)
                    sourceOrder.append(sourceID)
                }
                recordSources.append(sources[sourceID]!)
            }
            let pairKey = [id1, id2].sorted().joined(separator: "~") + "~" + record.kind.rawValue
            if let existing = relationIndex[pairKey] {
                report.duplicatesMerged += 1
                relations[existing].importRows.append(record.line)
                if far1 || far2, !relations[existing].flags.contains(.coordinatesDisagree) {
                    relations[existing].flags.append(.coordinatesDisagree)
                }
                if relations[existing].signed == nil { relations[existing].signed = record.date }
                for source in recordSources where !relations[existing].sources.contains(source) {
                    relations[existing].sources.append(source)
                }
                continue
            }
            var flags: [RelationFlag] = []
            if id1 == id2 {
                flags.append(.selfPair)
                report.selfPairs.append(.init(line: record.line, city1: record.city1.name, city2: record.city2.name))
            } else if resolved1.country == resolved2.country, resolved1.country.rawValue != "ZZ" {
                flags.append(.domestic)
                report.domesticPairs += 1
                report.domesticByCountry[resolved1.country.rawValue, default: 0] += 1
            }
            if resolved1.resolution.entry == nil || resolved2.resolution.entry == nil { flags.append(.unresolvedCity) }
            if far1 || far2 { flags.append(.coordinatesDisagree) }
            relationIndex[pairKey] = relations.count
            relations.append(BilateralRelation(
                id: "\(datasetID):\(id1.dropFirst(datasetID.count + 1))/\(id2.dropFirst(datasetID.count + 1))/\(record.kind.rawValue)",
                datasetID: datasetID, cityID: id1, partnerID: id2, kind: record.kind, signed: record.date,
                sources: recordSources, position: relations.count, flags: flags, importRows: [record.line]))
        }
        progress?(records.count, records.count)
        report.relationsCreated = relations.count
        report.citiesCreated = cities.count
        report.unresolvedNames = unresolved.values.sorted { $0.occurrences != $1.occurrences ? $0.occurrences > $1.occurrences : $0.name < $1.name }
        report.uncertainNames = uncertain.values.sorted { $0.occurrences != $1.occurrences ? $0.occurrences > $1.occurrences : $0.name < $1.name }
        report.unknownCountries = unknownCountries.values.sorted { $0.occurrences > $1.occurrences }
        let dataset = Dataset(
            id: datasetID, title: LocalizedText(en: "Imported from \(fileName)", fa: "درون‌بُرد از \(fileName)"),
            description: "\(records.count) rows of \(fileName) (\(format.rawValue)), \(relations.count) relations.",
            provenance: "Imported by citydip from \(fileName) (\(format.rawValue)); places resolved against the GeoNames gazetteer; every relation keeps the rows it was read from.",
            sourceFile: fileName, contentHash: contentHash, isBundled: false, importReport: report.json())
        let content = DatasetContent(
            dataset: dataset, sources: sourceOrder.compactMap { sources[$0] }, cities: cityOrder.compactMap { cities[$0] },
            relations: relations)
        return Result(content: content, report: report)
    }
}

/// Results written by concurrent workers, each to its own slot.
private final class ResolutionTable: @unchecked Sendable {
    // Each index is written by exactly one iteration of `concurrentPerform` and read only after
    // it returns, so the slots need no lock.
    // The buffers are allocated once, so concurrent writes to different slots touch no shared
    // array storage.
    private let slots: UnsafeMutableBufferPointer<PlaceResolver.Resolution?>
    private let elsewhereSlots: UnsafeMutableBufferPointer<(entry: GazetteerEntry, kilometres: Double)?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
        elsewhereSlots = .allocate(capacity: count)
        elsewhereSlots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
        elsewhereSlots.deinitialize()
        elsewhereSlots.deallocate()
    }

    func set(_ index: Int, _ value: PlaceResolver.Resolution, elsewhere: (entry: GazetteerEntry, kilometres: Double)?) {
        slots[index] = value
        elsewhereSlots[index] = elsewhere
    }

    func value(_ index: Int) -> PlaceResolver.Resolution? {
        slots[index]
    }

    func elsewhere(_ index: Int) -> (entry: GazetteerEntry, kilometres: Double)? {
        elsewhereSlots[index]
    }
}
