import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Testing

@Suite("What the analysis snapshot reads of a dataset, in a few narrow queries")
struct AnalysisColumnsTests {
    let fixture: StudyRegistryFixture

    init() throws { fixture = try StudyRegistryFixture() }

    /// The columns of every relation, compared one by one with the columns of the records.
    static func expectSame(_ read: AnalysisColumns, _ fromRecords: AnalysisColumns) {
        #expect(read.dataset.id == fromRecords.dataset.id)
        #expect(read.cities == fromRecords.cities)
        #expect(read.relationCount == fromRecords.relationCount)
        #expect(read.relationCity == fromRecords.relationCity)
        #expect(read.relationPartner == fromRecords.relationPartner)
        #expect(read.relationYear == fromRecords.relationYear)
        #expect(read.relationKind.map { read.kinds[Int($0)] } == fromRecords.relationKind.map { fromRecords.kinds[Int($0)] })
        #expect(read.relationStatus.map { read.statuses[Int($0)] } == fromRecords.relationStatus.map { fromRecords.statuses[Int($0)] })
        let relations = 0..<read.relationCount
        #expect(relations.map(read.signed(at:)) == relations.map(fromRecords.signed(at:)))
        #expect(relations.map(read.periodPlacements(at:)) == relations.map(fromRecords.periodPlacements(at:)))
        #expect(relations.map(read.themes(at:)) == relations.map(fromRecords.themes(at:)))
    }

    @Test("The registry's columns are those of the records read whole: ends, kinds, years, statuses, dates, placements and themes, relation by relation")
    func columnsMatchRecords() async throws {
        let registry = try await fixture.seededRegistry()
        let read = try #require(try await registry.analysisColumns(ofDataset: "iran-2018"))
        let content = try #require(try await registry.content(ofDataset: "iran-2018"))
        Self.expectSame(read, AnalysisColumns(content: content))
        #expect(read.relationCount == 70)
        // The study dates most of its relations; an undated one keeps its place as undated.
        #expect(read.relationYear.contains(AnalysisSnapshot.undated) == content.relations.contains { $0.signed == nil })
        // The study records placements and themes: they are compared, not two empty columns.
        #expect(content.relations.contains { !$0.periodPlacements.isEmpty } && content.relations.contains { !$0.themes.isEmpty })
        #expect(try await registry.analysisColumns(ofDataset: "no-such-dataset") == nil)
    }

    @Test("A snapshot of the columns counts what a snapshot of the records counts")
    func snapshotsAgree() async throws {
        let registry = try await fixture.seededRegistry()
        let read = AnalysisSnapshot(columns: [try #require(try await registry.analysisColumns(ofDataset: "iran-2018"))])
        let whole = AnalysisSnapshot(contents: [fixture.study])
        #expect(read.cityIDs == whole.cityIDs)
        #expect(read.relationCity == whole.relationCity && read.relationPartner == whole.relationPartner)
        #expect(read.countryCodes == whole.countryCodes && read.cityCountry == whole.cityCountry)
        #expect(read.city(at: 0) == whole.city(at: 0))
    }
}
