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

    /// How a distinct place mention (name, country, coordinates) resolved, and what the quality
    /// report says of it.
    struct ResolvedMention {
        var resolution: PlaceResolver.Resolution
        var country: CountryCode
        var countryKnown: Bool
        /// The city the mention stands for, once created.
        var cityID = ""
        /// The given coordinates are far from the place the name resolved to: how far.
        var farKilometres: Double?
        /// The given coordinates lie in another country than the one given: the place there.
        var elsewhere: (entry: GazetteerEntry, kilometres: Double)?
    }

    /// A relation of the file is one pair of cities (in either order) and a kind.
    private struct PairKey: Hashable {
        var low: String
        var high: String
        var kind: String
    }

    public func run(
        _ records: [ImportRecord], dataset datasetID: String, fileName: String, contentHash: String,
        format: ImportFormat, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Result {
        var cities: [String: City] = [:]
        var cityOrder: [String] = []
        var relationIndex: [PairKey: Int] = [:]
        var relations: [BilateralRelation] = []
        var sources: [String: SourceCitation] = [:]
        let fileSource = SourceCitation(
            id: "\(datasetID):file", title: fileName, publisher: nil, language: nil,
            locator: "imported by citydip (\(format.rawValue)); SHA-256 \(contentHash.prefix(16))…")
        sources[fileSource.id] = fileSource
        var sourceOrder = [fileSource.id]
        var sourceIDs: [String: String] = [:]
        var report = ImportQualityReport(
            file: fileName, format: format.rawValue, dataset: datasetID, contentHash: contentHash,
            rowsRead: records.count, relationsCreated: 0, duplicatesMerged: 0, citiesCreated: 0, citiesResolved: 0,
            citiesUnresolved: 0, selfPairs: [], domesticPairs: 0, domesticByCountry: [:], unresolvedNames: [],
            uncertainNames: [], coordinateIssues: [], unknownCountries: [])
        var unresolved: [String: ImportQualityReport.NameNote] = [:]
        var uncertain: [String: ImportQualityReport.NameNote] = [:]
        var unknownCountries: [String: ImportQualityReport.CountryNote] = [:]
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

        // Each distinct mention is resolved once, and the rows refer to mentions by number: a file
        // names each place many times, and rows are read faster by number than by hashing places.
        var distinct: [PlaceMention] = []
        var mentionNumbers: [PlaceMention: Int] = [:]
        var rowMentions: [(Int, Int)] = []
        rowMentions.reserveCapacity(records.count)
        func number(_ mention: PlaceMention) -> Int {
            if let known = mentionNumbers[mention] { return known }
            mentionNumbers[mention] = distinct.count
            distinct.append(mention)
            return distinct.count - 1
        }
        for record in records {
            rowMentions.append((number(record.city1), number(record.city2)))
        }
        // A file names a few hundred countries in tens of thousands of rows: each is looked up once.
        for place in distinct { _ = countryCode(place.country) }

        // Resolving distinct places is the costly part and independent place by place: it runs on
        // every core.
        let placeResolver = resolver
        let countries = countryCache
        let far = farKilometres
        var mentions = distinct.concurrentMap { place in
            let code = place.country.flatMap { countries[$0] } ?? nil
            let resolution = placeResolver.resolve(name: place.name, countryCode: code, countryText: place.country, coordinates: place.coordinates)
            var resolved = ResolvedMention(
                resolution: resolution, country: resolution.entry?.country ?? code ?? CountryCode(unchecked: "ZZ"),
                countryKnown: code != nil || place.country == nil)
            if let given = place.coordinates, let entry = resolution.entry {
                let distance = given.kilometres(to: entry.coordinates)
                if distance > far { resolved.farKilometres = distance }
            }
            // Whether given coordinates lie in another country than the one given: no place of that
            // country near them, but one of another.
            if let given = place.coordinates, let country = code,
               placeResolver.gazetteer.nearest(to: given, withinKilometres: 30, in: country) == nil,
               let other = placeResolver.gazetteer.nearest(to: given, withinKilometres: 30), other.entry.country != country {
                resolved.elsewhere = other
            }
            return resolved
        }

        // Cities, in the order the file first names them; a name that differs from the city's
        // becomes an alias.
        for (number, mention) in distinct.enumerated() {
            let resolved = mentions[number]
            let key: String
            switch resolved.resolution {
            case let .resolved(entry, _, _):
                key = "gn\(entry.geonameID)"
            case .ambiguous, .unresolved:
                let nameKey = PersianText.searchKey(mention.name)
                // A name of symbols only has no key: a hash of its bytes keeps its id the same from run to run.
                key = "u-\(resolved.country.rawValue.lowercased())-\(nameKey.isEmpty ? String(ContentHash.sha256Hex(of: Data(mention.name.utf8)).prefix(12)) : nameKey)"
            }
            let id = "\(datasetID):\(key)"
            mentions[number].cityID = id
            if var existing = cities[id] {
                if existing.name.en != mention.name, !existing.aliases.contains(mention.name) {
                    existing.aliases.append(mention.name)
                    cities[id] = existing
                }
                continue
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

        // What the report says of a mention on a row; whether its coordinates disagree with it.
        var reported = [Bool](repeating: false, count: distinct.count)
        // Places reported as lying in another country, by name, country and coordinates (mentions
        // that differ only by their Wikidata item are one place here).
        var reportedElsewhere: Set<PlaceMention> = []
        func check(_ number: Int, line: Int) -> Bool {
            let mention = distinct[number]
            let resolved = mentions[number]
            let firstTime = !reported[number]
            reported[number] = true
            switch resolved.resolution {
            case let .resolved(entry, confidence, reason):
                if confidence < 0.8 { note(mention, line: line, into: &uncertain, reason: reason, candidates: resolver.gazetteer.entries(named: mention.name).prefix(4).filter { $0 != entry }) }
                if let distance = resolved.farKilometres, firstTime, let given = mention.coordinates {
                    report.coordinateIssues.append(.init(
                        line: line, name: mention.name, given: String(format: "%.4f, %.4f", given.latitude, given.longitude),
                        resolvedTo: describe(entry), kilometres: Int(distance.rounded()),
                        problem: "the coordinates are far from the place the name resolves to"))
                }
            case let .ambiguous(candidates, reason):
                note(mention, line: line, into: &unresolved, reason: reason, candidates: candidates)
            case let .unresolved(reason, nearest):
                note(mention, line: line, into: &unresolved, reason: reason, candidates: nearest.map { [$0] } ?? [])
            }
            if let other = resolved.elsewhere, firstTime, let given = mention.coordinates, let country = mention.country.flatMap({ countryCache[$0] ?? nil }),
               reportedElsewhere.insert(PlaceMention(name: mention.name, country: mention.country, coordinates: given)).inserted {
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
            // Every relation of such a place is flagged; the report lists the place once.
            return resolved.farKilometres != nil || resolved.elsewhere != nil
        }

        for (index, record) in records.enumerated() {
            if index % 2000 == 0 { progress?(index, records.count) }
            let (number1, number2) = rowMentions[index]
            let resolved1 = mentions[number1]
            let resolved2 = mentions[number2]
            let id1 = resolved1.cityID
            let id2 = resolved2.cityID
            let far1 = check(number1, line: record.line)
            let far2 = check(number2, line: record.line)
            var recordSources = [fileSource]
            if let text = record.source {
                let sourceID: String
                if let known = sourceIDs[text] {
                    sourceID = known
                } else {
                    sourceID = "\(datasetID):source-\(ContentHash.sha256Hex(of: Data(text.utf8)).prefix(16))"
                    sourceIDs[text] = sourceID
                }
                if sources[sourceID] == nil {
                    sources[sourceID] = SourceCitation(id: sourceID, title: text, url: text.hasPrefix("http") ? text : nil)
                    sourceOrder.append(sourceID)
                }
                recordSources.append(sources[sourceID]!)
            }
            let pairKey = PairKey(low: min(id1, id2), high: max(id1, id2), kind: record.kind.rawValue)
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
        // Most frequent first, then by name, then in the order of the file: the same file always
        // gives the same report.
        func inOrder(_ a: ImportQualityReport.NameNote, _ b: ImportQualityReport.NameNote) -> Bool {
            (b.occurrences, a.name, a.lines.first ?? 0, a.country ?? "") < (a.occurrences, b.name, b.lines.first ?? 0, b.country ?? "")
        }
        report.unresolvedNames = unresolved.values.sorted(by: inOrder)
        report.uncertainNames = uncertain.values.sorted(by: inOrder)
        report.unknownCountries = unknownCountries.values.sorted { ($1.occurrences, $0.country) < ($0.occurrences, $1.country) }
        let dataset = Dataset(
            id: datasetID, title: LocalizedText(en: "Imported from \(fileName)", fa: "درون‌بُرد از \(fileName)"),
            description: "\(records.count) rows of \(fileName) (\(format.rawValue)), \(relations.count) relations.",
            provenance: "Imported by citydip from \(fileName) (\(format.rawValue)); places resolved against the GeoNames gazetteer; every relation keeps the rows it was read from.",
            sourceFile: fileName, contentHash: contentHash, isBundled: false, importReport: report.json(prettyPrinted: false))
        let content = DatasetContent(
            dataset: dataset, sources: sourceOrder.compactMap { sources[$0] }, cities: cityOrder.compactMap { cities[$0] },
            relations: relations)
        return Result(content: content, report: report)
    }
}
