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
///
/// `run` is a pipeline of stages, each in its own file: the distinct places the rows name
/// (``PlaceMentions``), their resolution (`resolvePlaces`), the cities they become
/// (``ImportedCities``), what each row tells the quality report (``ImportQualityNotes``), and the
/// rows merged into one relation per pair (``PairMerger``).
public struct RelationImporter: Sendable {
    public let resolver: PlaceResolver

    public init(resolver: PlaceResolver) {
        self.resolver = resolver
    }

    public struct Result: Sendable {
        public var content: DatasetContent
        public var report: ImportQualityReport
    }

    /// What the file is, as the dataset and its report name it.
    struct FileFacts {
        var datasetID: String
        var fileName: String
        var contentHash: String
        var format: ImportFormat
        var rowsRead: Int
    }

    public func run(
        _ records: [ImportRecord], dataset datasetID: String, fileName: String, contentHash: String,
        format: ImportFormat, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Result {
        var (content, parts) = resolve(records, dataset: datasetID, fileName: fileName, contentHash: contentHash, format: format, progress: progress)
        let report = parts.report()
        // The notes and pairs that made the report are let go before it is encoded (freed on
        // another thread, maybe while it is encoded): kept beside the text and its chunks, they
        // made the peak of memory of a 1,000,000-row import (2.1 GB, with the rows and the
        // gazetteer).
        Background.release(consume parts)
        content.dataset.importReport = report.json()
        return Result(content: content, report: report)
    }

    /// A dataset resolved, and its report still being made and encoded on another thread.
    public struct Started: Sendable {
        /// The dataset, without its report's JSON (`dataset.importReport` is `nil`).
        public var content: DatasetContent
        /// The report, made on another thread once the JSON's encoding starts, or when first
        /// asked for.
        public var report: Eventual<ImportQualityReport>
        /// The report as the registry keeps it (``ImportQualityReport/json()``).
        public var reportJSON: Eventual<String>

        /// The dataset with its report's JSON, once encoded.
        public var result: Result {
            get async {
                var content = content
                content.dataset.importReport = await reportJSON.asyncValue
                return Result(content: content, report: await report.asyncValue)
            }
        }
    }

    /// ``run(_:dataset:fileName:contentHash:format:progress:)`` up to the dataset: its report is
    /// left to be made and encoded on another thread, which `citydip import` starts when SQLite
    /// begins to store the dataset (on one core), and whose JSON the store writes into the
    /// dataset last. Encoding it took 5 of the 42 s of a 1,000,000-row import, before SQLite stored
    /// the dataset on one core for 20 s and left the other idle (perf); making the report (the
    /// unresolved names sorted, the notes gathered) was the last third of a second of the
    /// resolution, on both cores, before SQLite could begin (perf, 2026-12-04).
    ///
    /// The report is made, then encoded, on one core: the store starts them once SQLite's writing
    /// begins, on the other (see ``Eventual``).
    public func start(
        _ records: [ImportRecord], dataset datasetID: String, fileName: String, contentHash: String,
        format: ImportFormat, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Started {
        let (content, parts) = resolve(records, dataset: datasetID, fileName: fileName, contentHash: contentHash, format: format, progress: progress)
        // Behind SQLite's thread, which the import waits for, and the thread that binds its rows.
        let report = Eventual(priority: .yielding) { parts.report() }
        return Started(content: content, report: report, reportJSON: Eventual(priority: .yielding) { report.value.json(onEveryCore: false) })
    }

    /// What the quality report is made of, once the dataset is made: the report itself is made
    /// from it (``report()``) where the caller chooses.
    struct ReportParts: Sendable {
        /// The file, as the dataset and its report name it (its rows are read into `readings`).
        var facts: FileFacts
        var cities: ImportedCities
        var notes: ImportQualityNotes
        var pairs: PairMerger
        /// The countries the rows name by another state's name, and the characters the rows
        /// lost: read from the rows, on another thread, while the cities were made.
        var readings: Eventual<RowReadings>

        /// The report, its notes in order (see ``qualityReport(_:cities:notes:pairs:readings:)``).
        func report() -> ImportQualityReport {
            var report = RelationImporter.qualityReport(facts, cities: cities, notes: notes, pairs: pairs, readings: readings.value)
            report.unresolvedNames = RelationImporter.inReportOrder(notes.unresolved.values)
            return report
        }
    }

    /// What the report says of the rows themselves rather than of their places.
    struct RowReadings: Sendable {
        var countries: [ImportQualityReport.CountryReadingNote]
        var removedCharacters: [ImportQualityReport.RemovedCharacterNote]
    }

    /// The dataset, without its report's JSON, and what its report is made of.
    private func resolve(
        _ records: [ImportRecord], dataset datasetID: String, fileName: String, contentHash: String,
        format: ImportFormat, progress: (@Sendable (Int, Int) -> Void)?
    ) -> (DatasetContent, ReportParts) {
        let facts = FileFacts(datasetID: datasetID, fileName: fileName, contentHash: contentHash, format: format, rowsRead: records.count)
        let places = PlaceMentions(records)
        let countries = countryCodes(of: places.distinct)
        var mentions = resolvePlaces(places.distinct, countries: countries)
        // Read from the rows alone, on another thread, while the cities are made: most of that
        // is one core's work, with the other idle (perf, 2026-12-04).
        let readings = Eventual(priority: .yielding) { [self] in RowReadings(countries: countryReadings(of: records), removedCharacters: removedCharacters(of: records)) }
        readings.start()
        let cities = ImportedCities(places.distinct, resolved: &mentions, datasetID: datasetID)
        // Whether a place's coordinates disagree with it is the same on every row that names it,
        // so the rows' notes and their pairs depend on each other no more, and go through the
        // rows side by side, each in the rows' order, on two cores: one after the other, they
        // were a tenth of the CPU time of a 250,000-row import, all on one core (perf).
        // Read where they lie: a map whose closure read the array `mentions` (a variable) copied
        // each mention whole.
        precondition(mentions.count == places.distinct.count, "one resolution per place")
        let disagree = places.distinct.withUnsafeBufferPointer { places in
            mentions.withUnsafeBufferPointer { mentions in places.indices.map { ImportQualityNotes.coordinatesDisagree(places, mentions, at: $0) } }
        }
        let (placeResolver, resolved, cityList) = (resolver, mentions, cities.all)
        // Each row read where it lies: a loop over the array copied each (a dozen strings).
        let (notes, merged) = inParallel({
            var notes = ImportQualityNotes(places: places.distinct, mentions: resolved, countries: countries, resolver: placeResolver)
            records.withUnsafeBufferPointer { records in
                for index in records.indices {
                    let (number1, number2) = places.rowMentions[index]
                    // Both places are checked in the row's order: the report lists their lines so.
                    notes.check(number1, line: records[index].line)
                    notes.check(number2, line: records[index].line)
                }
            }
            notes.finish()
            return notes
        }, {
            let ends = PairMerger.ends(of: resolved, cities: cityList)
            var pairs = PairMerger(facts: facts)
            records.withUnsafeBufferPointer { records in
                ends.withUnsafeBufferPointer { ends in
                    for index in records.indices {
                        if index % 2000 == 0 { progress?(index, records.count) }
                        let (number1, number2) = places.rowMentions[index]
                        pairs.add(records, at: index, ends, number1, number2, coordinatesDisagree: disagree[number1] || disagree[number2])
                    }
                }
            }
            return pairs
        })
        progress?(records.count, records.count)
        var named = consume merged
        named.writeIDs()
        let pairs = consume named
        let content = dataset(facts, cities: cities, pairs: pairs)
        // The places and their resolutions are freed on another thread (the notes let go of
        // theirs): here they were part of half a second of frees on the path the store waits for
        // (perf, 1,000,000 rows).
        Background.release((consume places, consume mentions, consume resolved))
        return (content, ReportParts(facts: facts, cities: cities, notes: notes, pairs: pairs, readings: readings))
    }

    /// The names of `notes` in the report's order: most frequent first, then by name, then in the
    /// order of the file (first line, then country), so that the same file always gives the same
    /// report.
    ///
    /// Names and countries are compared in ``NFCOrder`` (the bytes of their NFC forms), a total
    /// order where Swift 6.3's `<` is not: sorted by `<`, names in decomposed form were ordered by
    /// the dictionary's order of the notes, which differs from run to run.
    ///
    /// The bytes are laid out in one buffer first: compared through the notes and `String`, each
    /// comparison read two notes and their names wherever they lay in memory, and sorting the
    /// 290,000 unresolved names of a 1,000,000-row file took one and a half seconds of one core
    /// while the other had nothing left to do (perf, 2026-12-02). Positions are sorted rather
    /// than the notes, which a sort would copy and move, and the notes are then put in order where
    /// they lie.
    static func inReportOrder(_ notes: some Collection<ImportQualityReport.NameNote>) -> [ImportQualityReport.NameNote] {
        var notes = Array(notes)
        var occurrences: [Int] = [], starts: [Int] = [], bytes: [UInt8] = []
        occurrences.reserveCapacity(notes.count)
        starts.reserveCapacity(notes.count + 1)
        for index in notes.indices {
            occurrences.append(notes[index].occurrences)
            starts.append(bytes.count)
            NFCOrder.appendBytes(of: notes[index].name, to: &bytes)
        }
        starts.append(bytes.count)
        bytes.append(0)  // an address even when every name is empty
        let order = bytes.withUnsafeBufferPointer { bytes in
            notes.withUnsafeBufferPointer { notes in
                notes.indices.sorted { a, b in
                    if occurrences[a] != occurrences[b] { return occurrences[a] > occurrences[b] }
                    let (lengthA, lengthB) = (starts[a + 1] - starts[a], starts[b + 1] - starts[b])
                    let order = memcmp(bytes.baseAddress! + starts[a], bytes.baseAddress! + starts[b], min(lengthA, lengthB))
                    if order != 0 { return order < 0 }
                    if lengthA != lengthB { return lengthA < lengthB }
                    let (lineA, lineB) = (notes[a].lines.first ?? 0, notes[b].lines.first ?? 0)
                    if lineA != lineB { return lineA < lineB }
                    let (countryA, countryB) = (NFCOrder.bytes(of: notes[a].country ?? ""), NFCOrder.bytes(of: notes[b].country ?? ""))
                    if countryA != countryB { return countryA.lexicographicallyPrecedes(countryB) }
                    // Last, the texts as written: where Foundation's NFC made two notes one that
                    // `String` keeps apart, the order the notes came in would decide (no file's
                    // notes tie so far: their key merges equal names).
                    let (nameA, nameB) = (Array(notes[a].name.utf8), Array(notes[b].name.utf8))
                    if nameA != nameB { return nameA.lexicographicallyPrecedes(nameB) }
                    return Array((notes[a].country ?? "").utf8).lexicographicallyPrecedes(Array((notes[b].country ?? "").utf8))
                }
            }
        }
        // The notes put in that order where they lie, each swapped into its place along the
        // cycles of the order: mapped to a new array, each note was copied (its strings and
        // arrays retained) and the old array's released, a third of this sort's time (perf).
        var placed = [Bool](repeating: false, count: notes.count)
        for start in notes.indices where !placed[start] {
            var position = start
            while order[position] != start {
                notes.swapAt(position, order[position])
                placed[position] = true
                position = order[position]
            }
            placed[position] = true
        }
        return notes
    }

    /// The unknown countries in the report's order: most frequent first, then by name (see
    /// ``NFCOrder``: `String`'s `<` is not a total order, and the notes come from a dictionary
    /// whose order differs from run to run).
    static func inReportOrder(_ countries: some Collection<ImportQualityReport.CountryNote>) -> [ImportQualityReport.CountryNote] {
        byOccurrencesThenText(countries, occurrences: \.occurrences, text: \.country)
    }

    /// `items`, most frequent first, then by their text in ``NFCOrder``, each text's NFC bytes
    /// made once.
    static func byOccurrencesThenText<Item>(_ items: some Collection<Item>, occurrences: (Item) -> Int, text: (Item) -> String) -> [Item] {
        items.map { (item: $0, occurrences: occurrences($0), text: text($0), key: NFCOrder.bytes(of: text($0))) }
            .sorted { a, b in
                if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
                return NFCOrder.precedes(a.text, a.key, b.text, b.key)
            }
            .map(\.item)
    }

    /// The report: the counts of each stage and the notes, most frequent first, then by name, then
    /// in the order of the file, so that the same file always gives the same report — all but the
    /// unresolved names (none here), which ``inReportOrder(_:)`` sorts.
    static func qualityReport(_ facts: FileFacts, cities: ImportedCities, notes: ImportQualityNotes, pairs: PairMerger, readings: RowReadings) -> ImportQualityReport {
        ImportQualityReport(
            file: facts.fileName, format: facts.format.rawValue, dataset: facts.datasetID, contentHash: facts.contentHash,
            rowsRead: facts.rowsRead, relationsCreated: pairs.relations.count, duplicatesMerged: pairs.duplicatesMerged,
            citiesCreated: cities.all.count, citiesResolved: cities.resolvedCount, citiesPartOf: cities.partCount,
            citiesAmbiguous: cities.ambiguousCount, citiesUnresolved: cities.unresolvedCount, parentsAdded: cities.parentsAdded,
            distances: ImportQualityReport.DistanceSummary(notes.distances), places: notes.evidence,
            districtAndCityPairs: pairs.districtAndCityPairs(cities: cities),
            selfPairs: pairs.selfPairs, domesticPairs: pairs.domesticPairs, domesticByCountry: pairs.domesticByCountry,
            unresolvedNames: [], uncertainNames: Self.inReportOrder(notes.uncertain.values),
            coordinateIssues: notes.coordinateIssues,
            unknownCountries: Self.inReportOrder(notes.unknownCountries.values),
            countryReadings: readings.countries,
            removedCharacters: readings.removedCharacters)
    }

    /// The control and bidirectional characters the rows lost, by field and character, with the
    /// first ten rows of each: a hostile file may hold one in every field, and the report must
    /// stay small.
    func removedCharacters(of records: [ImportRecord]) -> [ImportQualityReport.RemovedCharacterNote] {
        struct Key: Hashable { var field: String; var character: Unicode.Scalar }
        var notes: [Key: ImportQualityReport.RemovedCharacterNote] = [:]
        for record in records where !record.removedCharacters.isEmpty {
            for removal in record.removedCharacters {
                var counts: [Unicode.Scalar: Int] = [:]
                for character in removal.characters { counts[character, default: 0] += 1 }
                for (character, count) in counts {
                    let key = Key(field: removal.field, character: character)
                    var note = notes[key] ?? .init(field: removal.field, character: ControlCharacters.codePoint(character), occurrences: 0, lines: [])
                    note.occurrences += count
                    if note.lines.count < 10, note.lines.last != record.line { note.lines.append(record.line) }
                    notes[key] = note
                }
            }
        }
        return notes.values.map { ($0, NFCOrder.bytes(of: $0.field)) }
            .sorted { a, b in
                if a.0.occurrences != b.0.occurrences { return a.0.occurrences > b.0.occurrences }
                if a.1 != b.1 || !a.0.field.utf8.elementsEqual(b.0.field.utf8) { return NFCOrder.precedes(a.0.field, a.1, b.0.field, b.1) }
                return a.0.character < b.0.character
            }
            .map(\.0)
    }

    /// The countries the rows name by a historical or unrecognised state's name, each with what it
    /// was read as and how often the rows name it.
    func countryReadings(of records: [ImportRecord]) -> [ImportQualityReport.CountryReadingNote] {
        var counts: [String: Int] = [:]
        for record in records {
            for text in [record.city1.country, record.city2.country].compactMap({ $0 }) { counts[text, default: 0] += 1 }
        }
        let readings = counts.compactMap { text, occurrences -> ImportQualityReport.CountryReadingNote? in
            let bare = text.firstIndex(of: "(").map { String(text[..<$0]).trimmingCharacters(in: .whitespaces) } ?? text
            guard let note = resolver.countries.note(forName: text) ?? resolver.countries.note(forName: bare) else { return nil }
            return .init(country: text, readAs: note.country.code.rawValue, note: note.text.en, occurrences: occurrences)
        }
        return Self.byOccurrencesThenText(readings, occurrences: \.occurrences, text: \.country)
    }

    /// The dataset and its provenance; the report kept with it for `citydip quality` is added by `run`.
    func dataset(_ facts: FileFacts, cities: ImportedCities, pairs: PairMerger) -> DatasetContent {
        let (fileName, format) = (facts.fileName, facts.format.rawValue)
        let values = ["file": fileName, "rows": String(facts.rowsRead), "relations": String(pairs.relations.count)]
        let formatName = LocalizedText.message("import.format.\(format)")
        let description = LocalizedText.message("import.dataset-description", localized: ["format": formatName], values)
        let provenance = LocalizedText.message("import.dataset-provenance", localized: ["format": formatName], values)
        var dataset = Dataset(
            id: facts.datasetID, title: .message("import.dataset-title", ["file": fileName]),
            description: description.en, provenance: provenance.en,
            sourceFile: fileName, contentHash: facts.contentHash, isBundled: false)
        dataset.descriptionFa = description.fa
        dataset.provenanceFa = provenance.fa
        return DatasetContent(
            dataset: dataset, sources: pairs.sourceOrder.compactMap { pairs.sources[$0] },
            cities: cities.all, relations: pairs.relations)
    }

    /// How a place is named in notes and reports: `Name, CC (geonames id, pop. N)`.
    static func describe(_ entry: GazetteerEntry) -> String {
        "\(entry.name), \(entry.country) (geonames \(entry.geonameID), pop. \(entry.population))"
    }
}
