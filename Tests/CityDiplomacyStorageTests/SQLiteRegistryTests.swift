import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation
import Testing

@Suite("The SQLite registry stores and answers")
struct SQLiteRegistryTests {
    let fixture: StudyRegistryFixture
    var countries: CountryDirectory { fixture.countries }
    var study: DatasetContent { fixture.study }

    init() throws {
        fixture = try StudyRegistryFixture()
    }

    private func seededRegistry() async throws -> SQLiteRegistry {
        try await fixture.seededRegistry()
    }

    @Test("A dataset reads back exactly as it was stored")
    func roundTrip() async throws {
        let registry = try await seededRegistry()
        let stored = try #require(try await registry.content(ofDataset: "iran-2018"))
        #expect(stored.dataset == study.dataset)
        #expect(stored.cities == study.cities)
        #expect(stored.relations == study.relations)
        #expect(stored.networks == study.networks)
        #expect(stored.memberships == study.memberships)
        #expect(stored.events == study.events)
        #expect(stored.sources == study.sources)
    }

    @Test("A file with supplement sources, event notes in both languages and a network section reads back as loaded")
    func supplementsRoundTrip() async throws {
        let file = """
            format: citydiplomacy-dataset/1
            dataset:
              id: sample
              title: {en: Sample, fa: نمونه}
            sources:
              - {id: s1, title: A source, url: "http://example.org"}
              - {id: p1, title: Added source, locator: {en: "Added by this project", fa: "افزوده این پروژه"}, supplement: true}
              - {id: p2, title: Not added, supplement: false}
            cities:
              - {id: tehran, en: Tehran, fa: تهران, country: IR}
            networks:
              - {id: metropolis, name: {en: Metropolis}, scope: global, part_of: uclg, sources: [s1]}
              - {id: uclg, name: {en: UCLG}, scope: global, sources: [s1]}
            memberships:
              - {city: tehran, network: metropolis, sources: [s1]}
            events:
              - {id: cup-1968, city: tehran, kind: sports_championship, title: {en: "AFC Asian Cup (1968)"}, year: 1968, sources: [p1], notes: {en: "Played in Tehran.", fa: "در تهران برگزار شد."}}
              - {id: summit-2000, city: tehran, kind: summit, title: {en: Summit}, year: 2000, sources: [s1, p2], notes: "One text."}
            """
        let loaded = try DatasetFile.load(data: Data(file.utf8), fileName: "sample.yaml", countries: countries)
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        try await registry.store(loaded)
        let stored = try #require(try await registry.content(ofDataset: "sample"))
        #expect(stored.sources == loaded.sources)
        #expect(stored.networks == loaded.networks)
        #expect(stored.memberships == loaded.memberships)
        #expect(stored.events == loaded.events)
        #expect(stored.recordsHash == loaded.recordsHash)
        // What was loaded is there, not only equal: true, false and absent stay apart.
        #expect(stored.sources.map(\.supplement) == [nil, true, false])
        #expect(stored.networks.map(\.partOf) == ["sample:uclg", nil])
        #expect(stored.events.map(\.notesFa) == ["در تهران برگزار شد.", nil])
        #expect(try await registry.event(id: "sample:cup-1968")?.isSupplement == true)
        #expect(try await registry.source(id: "sample:p1")?.source.isSupplement == true)
    }

