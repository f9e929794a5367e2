import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

@Suite("A priorities file names weighted groups of countries and is refused with file:line where wrong")
struct PrioritiesFileTests {
    let countries: CountryDirectory
    let schemes: [String: ClassificationScheme]

    init() throws {
        countries = try CountryDirectory.bundled()
        schemes = try BundledClassifications.schemes(countries: countries)
    }

    private func load(_ text: String) throws(DataFileError) -> PartnerPriorities {
        try PrioritiesFile.load(data: Data(text.utf8), fileName: "p.yaml", schemes: schemes, countries: countries)
    }

    private func code(_ text: String) -> CountryCode { CountryCode(unchecked: text) }

    @Test("The example file resolves neighbours, OIC members and the East to countries; overlaps count for the heavier group")
    func example() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/priorities-iran.yaml")
        let priorities = try PrioritiesFile.load(contentsOf: url, schemes: schemes, countries: countries)
        #expect(priorities.groups.map(\.id) == ["neighbours", "islamic-world", "east"])
        #expect(priorities.groups[0].countries.count == 21)
        #expect(priorities.groups[1].countries.count == schemes["oic"]!.countries(in: "member").count)
        // Turkey is a neighbour and an OIC member: it counts for the neighbours, weight 3.
        #expect(priorities.group(of: code("TR"))?.id == "neighbours")
        #expect(priorities.weight(of: code("MY")) == 2)
        #expect(priorities.group(of: code("CN"))?.id == "east")
        #expect(priorities.group(of: code("RU"))?.id == "east")
        #expect(priorities.weight(of: code("FR")) == 0)
        #expect(priorities.groups[0].label.fa?.isEmpty == false)
        // The file's source is kept, in both languages, for outputs to cite.
        #expect(priorities.source?.en.hasPrefix("Example after Dehshiri & Khorrami (2018)") == true)
        #expect(priorities.source?.fa?.isEmpty == false)
    }

    static let valid = """
        format: citydiplomacy-priorities/1
        id: t
        title: {en: T}
        priorities:
          - id: a
            label: {en: A}
            weight: 2
            scheme: study-regions
            groups: [periphery]
        """

    @Test("A scheme's group is resolved to its countries")
    func group() throws {
        let priorities = try load(Self.valid)
        #expect(priorities.groups[0].countries == Set(schemes["study-regions"]!.assignments
            .filter { schemes["study-regions"]!.category(id: $0.categoryID)?.groupID == "periphery" }.map(\.country)))
    }

    @Test("Errors name file, line, field and value", arguments: [
        ("weight: 2", "weight: -1", "priorities[0].weight", 7, "-1"),
        ("scheme: study-regions", "scheme: nowhere", "priorities[0].scheme", 8, "nowhere"),
        ("groups: [periphery]", "groups: [periphery, mars]", "priorities[0].groups[1]", 9, "mars"),
        ("    scheme: study-regions\n    groups: [periphery]", "    countries: [IR, QQ]", "priorities[0].countries[1]", 8, "QQ"),
        ("    scheme: study-regions\n    groups: [periphery]", "    countries: [IR, ZZ]", "priorities[0].countries[1]", 8, "ZZ"),
        ("id: t", "id: \"\"", "id", 2, ""),
        ("id: t", "id: \" \"", "id", 2, " "),
        ("format: citydiplomacy-priorities/1", "format: other/1", "format", 1, "other/1"),
        ("    weight: 2", "    weight: 2\n    colour: red", "priorities[0].colour", 8, nil),
    ] as [(String, String, String, Int, String?)])
    func errors(original: String, replacement: String, field: String, line: Int, value: String?) {
        do {
            _ = try load(Self.valid.replacingOccurrences(of: original, with: replacement))
            Issue.record("accepted a file with \(replacement)")
        } catch {
            #expect(error.file == "p.yaml")
            #expect(error.field == field)
            #expect(error.line == line)
            #expect(error.value == value)
        }
    }

    @Test("A group needs countries, a scheme for its groups, and an id of its own")
    func structure() {
        #expect(throws: DataFileError.self) { try load(Self.valid.replacingOccurrences(of: "    scheme: study-regions\n", with: "")) }
        #expect(throws: DataFileError.self) { try load(Self.valid.replacingOccurrences(of: "    groups: [periphery]", with: "")) }
        let twice = Self.valid + "\n  - id: a\n    label: {en: B}\n    weight: 1\n    countries: [FR]"
        #expect(throws: DataFileError.self) { try load(twice) }
    }
}
