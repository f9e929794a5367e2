import CityDiplomacyAnalysis
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing

/// Documents added to records, passages coded, suggestions decided, relation themes following
/// the codings, and the coders' agreement: the use cases behind `citydip documents`, `code` and
/// `reliability`, and the document pages.
@Suite("Documents and their coding")
struct DocumentCodingTests {
    let workspace: Workspace
    let folder: URL
    let relation = "mine:tehran/seoul/sister_city"

    init() async throws {
        workspace = try await WorkspaceFixture.workspace()
        _ = try await workspace.copyDataset("iran-2018", to: "mine")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func addMemorandum(_ text: String = "Both cities will promote cultural exchange and tourism.\nThe cities will hold a cultural week each year.\n") async throws -> AgreementDocument {
        try await workspace.addDocument(AddDocumentRequest(
            path: try file("Tehran Seoul MoU.txt", text), attachTo: relation, source: "https://example.org/mou",
            date: "\u{06F1}\u{06F3}\u{06F9}\u{06F6}/\u{06F1}\u{06F0}/\u{06F1}\u{06F2} SH", kind: .memorandum, actor: "ali"))
    }

    @Test("A document is added to a record of a copy, with its id from the file's name, its date as given, and a change-log entry")
    func addsADocument() async throws {
        let document = try await addMemorandum()
        #expect(document.id == "mine:doc/tehran-seoul-mou")
        #expect(document.attachedTo == RecordReference(kind: .relation, id: relation))
        #expect(document.language == "en" && document.format == "text" && document.addedBy == "ali")
        #expect(document.date == (try PartialDate(parsing: "1396-10-12 SH")))
        #expect(try await workspace.registry.changes(limit: 1, offset: 0).first?.recordKind == .document)
        // The same name again is numbered, not replaced.
        #expect(try await addMemorandum().id == "mine:doc/tehran-seoul-mou-2")
    }

    @Test("A bundled dataset, an unknown record, a missing source or an empty file are refused, and nothing is stored")
    func refusals() async throws {
        let path = try file("a.txt", "Some text.")
        let before = try await workspace.registry.documents(matching: DocumentQuery()).count
        for request in [
            AddDocumentRequest(path: path, attachTo: "iran-2018:tehran/seoul/sister_city", source: "x", actor: "ali"),
            AddDocumentRequest(path: path, attachTo: "mine:nowhere", source: "x", actor: "ali"),
            AddDocumentRequest(path: path, attachTo: relation, source: "  ", actor: "ali"),
            AddDocumentRequest(path: try file("empty.txt", " \n"), attachTo: relation, source: "x", actor: "ali"),
            AddDocumentRequest(path: path, attachTo: relation, source: "x", language: "persian", actor: "ali"),
            AddDocumentRequest(path: path, attachTo: relation, source: "x", date: "yesterday", actor: "ali"),
        ] {
            await #expect(throws: ApplicationError.self) { try await workspace.addDocument(request) }
        }
        #expect(try await workspace.registry.documents(matching: DocumentQuery()).count == before)
    }

    @Test("Coding a passage by quotation or span; a quotation found twice must say which; the relation's themes follow the codings")
    func codesPassages() async throws {
        let document = try await addMemorandum()
        let codebook = try workspace.codebook()
        await #expect(throws: ApplicationError.self) {
            try await workspace.code(CodeRequest(documentID: document.id, theme: "culture", passage: .quote("cultural", occurrence: nil), coder: "ali"), codebook: codebook)
        }
        let first = try await workspace.code(
            CodeRequest(documentID: document.id, theme: "culture", passage: .quote("cultural", occurrence: 2), coder: "ali", memo: "a yearly week"),
            codebook: codebook)
        #expect(document.passage(first.range) == "cultural")
        #expect(first.range.lowerBound > 60)
        let second = try await workspace.code(
            CodeRequest(documentID: document.id, theme: "tourism", passage: .span(try CodeRequest.span(parsing: "\u{06F4}\u{06F7}:\u{06F5}\u{06F4}")), coder: "ali"),
            codebook: codebook)
        #expect(document.passage(second.range) == "tourism")
        #expect(second.id == document.id + "/2")
        #expect(try await workspace.registry.relation(id: relation)?.themes == [.culture, .tourism])
        // The same decision twice is a conflict; an unknown theme or a span beyond the text is refused.
        await #expect(throws: ApplicationError.self) {
            try await workspace.code(CodeRequest(documentID: document.id, theme: "tourism", passage: .span(47..<54), coder: "ali"), codebook: codebook)
        }
        await #expect(throws: ApplicationError.self) {
            try await workspace.code(CodeRequest(documentID: document.id, theme: "nonsense", passage: .span(0..<4), coder: "ali"), codebook: codebook)
        }
        await #expect(throws: ApplicationError.self) {
            try await workspace.code(CodeRequest(documentID: document.id, theme: "culture", passage: .span(0..<999), coder: "ali"), codebook: codebook)
        }
        // A memo or a coder's name that would drive a terminal is refused, naming the character.
        for (coder, memo) in [("ali", "\u{1B}[31mred"), ("ali", "evil\u{202E}gnp"), ("a\u{200B}li", nil), ("\u{202E}ali", nil)] as [(String, String?)] {
            await #expect(throws: ApplicationError.self) {
                try await workspace.code(CodeRequest(documentID: document.id, theme: "culture", passage: .span(0..<4), coder: coder, memo: memo), codebook: codebook)
            }
        }
        // One coder's evidence is not another's to take back.
        await #expect(throws: ApplicationError.self) { try await workspace.uncode(segmentID: second.id, actor: "sara") }
        // Taking a coding back takes its theme off the relation.
        _ = try await workspace.uncode(segmentID: second.id, actor: "ali")
        #expect(try await workspace.registry.relation(id: relation)?.themes == [.culture])
    }

    @Test("Suggestions come from the codebook's keywords and go once decided, by acceptance or rejection; a rejection codes nothing")
    func suggestions() async throws {
        let document = try await addMemorandum()
        let codebook = try workspace.codebook()
        let view = try await workspace.documentView(id: document.id)
        #expect(Set(view.suggestions.map(\.theme)) == ["culture", "tourism"])
        let tourism = try #require(view.suggestions.first { $0.theme == "tourism" })
        _ = try await workspace.code(CodeRequest(documentID: document.id, theme: "tourism", passage: .span(tourism.range), coder: "sara",
                                                 status: .rejected, keyword: tourism.keyword), codebook: codebook)
        let after = try await workspace.documentView(id: document.id)
        #expect(!after.suggestions.contains { $0.theme == "tourism" })
        #expect(after.summary.codings == 0)
        #expect(try await workspace.registry.relation(id: relation)?.themes == [])
        // Accepting the first suggestion left codes its passage with its theme and keyword.
        let first = try #require(after.suggestions.first)
        let accepted = try await workspace.decideSuggestion(documentID: document.id, number: 1, accept: true, coder: "sara", codebook: codebook)
        #expect(accepted.theme == first.theme && accepted.range == first.range && accepted.keyword == first.keyword && accepted.status == .coded)
        #expect(try await workspace.registry.relation(id: relation)?.themes == [Theme(unchecked: first.theme)])
        await #expect(throws: ApplicationError.self) {
            try await workspace.decideSuggestion(documentID: document.id, number: 99, accept: true, coder: "sara", codebook: codebook)
        }
    }

    @Test("Documents are found by their words as written in any keyboard's letters: Arabic yeh and kaf find Persian text")
    func search() async throws {
        // The study's Florence passage holds the Persian word for "Italian experts"; typed with
        // Arabic yeh (U+064A) it is still found.
        let found = try await workspace.documents(dataset: "mine", containing: "\u{0627}\u{06CC}\u{062A}\u{0627}\u{0644}\u{06CC}\u{0627}\u{064A}\u{06CC}")
        #expect(found.map(\.document.id) == ["mine:doc/s51-isfahan-florence"])
        #expect(try await workspace.documents(dataset: "mine", containing: "nowhere to be found").isEmpty)
        #expect(try await workspace.documents(dataset: "mine", containing: "  ").count == 6)
    }

    @Test("Two coders' agreement per theme and overall: kappa 0.8 and alpha 0.808 when one marks five characters and the other four")
    func reliability() async throws {
        let document = try await addMemorandum("abcdefghij")
        let codebook = try workspace.codebook()
        _ = try await workspace.code(CodeRequest(documentID: document.id, theme: "culture", passage: .span(0..<5), coder: "ali"), codebook: codebook)
        _ = try await workspace.code(CodeRequest(documentID: document.id, theme: "culture", passage: .span(0..<4), coder: "sara"), codebook: codebook)
        let view = try await workspace.reliability(ReliabilityRequest(dataset: "mine"))
        let culture = try #require(view.pooled.themes["culture"])
        #expect(culture.units == 10)
        #expect(abs((culture.kappa ?? 0) - 0.8) < 1e-9)
        // 1 - D_o/D_e = 1 - (2/20) / (2 * 9 * 11 / (20 * 19))
        #expect(abs((culture.alpha ?? 0) - (1 - 0.1 / (198.0 / 380.0))) < 1e-9)
        #expect(view.documents.map(\.document.id) == [document.id])
        #expect(view.documents.first?.result.disagreements.map(\.range) == [4..<5])
        // The study's documents, coded by the study alone, are left out and said to be.
        #expect(view.singleCoded.count == 6)
        await #expect(throws: ApplicationError.self) { try await workspace.reliability(ReliabilityRequest(dataset: "iran-2018")) }
    }

    @Test("Pooled over documents, a coder who did not code a document is missing there, not disagreeing")
    func pooledMissing() {
        let spans = [UnitisedAgreement.CodedSpan(coder: "ali", theme: "culture", range: 0..<2), .init(coder: "sara", theme: "culture", range: 0..<2)]
        let alone = [UnitisedAgreement.CodedSpan(coder: "ali", theme: "culture", range: 0..<3)]
        let pooled = PooledAgreement.measure([
            .init(id: "a", length: 4, units: .characters, spans: spans, coders: ["ali", "sara"]),
            .init(id: "b", length: 4, units: .characters, spans: alone, coders: ["ali"]),
        ])
        // Document b has one coder: no pairable unit, so perfect agreement on a's four units.
        #expect(pooled.overall.units == 4)
        #expect(pooled.overall.percentAgreement == 1)
        #expect(pooled.overall.kappa == nil)
    }

    @Test("Tens of thousands of keyword hits are suggested, one per place and theme, the longer phrase kept")
    func manySuggestions() throws {
        let codebook = try CodebookFile.bundled()
        let text = String(repeating: "cultural week and tourism ", count: 20_000)
        let suggestions = ThemeSuggestions(codebook: codebook).suggest(in: text)
        #expect(suggestions.filter { $0.theme == "culture" }.count == 20_000)
        #expect(suggestions.filter { $0.theme == "culture" }.allSatisfy { $0.keyword == "cultural week" })
        #expect(suggestions.filter { $0.theme == "tourism" }.count == 20_000)
    }

    @Test("Marks of passages over units: each unit a passage reaches, and no other")
    func marks() {
        let units = UnitisedAgreement.sentences(of: "One. Two. Three. Four.")
        #expect(UnitisedAgreement.Units.sentences(units).name == "sentence")
        let result = UnitisedAgreement(length: 22, units: .sentences(units)).measure(
            [.init(coder: "a", theme: "t", range: 6..<7), .init(coder: "b", theme: "t", range: 5..<12)], coders: ["a", "b"])
        #expect(result.disagreements.map(\.range) == [10..<17])
    }

    @Test("Sentences end after . ! ? and the Arabic question mark, with the spaces after them")
    func sentences() {
        let text = "One. Two?\u{061F} Three"
        #expect(UnitisedAgreement.sentences(of: text) == [0..<5, 5..<11, 11..<16])
        #expect(UnitisedAgreement.sentences(of: "") == [])
    }
}

