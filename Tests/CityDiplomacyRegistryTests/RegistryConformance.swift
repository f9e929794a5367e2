import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation
import Testing

/// What every backend of ``CityDiplomacyRegistry`` must do, written once and run by a suite per
/// backend (``SQLiteConformanceTests``, ``PostgresConformanceTests``).
enum RegistryConformance {
    static let countries = Result { try CountryDirectory.bundled() }
    static let study = Result { try #require(try BundledDatasets.load(id: "iran-2018", countries: countries.get())) }

    /// A store of `backend` holding the countries and the study's dataset, opened once.
    static func seeded(_ store: RegistryStore) async throws -> any CityDiplomacyRegistry {
        let registry = try await store.open()
        try await registry.storeCountries(countries.get().countries)
        try await registry.store(study.get())
        return registry
    }

    /// A small dataset of `relations` relations between cities of the study, under id `id`.
    static func dataset(_ id: String, relations: Int, note: String = "") throws -> DatasetContent {
        let study = try study.get()
        var dataset = study.dataset
        dataset.id = id
        dataset.isBundled = false
        dataset.title = LocalizedText(en: "Conformance \(id) \(note)", fa: "Conformance \(id)")
        let cities = study.cities.prefix(relations + 1).enumerated().map { index, city in
            var copy = city
            copy.id = "\(id):city-\(index)"
            copy.partOf = nil
            return copy
        }
        let source = SourceCitation(id: "\(id):source", title: "Conformance source \(note)")
        let relations = (0..<relations).map { index in
            BilateralRelation(id: "\(id):relation-\(index)", datasetID: id, cityID: cities[index].id, partnerID: cities[index + 1].id,
                              kind: .sisterCity, sources: [source], position: index)
        }
        return DatasetContent(dataset: dataset, sources: [source], cities: Array(cities), relations: relations, networks: [], memberships: [], events: [])
    }

    static func roundTrip(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            let study = try study.get()
            #expect(try await registry.countries().map(\.code) == countries.get().countries.map(\.code).sorted())
            #expect(try await registry.datasets().map(\.id) == ["iran-2018"])
            let content = try #require(try await registry.content(ofDataset: "iran-2018"))
            #expect(content.dataset == study.dataset)
            #expect(content.cities == study.cities)
            #expect(content.relations == study.relations)
            #expect(content.networks == study.networks)
            #expect(content.memberships == study.memberships)
            #expect(content.events == study.events)
            #expect(content.documents == study.documents.enumerated().map { index, document in
                var stored = document
                stored.position = index
                return stored
            })
            #expect(content.segments == study.segments)
            #expect(content.recordsHash == study.recordsHash)
            #expect(try await registry.recordCounts(ofDataset: "iran-2018") == DatasetRecordCounts(content))
            #expect(try await registry.content(ofDataset: "nowhere") == nil)
            #expect(try await registry.recordCounts(ofDataset: "nowhere") == nil)
            #expect(try await registry.sources(ofDataset: "iran-2018") == content.sources)
            #expect(try await registry.sources(ofDataset: "nowhere") == nil)
            let relation = try #require(study.relations.first)
            #expect(try await registry.relation(id: relation.id) == relation)
            #expect(try await registry.relation(id: "nowhere") == nil)
            if let membership = study.memberships.first { #expect(try await registry.membership(id: membership.id) == membership) }
            if let event = study.events.first { #expect(try await registry.event(id: event.id) == event) }
            let source = try #require(content.sources.first)
            #expect(try await registry.source(id: source.id).map { [$0.source.id, $0.datasetID] } == [source.id, "iran-2018"])
        }
    }

