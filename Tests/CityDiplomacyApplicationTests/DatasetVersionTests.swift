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
}
