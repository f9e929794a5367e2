import CityDiplomacyCore
import Foundation

/// The distinct places a file names, numbered, and which two each row names.
///
/// Each distinct mention is resolved once, and the rows refer to mentions by number: a file names
/// each place many times, and rows are read faster by number than by hashing places.
struct PlaceMentions {
    let distinct: [PlaceMention]
    /// For each row, the numbers of its two places.
    let rowMentions: [(Int, Int)]

    /// The places numbered in the order the rows first name them, a row's first before its second.
    ///
    /// The two halves of the rows are numbered side by side, on two cores; then the places of the
    /// second half are looked up among the first's, and those it alone names numbered after
    /// them, in its order: the numbers are those of one pass over every row. One pass, on one
    /// core, was a second of a 1,000,000-row import while the other core waited (perf).
    init(_ records: [ImportRecord]) {
        let middle = records.count / 2
        // The first half's rows made room for every row's, and its arrays taken over
        // from it (not copied): they go on with the second half's.
        var (first, second) = inParallel({ Numbering(records, rows: 0..<middle, capacity: records.count) },
                                         { Numbering(records, rows: middle..<records.count, capacity: records.count - middle) })
        var distinct = first.distinct
        first.distinct = []
        var renumbered: [Int] = []
        renumbered.reserveCapacity(second.distinct.count)
        for mention in second.distinct {
            if let known = first.numbers[mention] {
                renumbered.append(known)
            } else {
                renumbered.append(distinct.count)
                distinct.append(mention)
            }
        }
        // Half a million keys and their strings, freed as soon as no longer needed, on another
        // thread rather than on the path every later stage waits for: taken out of the halves
        // first, so that the thread holds the last reference to them.
        Background.release(Numbering.takeSpent(&first, &second))
        var rowMentions = first.rowMentions
        first.rowMentions = []
        for (one, other) in second.rowMentions { rowMentions.append((renumbered[one], renumbered[other])) }
        self.distinct = distinct
        self.rowMentions = rowMentions
    }

    /// The places of some of the rows, numbered from 0 in the order they first name them.
    private struct Numbering: Sendable {
        var distinct: [PlaceMention] = []
        var numbers: [PlaceMention: Int] = [:]
        var rowMentions: [(Int, Int)] = []

        /// What the halves need no more once the second's places are renumbered, taken out of them.
        static func takeSpent(_ first: inout Numbering, _ second: inout Numbering) -> ([PlaceMention: Int], [PlaceMention: Int], [PlaceMention]) {
            defer { (first.numbers, second.numbers, second.distinct) = ([:], [:], []) }
            return (first.numbers, second.numbers, second.distinct)
        }

        /// Numbers the places of `rows`, with room for the places of `capacity` rows.
        init(_ records: [ImportRecord], rows: Range<Int>, capacity: Int) {
            rowMentions.reserveCapacity(capacity)
            // Room for a place every other row: a row names two, but a file names most places
            // several times (326,368 places in the 1,000,000 rows of the synthetic file, fewer in
            // each half). Grown from empty, the dictionary was copied into a larger one some
            // twenty times, a fifth of the numbering's time (perf, 2026-12-02); room for one
            // place per row would have doubled its memory for nothing. The list of places has
            // room for those of `capacity` rows: the first half's goes on with the second's.
            numbers.reserveCapacity(rows.count / 2)
            distinct.reserveCapacity(capacity / 2)
            // Each row read where it lies: a loop over the array copied each (a dozen strings).
            records.withUnsafeBufferPointer { records in
                for index in rows {
                    let one = number(records[index].city1)
                    rowMentions.append((one, number(records[index].city2)))
                }
            }
        }

        /// The place's number, a new one if it is new: looked up once, through the dictionary's
        /// entry for it (a lookup, then an insertion, hashed a new place twice).
        mutating func number(_ mention: PlaceMention) -> Int {
            let next = distinct.count
            func take(_ number: inout Int) -> Int {
                if number < 0 { number = next }
                return number
            }
            let number = take(&numbers[mention, default: -1])
            if number == next { distinct.append(mention) }
            return number
        }
    }
}

