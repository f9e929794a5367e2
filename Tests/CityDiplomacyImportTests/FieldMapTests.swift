import CityDiplomacyCore
@testable import CityDiplomacyImport
import Testing

@Suite("A field map answers each field with the column its header or a --map gives")
struct FieldMapTests {
    @Test("Each field has its own place in the map's array, from 0")
    func ordinalsNumberTheFields() {
        let ordinals = CanonicalField.allCases.map(\.ordinal)
        #expect(ordinals.sorted() == Array(0..<CanonicalField.allCases.count))
    }

    @Test("The subscript gives what the dictionary of columns holds, for every field, mapped or not")
    func subscriptAgreesWithColumns() throws {
        let header = ["city2", "lng1", "Stadt", "country1", "lat1", "kind", "date", "city1", "notes"]
        let maps = [
            try FieldMap(header: header, format: .csv, overrides: [], fileName: "t.csv"),
            try FieldMap(header: header, format: .csv, overrides: ["city1=Stadt", "source=9", "coord2=notes"], fileName: "t.csv"),
            try FieldMap(header: ["cityLabel", "twinLabel", "city", "twin", "start"], format: .wikidataTSV, overrides: [], fileName: "t.tsv"),
        ]
        for map in maps {
            for field in CanonicalField.allCases {
                #expect(map[field] == map.columns[field], "\(field)")
            }
        }
        #expect(maps[1][.city1] == 2)
        #expect(maps[1][.source] == 8)
        #expect(maps[1][.coord2] == 8)
        #expect(maps[1][.country2] == nil)
        #expect(maps[2][.qid1] == 2)
        #expect(maps[2][.date] == 4)
    }
}
