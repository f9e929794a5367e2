import CityDiplomacyCore
import Testing
@testable import CityDiplomacyImport

/// The rows' places are numbered in two halves on two cores and then joined; the numbers must be
/// those of one pass over the rows, which the report, the cities and their order follow.
@Suite("The places a file names are numbered in the order the rows first name them")
struct PlaceMentionsTests {
    /// Numbering in one pass: a place's number is how many distinct places came before its first mention.
    static func inOnePass(_ records: [ImportRecord]) -> (distinct: [PlaceMention], rows: [[Int]]) {
        var distinct: [PlaceMention] = [], numbers: [PlaceMention: Int] = [:], rows: [[Int]] = []
        for record in records {
            rows.append([record.city1, record.city2].map { mention in
                if let known = numbers[mention] { return known }
                numbers[mention] = distinct.count
                distinct.append(mention)
                return distinct.count - 1
            })
        }
        return (distinct, rows)
    }

    /// `count` rows naming places drawn from a few, so that both halves name some places first,
    /// some the other half names too, and some only once.
    static func records(_ count: Int, seed: UInt64) throws -> [ImportRecord] {
        let places = try [
            PlaceMention(name: "Tehran", country: "Iran"), PlaceMention(name: "Tehran", country: "Iran (Islamic Republic of)"),
            PlaceMention(name: "Tehran", country: nil), PlaceMention(name: "Kish", country: "Iran", coordinates: Coordinates(latitude: 26.5, longitude: 54)),
            PlaceMention(name: "Kish", country: "Iran", coordinates: Coordinates(latitude: 26.5, longitude: 54.01)),
            // The same name in two spellings that Swift's strings hold equal: one place.
            PlaceMention(name: "Cr\u{E9}teil", country: "France"), PlaceMention(name: "Cre\u{301}teil", country: "France"),
            PlaceMention(name: "Mitte (Berlin)", country: "Germany", wikidataID: "Q2013767"),
        ] + (0..<40).map { PlaceMention(name: "Town \($0)", country: "Japan") }
        // A fixed scramble of the places, different for each seed.
        var state = seed
        func draw() -> PlaceMention {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return places[Int(state >> 33) % places.count]
        }
        return (0..<count).map { index in ImportRecord(line: index + 2, city1: draw(), city2: draw(), kind: .sisterCity) }
    }

    @Test("Numbers and distinct places are those of one pass over the rows", arguments: [0, 1, 2, 3, 10, 101, 2_000])
    func asInOnePass(count: Int) throws {
        let records = try Self.records(count, seed: UInt64(count) + 7)
        let mentions = PlaceMentions(records)
        let expected = Self.inOnePass(records)
        #expect(mentions.distinct == expected.distinct)
        #expect(mentions.distinct.map(\.name.utf8.count) == expected.distinct.map(\.name.utf8.count))
        #expect(mentions.rowMentions.map { [$0.0, $0.1] } == expected.rows)
        #expect(Set(mentions.distinct).count == mentions.distinct.count)
    }
}
