import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation
import Testing

/// Edits straight through the registry, as the web's editing and any other front end make them.
@Suite("Edits save and delete records, log each change and move the revision")
struct RecordEditTests {
    let fixture: StudyRegistryFixture
    var countries: CountryDirectory { fixture.countries }
    var study: DatasetContent { fixture.study }

    init() throws {
        fixture = try StudyRegistryFixture()
    }

    private func seededRegistry() async throws -> SQLiteRegistry {
        try await fixture.seededRegistry()
    }

    /// Two cities of the study that have no sister-city relation, in either order.
    private func unpairedCities() throws -> (String, String) {
        let paired = Set(study.relations.filter { $0.kind == .sisterCity }.flatMap { [[$0.cityID, $0.partnerID], [$0.partnerID, $0.cityID]] })
        for a in study.cities { for b in study.cities where a.id < b.id && !paired.contains([a.id, b.id]) { return (a.id, b.id) } }
        throw RegistryError.unknownRecord(kind: "unpaired cities", id: "iran-2018")
    }

    /// Applies an edit and checks that the revision moved and the log's newest entry is the one returned.
    private func apply(_ edit: RecordEdit, to registry: SQLiteRegistry, by actor: String = "alice") async throws -> ChangeEntry {
        let before = try await registry.revision()
        let entry = try await registry.apply(edit, by: actor)
        #expect(try await registry.revision() != before, "the revision did not change after \(edit.recordKind) \(edit.recordID)")
        // All but the time, which the database keeps to the millisecond.
        #expect(try await registry.changes(limit: 1, offset: 0).map(\.id) == [entry.id])
        let logged = try #require(try await registry.changes(limit: 1, offset: 0).first)
        #expect((logged.action, logged.before, logged.after) == (entry.action, entry.before, entry.after))
        #expect(abs(logged.at.timeIntervalSince(entry.at)) < 0.01)
        #expect(entry.actor == actor && entry.recordKind == edit.recordKind && entry.recordID == edit.recordID && entry.datasetID == "iran-2018")
        return entry
    }

    /// Create, update and delete of one record: the log links them (each `before` is the last
    /// `after`) and the record reads back as saved, then is gone.
    private func lifecycle<Record: Equatable & Sendable>(
        _ record: Record, changed: Record, save: (Record) -> RecordEdit, delete: RecordEdit,
        read: @escaping @Sendable (SQLiteRegistry) async throws -> Record?, in registry: SQLiteRegistry
    ) async throws {
        let created = try await apply(save(record), to: registry)
        #expect(created.action == .create && created.before == nil && created.after != nil)
        #expect(try await read(registry) == record)
        let updated = try await apply(save(changed), to: registry, by: "bob")
        #expect(updated.action == .update && updated.before == created.after && updated.after != created.after)
        #expect(try await read(registry) == changed)
        let deleted = try await apply(delete, to: registry)
        #expect(deleted.action == .delete && deleted.before == updated.after && deleted.after == nil)
        #expect(try await read(registry) == nil)
        #expect(try await registry.changes(limit: 3, offset: 0).map(\.actor) == ["alice", "bob", "alice"])
    }

    @Test("A relation is created at the end of its dataset, updated in place, deleted")
    func relation() async throws {
        let registry = try await seededRegistry()
        let (a, b) = try unpairedCities()
        let source = try #require(study.sources.first)
        let relation = BilateralRelation(id: "iran-2018:new-relation", datasetID: "iran-2018", cityID: a, partnerID: b,
                                         kind: .sisterCity, themes: [.culture], sources: [source], position: study.relations.count)
        var changed = relation
        changed.notes = "signed at a mayors' forum"
        changed.themes = [.economy, .tourism]
        try await lifecycle(relation, changed: changed, save: { .saveRelation($0) }, delete: .deleteRelation(id: relation.id),
                            read: { try await $0.relation(id: "iran-2018:new-relation") }, in: registry)
        #expect(try await registry.content(ofDataset: "iran-2018")?.relations == study.relations)
    }

    @Test("An existing relation keeps its place in the dataset when it is changed")
    func relationKeepsPosition() async throws {
        let registry = try await seededRegistry()
        var third = study.relations[2]
        third.notes = "checked against the municipality's site"
        _ = try await apply(.saveRelation(third), to: registry)
        #expect(try await registry.content(ofDataset: "iran-2018")?.relations[2] == third)
    }

