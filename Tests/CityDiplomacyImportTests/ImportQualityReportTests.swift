import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Testing
@testable import CityDiplomacyImport

/// The report as the registry stores it: encoded in chunks of places on every core, it is the
/// text one encoding gives, byte for byte (a dataset's stored report must not depend on how it
/// was encoded).
@Suite("An import's report encodes the same in chunks as whole")
struct ImportQualityReportTests {
    @Test("The sample's report, its places in chunks of 1, 7 and 1,000 and its notes written by hand, is the encoder's text", arguments: [1, 7, 1_000])
    func chunked(placesPerChunk: Int) throws {
        let url = try #require(WikipediaSampleTests.sampleURL)
        let data = try SourceFile.read(atPath: url.path)
        var report = try ImportPipeline(format: .wikipediaCSV)
            .run(data, fileName: url.lastPathComponent, dataset: "wikipedia-sample", resolver: sharedResolver).report
        // Texts JSON escapes, an empty optional and numbers of every form, among the places and
        // the names; a control character the encoder writes as \b or \u00XX (left to it).
        let hostile = "Quote \" backslash \\ slash / tab \t newline \n return \r تهران é\u{301}"
        report.places[0].name = hostile
        report.places[1].country = nil
        report.places[1].kilometres = 0.1
        report.places[2].kilometres = 12
        report.places[3].kilometres = 1e-7
        report.places[4].kilometres = 1234.5
        report.places[5].matched = "bell \u{7} backspace \u{8}"
        report.places[6].candidates = [hostile, "", "/"]
        report.places[7].partOf = "x"
        report.places[7].geonamesID = 0
        let name = ImportQualityReport.NameNote(name: hostile, country: nil, occurrences: 3, lines: [2, 40, 7], reason: "r", candidates: ["a", hostile])
        report.uncertainNames = [name, ImportQualityReport.NameNote(name: "form \u{c}", country: "IR", occurrences: 1, lines: [], reason: "", candidates: [])]
        report.unresolvedNames.append(name)
        let encoded = String(decoding: try ReportNoteJSON.encoder.encode(report), as: UTF8.self) + "\n"
        #expect(report.places.count > 1_000)
        #expect(report.json(placesPerChunk: placesPerChunk) == encoded)
        #expect(report.json(placesPerChunk: placesPerChunk, onEveryCore: false) == encoded)
        #expect(report.json(placesPerChunk: .max) == encoded)
        #expect(ImportQualityReport.decode(json: encoded) == report)
        // The hand-written path was taken: it is not the encoder's text by accident of a fallback.
        var out: [UInt8] = []
        #expect(ReportNoteJSON.place(report.places[0], &out) && ReportNoteJSON.name(name, &out))
        out = []
        #expect(!ReportNoteJSON.place(report.places[5], &out))
    }

    @Test("A report with names and no places, or neither, is the encoder's text")
    func withoutPlaces() throws {
        let url = try #require(WikipediaSampleTests.sampleURL)
        var report = try ImportPipeline(format: .wikipediaCSV)
            .run(try SourceFile.read(atPath: url.path), fileName: url.lastPathComponent, dataset: "wikipedia-sample", resolver: sharedResolver).report
        report.places = []
        report.unresolvedNames = []
        report.uncertainNames = [ImportQualityReport.NameNote(name: "n", country: nil, occurrences: 1, lines: [3], reason: "r", candidates: [])]
        #expect(report.json(placesPerChunk: 1) == String(decoding: try ReportNoteJSON.encoder.encode(report), as: UTF8.self) + "\n")
        report.uncertainNames = []
        #expect(report.json(placesPerChunk: 1) == String(decoding: try ReportNoteJSON.encoder.encode(report), as: UTF8.self) + "\n")
    }
}