    @Test("A network that is a section of a network the dataset lacks is refused")
    func danglingSection() async throws {
        let registry = try await seededRegistry()
        var broken = study
        broken.networks[0].partOf = "iran-2018:nowhere"
        await #expect(throws: RegistryError.danglingReference(record: broken.networks[0].id, field: "part_of", value: "iran-2018:nowhere")) {
            try await registry.store(broken)
        }
    }

    @Test("A file database keeps its records after it is closed and reopened")
    func persistence() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/registry.sqlite").path
        do {
            let registry = try SQLiteRegistry(path: path)
            try await registry.storeCountries(countries.countries)
            try await registry.store(study)
        }
        let reopened = try SQLiteRegistry(path: path)
        #expect(try await reopened.content(ofDataset: "iran-2018")?.relations.count == 70)
    }

    @Test("A dataset with a dangling reference is refused and the database is left as it was")
    func atomicStore() async throws {
        let registry = try await seededRegistry()
        var broken = study
        broken.relations.append(BilateralRelation(
            id: "iran-2018:tehran/nowhere/sister_city", datasetID: "iran-2018",
            cityID: "iran-2018:tehran", partnerID: "iran-2018:nowhere", kind: .sisterCity, position: 70))
        broken.cities.removeLast()
        await #expect(throws: RegistryError.self) { try await registry.store(broken) }
        let after = try #require(try await registry.content(ofDataset: "iran-2018"))
        #expect(after.relations.count == 70)
        #expect(after.cities.count == study.cities.count)
    }

    @Test("The same pair of cities cannot hold two relations of one kind, in either order")
    func unorderedUniqueness() async throws {
        let registry = try await seededRegistry()
        var duplicated = study
        var reversed = study.relations[0]
        swap(&reversed.cityID, &reversed.partnerID)
        reversed.id = "iran-2018:reversed"
        duplicated.relations.append(reversed)
        await #expect(throws: RegistryError.self) { try await registry.store(duplicated) }
        #expect(try await registry.content(ofDataset: "iran-2018")?.relations.count == 70)
    }

    @Test("Cities are found by any name, in Arabic or Persian letters")
    func findCities() async throws {
        let registry = try await seededRegistry()
        #expect(try await registry.findCities(named: "كربلا", datasetID: nil).map(\.name.en) == ["Karbala"])
        #expect(try await registry.findCities(named: "urumqi", datasetID: nil).map(\.name.en) == ["Ürümqi"])
        #expect(try await registry.findCities(named: "ارومچی", datasetID: "iran-2018").count == 1)
        #expect(try await registry.findCities(named: "iran-2018:tehran", datasetID: nil).count == 1)
        #expect(try await registry.findCities(named: "Atlantis", datasetID: nil).isEmpty)
    }

    @Test("Relations filter by city at either end, partner country, kind and years")
    func relationFilters() async throws {
        let registry = try await seededRegistry()
        #expect(try await registry.relations(matching: RelationQuery(city: "Tehran")).relations.count == 24)
        #expect(try await registry.relations(matching: RelationQuery(city: "Karbala")).relations.count == 2)
        let iraq = CountryCode(unchecked: "IQ")
        #expect(try await registry.relations(matching: RelationQuery(country: iraq)).relations.count == 6)
        #expect(try await registry.relations(matching: RelationQuery(city: "مشهد", country: iraq)).relations.count == 4)
        #expect(try await registry.relations(matching: RelationQuery(kind: .cooperationMemorandum)).relations.count == 9)
        // By year alone, 1997–2005 holds Table 3's 15 Khatami-period relations and the two of 2005.
        let khatami = try await registry.relations(matching: RelationQuery(signedFrom: 1997, signedTo: 2005))
        #expect(khatami.relations.count == 17)
        #expect(try await registry.relations(matching: RelationQuery(signedTo: 1978)).relations.count == 2)
        let page = try await registry.relations(matching: RelationQuery(limit: 10, offset: 65))
        #expect(page.relations.count == 5)
        #expect(page.cities.count >= 5)
    }

    @Test("A city's profile has its relations, memberships and events with sources")
    func profile() async throws {
        let registry = try await seededRegistry()
        let profile = try #require(try await registry.profile(ofCity: "iran-2018:isfahan"))
        #expect(profile.relations.count == 14)
        #expect(profile.memberships.count == 9)
        #expect(profile.events.map(\.year) == [2006])
        #expect(profile.relations.allSatisfy { !$0.relation.sources.isEmpty })
        let partnerView = try #require(try await registry.profile(ofCity: "iran-2018:istanbul"))
        #expect(partnerView.relations.map(\.partner.name.en) == ["Tehran", "Tabriz"])
        #expect(try await registry.profile(ofCity: "iran-2018:atlantis") == nil)
    }

    @Test("Removing a dataset removes its records; an unknown dataset is an error")
    func removal() async throws {
        let registry = try await seededRegistry()
        try await registry.removeDataset("iran-2018")
        #expect(try await registry.datasets().isEmpty)
        #expect(try await registry.findCities(named: "Tehran", datasetID: nil).isEmpty)
        await #expect(throws: RegistryError.self) { try await registry.removeDataset("iran-2018") }
    }

    @Test("A path that cannot be written is a clear error")
    func unwritable() {
        #expect(throws: StorageError.self) { try SQLiteRegistry(path: "/proc/citydip/registry.sqlite") }
    }
}
