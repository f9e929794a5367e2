import CityDiplomacyCore
import CityDiplomacyReferenceData
@testable import CityDiplomacyStorage
import Foundation
import GRDB
import GRDBSQLite
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

    @Test("Read in parts on several connections, the columns are those read in one transaction, for any number of parts", arguments: [false, true])
    func partsMatchOneRead(inFile: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-columns-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let registry = inFile ? try SQLiteRegistry(path: folder.appendingPathComponent("r.sqlite").path) : try SQLiteRegistry()
        try await registry.storeCountries(fixture.countries.countries)
        try await registry.store(fixture.study)
        let content = try #require(try await registry.content(ofDataset: "iran-2018"))
        let whole = try #require(try await registry.writer.read { db in try AnalysisColumnsReader.columns(db, dataset: "iran-2018") })
        Self.expectSame(whole, AnalysisColumns(content: content))
        // 70 relations at positions 0…69: runs of one relation and more, and more parts than a pool has readers.
        for parts in [2, 3, 4, 7, 70, 200] {
            let read = try #require(try await AnalysisColumnsReader.columns(of: registry, dataset: "iran-2018", partsFrom: 1, parts: parts))
            Self.expectSame(read, whole)
            // The same terms, dates and placements, each once, in the order met.
            #expect(read.kinds == whole.kinds && read.statuses == whole.statuses)
            #expect(read.signedDates == whole.signedDates && read.placementSets == whole.placementSets && read.themeSets == whole.themeSets)
        }
        #expect(try await AnalysisColumnsReader.columns(of: registry, dataset: "no-such-dataset", partsFrom: 1, parts: 3) == nil)
    }

    @Test("Parts read at another revision than the outline's are not put together; the dataset is read again in one transaction")
    func partsOfAnotherRevision() async throws {
        let registry = try await fixture.seededRegistry()
        var outline = try #require(try await registry.writer.read { db in try AnalysisColumnsReader.Outline(db, dataset: "iran-2018") })
        let positions = try #require(outline.positions)
        #expect(positions == 0...69)
        #expect(try await AnalysisColumnsReader.inParts(of: registry, outline: outline, positions: positions, parts: 3) != nil)
        outline.revision += "-before"
        #expect(try await AnalysisColumnsReader.inParts(of: registry, outline: outline, positions: positions, parts: 3) == nil)
        // A write between the outline and the parts moves the revision the parts read (here the
        // counter every store and every logged change moves): the parts are refused, and the
        // dataset read whole all the same.
        outline = try #require(try await registry.writer.read { db in try AnalysisColumnsReader.Outline(db, dataset: "iran-2018") })
        try await registry.writer.write { db in try db.execute(sql: "UPDATE registry_state SET revision = revision + 1") }
        #expect(try await AnalysisColumnsReader.inParts(of: registry, outline: outline, positions: positions, parts: 3) == nil)
        let read = try #require(try await AnalysisColumnsReader.columns(of: registry, dataset: "iran-2018", partsFrom: 1, parts: 3))
        Self.expectSame(read, AnalysisColumns(content: fixture.study))
    }

    @Test("An edit through the registry after the outline moves the revision the parts read: they are refused, and the dataset read again has the edit")
    func partsAfterAnEdit() async throws {
        let registry = try await fixture.seededRegistry()
        let outline = try #require(try await registry.writer.read { db in try AnalysisColumnsReader.Outline(db, dataset: "iran-2018") })
        let positions = try #require(outline.positions)
        // The edit changes a column the parts read (the kind), so that a stale read would show.
        var relation = try #require(fixture.study.relations.first(where: { $0.kind != .friendship }))
        relation.kind = .friendship
        _ = try await registry.apply(.saveRelation(relation), by: "test")
        #expect(try await AnalysisColumnsReader.inParts(of: registry, outline: outline, positions: positions, parts: 3) == nil)
        let read = try #require(try await AnalysisColumnsReader.columns(of: registry, dataset: "iran-2018", partsFrom: 1, parts: 3))
        let edited = try #require(try await registry.content(ofDataset: "iran-2018"))
        let stored = try #require(edited.relations.first(where: { $0.id == relation.id }))
        #expect(stored.kind == RelationKind.friendship)
        Self.expectSame(read, AnalysisColumns(content: edited))
    }

    @Test("A step interrupted or aborted in a cancelled task is a CancellationError; in a task going on, or of another failure, a database error")
    func failedSteps() async throws {
        let codes: [Int32] = [SQLITE_INTERRUPT, SQLITE_ABORT, 516 /* SQLITE_ABORT_ROLLBACK */, SQLITE_IOERR, SQLITE_BUSY, SQLITE_CORRUPT]
        let cancelled = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return codes.map { AnalysisColumnsReader.RelationPart.failure(ofStep: $0, message: "m", sql: "SELECT 1") }
        }.value
        let running = await Task { codes.map { AnalysisColumnsReader.RelationPart.failure(ofStep: $0, message: "m", sql: "SELECT 1") } }.value
        #expect(cancelled.map { $0 is CancellationError } == [true, true, true, false, false, false])
        #expect(running.allSatisfy { $0 is DatabaseError })
        #expect((running[2] as? DatabaseError)?.extendedResultCode.rawValue == 516)
        #expect((cancelled[3] as? DatabaseError)?.resultCode == .SQLITE_IOERR)
    }

    @Test("A read cancelled once it has begun, its statement prepared, ends with a CancellationError")
    func cancelledWhileReading() async throws {
        let registry = try await fixture.seededRegistry()
        await #expect(throws: CancellationError.self) {
            try await Task {
                try await registry.writer.read { db in
                    // Cancelled inside the read, after GRDB's own check at its start.
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try AnalysisColumnsReader.RelationPart(db, dataset: "iran-2018", positions: 0...69).city.count
                }
            }.value
        }
        // Not cancelled, the same read gives the part.
        let count = try await registry.writer.read { db in try AnalysisColumnsReader.RelationPart(db, dataset: "iran-2018", positions: 0...69).city.count }
        #expect(count == 70)
    }

    @Test("A read in parts in a cancelled task ends with a CancellationError, not as a failure of the storage")
    func cancelledParts() async throws {
        let registry = try await fixture.seededRegistry()
        let outline = try #require(try await registry.writer.read { db in try AnalysisColumnsReader.Outline(db, dataset: "iran-2018") })
        let positions = try #require(outline.positions)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await AnalysisColumnsReader.inParts(of: registry, outline: outline, positions: positions, parts: 3)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        await #expect(throws: CancellationError.self) {
            try await Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await AnalysisColumnsReader.columns(of: registry, dataset: "iran-2018", partsFrom: 1, parts: 3)
            }.value
        }
    }

    @Test("Positions are cut into consecutive runs that cover them, at most as many as asked, without overflow at the integers' ends")
    func cuttingPositions() {
        for (positions, parts) in [(0...69, 3), (0...69, 70), (0...69, 200), (5...5, 4), (-10...10, 2), (0...0, 1), (Int.min...Int.max, 4), (Int.max - 3...Int.max, 8), (Int.min...Int.min + 2, 2)] {
            let runs = AnalysisColumnsReader.cut(positions, into: parts)
            #expect(!runs.isEmpty && runs.count <= parts)
            #expect(runs.first?.lowerBound == positions.lowerBound && runs.last?.upperBound == positions.upperBound)
            for (run, next) in zip(runs, runs.dropFirst()) { #expect(run.upperBound < Int.max && run.upperBound + 1 == next.lowerBound) }
        }
        #expect(AnalysisColumnsReader.cut(0...69, into: 3) == [0...23, 24...47, 48...69])
        #expect(AnalysisColumnsReader.cut(0...69, into: 200).count == 70)
        #expect(AnalysisColumnsReader.cut(Int.min...Int.max, into: 4).count == 4)
    }
}
