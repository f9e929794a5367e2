import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Testing

@Suite("A dataset's version is the hash of its records")
struct DatasetVersionTests {
    @Test("The hash is the same however often and in whatever order the records are read, and changes when one record does")
    func recordsHash() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let content = try await workspace.content(ofDataset: "iran-2018")
        let first = try await workspace.version(of: content)
        #expect(first.recordsHash.count == 64)
        #expect(first.short.count == 12)
        #expect(try await workspace.version(of: workspace.content(ofDataset: "iran-2018")).recordsHash == first.recordsHash)
        var reordered = content
        reordered.relations.reverse()
        reordered.sources.shuffle()
        reordered.dataset.title = LocalizedText(en: "Another title")
        #expect(reordered.recordsHash == content.recordsHash, "order and the dataset's description are not records")
        var changed = content
        changed.relations[0].signed = try PartialDate(parsing: "1973")
        #expect(changed.recordsHash != content.recordsHash)
    }

    /// The canonical document as the hash was first defined: one struct of the sorted lists,
    /// through `JSONEncoder` with sorted keys. The product now writes it a record at a time.
    static func wholeDocumentHash(_ content: DatasetContent) throws -> String {
        struct Records: Encodable {
            var sources: [SourceCitation]
            var cities: [City]
            var relations: [BilateralRelation]
            var networks: [CityNetwork]
            var memberships: [NetworkMembership]
            var events: [InternationalEvent]
            var documents: [AgreementDocument]?
            var segments: [CodedSegment]?
        }
        let records = Records(
            sources: content.sources.sorted { $0.id < $1.id }, cities: content.cities.sorted { $0.id < $1.id },
            relations: content.relations.sorted { $0.id < $1.id }, networks: content.networks.sorted { $0.id < $1.id },
            memberships: content.memberships.sorted { $0.id < $1.id }, events: content.events.sorted { $0.id < $1.id },
            documents: content.documents.isEmpty ? nil : content.documents.sorted { $0.id < $1.id },
            segments: content.segments.isEmpty ? nil : content.segments.sorted { $0.id < $1.id })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ContentHash.sha256Hex(of: try encoder.encode(records))
    }

    @Test("The hash written a record at a time, on both cores, is the hash of the whole canonical document")
    func streamedHash() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let study = try await workspace.content(ofDataset: "iran-2018")
        #expect(!study.documents.isEmpty && !study.segments.isEmpty)
        #expect(study.recordsHash == (try Self.wholeDocumentHash(study)))
        var withoutDocuments = study
        withoutDocuments.documents = []
        withoutDocuments.segments = []
        #expect(withoutDocuments.recordsHash == (try Self.wholeDocumentHash(withoutDocuments)))
        #expect(withoutDocuments.recordsHash != study.recordsHash)
        let empty = DatasetContent(dataset: study.dataset)
        #expect(empty.recordsHash == (try Self.wholeDocumentHash(empty)))
        // Lists longer than a chunk (8,192 records), an odd number of chunks, so that chunks on
        // both cores, a last chunk alone and the commas between chunks are all written.
        var large = study
        large.relations = (0..<20_000).map { index in
            var relation = study.relations[index % study.relations.count]
            relation.id = "\(relation.id)#\(index)"
            relation.position = index
            return relation
        }
        #expect(large.recordsHash == (try Self.wholeDocumentHash(large)))
        var changed = large
        changed.relations[17_000].notes = "Changed in the third chunk."
        #expect(changed.recordsHash != large.recordsHash)
        #expect(changed.recordsHash == (try Self.wholeDocumentHash(changed)))
    }

    @Test("An edit made through the registry changes the version and its date; the other datasets keep theirs")
    func editChangesVersion() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let before = try await workspace.version(of: workspace.content(ofDataset: "iran-2018"))
        var relation = try #require(try await workspace.content(ofDataset: "iran-2018").relations.first)
        relation.notes = "Checked again."
        try await Task.sleep(for: .milliseconds(5))
        _ = try await workspace.registry.apply(.saveRelation(relation), by: "test")
        let after = try await workspace.version(of: workspace.content(ofDataset: "iran-2018"))
        #expect(after.recordsHash != before.recordsHash)
        #expect(after.changed > before.changed)
        let about = try await workspace.aboutDataset("iran-2018")
        #expect(about.version.recordsHash == after.recordsHash)
        #expect(about.counts.relations == 70)
        #expect(about.licence == "CC BY 4.0")
        #expect(about.method?.fa?.isEmpty == false)
    }

    @Test("The version pages cite without reading the records is the hash of the records, and never a stale one after an edit")
    func storedVersion() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let content = try await workspace.content(ofDataset: "iran-2018")
        let stored = try await workspace.version(ofDataset: "iran-2018")
        #expect(stored.recordsHash == content.recordsHash)
        #expect(try await workspace.version(of: content) == stored)
        var relation = try #require(content.relations.first)
        relation.notes = "Checked once more."
        try await Task.sleep(for: .milliseconds(5))
        _ = try await workspace.registry.apply(.saveRelation(relation), by: "test")
        let edited = try await workspace.version(ofDataset: "iran-2018")
        #expect(edited.recordsHash != stored.recordsHash)
        #expect(edited.recordsHash == (try await workspace.content(ofDataset: "iran-2018")).recordsHash)
        #expect(edited.changed > stored.changed)
        await #expect(throws: (any Error).self) { try await workspace.version(ofDataset: "no-such-dataset") }
    }

    @Test("A page of a table holds its rows, every row of the table on exactly one page")
    func tablePages() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let content = try await workspace.content(ofDataset: "iran-2018")
        let whole = try await workspace.studyTable(StudyTableRequest(table: .relations), of: content)
        for perPage in [1, 7, 20, whole.rows.count, whole.rows.count + 5] {
            var rows: [[Tabulation.Cell]] = []
            let first = try await workspace.studyTablePage(StudyTableRequest(table: .relations), of: content, page: 1, perPage: perPage)
            #expect(first.totalRows == whole.rows.count)
            for page in 1...first.pageCount {
                let shown = TabulationPage(whole, page: page, perPage: perPage)
                #expect(shown.page == page && shown.firstRow == (page - 1) * perPage + 1 && shown.lastRow == shown.firstRow + shown.table.rows.count - 1)
                #expect(shown.table.columns == whole.columns && shown.table.title == whole.title)
                rows += shown.table.rows
            }
            #expect(rows == whole.rows, "per page \(perPage)")
            #expect(TabulationPage(whole, page: first.pageCount + 3, perPage: perPage).page == first.pageCount)
        }
        // A grouped table keeps its groups, cut to the page and counted from its first row.
        let grouped = Tabulation(title: LocalizedText(en: "t"), columns: [.init(key: "a", title: LocalizedText(en: "a"))], rows: (0..<6).map { [.number($0)] },
                                 groups: [.init(rows: 0..<4, subtotal: [.empty]), .init(rows: 4..<6, subtotal: [.empty])])
        #expect(TabulationPage(grouped, page: 2, perPage: 3).table.groups.map(\.rows) == [0..<1, 1..<3])
        #expect(TabulationPage(Tabulation(title: LocalizedText(en: "t"), columns: [], rows: []), page: 1, perPage: 10).firstRow == 0)
    }
}
