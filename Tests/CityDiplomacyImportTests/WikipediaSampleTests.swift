import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation
import Testing

/// 800 rows of the real Wikipedia file (see Fixtures/README.md), imported as `citydip import
/// --format wikipedia-csv` imports them: read the file, check the rows, resolve the places, store
/// the dataset with the countries it needs in one transaction.
@Suite("A sample of the real Wikipedia file imports end to end with exact figures")
struct WikipediaSampleTests {
    static let sampleURL = Bundle.module.url(forResource: "twin_cities_sample", withExtension: "csv", subdirectory: "Fixtures")

    @Test("The sample's report counts rows, relations, merges, cities and every kind of problem exactly")
    func sample() async throws {
        let url = try #require(Self.sampleURL)
        let data = try SourceFile.read(atPath: url.path)
        let countries = try CountryDirectory.bundled()
        let pipeline = ImportPipeline(format: .wikipediaCSV)
        let records = try pipeline.records(data, fileName: url.lastPathComponent)
        let result = pipeline.resolve(records, data: data, fileName: url.lastPathComponent, dataset: "wikipedia-sample", resolver: sharedResolver)
        let report = result.report
        // Checked apart from citydip with a one-off Python reading of the CSV: 800 rows; self-pairs
        // on lines 358, 741 and 753 by name (the file gives both ends the same coordinates); on 368
        // the two Stolbergs, one town before issue #11's gazetteer and coordinate rule, two since. Of the ten country names no country list knew, nine are read as countries since
        // issue #11 (Northern Cyprus, Moldavia, Bosnia and Hercegovina, Grece, Island, Kazakhstah,
        // Madagaskar, Surinam, West Bank); "in Italy" is left. Ariel (line 782), given in the West
        // Bank, is no longer found: GeoNames lists it under IL, and the West Bank is read as PS.
        #expect(report.rowsRead == 800)
        #expect(report.relationsCreated == 754)
        #expect(report.duplicatesMerged == 46)
        #expect(report.citiesCreated == 1_380)
        #expect(report.citiesResolved == 1_215)
        #expect(report.citiesUnresolved == 136)
        #expect(report.selfPairs.map(\.line) == [358, 741, 753])
        #expect(report.domesticPairs == 84)
        #expect(report.coordinateIssues.count == 79)
        #expect(report.unknownCountries.isEmpty)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry: any CityDiplomacyRegistry = try SQLiteRegistry(path: folder.appendingPathComponent("sample.sqlite").path)
        try await registry.store(result.content, countries: countries.countries, progress: nil)
        let stored = try #require(try await registry.content(ofDataset: "wikipedia-sample"))
        #expect(stored.relations.count == report.relationsCreated)
        #expect(stored.cities.count == report.citiesCreated)
        // Every row is kept by exactly one relation: those created and those merged into them.
        #expect(stored.relations.map(\.importRows.count).reduce(0, +) == report.rowsRead)
        #expect(stored.relations.filter { $0.importRows.count > 1 }.map { $0.importRows.count - 1 }.reduce(0, +) == report.duplicatesMerged)
        #expect(stored.relations.filter { $0.flags.contains(.selfPair) }.count == report.selfPairs.count)
        #expect(stored.relations.filter { $0.flags.contains(.domestic) }.count == report.domesticPairs)
        #expect(stored.cities.filter { $0.geonamesID != nil }.count == report.citiesResolved + report.parentsAdded)
        // Every district's city is stored with it.
        let ids = Set(stored.cities.map(\.id))
        #expect(stored.cities.compactMap(\.partOf).allSatisfy(ids.contains))
    }

    @Test("An import started (its report made and encoded later, on another thread) gives the dataset and report run gives")
    func startedAsRun() async throws {
        let url = try #require(Self.sampleURL)
        let data = try SourceFile.read(atPath: url.path)
        let pipeline = ImportPipeline(format: .wikipediaCSV)
        let records = try pipeline.records(data, fileName: url.lastPathComponent)
        let run = pipeline.resolve(records, data: data, fileName: url.lastPathComponent, dataset: "wikipedia-sample", resolver: sharedResolver)
        let started = pipeline.start(records, data: data, fileName: url.lastPathComponent, dataset: "wikipedia-sample", resolver: sharedResolver)
        // Without its report until encoded, as the store takes it.
        #expect(started.content.dataset.importReport == nil)
        started.reportJSON.start()
        let result = await started.result
        #expect(result.report == run.report)
        #expect(result.report.coordinateIssues.count == 79)
        #expect(result.content.dataset.importReport == run.content.dataset.importReport)
        #expect(result.content == run.content)
    }
}
