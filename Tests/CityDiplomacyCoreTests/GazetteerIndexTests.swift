@testable import CityDiplomacyCore
import Foundation
import Testing

@Suite("The gazetteer's compact index answers as the dictionary of keys it replaced")
struct GazetteerIndexTests {
    /// The index the gazetteer used to build: every place under the search key of each of its
    /// names, in the order of the places.
    static func formerIndex(_ entries: [GazetteerEntry]) -> [String: [Int32]] {
        var byKey: [String: [Int32]] = [:]
        for (position, entry) in entries.enumerated() {
            var names: Set<String> = [PersianText.searchKey(entry.name)]
            if let persian = entry.persianName { names.insert(PersianText.searchKey(persian)) }
            for name in entry.alternateNames { names.insert(PersianText.searchKey(name)) }
            for key in names.filter({ !$0.isEmpty }).sorted() { byKey[key, default: []].append(Int32(position)) }
        }
        return byKey
    }

    /// Name parts in every form the keys treat apart: ASCII with case and punctuation, Latin
    /// letters with diacritics (precomposed and combining), Arabic-script spellings with Arabic
    /// letters, ZWNJ, harakat, tatweel and Persian digits, other scripts (the slow path of
    /// `searchKey`), a Kelvin sign, and names with no key at all.
    static let parts = [
        "Perth", "perth", "PERTH", "Xi'an", "Xian", "Saint-Petersburg", "Saint Petersburg", "St. Louis", "Sankt", "Neu", "Berg",
        "Ürümqi", "Urumqi", "Kāshān", "Kashan", "Şanlıurfa", "Łódź", "Lodz", "Øresund", "Straße", "Strasse", "Åland", "Zürich",
        "Cafe\u{301}", "Café", "e\u{0345}", "Tromsø", "İzmir", "Hội An", "Ærø",
        "کاشان", "كاشان", "شهر ری", "شهرری", "شهر\u{200C}ری", "تهران", "تـهـران", "تَهران", "آباد", "اباد", "ئیلام", "یزد", "يزد",
        "۱۳۹۶", "1396", "اصفهان ۲", "مشهد",
        "Москва", "Αθήνα", "서울", "北京", "दिल्ली", "\u{212A}iel", "Kiel",
        "", " ", "--", "’", "(1)", "a", "1",
    ]

    /// Entries named from the parts above, so that many share keys and some have none.
    static func randomEntries(count: Int, seed: UInt64) throws -> [GazetteerEntry] {
        var random = SplitMix64(seed: seed)
        func name() -> String {
            let words = (0..<(1 + random.next(3))).map { _ in parts[random.next(parts.count)] }
            return words.joined(separator: random.next(4) == 0 ? "-" : " ")
        }
        return try (0..<count).map { index in
            GazetteerEntry(
                geonameID: index * 7 + 1, name: name(),
                coordinates: try Coordinates(latitude: Double(random.next(18_000)) / 100 - 90, longitude: Double(random.next(36_000)) / 100 - 180),
                country: CountryCode(unchecked: ["IR", "DE", "CN", "TR", "PL"][random.next(5)]), admin1: random.next(3) == 0 ? "" : "\(random.next(40))",
                population: random.next(5) == 0 ? 0 : random.next(2_000_000),
                persianName: [nil, "", name()][random.next(3)],
                alternateNames: (0..<random.next(6)).map { _ in random.next(8) == 0 ? "" : name() })
        }
    }

    @Test("Every key of 3,000 random places finds the places the former index found, most populous first")
    func sameLookups() throws {
        let entries = try Self.randomEntries(count: 3_000, seed: 2026)
        let gazetteer = Gazetteer(entries: entries)
        let former = Self.formerIndex(entries)
        #expect(gazetteer.names.keyCount == former.count)
        for (key, positions) in former {
            #expect(gazetteer.names.places(key: key).map(Int.init) == positions.map(Int.init), "\(key)")
            let expected = positions.map(Int.init).sorted { entries[$0].population > entries[$1].population }
            #expect(gazetteer.positions(named: key) == expected, "\(key)")
        }
        // Names as written, and names of no place.
        for entry in entries.prefix(300) {
            for name in [entry.name] + entry.alternateNames {
                let expected = (former[PersianText.searchKey(name)] ?? []).map { entries[Int($0)] }.sorted { $0.population > $1.population }
                #expect(gazetteer.entries(named: name) == expected, "\(name)")
            }
        }
        #expect(gazetteer.entries(named: "Nowhere at all").isEmpty)
        #expect(gazetteer.entries(named: "").isEmpty)
    }

