import CityDiplomacyCore
import Foundation

/// What the quality report says of the places on each row: names unresolved or resolved with
/// little confidence, coordinates far from the place or in another country, unknown countries.
/// Names and countries are counted on every row; a place's coordinates are reported once.
struct ImportQualityNotes {
    /// The places and their resolutions, until ``finish()`` lets them go.
    private var places: [PlaceMention]
    private var mentions: [RelationImporter.ResolvedMention]
    private let countries: [String: CountryCode?]
    private let resolver: PlaceResolver

    private(set) var unresolved = NameNotes()
    private(set) var uncertain = NameNotes()
    /// The name note each place adds to on every later row that names it, by its number among
    /// the notes: made again on each row, with the place and its resolution copied to make it,
    /// the notes' checks of a 1,000,000-row file took 3.1 s of CPU; 1.9–2.1 s with the note's key
    /// kept, which was still hashed and looked up on every row (perf, 2026-12-02).
    private var repeatedNote: [RepeatedNote]
    private enum RepeatedNote {
        case none
        case unresolved(Int)
        case uncertain(Int)
    }

    /// Name notes, one a name and country, in the order first met; found by their name and
    /// country when first met, and by number after.
    struct NameNotes {
        private(set) var values: [ImportQualityReport.NameNote] = []
        /// Name and country apart: joined in one text (`name|country`), the name `A|B` without a
        /// country and the name `A` of the country `B|` were one note, and a file could hide one
        /// unresolved name in another's.
        private var numbers: [Key: Int] = [:]
        private struct Key: Hashable {
            var name: String
            var country: String?
        }

        /// Counts a name (with its country) once more; its first five lines are kept. Returns the note's number.
        mutating func note(_ mention: PlaceMention, line: Int, reason: String, candidates: () -> [GazetteerEntry]) -> Int {
            let key = Key(name: mention.name, country: mention.country)
            if let number = numbers[key] {
                count(line: line, at: number)
                return number
            }
            numbers[key] = values.count
            values.append(ImportQualityReport.NameNote(
                name: mention.name, country: mention.country, occurrences: 1, lines: [line], reason: reason,
                candidates: candidates().map(RelationImporter.describe)))
            return values.count - 1
        }

        /// Counts note `number` once more, in place.
        mutating func count(line: Int, at number: Int) {
            values[number].occurrences += 1
            if values[number].lines.count < 5 { values[number].lines.append(line) }
        }
    }
    private(set) var unknownCountries: [String: ImportQualityReport.CountryNote] = [:]
    private(set) var coordinateIssues: [ImportQualityReport.CoordinateNote] = []
    /// Each distinct place, in the order the file first names it.
    private(set) var evidence: [ImportQualityReport.PlaceNote] = []
    /// From the given coordinates to the gazetteer's point, for each resolved place that has both.
    private(set) var distances: [Double] = []
    /// Which places a row has named already.
    private var reported: [Bool]
    /// Which places are noted again on every row that names them (names unresolved or uncertain,
    /// countries unknown); of the others only the first row says anything. Most rows name such a
    /// place, and are passed over without copying the place and its resolution (a fifth of the
    /// notes' time on a 1,000,000-row file, perf).
    private let notedOnEveryRow: [Bool]
    /// Places reported as lying in another country, by name, country and coordinates (mentions
    /// that differ only by their Wikidata item are one place here).
    private var reportedElsewhere: Set<PlaceMention> = []

    init(places: [PlaceMention], mentions: [RelationImporter.ResolvedMention], countries: [String: CountryCode?], resolver: PlaceResolver) {
        self.places = places
        self.mentions = mentions
        self.countries = countries
        self.resolver = resolver
        reported = [Bool](repeating: false, count: places.count)
        repeatedNote = [RepeatedNote](repeating: .none, count: places.count)
        // Each place and mention read where it lies: zipped and mapped, each was copied (perf).
        notedOnEveryRow = places.withUnsafeBufferPointer { places in
            mentions.withUnsafeBufferPointer { mentions in
                places.indices.map { number in
                    if places[number].country != nil, !mentions[number].countryKnown { return true }
                    switch mentions[number].place.resolution {
                    case let .resolved(_, confidence, _): return confidence < 0.9
                    case .ambiguous: return true
                    case .unresolved: return mentions[number].place.parent == nil
                    }
                }
            }
        }
    }

    /// Whether a place's given coordinates disagree with it, for every relation of such a place
    /// is flagged: no place of the name near them, or far from the city a district names, or in
    /// another country than the one given (what ``check(_:line:)`` reports of the place's
    /// coordinates). The same on every row that names the place.
    /// Place `number` of `places` and its resolution are read where they lie, field by field:
    /// passed whole, each was copied (its texts retained and released; perf, 2026-12-04).
    static func coordinatesDisagree(_ places: UnsafeBufferPointer<PlaceMention>, _ mentions: UnsafeBufferPointer<RelationImporter.ResolvedMention>, at number: Int) -> Bool {
        guard places[number].coordinates != nil else { return mentions[number].elsewhere != nil }
        if case let .unresolved(_, candidates) = mentions[number].place.resolution, !candidates.isEmpty { return true }
        if mentions[number].place.coordinatesConflict != nil, mentions[number].place.parent != nil { return true }
        return mentions[number].elsewhere != nil
    }