    /// Every read of a backend gives what the SQLite registry gives for the same records.
    static func readsAgreeWithSQLite(_ backend: RegistryBackend) async throws {
        let reference = try SQLiteRegistry()
        try await reference.storeCountries(countries.get().countries)
        try await reference.store(study.get())
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            let study = try study.get()
            let tehran = try #require(study.cities.first)
            let relationQueries = [
                RelationQuery(), RelationQuery(datasetID: "iran-2018", limit: 7, offset: 3), RelationQuery(city: tehran.name.en),
                RelationQuery(city: tehran.name.fa), RelationQuery(city: tehran.id), RelationQuery(country: CountryCode(unchecked: "CN")),
                RelationQuery(city: tehran.name.en, country: CountryCode(unchecked: "CN")), RelationQuery(kind: .sisterCity, limit: 20),
                RelationQuery(signedFrom: 2000, signedTo: 2010), RelationQuery(signedFrom: 2015), RelationQuery(offset: 5),
            ]
            for query in relationQueries {
                #expect(try await registry.relations(matching: query) == reference.relations(matching: query), "\(query)")
                #expect(try await registry.countRelations(matching: query) == reference.countRelations(matching: query), "\(query)")
            }
            let cityQueries = [
                CityQuery(), CityQuery(datasetID: "iran-2018", limit: 10, offset: 4), CityQuery(country: CountryCode(unchecked: "IR")),
                CityQuery(name: tehran.name.fa), CityQuery(name: "nowhere"),
            ]
            for query in cityQueries {
                #expect(try await registry.cities(matching: query) == reference.cities(matching: query), "\(query)")
                #expect(try await registry.countCities(matching: query) == reference.countCities(matching: query), "\(query)")
            }
            for name in [tehran.name.en, tehran.name.fa, tehran.id, "nowhere"].compactMap({ $0 }) {
                #expect(try await registry.findCities(named: name, datasetID: nil) == reference.findCities(named: name, datasetID: nil))
                #expect(try await registry.findCities(named: name, datasetID: "iran-2018") == reference.findCities(named: name, datasetID: "iran-2018"))
            }
            #expect(try await registry.networks(datasetID: nil) == reference.networks(datasetID: nil))
            #expect(try await registry.memberships(datasetID: "iran-2018") == reference.memberships(datasetID: "iran-2018"))
            #expect(try await registry.events(datasetID: nil) == reference.events(datasetID: nil))
            for network in study.networks.prefix(5) {
                #expect(try await registry.networkProfile(ofNetwork: network.id) == reference.networkProfile(ofNetwork: network.id))
            }
            for city in study.cities.prefix(20) {
                #expect(try await registry.profile(ofCity: city.id) == reference.profile(ofCity: city.id), "\(city.id)")
            }
            #expect(try await registry.profile(ofCity: "nowhere") == nil)
            for city in study.cities.prefix(20) + [tehran] {
                #expect(try await registry.city(id: city.id) == city, "\(city.id)")
            }
            #expect(try await registry.city(id: "nowhere") == nil)
            for code in ["IR", "CN", "TR"].map(CountryCode.init(unchecked:)) {
                #expect(try await registry.countryRelationCounts(code) == reference.countryRelationCounts(code))
            }
            #expect(try await String(describing: registry.analysisColumns(ofDataset: "iran-2018")) == String(describing: reference.analysisColumns(ofDataset: "iran-2018")))
            #expect(try await registry.recordsHash(ofDataset: "iran-2018") == reference.recordsHash(ofDataset: "iran-2018"))
        }
    }

    static func replaceAndRemove(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            try await registry.store(try dataset("extra", relations: 3))
            let replacement = try dataset("extra", relations: 2, note: "second")
            try await registry.store(replacement)
            #expect(try await registry.content(ofDataset: "extra")?.relations == replacement.relations)
            #expect(try await registry.content(ofDataset: "extra")?.dataset == replacement.dataset)
            try await registry.removeDataset("extra")
            #expect(try await registry.datasets().map(\.id) == ["iran-2018"])
            await #expect(throws: RegistryError.unknownDataset("extra", known: ["iran-2018"])) { try await registry.removeDataset("extra") }
        }
    }

    /// A store that fails changes nothing: not the dataset it would replace, not the countries.
    static func failedStoreChangesNothing(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            let first = try dataset("extra", relations: 3)
            try await registry.store(first)
            var broken = try dataset("extra", relations: 3, note: "broken")
            broken.relations[2].partnerID = "extra:nowhere"
            // QZ: a user-assigned code the reference list does not use.
            let newCountry = Country(code: CountryCode(unchecked: "QZ"), alpha3: "QZZ", name: LocalizedText(en: "Nowhere", fa: "Nowhere"))
            await #expect(throws: RegistryError.danglingReference(record: "extra:relation-2", field: "partner", value: "extra:nowhere")) {
                try await registry.store(broken, countries: [newCountry], existing: .replace, progress: nil)
            }
            var duplicated = try dataset("extra", relations: 3, note: "duplicated")
            duplicated.relations[2].id = duplicated.relations[1].id
            await #expect(throws: RegistryError.self) { try await registry.store(duplicated) }
            #expect(try await registry.content(ofDataset: "extra") == first)
            #expect(try await !registry.countries().contains { $0.code.rawValue == "QZ" })
        }
    }

    /// An import report still being computed when the store begins is written with the dataset,
    /// in place of the one the content holds; a store that fails writes neither.
    static func reportComputedDuringStore(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            var content = try dataset("extra", relations: 3)
            content.dataset.importReport = #"{"left":"aside"}"#
            let report = #"{"rows":3,"places":["Lille","Bremen"],"note":"پیش‌نویس"}"#
            // Computed on another thread, after a pause, while the records are stored.
            let pending = Eventual { () -> String in
                Thread.sleep(forTimeInterval: 0.2)
                return report
            }
            try await registry.store(content, countries: [], existing: .refuse, importReport: pending, progress: nil)
            var expected = content
            expected.dataset.importReport = report
            #expect(try await registry.content(ofDataset: "extra") == expected)
            #expect(try await registry.datasets().first { $0.id == "extra" }?.importReport == report)
            var broken = try dataset("extra", relations: 3, note: "broken")
            broken.relations[2].partnerID = "extra:nowhere"
            // Fails while its report is still being computed, and after one already known.
            let slowReport = Eventual { () -> String in
                Thread.sleep(forTimeInterval: 0.5)
                return "{}"
            }
            for pendingReport in [slowReport, Eventual(value: "{}")] {
                await #expect(throws: RegistryError.danglingReference(record: "extra:relation-2", field: "partner", value: "extra:nowhere")) {
                    try await registry.store(broken, countries: [], existing: .replace, importReport: pendingReport, progress: nil)
                }
                #expect(try await registry.content(ofDataset: "extra") == expected)
            }
        }
    }

    /// A store told to create a dataset refuses one of its id, changing nothing.
    static func createRefusesExisting(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            let first = try dataset("extra", relations: 3)
            try await registry.store(first, countries: [], existing: .refuse, progress: nil)
            await #expect(throws: RegistryError.datasetExists("extra")) {
                try await registry.store(try dataset("extra", relations: 2, note: "second"), countries: [], existing: .refuse, progress: nil)
            }
            #expect(try await registry.content(ofDataset: "extra") == first)
        }
    }

    /// Imports of one dataset from several processes at once, none with replace: one stores it,
    /// the others are told it is there — none reports success over another's records.
    static func concurrentImportsOfOneDataset(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            _ = try await seeded(store)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-race-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let pairs = [("Lille", "France", "Bremen", "Germany"), ("Lyon", "France", "Hamburg", "Germany"),
                         ("Osaka", "Japan", "Recife", "Brazil"), ("Kyoto", "Japan", "Paris", "France")]
            let outcomes = try await withThrowingTaskGroup(of: Result<Int, ApplicationError>.self) { group in
                for (index, pair) in pairs.enumerated() {
                    let path = folder.appendingPathComponent("pairs-\(index).csv").path
                    try "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n\(pair.0),\(pair.1),,,\(pair.2),\(pair.3),,\n"
                        .write(toFile: path, atomically: true, encoding: .utf8)
                    group.addTask {
                        let registry = try await store.open()
                        do {
                            _ = try await DatasetImport.run(ImportRequest(path: path, format: .wikipediaCSV, dataset: "race"), into: registry)
                            return .success(index)
                        } catch let error as ApplicationError {
                            return .failure(error)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1, "\(winners.count) imports reported success")
            for case let .failure(error) in outcomes {
                #expect(error.kind == .conflict && error.field == "dataset", "\(error)")
            }
            let registry = try await store.open()
            let stored = try #require(try await registry.content(ofDataset: "race"))
            #expect(stored.relations.count == 1)
            if let winner = winners.first { #expect(stored.cities.contains { $0.name.en == pairs[winner].0 }) }
        }
    }

    /// Edits log each change; another instance (another process's) sees the revision move and
    /// the change log.
    static func editsAndRevisions(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            let other = try await store.open()
            let study = try study.get()
            let start = try await other.revision()
            var relation = try #require(study.relations.first)
            relation.notes = "checked"
            let updated = try await registry.apply(.saveRelation(relation), by: "alice")
            #expect(updated.action == .update && updated.recordID == relation.id && updated.datasetID == "iran-2018" && updated.after != nil)
            #expect(try await other.revision() != start)
            #expect(try await other.relation(id: relation.id) == relation)
            let source = SourceCitation(id: "iran-2018:new-source", title: "A new source")
            let created = try await registry.apply(.saveSource(source, datasetID: "iran-2018"), by: "bob")
            #expect(created.action == .create && created.before == nil)
            var changed = source
            changed.title = "A changed title"
            _ = try await registry.apply(.saveSource(changed, datasetID: "iran-2018"), by: "bob")
            let removed = try await registry.apply(.deleteSource(id: source.id), by: "alice")
            #expect(removed.action == .delete && removed.after == nil)
            let cited = try #require(relation.sources.first)
            await #expect(throws: RegistryError.self) { try await registry.apply(.deleteSource(id: cited.id), by: "alice") }
            await #expect(throws: RegistryError.unknownRecord(kind: "relation", id: "nowhere")) { try await registry.apply(.deleteRelation(id: "nowhere"), by: "alice") }
            var dangling = relation
            dangling.id = "iran-2018:dangling"
            dangling.partnerID = "nowhere"
            await #expect(throws: RegistryError.danglingReference(record: "iran-2018:dangling", field: "partner", value: "nowhere")) {
                try await registry.apply(.saveRelation(dangling), by: "alice")
            }
            let log = try await other.changes(limit: 10, offset: 0)
            #expect(log.map(\.actor) == ["alice", "bob", "bob", "alice"])
            #expect(log.map(\.action) == [.delete, .update, .create, .update])
            #expect(log.last?.before != nil && log.last?.after == updated.after)
            #expect(try await other.changes(limit: 2, offset: 1).map(\.id) == Array(log.map(\.id)[1...2]))
            #expect(try await other.lastChanged(ofDataset: "iran-2018") != nil)
            #expect(try await other.lastChanged(ofDataset: "nowhere") == nil)
        }
    }

    /// Documents and coded segments: read by record and by document, edited through the change
    /// log, checked (a span outside the text, a record or document that is not there), and a
    /// record with documents, or a document with codings, not deleted from under them.
    static func documentsAndCodings(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            let other = try await store.open()
            let study = try study.get()
            let first = try #require(study.documents.first)
            #expect(try await registry.document(id: first.id)?.text == first.text)
            #expect(try await registry.document(id: "nowhere") == nil)
            #expect(try await registry.documents(matching: DocumentQuery(datasetID: "iran-2018")).map(\.id) == study.documents.map(\.id))
            #expect(try await registry.documents(matching: DocumentQuery(attachedTo: first.attachedTo)).map(\.id) == [first.id])
            #expect(try await registry.documents(matching: DocumentQuery(datasetID: "nowhere")).isEmpty)
            #expect(try await registry.segments(matching: SegmentQuery(documentID: first.id)) == study.segments.filter { $0.documentID == first.id })
            #expect(try await registry.segments(matching: SegmentQuery(datasetID: "iran-2018")) == study.segments)

            let relation = try #require(study.relations.first { $0.themes.isEmpty })
            let document = AgreementDocument(
                id: "iran-2018:doc/added", datasetID: "iran-2018", attachedTo: RecordReference(kind: .relation, id: relation.id),
                title: LocalizedText(en: "Memorandum"), kind: .memorandum, language: "en", date: try PartialDate(parsing: "1396-10-12 SH"),
                source: LocalizedText(en: "https://example.org/mou"), format: "text", text: "Both cities will restore the old bazaar.",
                addedBy: "alice", addedAt: Date())
            let added = try await registry.apply(.saveDocument(document), by: "alice")
            #expect(added.action == .create && added.recordKind == .document)
            let stored = try #require(try await other.document(id: document.id))
            #expect(stored.text == document.text && stored.date == document.date && stored.addedAt == document.addedAt)
            let segment = CodedSegment(id: "iran-2018:doc/added/1", documentID: document.id, datasetID: "iran-2018", theme: "heritage",
                                       range: 17..<40, coder: "alice", memo: "the bazaar", codedAt: Date())
            let coded = try await registry.apply(.saveSegment(segment), by: "alice")
            #expect(coded.recordKind == .segment && coded.action == .create)
            #expect(try await other.segments(matching: SegmentQuery(documentID: document.id)).map(\.range) == [17..<40])
            #expect(try await other.segment(id: segment.id)?.range == 17..<40)
            #expect(try await other.segment(id: "iran-2018:doc/nowhere/1") == nil)
            var outside = segment
            outside.id = "iran-2018:doc/added/2"
            outside.end = 41
            await #expect(throws: RegistryError.spanOutsideDocument(segment: outside.id, start: 17, end: 41, length: 40)) {
                try await registry.apply(.saveSegment(outside), by: "alice")
            }
            var empty = segment
            empty.id = "iran-2018:doc/added/3"
            empty.end = empty.start
            await #expect(throws: RegistryError.self) { try await registry.apply(.saveSegment(empty), by: "alice") }
            var orphan = segment
            orphan.id = "iran-2018:doc/added/4"
            orphan.documentID = "iran-2018:doc/nowhere"
            await #expect(throws: RegistryError.danglingReference(record: orphan.id, field: "document", value: orphan.documentID)) {
                try await registry.apply(.saveSegment(orphan), by: "alice")
            }
            var detached = document
            detached.id = "iran-2018:doc/detached"
            detached.attachedTo = RecordReference(kind: .relation, id: "iran-2018:nowhere")
            await #expect(throws: RegistryError.danglingReference(record: detached.id, field: "attached_to", value: "relation iran-2018:nowhere")) {
                try await registry.apply(.saveDocument(detached), by: "alice")
            }
            // A shorter text that would cut a coded passage is refused; the document is as it was.
            var shortened = document
            shortened.text = "Both cities"
            await #expect(throws: RegistryError.self) { try await registry.apply(.saveDocument(shortened), by: "alice") }
            #expect(try await registry.document(id: document.id)?.text == document.text)
            await #expect(throws: RegistryError.recordInUse(kind: "relation", id: relation.id, by: "document \(document.id)")) {
                try await registry.apply(.deleteRelation(id: relation.id), by: "alice")
            }
            await #expect(throws: RegistryError.recordInUse(kind: "document", id: document.id, by: "segment \(segment.id)")) {
                try await registry.apply(.deleteDocument(id: document.id), by: "alice")
            }
            let uncoded = try await registry.apply(.deleteSegment(id: segment.id), by: "bob")
            #expect(uncoded.action == .delete && uncoded.before != nil)
            _ = try await registry.apply(.deleteDocument(id: document.id), by: "bob")
            #expect(try await other.document(id: document.id) == nil)
            let log = try await other.changes(limit: 4, offset: 0)
            #expect(log.map(\.recordKind) == [.document, .segment, .segment, .document])
            // A batch is all or nothing: its second edit is refused, so its first is not made.
            let revision = try await other.revision()
            var second = segment
            second.id = "iran-2018:doc/added/5"
            await #expect(throws: RegistryError.self) {
                try await registry.apply([.saveDocument(document), .saveSegment(outside)], by: "carol")
            }
            #expect(try await other.document(id: document.id) == nil)
            #expect(try await other.revision() == revision)
            let batch = try await registry.apply([.saveDocument(document), .saveSegment(second)], by: "carol")
            #expect(batch.map(\.recordKind) == [.document, .segment] && batch[0].id < batch[1].id)
            _ = try await registry.apply([.deleteSegment(id: second.id), .deleteDocument(id: document.id)], by: "carol")
            #expect(try await registry.content(ofDataset: "iran-2018")?.recordsHash == study.recordsHash)
        }
    }

    /// Eight writers on eight instances at once — four storing datasets, four editing — lose nothing.
    static func concurrentWriters(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            _ = try await seeded(store)
            let study = try study.get()
            let relations = Array(study.relations.prefix(4))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        let registry = try await store.open()
                        if writer < 4 {
                            try await registry.store(try dataset("writer-\(writer)", relations: 5), countries: [], existing: .refuse, progress: nil)
                        } else {
                            var relation = relations[writer - 4]
                            relation.notes = "edited by writer \(writer)"
                            _ = try await registry.apply(.saveRelation(relation), by: "writer-\(writer)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let registry = try await store.open()
            #expect(try await registry.datasets().map(\.id) == ["iran-2018", "writer-0", "writer-1", "writer-2", "writer-3"])
            for writer in 0..<4 {
                #expect(try await registry.content(ofDataset: "writer-\(writer)")?.relations.count == 5)
                #expect(try await registry.relation(id: relations[writer].id)?.notes == "edited by writer \(writer + 4)")
            }
            #expect(Set(try await registry.changes(limit: 100, offset: 0).map(\.actor)) == Set((4..<8).map { "writer-\($0)" }))
        }
    }

    /// When the datasets copied in the round trip were first stored: a whole second, which every
    /// backend keeps exactly.
    static let longAgo = Date(timeIntervalSince1970: 1_614_816_000)

    /// A copy that fails at its last step (a change-log entry whose id is there twice, so that the
    /// log's insert fails after every dataset went in) or at its first (a dataset of one of its ids
    /// already in the target) leaves the target as it was: no dataset, no country, no entry.
    static func failedCopyChangesNothing(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let target = try await store.open()
            let countries = try countries.get().countries
            let first = try dataset("first", relations: 3), second = try dataset("second", relations: 2)
            let entry = ChangeEntry(id: 7, at: longAgo, actor: "alice", action: .update, recordKind: .relation, recordID: "first:relation-0",
                                    datasetID: "first", before: nil, after: nil)
            let twice = RegistrySnapshot(countries: countries, datasets: [.init(content: first, storedAt: longAgo), .init(content: second, storedAt: longAgo)],
                                         changes: [entry, entry])
            await #expect(throws: (any Error).self) { try await target.storeCopy(of: twice) }
            #expect(try await target.datasets().isEmpty)
            #expect(try await target.countries().isEmpty)
            #expect(try await target.changes(limit: 10, offset: 0).isEmpty)
            // The target holds the second dataset: nothing of the first goes in either, and the
            // second is left as it was.
            try await target.storeCountries(countries)
            var held = second
            held.dataset.title = LocalizedText(en: "Held before the copy", fa: nil)
            try await target.store(held)
            let revision = try await target.revision()
            let clash = RegistrySnapshot(countries: [], datasets: [.init(content: first, storedAt: longAgo), .init(content: second, storedAt: longAgo)],
                                         changes: [entry])
            await #expect(throws: RegistryError.datasetExists("second")) { try await target.storeCopy(of: clash) }
            #expect(try await target.datasets().map(\.id) == ["second"])
            #expect(try await target.content(ofDataset: "second")?.dataset.title.en == "Held before the copy")
            #expect(try await target.changes(limit: 10, offset: 0).isEmpty)
            #expect(try await target.revision() == revision)
            // A change log already there is refused too, inside the transaction.
            _ = try await target.apply(.deleteRelation(id: "second:relation-1"), by: "bob")
            let afterEdit = RegistrySnapshot(countries: [], datasets: [.init(content: first, storedAt: longAgo)], changes: [])
            await #expect(throws: RegistryError.changeLogNotEmpty) { try await target.storeCopy(of: afterEdit) }
            #expect(try await target.datasets().map(\.id) == ["second"])
        }
    }

    /// A dataset copied in with an old stored time moves the revision, though the count of
    /// datasets, the latest stored time and the latest change are what they were: other
    /// processes' caches must see it.
    static func copyInMovesRevision(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            try await registry.store(try dataset("leaving", relations: 2))
            try await registry.store(try dataset("staying", relations: 2))
            let before = try await registry.revision()
            try await registry.removeDataset("leaving")
            let old = RegistrySnapshot(countries: [], datasets: [.init(content: try dataset("arriving", relations: 2), storedAt: longAgo)], changes: [])
            try await registry.storeCopy(of: old)
            #expect(try await registry.datasets().map(\.id) == ["arriving", "iran-2018", "staying"])
            #expect(try await registry.revision() != before)
            // Another instance (another process's view) sees the same revision.
            #expect(try await store.open().revision() == registry.revision())
        }
    }

    /// A snapshot taken while another writer edits is of one moment: the change log it holds ends
    /// with the edit its records show.
    static func snapshotIsOneMoment(_ backend: RegistryBackend) async throws {
        try await RegistryStore.with(backend) { store in
            let registry = try await seeded(store)
            try await registry.store(try dataset("busy", relations: 3))
            let writer = try await store.open()
            let relation = try #require(try await registry.relation(id: "busy:relation-0"))
            let editing = Task {
                for edit in 0..<60 {
                    var changed = relation
                    changed.notes = "edit \(edit)"
                    _ = try await writer.apply(.saveRelation(changed), by: "writer")
                }
            }
            var snapshots: [RegistrySnapshot] = []
            while snapshots.count < 20 { snapshots.append(try await registry.snapshot()) }
            try await editing.value
            snapshots.append(try await registry.snapshot())
            for snapshot in snapshots {
                let notes = snapshot.datasets.first { $0.content.dataset.id == "busy" }?.content.relations.first { $0.id == relation.id }?.notes
                #expect(notes == snapshot.changes.last.map { _ in "edit \(snapshot.changes.count - 1)" } ?? relation.notes)
                #expect(snapshot.changes.map(\.id) == snapshot.changes.map(\.id).sorted())
            }
            #expect(snapshots.last?.changes.count == 60)
        }
    }

    /// SQLite to `backend` and back to SQLite: every dataset (with its import report), every
    /// edit and every change-log entry arrives as it was.
    static func copyRoundTrip(through backend: RegistryBackend) async throws {
        try await RegistryStore.with(.sqlite) { first in
            try await RegistryStore.with(backend) { middle in
                try await RegistryStore.with(.sqlite) { last in
                    let source = try await seeded(first)
                    var extra = try dataset("extra", relations: 4)
                    extra.dataset.importReport = #"{"rows":4,"places":["Lille","Bremen"]}"#
                    // Stored long ago, as a copy of an older database would have it: a copy that
                    // stamped the datasets with its own time would change this date.
                    try await source.storeCopy(of: RegistrySnapshot(countries: [], datasets: [.init(content: extra, storedAt: longAgo)], changes: []))
                    var relation = extra.relations[1]
                    relation.notes = "checked against the council's minutes"
                    _ = try await source.apply(.saveRelation(relation), by: "alice")
                    _ = try await source.apply(.deleteRelation(id: extra.relations[3].id), by: "bob")
                    _ = try await source.apply(.saveSource(SourceCitation(id: "extra:second", title: "A second source"), datasetID: "extra"), by: "bob")
                    let middleRegistry = try await middle.open(), lastRegistry = try await last.open()
                    let there = try await RegistryCopy.run(from: source, to: middleRegistry)
                    #expect(there.datasets == ["extra", "iran-2018"] && there.changes == 3)
                    _ = try await RegistryCopy.run(from: middleRegistry, to: lastRegistry)
                    let log = try await source.changes(limit: 100, offset: 0)
                    let storedAt = try await source.snapshot().datasets.map { [$0.content.dataset.id: $0.storedAt] }
                    #expect(storedAt.first?["extra"] == longAgo)
                    for copy in [middleRegistry, lastRegistry] {
                        // The time each dataset was stored, its citation's date, is the source's.
                        let copiedAt = try await copy.snapshot().datasets.map { [$0.content.dataset.id: $0.storedAt] }
                        #expect(copiedAt.map(\.keys) == storedAt.map(\.keys))
                        #expect(zip(copiedAt, storedAt).allSatisfy { copied, stored in
                            abs(copied.values.first!.timeIntervalSince(stored.values.first!)) < 0.001
                        })
                        #expect(try await copy.lastChanged(ofDataset: "iran-2018") == source.lastChanged(ofDataset: "iran-2018"))
                        #expect(try await copy.countries().map(\.code) == source.countries().map(\.code))
                        #expect(try await copy.datasets() == source.datasets())
                        for id in ["extra", "iran-2018"] {
                            #expect(try await copy.content(ofDataset: id) == source.content(ofDataset: id))
                            #expect(try await copy.recordsHash(ofDataset: id) == source.recordsHash(ofDataset: id))
                        }
                        let copied = try await copy.changes(limit: 100, offset: 0)
                        #expect(copied.map(\.id) == log.map(\.id))
                        #expect(copied.map { [$0.actor, $0.action.rawValue, $0.recordKind.rawValue, $0.recordID, $0.datasetID] }
                            == log.map { [$0.actor, $0.action.rawValue, $0.recordKind.rawValue, $0.recordID, $0.datasetID] })
                        #expect(copied.map { [$0.before, $0.after] } == log.map { [$0.before, $0.after] })
                        #expect(zip(copied, log).allSatisfy { abs($0.at.timeIntervalSince($1.at)) < 0.001 })
                    }
                    // Copying again into a target that holds the datasets is refused, changing nothing.
                    await #expect(throws: ApplicationError.self) { try await RegistryCopy.run(from: source, to: lastRegistry) }
                    #expect(try await lastRegistry.changes(limit: 100, offset: 0).count == log.count)
                    // A new edit in the copy follows the copied log.
                    let next = try await middleRegistry.apply(.deleteSource(id: "extra:second"), by: "carol")
                    #expect(next.id > (log.map(\.id).max() ?? 0))
                }
            }
        }
    }
}