extension RelationImporter {
    /// How a distinct place mention (name, country, coordinates) resolved, and what the quality
    /// report says of it.
    struct ResolvedMention {
        var place: PlaceResolver.Place
        var country: CountryCode
        var countryKnown: Bool
        /// The city the mention stands for, once created.
        var cityID = ""
        /// That city's position among the cities (``ImportedCities/all``); -1 until
        /// ``ImportedCities`` makes it.
        var cityNumber: Int32 = -1
        /// The city it is a district of, once created.
        var parentID: String?
        /// The given coordinates lie in another country than the one given: the place there.
        var elsewhere: (entry: GazetteerEntry, kilometres: Double)?

        /// How the place itself resolved (for a district: the district).
        var resolution: PlaceResolver.Resolution { place.resolution }
        /// Whether the mention names a known place: one in the gazetteer, or a district of one.
        var isPlaced: Bool { place.resolution.isResolved || place.parent != nil }

        /// How a place came out, as the report counts places.
        enum Outcome { case resolved, ambiguous, part, unresolved }

        /// The mention's ``Outcome``, read without copying its resolution.
        var outcome: Outcome {
            switch place.resolution {
            case .resolved: .resolved
            case .ambiguous: .ambiguous
            case .unresolved: place.parent != nil ? .part : .unresolved
            }
        }
    }

    /// The country code of each country text the places give (`nil` for a text that names no
    /// known country). A file names a few hundred countries in tens of thousands of rows: each is
    /// looked up once.
    func countryCodes(of places: [PlaceMention]) -> [String: CountryCode?] {
        var codes: [String: CountryCode?] = [:]
        for text in places.compactMap(\.country) where codes[text] == nil {
            codes[text] = .some(resolver.country(text)?.code)
        }
        return codes
    }

    /// Resolves every distinct place. It is the costly part and independent place by place: it
    /// runs on every core.
    func resolvePlaces(_ places: [PlaceMention], countries: [String: CountryCode?]) -> [ResolvedMention] {
        let placeResolver = resolver
        return places.concurrentMap { mention in
            let code = mention.country.flatMap { countries[$0] } ?? nil
            let place = placeResolver.place(name: mention.name, countryCode: code, countryText: mention.country, coordinates: mention.coordinates)
            var resolved = ResolvedMention(
                place: place, country: place.resolution.entry?.country ?? place.parent?.country ?? code ?? CountryCode(unchecked: "ZZ"),
                countryKnown: code != nil || mention.country == nil || mention.country?.trimmingCharacters(in: .whitespaces).isEmpty == true)
            // Whether given coordinates lie in another country than the one given: no place of that
            // country (or of its territories) near them, but one of another state.
            if let given = mention.coordinates, let country = code,
               !Self.liesIn(country, place, near: given, countries: placeResolver.countries),
               !placeResolver.gazetteer.hasPlace(near: given, withinKilometres: 30, in: country),
               let other = placeResolver.gazetteer.nearest(to: given, withinKilometres: 30),
               !placeResolver.countries.sameState(other.entry.country, country) {
                resolved.elsewhere = other
            }
            return resolved
        }
    }

    /// Whether the place resolved to a gazetteer place of the country given (or of one of its
    /// territories) within 25 km of the given coordinates: then the coordinates cannot lie in
    /// another country, and the two searches that would say so (one for a place of that country
    /// near them, one for the nearest of any) are skipped. Most places of a file resolve so; the
    /// searches were 8% of an import's samples (perf, the Wikipedia file, 170,391 places), two
    /// for every place with coordinates.
    static func liesIn(_ country: CountryCode, _ place: PlaceResolver.Place, near given: Coordinates, countries: CountryDirectory) -> Bool {
        guard let entry = place.resolution.entry else { return false }
        return countries.sameState(entry.country, country) && given.kilometres(to: entry.coordinates) <= PlaceResolver.matchKilometres
    }
}
