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
    @Test("The sample's report, its places in chunks of 1, 7 and 1,000, is the whole encoding", arguments: [1, 7, 1_000])
    func chunked(placesPerChunk: Int) throws {
        let url = try #require(WikipediaSampleTests.sampleURL)
        let data = try SourceFile.read(atPath: url.path)
        var report = try ImportPipeline(format: .wikipediaCSV)
            .run(data, fileName: url.lastPathComponent, dataset: "wikipedia-sample", resolver: sharedResolver).report
        // Texts JSON escapes, and an empty optional, among the places.
        report.places[0].name = "Quote \" backslash \\ slash / tab \t newline \n bell \u{7} تهران"
        report.places[1].country = nil
        report.places[1].kilometres = 0.1
        let whole = report.json(placesPerChunk: .max)
        #expect(report.places.count > 1_000)
        #expect(report.json(placesPerChunk: placesPerChunk) == whole)
        #expect(report.json(placesPerChunk: placesPerChunk, onEveryCore: false) == whole)
        #expect(ImportQualityReport.decode(json: whole) == report)
    }
}
