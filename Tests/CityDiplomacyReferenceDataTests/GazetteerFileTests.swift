import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

@Suite("The gazetteer file is read whole, or refused with its line")
struct GazetteerFileTests {
    private func load(_ text: String) throws(ReferenceDataError) -> Gazetteer {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString).tsv")
        try? Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Gazetteer.load(contentsOf: url)
    }

    static let header = "# comment\ngeonameid\tname\tlatitude\tlongitude\tcountry\tadmin1\tpopulation\tpersian\talternate_names\n"

    @Test("Comments, the header, empty alternate names and a last line without a line feed")
    func reads() throws {
        let gazetteer = try load(Self.header
            + "1\tKāshān\t33.98\t51.43\tIR\t28\t304487\t\tKashan||کاشان\n"
            + "\n# a note\n"
            + "2\tNowhere\t1.5\t-2.5\tXX\t\t\t\t")
        #expect(gazetteer.entries.count == 2)
        #expect(gazetteer.entries[0].alternateNames == ["Kashan", "کاشان"])
        #expect(gazetteer.entries(named: "كاشان").map(\.geonameID) == [1])
        #expect(gazetteer.entries[1].alternateNames.isEmpty)
        #expect(gazetteer.entries[1].population == 0)
    }

    @Test("A malformed line is refused with its number", arguments: [
        "3\tOnly three fields",
        "x\tBad id\t1\t2\tIR\t\t0\t\t",
        "4\tBad latitude\t91\t2\tIR\t\t0\t\t",
    ])
    func malformed(line: String) throws {
        let lines = (0..<40).map { "\($0 + 10)\tPlace \($0)\t1\t2\tIR\t\t100\t\t" }
        var body = lines
        body.insert(line, at: 30)
        do {
            _ = try load(Self.header + body.joined(separator: "\n") + "\n")
            Issue.record("the file was read")
        } catch {
            #expect(error.line == 33)  // two lines of comment and header, then the 31st entry
            #expect(error.problem.contains("9 tab-separated fields"))
        }
    }

    @Test("A file that is not UTF-8 is refused, not read with replacement characters")
    func invalidUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString).tsv")
        var data = Data((Self.header + "1\tK").utf8)
        data.append(0xE1)
        data.append(Data("shan\t33.98\t51.43\tIR\t28\t304487\t\t\n".utf8))
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ReferenceDataError.self) { try Gazetteer.load(contentsOf: url) }
    }

    @Test("The bundled gazetteer has every GeoNames city of 15,000 people or more")
    func bundled() throws {
        let gazetteer = try Gazetteer.bundled()
        #expect(gazetteer.entries.count == 34_006)
        #expect(gazetteer.entries(named: "Urumqi").first?.geonameID == 1529102)
    }
}