    @Test("Keys written from a name's bytes are searchKey's; names that need Foundation's folding are left to it")
    func keysFromBytes() throws {
        var names = Self.parts + ["e\u{0363}x", "Αθήνα", "ئیلام", "ۀ", "\u{200C}ری\u{200C}", " تهران ", "a\u{00A0}bé", "٣٤ ۵", "تـ", "\u{0670}ا", "ǅ"]
        names += try Self.randomEntries(count: 2_000, seed: 3).flatMap { [$0.name, $0.persianName ?? ""] + $0.alternateNames }
        var written = 0
        for name in names where !name.utf8.allSatisfy({ $0 < 0x80 }) {
            var key: [UInt8] = [1, 2]
            if Array(name.utf8).withUnsafeBufferPointer({ PersianText.appendSearchKey(utf8: $0, to: &key) }) {
                written += 1
                #expect(Array(key.dropFirst(2)) == Array(PersianText.searchKey(name).utf8), "\(name)")
            } else {
                #expect(key == [1, 2], "\(name)")
            }
        }
        #expect(written > 1_000)
    }

    @Test("Keys compared by their bytes are canonically equivalent to no other string")
    func byteComparableKeys() {
        func comparesByBytes(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer(GazetteerNameIndex.comparesByBytes)
        }
        func comparable(_ scalar: Unicode.Scalar) -> Bool { comparesByBytes(String(scalar)) }
        #expect(comparesByBytes("tehran1396") && comparesByBytes("تهران") && comparesByBytes("شهرری2"))
        #expect(!comparesByBytes("Tehran") && !comparesByBytes("łodz") && !comparesByBytes("آباد") && !comparesByBytes("서울"))
        // No scalar but the comparable ones decomposes into comparable scalars alone (Kelvin sign →
        // K, ﺁ is a compatibility form, آ → ا + ◌ٓ, Hangul syllables → jamo are all kept apart).
        for value in 0x80..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if comparable(scalar) {
                #expect(scalar.properties.canonicalCombiningClass == .notReordered && Array(decomposed) == [scalar], "U+\(String(value, radix: 16))")
            } else {
                #expect(!decomposed.allSatisfy(comparable), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("Entries come back exactly as they were given: empty and absent Persian names, empty alternate names")
    func entriesRoundTrip() throws {
        let entries = try Self.randomEntries(count: 500, seed: 7)
        let gazetteer = Gazetteer(entries: entries)
        #expect(Array(gazetteer.entries) == entries)
        for entry in entries.prefix(50) {
            #expect(gazetteer.entry(geonameID: entry.geonameID) == entry)
        }
        #expect(gazetteer.entry(geonameID: 2) == nil)
    }

    @Test("The nearest place is the nearest of all places within reach, wherever the point is, and a place is found within reach where the scan finds one")
    func nearestAsByScanning() throws {
        let entries = try Self.randomEntries(count: 5_000, seed: 11)
            + [try Coordinates(latitude: 90, longitude: 0), try Coordinates(latitude: -90, longitude: 180), try Coordinates(latitude: 0.01, longitude: -180)]
            .enumerated().map { GazetteerEntry(geonameID: 1_000_000 + $0.offset, name: "Edge", coordinates: $0.element, country: CountryCode(unchecked: "IR"), admin1: "", population: 1, alternateNames: []) }
        let gazetteer = Gazetteer(entries: entries)
        var random = SplitMix64(seed: 5)
        let points = try (0..<200).map { _ in
            try Coordinates(latitude: Double(random.next(18_000)) / 100 - 90, longitude: Double(random.next(36_000)) / 100 - 180)
        } + [try Coordinates(latitude: 89.9, longitude: 0), try Coordinates(latitude: -89.95, longitude: -179.9), try Coordinates(latitude: 0, longitude: 179.99)]
        for point in points {
            for (limit, country) in [(30.0, nil), (100, nil), (300, CountryCode(unchecked: "DE"))] {
                let scanned = entries.filter { country == nil || $0.country == country }
                    .map { ($0, point.kilometres(to: $0.coordinates)) }.filter { $0.1 <= limit }.min { $0.1 < $1.1 }
                let found = gazetteer.nearest(to: point, withinKilometres: limit, in: country)
                #expect(found?.kilometres == scanned?.1, "\(point) \(limit)")
                #expect(gazetteer.hasPlace(near: point, withinKilometres: limit, in: country) == (scanned != nil), "\(point) \(limit)")
            }
        }
    }
}

extension GazetteerIndexTests {
    @Test("In crowded places the nearest is the scan's nearest: near the antimeridian, the poles and the edges of cells, with and without a country")
    func nearestInCrowds() throws {
        var random = SplitMix64(seed: 29)
        let centres: [(Double, Double)] = [(35.7, 51.4), (0.0, 179.99), (-16.9, -179.9), (52.0, 13.0), (88.9, 30.0), (-89.6, -60.0), (61.0, 0.0), (-33.99, 151.01)]
        // Places up to 1.5° from each centre, coordinates to the thousandth of a degree (so that
        // some share a cell's edge or lie at the same distance from a point).
        /// A point up to `thousandths` thousandths of a degree from `centre` each way, wrapped
        /// across the antimeridian and held at the poles.
        func scattered(around centre: (Double, Double), by thousandths: Int) throws -> Coordinates {
            let latitude = min(90, max(-90, centre.0 + Double(random.next(2 * thousandths + 1) - thousandths) / 1_000))
            var longitude = centre.1 + Double(random.next(2 * thousandths + 1) - thousandths) / 1_000
            if longitude >= 180 { longitude -= 360 }
            if longitude < -180 { longitude += 360 }
            return try Coordinates(latitude: latitude, longitude: longitude)
        }
        var entries: [GazetteerEntry] = []
        for centre in centres {
            for _ in 0..<600 {
                entries.append(GazetteerEntry(
                    geonameID: entries.count + 1, name: "P\(entries.count)", coordinates: try scattered(around: centre, by: 1_500),
                    country: CountryCode(unchecked: ["IR", "DE", "FJ"][random.next(3)]), admin1: "", population: 1, alternateNames: []))
            }
        }
        let gazetteer = Gazetteer(entries: entries)
        for (number, centre) in centres.enumerated() {
            for _ in 0..<40 {
                let point = try scattered(around: centre, by: 1_000)
                // And a limit that is exactly the distance of a place of the crowd: found, not skipped.
                let edge = point.kilometres(to: entries[number * 600 + random.next(600)].coordinates)
                // And just short of it: the place there is visited (within the bounds' slack)
                // but lies beyond the limit, and is not found.
                for limit in [0.5, 5, 30, 120, edge, edge.nextDown] {
                    for country in [nil, CountryCode(unchecked: "DE")] {
                        let scanned = entries.filter { country == nil || $0.country == country }
                            .map { ($0, point.kilometres(to: $0.coordinates)) }.filter { $0.1 <= limit }.min { $0.1 < $1.1 }
                        let found = gazetteer.nearest(to: point, withinKilometres: limit, in: country)
                        #expect(found?.kilometres == scanned?.1, "\(point) \(limit) \(String(describing: country))")
                        #expect(gazetteer.hasPlace(near: point, withinKilometres: limit, in: country) == (scanned != nil), "\(point) \(limit) \(String(describing: country))")
                        if let found, let scanned { #expect(found.entry.coordinates == scanned.0.coordinates, "\(point) \(limit)") }
                    }
                }
            }
        }
    }
}

/// A small seeded generator, so that the random places are the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