    @Test("A membership is created, updated and deleted")
    func membership() async throws {
        let registry = try await seededRegistry()
        let network = try #require(study.networks.first)
        let members = Set(study.memberships.filter { $0.networkID == network.id }.map(\.cityID))
        let outsider = try #require(study.cities.first { !members.contains($0.id) })
        let membership = NetworkMembership(id: "iran-2018:new-membership", datasetID: "iran-2018", cityID: outsider.id,
                                           networkID: network.id, position: study.memberships.count)
        var changed = membership
        changed.notes = "observer before full membership"
        try await lifecycle(membership, changed: changed, save: { .saveMembership($0) }, delete: .deleteMembership(id: membership.id),
                            read: { try await $0.membership(id: "iran-2018:new-membership") }, in: registry)
    }

    @Test("An event is created, updated and deleted")
    func event() async throws {
        let registry = try await seededRegistry()
        let city = try #require(study.cities.first)
        let event = InternationalEvent(id: "iran-2018:new-event", datasetID: "iran-2018", cityID: city.id, kind: .summit,
                                       title: LocalizedText(en: "Mayors' summit"), year: 2016, position: study.events.count)
        var changed = event
        changed.year = 2017
        try await lifecycle(event, changed: changed, save: { .saveEvent($0) }, delete: .deleteEvent(id: event.id),
                            read: { try await $0.event(id: "iran-2018:new-event") }, in: registry)
    }

    @Test("A source is created, updated and, once no record cites it, deleted")
    func source() async throws {
        let registry = try await seededRegistry()
        let source = SourceCitation(id: "iran-2018:new-source", title: "Municipal yearbook", url: "https://example.org/yearbook")
        var changed = source
        changed.title = "Municipal yearbook, 2019 edition"
        try await lifecycle(source, changed: changed, save: { .saveSource($0, datasetID: "iran-2018") },
                            delete: .deleteSource(id: source.id),
                            read: { try await $0.source(id: "iran-2018:new-source")?.source }, in: registry)
    }

    /// Applies an edit that must fail with a registry error `matching`, and checks that nothing changed.
    private func refuses(_ edit: RecordEdit, in registry: SQLiteRegistry, matching: (RegistryError) -> Bool) async throws {
        let revision = try await registry.revision()
        let log = try await registry.changes(limit: 100, offset: 0)
        do {
            let entry = try await registry.apply(edit, by: "mallory")
            Issue.record("\(edit.recordKind) \(edit.recordID) was applied: \(entry)")
        } catch let error as RegistryError {
            #expect(matching(error), "unexpected error: \(error)")
        }
        #expect(try await registry.revision() == revision)
        #expect(try await registry.changes(limit: 100, offset: 0) == log)
        #expect(try await registry.content(ofDataset: "iran-2018") == study)
    }

    private func refuses(_ edit: RecordEdit, with expected: RegistryError, in registry: SQLiteRegistry) async throws {
        try await refuses(edit, in: registry) { $0 == expected }
    }

    @Test("An edit that refers to a missing city, network or source changes nothing")
    func danglingReferences() async throws {
        let registry = try await seededRegistry()
        var dangling = study.relations[0]
        dangling.partnerID = "iran-2018:atlantis"
        try await refuses(.saveRelation(dangling), with: .danglingReference(record: dangling.id, field: "partner", value: "iran-2018:atlantis"), in: registry)
        var noNetwork = study.memberships[0]
        noNetwork.networkID = "iran-2018:no-such-network"
        try await refuses(.saveMembership(noNetwork), with: .danglingReference(record: noNetwork.id, field: "network", value: "iran-2018:no-such-network"), in: registry)
        var uncited = study.events[0]
        uncited.sources = [SourceCitation(id: "iran-2018:no-such-source", title: "nowhere")]
        try await refuses(.saveEvent(uncited), with: .danglingReference(record: uncited.id, field: "sources", value: "iran-2018:no-such-source"), in: registry)
        try await refuses(.deleteRelation(id: "iran-2018:no-such-relation"), with: .unknownRecord(kind: "relation", id: "iran-2018:no-such-relation"), in: registry)
    }

    @Test("Deleting a source that a record cites is refused, naming a citing record, and changes nothing")
    func citedSource() async throws {
        let registry = try await seededRegistry()
        let cited = try #require(study.relations[0].sources.first)
        var citing: Set<String> = []
        for relation in study.relations where relation.sources.contains(cited) { citing.insert("relation \(relation.id)") }
        for membership in study.memberships where membership.sources.contains(cited) { citing.insert("membership \(membership.id)") }
        for event in study.events where event.sources.contains(cited) { citing.insert("event \(event.id)") }
        for network in study.networks where network.sources.contains(cited) { citing.insert("network \(network.id)") }
        try await refuses(.deleteSource(id: cited.id), in: registry) { error in
            guard case let .recordInUse(kind, id, by) = error else { return false }
            return kind == "source" && id == cited.id && citing.contains(by)
        }
    }
}