    /// Lets go of the places, their resolutions and what told the rows apart, once every row is
    /// checked: the report, made later (while SQLite stores the dataset), needs only the notes,
    /// and the places can be freed as soon as the dataset is made.
    mutating func finish() {
        (places, mentions, reported, repeatedNote, reportedElsewhere) = ([], [], [], [], [])
    }

    /// Notes what place `number` on the row at `line` needs a person to look at.
    mutating func check(_ number: Int, line: Int) {
        if reported[number] {
            guard notedOnEveryRow[number] else { return }
            // A later row of a place noted on every row: its name note, and its country's if
            // unknown, as the first row found them; the place and its resolution are not copied.
            switch repeatedNote[number] {
            case .none: break
            case let .unresolved(note): unresolved.count(line: line, at: note)
            case let .uncertain(note): uncertain.count(line: line, at: note)
            }
            if !mentions[number].countryKnown, let text = places[number].country { noteUnknownCountry(text, line: line) }
            return
        }
        let mention = places[number]
        let resolved = mentions[number]
        let firstTime = !reported[number]
        reported[number] = true
        if firstTime { noteEvidence(mention, resolved) }
        switch resolved.resolution {
        case let .resolved(entry, confidence, reason):
            if confidence < 0.9 {
                // A local, so that the closure reads no part of self while a note is written.
                let gazetteer = resolver.gazetteer
                repeatedNote[number] = .uncertain(uncertain.note(
                    mention, line: line, reason: reason,
                    candidates: { gazetteer.entries(named: resolved.place.name).prefix(4).filter { $0 != entry } }))
            }
        case let .ambiguous(candidates, reason):
            repeatedNote[number] = .unresolved(unresolved.note(mention, line: line, reason: reason, candidates: { candidates }))
        case let .unresolved(reason, candidates):
            if resolved.place.parent == nil {
                repeatedNote[number] = .unresolved(unresolved.note(mention, line: line, reason: reason, candidates: { candidates }))
            }
            // Places of the name exist, but none near the given coordinates: the coordinates or
            // the name are wrong, or the place is another of the name.
            if let given = mention.coordinates, let namesake = candidates.first {
                if firstTime {
                    coordinateIssues.append(.init(
                        line: line, name: mention.name, given: Self.text(given), resolvedTo: nil,
                        nearest: RelationImporter.describe(namesake),
                        kilometres: Int(given.kilometres(to: namesake.coordinates).rounded()),
                        problem: "no place of that name within \(Int(PlaceResolver.matchKilometres)) km of the coordinates; left unresolved"))
                }
            }
        }
        if let conflict = resolved.place.coordinatesConflict, let parent = resolved.place.parent, let given = mention.coordinates {
            if firstTime {
                coordinateIssues.append(.init(
                    line: line, name: mention.name, given: Self.text(given), resolvedTo: resolved.resolution.entry.map(RelationImporter.describe),
                    nearest: RelationImporter.describe(parent), kilometres: Int(conflict.rounded()),
                    problem: "the coordinates are far from \(parent.name), the city the name gives; the district was placed by its city"))
            }
        }
        if firstTime { noteElsewhere(mention, resolved, line: line) }
        if let text = mention.country, !resolved.countryKnown { noteUnknownCountry(text, line: line) }
    }

    /// What the report says of each distinct place: how it resolved, on what evidence.
    private mutating func noteEvidence(_ mention: PlaceMention, _ resolved: RelationImporter.ResolvedMention) {
        let place = resolved.place
        let status: ImportQualityReport.PlaceNote.Status
        switch place.resolution {
        case .resolved: status = place.parent == nil ? .resolved : .partResolved
        case .ambiguous: status = .ambiguous
        case .unresolved: status = place.parent == nil ? .unresolved : .part
        }
        if let kilometres = place.kilometres, place.resolution.isResolved { distances.append(kilometres) }
        evidence.append(.init(
            name: mention.name, country: mention.country, city: resolved.cityID, status: status,
            geonamesID: place.resolution.entry?.geonameID, matched: place.matchedName,
            kilometres: place.kilometres.map { ($0 * 10).rounded() / 10 },
            partOf: resolved.parentID, reason: place.resolution.reason,
            candidates: place.resolution.candidates.map(RelationImporter.describe)))
    }

    /// Coordinates in another country than the one given, reported once a place.
    private mutating func noteElsewhere(_ mention: PlaceMention, _ resolved: RelationImporter.ResolvedMention, line: Int) {
        guard let other = resolved.elsewhere, let given = mention.coordinates,
              let country = mention.country.flatMap({ countries[$0] ?? nil }),
              reportedElsewhere.insert(PlaceMention(name: mention.name, country: mention.country, coordinates: given)).inserted
        else { return }
        coordinateIssues.append(.init(
            line: line, name: mention.name, given: Self.text(given), resolvedTo: resolved.resolution.entry.map(RelationImporter.describe),
            nearest: RelationImporter.describe(other.entry),
            kilometres: Int(other.kilometres.rounded()), problem: "the coordinates lie in \(other.entry.country), not in \(country)"))
    }

    private mutating func noteUnknownCountry(_ text: String, line: Int) {
        if var existing = unknownCountries[text] {
            existing.occurrences += 1
            if existing.lines.count < 5 { existing.lines.append(line) }
            unknownCountries[text] = existing
        } else {
            unknownCountries[text] = .init(country: text, occurrences: 1, lines: [line])
        }
    }

    private static func text(_ coordinates: Coordinates) -> String {
        String(format: "%.4f, %.4f", coordinates.latitude, coordinates.longitude)
    }
}
