import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

@Suite("Codebooks: the study's themes bundled, and every mistake in a codebook named where it is")
struct CodebookFileTests {
    @Test("The bundled codebook holds every theme the relations use, in a hierarchy, in both languages")
    func bundled() throws {
        let codebook = try CodebookFile.bundled()
        #expect(codebook.id == "study-themes")
        let ids = Set(codebook.themes.map(\.id))
        for (term, _) in Theme.knownTerms { #expect(ids.contains(term.rawValue), "\(term.rawValue)") }
        #expect(ids.contains("reconstruction"))
        #expect(codebook.theme("tourism")?.parent == "economy")
        #expect(codebook.children(of: "culture").map(\.id) == ["history", "heritage", "religion"])
        #expect(codebook.ancestors(of: "non_interference").map(\.id) == ["political"])
        for theme in codebook.themes {
            #expect(theme.name.fa?.isEmpty == false && theme.definition.fa?.isEmpty == false, "\(theme.id)")
            #expect(theme.keywords[.en]?.isEmpty == false && theme.keywords[.fa]?.isEmpty == false, "\(theme.id)")
        }
        // Keywords are kept normalised: Arabic letter variants never survive.
        #expect(!codebook.themes.flatMap { $0.keywords[.fa] ?? [] }.contains { $0.contains("\u{064A}") || $0.contains("\u{0643}") })
    }

    private func failure(_ yaml: String) -> DataFileError? {
        do { _ = try CodebookFile.load(data: Data(yaml.utf8), fileName: "c.yaml"); return nil } catch { return error }
    }

    static let head = "format: citydiplomacy-codebook/1\nid: mine\ntitle: {en: Mine, fa: \u{0645}\u{0627}}\nthemes:\n"
    static func theme(_ id: String, parent: String? = nil, fa: Bool = true) -> String {
        "  - id: \(id)\n" + (parent.map { "    parent: \($0)\n" } ?? "")
            + "    name: {en: \(id)\(fa ? ", fa: \u{0627}" : "")}\n    definition: {en: d, fa: \u{0628}}\n"
    }

    @Test("A well-formed codebook loads")
    func loads() throws {
        let codebook = try CodebookFile.load(data: Data((Self.head + Self.theme("a") + Self.theme("b", parent: "a")).utf8), fileName: "c.yaml")
        #expect(codebook.themes.map(\.id) == ["a", "b"])
    }

    @Test("Mistakes are refused with their line and field", arguments: [
        (head + theme("a") + "    colour: red\n", 8, "themes[0].colour"),
        (head + theme("a") + theme("a"), 8, "themes[1].id"),
        (head + theme("b", parent: "a") + theme("a"), 6, "themes[0].parent"),
        (head + theme("a", parent: "zzz"), 6, "themes[0].parent"),
        (head + theme("a", fa: false), 6, "themes[0].name"),
        (head + theme("Bad Id"), 5, "themes[0].id"),
        (head + theme("a") + "    keywords: {de: [Kultur]}\n", 8, "themes[0].keywords.de"),
    ])
    func mistakes(yaml: String, line: Int, field: String) throws {
        let error = try #require(failure(yaml))
        #expect(error.line == line, "\(error)")
        #expect(error.field?.hasPrefix(field) == true, "\(error)")
    }

    @Test("A codebook of another format or with no themes is refused")
    func wrongFormat() {
        #expect(failure("format: citydiplomacy-codebook/9\nid: x\ntitle: {en: X}\nthemes: []\n")?.field == "format")
        #expect(failure("format: citydiplomacy-codebook/1\nid: x\ntitle: {en: X}\nthemes: []\n")?.field == "themes")
    }
}
