import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyImport

/// The report's names are sorted by the bytes of their NFC forms — `String`'s documented order,
/// made total — and the relations' ids written byte by byte where that is the interpolation's
/// result: both must give what the plain forms give, wherever those are defined.
@Suite("The report's order of names and the relations' ids are those of the plain forms")
struct ReportOrderTests {
    typealias NameNote = ImportQualityReport.NameNote

    /// The order the report promises, compared as `String` compares (which is an order for the
    /// names of ``names``): most frequent first, then by name, then by first line, then by country.
    static func inPlainOrder(_ notes: [NameNote]) -> [NameNote] {
        notes.sorted { a, b in
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            if a.name != b.name { return a.name < b.name }
            if (a.lines.first ?? 0) != (b.lines.first ?? 0) { return (a.lines.first ?? 0) < (b.lines.first ?? 0) }
            if (a.country ?? "") != (b.country ?? "") { return (a.country ?? "") < (b.country ?? "") }
            return asWritten(a, b)
        }
    }

    /// The last tie-break: names, then countries, as written (byte by byte).
    static func asWritten(_ a: NameNote, _ b: NameNote) -> Bool {
        if Array(a.name.utf8) != Array(b.name.utf8) { return Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8)) }
        return Array((a.country ?? "").utf8).lexicographicallyPrecedes(Array((b.country ?? "").utf8))
    }

    /// The same order by what `String` documents its order to be: the scalars of the NFC forms.
    static func inNFCOrder(_ notes: [NameNote]) -> [NameNote] {
        func scalars(_ text: String) -> [UInt32] { text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) }
        return notes.sorted { a, b in
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            if scalars(a.name) != scalars(b.name) { return scalars(a.name).lexicographicallyPrecedes(scalars(b.name)) }
            if (a.lines.first ?? 0) != (b.lines.first ?? 0) { return (a.lines.first ?? 0) < (b.lines.first ?? 0) }
            if scalars(a.country ?? "") != scalars(b.country ?? "") { return scalars(a.country ?? "").lexicographicallyPrecedes(scalars(b.country ?? "")) }
            return asWritten(a, b)
        }
    }

    /// Names whose bytes and `String`'s order disagree (a decomposed accent sorts as its
    /// composed letter; U+0300 is the first scalar that is not its own NFC segment), names of
    /// other scripts, prefixes of one another, and ties broken by line and country.
    static let names = [
        "", "a", "ab", "abc", "Ab", "Zurich", "Zürich", "Zu\u{308}rich", "e", "f", "\u{E9}", "e\u{301}", "a\u{300}", "\u{E0}",
        "\u{2FF}x", "\u{300}x", "Chã Grande", "Cha\u{303} Grande", "Mīt Salsīl", "Ho\u{302}\u{301}", "Hồ Chí Minh",
        "تهران", "طهران", "Москва", "北京", "Nowhere 1", "Nowhere 10", "Nowhere 2", "nowhere 1",
    ]
    /// A decomposed name that Swift 6.3's `<` cannot order against the composed one with a suffix.
    static let unorderedByString = "Hô\u{300} Chi\u{301} Minh"

    /// `count` notes drawn from `names`, with suffixes, countries, counts and lines, as a seeded
    /// generator gives them (ties among them broken by line and country, or none).
    static func notes(_ count: Int, from names: [String], seed: UInt64) -> [NameNote] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let name = names[Int(generator.next() % UInt64(names.count))] + (generator.next() % 3 == 0 ? " \(generator.next() % 4)" : "")
            let country = ["", "Iran", "Atlantis", "Lemuria", "Co\u{302}te d'Ivoire", "Côte d'Ivoire"][Int(generator.next() % 6)]
            return NameNote(
                name: name, country: country.isEmpty ? nil : country, occurrences: 1 + Int(generator.next() % 3),
                lines: generator.next() % 10 == 0 ? [] : [2 + Int(generator.next() % 40)], reason: "r", candidates: [])
        }
    }

    @Test("The unresolved names' order is the plain sort's where `String` orders them, whatever bytes they are written in")
    func sameOrder() {
        let given = Self.notes(2000, from: Self.names, seed: 20261202)
        let sorted = RelationImporter.inReportOrder(given)
        #expect(sorted.count == given.count)
        // Compared by their bytes, so that two names `String` holds equal in swapped places
        // would show: notes tied on the rest are ordered by their texts as written, in both.
        let plain = Self.inPlainOrder(given)
        #expect(sorted.map(\.name).elementsEqual(plain.map(\.name)) { Array($0.utf8) == Array($1.utf8) })
        #expect(sorted == plain)
        #expect(RelationImporter.inReportOrder([NameNote]()).isEmpty)
    }

    @Test("Names `String` cannot order are in the order of their NFC forms, the same for every order they are given in")
    func totalOrder() {
        let given = Self.notes(2000, from: Self.names + [Self.unorderedByString], seed: 7)
        let sorted = RelationImporter.inReportOrder(given)
        #expect(sorted.map(\.name).elementsEqual(Self.inNFCOrder(given).map(\.name)) { Array($0.utf8) == Array($1.utf8) })
        var generator = SplitMix(seed: 11)
        for _ in 0..<3 {
            let shuffled = given.shuffled(using: &generator)
            // Byte for byte: notes tied in every compared field are told apart by their bytes last.
            #expect(RelationImporter.inReportOrder(shuffled).map { Array($0.name.utf8) + [0xFF] + Array(($0.country ?? "").utf8) + $0.lines.map(UInt8.init) }
                == sorted.map { Array($0.name.utf8) + [0xFF] + Array(($0.country ?? "").utf8) + $0.lines.map(UInt8.init) })
        }
        // The decomposed "Hồ Chí Minh" before the composed one with a suffix, in either order given.
        let pair = [NameNote(name: "Hồ Chí Minh 3", country: nil, occurrences: 1, lines: [2], reason: "", candidates: []),
                    NameNote(name: Self.unorderedByString, country: nil, occurrences: 1, lines: [3], reason: "", candidates: [])]
        #expect(RelationImporter.inReportOrder(pair).map(\.lines) == [[3], [2]])
        #expect(RelationImporter.inReportOrder(pair.reversed()).map(\.lines) == [[3], [2]])
    }

    @Test("Unknown countries are in one order however the dictionary gives them: most frequent first, then by NFC form")
    func countriesOrder() {
        typealias CountryNote = ImportQualityReport.CountryNote
        // Distinct under `String`'s ==, as the keys of the notes' dictionary are.
        var seen = Set<String>()
        let texts = (Self.names + [Self.unorderedByString, "Hồ Chí Minh 3", "Hô\u{300} Chi\u{301} Minh 2"]).filter { seen.insert($0).inserted }
        let given = texts.enumerated().map { CountryNote(country: $1, occurrences: 1 + $0 % 2, lines: [$0 + 2]) }
        let sorted = RelationImporter.inReportOrder(given)
        func scalars(_ text: String) -> [UInt32] { text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) }
        let expected = given.sorted { a, b in
            a.occurrences != b.occurrences ? a.occurrences > b.occurrences : scalars(a.country).lexicographicallyPrecedes(scalars(b.country))
        }
        #expect(sorted.map(\.lines) == expected.map(\.lines))
        var generator = SplitMix(seed: 3)
        for _ in 0..<5 {
            #expect(RelationImporter.inReportOrder(given.shuffled(using: &generator)).map(\.lines) == sorted.map(\.lines))
        }
        // The decomposed name before the composed one with a suffix, given either way round.
        let pair = [CountryNote(country: "Hồ Chí Minh 3", occurrences: 1, lines: [2]), CountryNote(country: Self.unorderedByString, occurrences: 1, lines: [3])]
        #expect(RelationImporter.inReportOrder(pair).map(\.lines) == [[3], [2]])
        #expect(RelationImporter.inReportOrder(pair.reversed()).map(\.lines) == [[3], [2]])
    }

    @Test("Countries read as another state are in the same order: most frequent first, then by NFC form, however given")
    func countryReadingsOrder() {
        typealias Reading = ImportQualityReport.CountryReadingNote
        let given = ["Hồ Chí Minh 3", Self.unorderedByString, "Zaïre", "Burma", "Yugoslavia"].enumerated().map {
            Reading(country: $1, readAs: "XX", note: "", occurrences: $0 == 4 ? 2 : 1)
        }
        let expected = [given[4], given[3], given[1], given[0], given[2]].map { Array($0.country.utf8) }
        var generator = SplitMix(seed: 5)
        for _ in 0..<5 {
            let sorted = RelationImporter.byOccurrencesThenText(given.shuffled(using: &generator), occurrences: \.occurrences, text: \.country)
            #expect(sorted.map { Array($0.country.utf8) } == expected)
        }
    }

    @Test("A decomposed accent sorts as its composed letter, not by its bytes")
    func decomposedAccent() {
        let notes = [
            NameNote(name: "e\u{301}tretat", country: nil, occurrences: 1, lines: [2], reason: "", candidates: []),
            NameNote(name: "fontaine", country: nil, occurrences: 1, lines: [3], reason: "", candidates: []),
            NameNote(name: "a\u{300}", country: nil, occurrences: 1, lines: [4], reason: "", candidates: []),
            NameNote(name: "b", country: nil, occurrences: 1, lines: [5], reason: "", candidates: []),
        ]
        // By bytes "e\u{301}" (65 CC 81) would come before "f" (66), and "a\u{300}" before "b".
        #expect(RelationImporter.inReportOrder(notes).map(\.lines) == [[5], [3], [4], [2]])
    }

    @Test("A relation's id written byte by byte is the interpolated one, and left to it where they could differ")
    func relationIDs() {
        func interpolated(_ dataset: String, _ city: String, _ partner: String, _ kind: String) -> String {
            let prefix = dataset.count + 1
            return "\(dataset):\(city.dropFirst(prefix))/\(partner.dropFirst(prefix))/\(kind)"
        }
        let written = PairMerger.ByteID(datasetID: "wiki-2026")
        for (city, partner) in [
            ("wiki-2026:gn112931", "wiki-2026:u-ir-tehran"), ("wiki-2026:gn1", "wiki-2026:gn1"), ("wiki-2026:", "wiki-2026:x"),
            ("wiki-2026:u-ir-تهران", "wiki-2026:u-cn-北京"), ("wiki-2026:gn5-zu\u{308}rich", "wiki-2026:gn5"),
        ] {
            #expect(written?.id(city, partner, "sister_city") == interpolated("wiki-2026", city, partner, "sister_city"))
        }
        // Where the characters dropped are not the prefix's bytes, the interpolation decides:
        // a combining mark after the colon joins it, and a city of another dataset has no prefix.
        #expect(interpolated("wiki-2026", "wiki-2026:\u{301}x", "wiki-2026:y", "k") == "wiki-2026:x/y/k")
        #expect(written?.id("wiki-2026:\u{301}x", "wiki-2026:y", "k") == nil)
        #expect(written?.id("wiki-2026:x", "wiki-2026:\u{301}y", "k") == nil)
        #expect(written?.id("wiki-2026:x", "wiki-2026:y", "") == interpolated("wiki-2026", "wiki-2026:x", "wiki-2026:y", ""))
        #expect(written?.id("wiki-2026:x", "iran-2018:tehran", "k") == nil)
        #expect(written?.id("wiki", "wiki-2026:y", "k") == nil)
        // A dataset id beyond ASCII, or with a carriage return, is left to the interpolation.
        #expect(PairMerger.ByteID(datasetID: "dé") == nil)
        #expect(PairMerger.ByteID(datasetID: "a\r") == nil)
        #expect(PairMerger.ByteID(datasetID: "") != nil)
    }
}

/// A small seeded generator (SplitMix64), so that the test's notes are the same on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
