import CityDiplomacyCore
import Foundation
import Testing

/// 100 places the importer resolved in the real Wikipedia file (`twin_cities.csv`, MIT licence,
/// © 2026 Erik Hekman; see Fixtures/twin_cities_sample.LICENSE), drawn at random and each checked
/// by hand against GeoNames: Fixtures/resolution_sample.tsv, described in Fixtures/README.md.
///
/// The fixture holds the place the file means, not what the resolver answered when the sample was
/// drawn: a row whose verdict is `wrong` expects another place (or `none`) than the importer took,
/// so a better resolver makes the differences fewer, and a worse one makes them more.
@Suite("A hand-checked sample of the Wikipedia file's places resolves as a geographer would")
struct ResolutionSampleTests {
    /// How many rows may differ from the hand-checked answer before the suite fails.
    static let allowedDifferences = 2

    static let header = ["name", "country", "latitude", "longitude", "expected_geonameid", "expected_name", "verdict", "note"]

    struct Row: Sendable {
        /// The line in the fixture, for messages.
        var line: Int
        var name: String
        var country: String
        var latitude: Double
        var longitude: Double
        /// The GeoNames place the file means; nil for `none`, a place the gazetteer does not have.
        var expectedID: Int?
        var expectedName: String
        var verdict: String
        var note: String
    }

    /// The fixture's rows: '#' lines are its description, then a header line, then tab-separated rows.
    static func rows() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "resolution_sample", withExtension: "tsv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [Row] = []
        var sawHeader = false
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                #expect(fields == header, "line \(index + 1): the header is \(fields)")
                sawHeader = true
                continue
            }
            try #require(fields.count == header.count, "line \(index + 1) has \(fields.count) fields, not \(header.count)")
            var expectedID: Int?
            if fields[4] != "none" {
                expectedID = try #require(Int(fields[4]), "line \(index + 1): expected_geonameid \(fields[4])")
            }
            let latitude = try #require(Double(fields[2]), "line \(index + 1): latitude \(fields[2])")
            let longitude = try #require(Double(fields[3]), "line \(index + 1): longitude \(fields[3])")
            rows.append(Row(
                line: index + 1, name: fields[0], country: fields[1], latitude: latitude, longitude: longitude,
                expectedID: expectedID, expectedName: fields[5], verdict: fields[6], note: fields[7]
            ))
        }
        #expect(sawHeader, "the fixture has no header line")
        return rows
    }

    @Test("The fixture has exactly 100 rows, each with a verdict and a note")
    func fixture() throws {
        let rows = try Self.rows()
        #expect(rows.count == 100)
        for row in rows {
            #expect(["right", "wrong"].contains(row.verdict), "line \(row.line) (\(row.name)): verdict '\(row.verdict)'")
            #expect(!row.note.trimmingCharacters(in: .whitespaces).isEmpty, "line \(row.line) (\(row.name)) has no note")
            #expect(!row.name.isEmpty && !row.country.isEmpty, "line \(row.line) names no place or no country")
        }
    }

    @Test("Every expected place is in the gazetteer under the name the fixture gives")
    func expectedPlacesExist() throws {
        for row in try Self.rows() {
            guard let id = row.expectedID else {
                #expect(row.expectedName.isEmpty, "line \(row.line) (\(row.name)): expects none but names '\(row.expectedName)'")
                continue
            }
            let entry = sharedResolver.gazetteer.entry(geonameID: id)
            #expect(entry?.name == row.expectedName, "line \(row.line) (\(row.name)): geonames \(id) is \(entry?.name ?? "not in the gazetteer")")
        }
    }

    @Test("The resolver agrees with the hand-checked place on all but at most 2 of the 100 rows")
    func resolverAgrees() throws {
        var differences: [String] = []
        for row in try Self.rows() {
            let given = try Coordinates(latitude: row.latitude, longitude: row.longitude)
            let place = sharedResolver.place(name: row.name, country: row.country, coordinates: given)
            let got = place.resolution.entry
            guard got?.geonameID != row.expectedID else { continue }
            let expected = row.expectedID.map { "\($0) \(row.expectedName)" } ?? "none"
            let answer = got.map { "\($0.geonameID) \($0.name)" } ?? "none (\(place.resolution.reason))"
            differences.append("line \(row.line): \(row.name), \(row.country): expected \(expected), got \(answer)")
        }
        #expect(
            differences.count <= Self.allowedDifferences,
            "\(differences.count) of the sample's rows differ from the hand-checked place:\n\(differences.joined(separator: "\n"))"
        )
    }
}