/// A dataset imported again from its file (`--replace`) keeps its documents and codings, or
/// refuses where a record they are about is gone.
@Suite("Importing a coded dataset again")
struct DocumentReimportTests {
    @Test("Replacing keeps documents, codings and coded themes; a file without the record a document is about is refused and changes nothing")
    func replaceKeepsDocuments() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-reimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("pairs.csv").path
        let header = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
        try (header + "Lille,France,,,Bremen,Germany,,\nLyon,France,,,Hamburg,Germany,,\n").write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try await DatasetImport.run(ImportRequest(path: csv, format: .wikipediaCSV, dataset: "pairs"), into: workspace.registry)
        let content = try #require(try await workspace.registry.content(ofDataset: "pairs"))
        let lille = try #require(content.cities.first { $0.name.en == "Lille" })
        let relation = try #require(content.relations.first { $0.cityID == lille.id || $0.partnerID == lille.id })
        let text = folder.appendingPathComponent("charter.txt").path
        try "The twinning charter of Lille and Bremen fosters cultural exchange.".write(toFile: text, atomically: true, encoding: .utf8)
        let document = try await workspace.addDocument(AddDocumentRequest(path: text, attachTo: relation.id, source: "Lille city archive", actor: "ali"))
        _ = try await workspace.code(CodeRequest(documentID: document.id, theme: "culture", passage: .quote("cultural exchange", occurrence: nil), coder: "ali"),
                                     codebook: try workspace.codebook())
        // The same records with another row: replaced, the document and its coding kept.
        try (header + "Lille,France,,,Bremen,Germany,,\nLyon,France,,,Hamburg,Germany,,\nNancy,France,,,Karlsruhe,Germany,,\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try await DatasetImport.run(ImportRequest(path: csv, format: .wikipediaCSV, dataset: "pairs", replace: true), into: workspace.registry)
        let replaced = try #require(try await workspace.registry.content(ofDataset: "pairs"))
        #expect(replaced.relations.count == 3)
        #expect(replaced.documents.map(\.id) == [document.id])
        #expect(replaced.segments.count == 1)
        #expect(replaced.relations.first { $0.id == relation.id }?.themes == [.culture])
        // Without Lille–Bremen: refused, nothing changed.
        try (header + "Lyon,France,,,Hamburg,Germany,,\n").write(toFile: csv, atomically: true, encoding: .utf8)
        await #expect(throws: ApplicationError.self) {
            try await DatasetImport.run(ImportRequest(path: csv, format: .wikipediaCSV, dataset: "pairs", replace: true), into: workspace.registry)
        }
        #expect(try await workspace.registry.content(ofDataset: "pairs") == replaced)
    }
}
