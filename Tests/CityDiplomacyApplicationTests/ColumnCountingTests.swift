import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyStorage
import Foundation
import Testing

/// Counting and the study's Tables 2–4 read a dataset's columns (``Workspace/analysisColumns(ofDataset:)``);
/// here every count and table is held to the same count or table made from the dataset's records,
/// on the study and on the 800-row sample of Wikipedia's list the import tests use.
@Suite("Counts and the study's tables from columns are those from the records")
struct ColumnCountingTests {
    /// The sample of the real Wikipedia file (MIT; see the import tests' Fixtures/README.md),
    /// imported as `citydip import --format wikipedia-csv` imports it.
    static let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CityDiplomacyImportTests/Fixtures/twin_cities_sample.csv").path
    static let sample = "wikipedia-sample"

    static func workspace() async throws -> Workspace {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        _ = try await DatasetImport.run(ImportRequest(path: samplePath, format: .wikipediaCSV, dataset: sample), into: registry)
        return try await Workspace(registry: registry)
    }

    /// Every dimension `count --by` accepts, each scheme, group and periodisation the workspace knows.
    static func dimensions(_ workspace: Workspace) throws -> [DimensionName] {
        var names: [String] = DimensionName.Kind.allCases.filter { ![.scheme, .group, .period].contains($0) }.map(\.rawValue)
        for scheme in workspace.classifications.schemes.keys.sorted() { names += ["scheme:\(scheme)", "group:\(scheme)"] }
        for periodisation in workspace.classifications.periodisations.keys.sorted() { names.append("period:\(periodisation)") }
        return try names.map { try DimensionName(parsing: $0) }
    }

    /// The dataset's records as a copy, so that the workspace counts them as records (a copy is
    /// not the dataset as read).
    static func records(_ workspace: Workspace, _ dataset: String) async throws -> DatasetContent {
        var content = try await workspace.content(ofDataset: dataset)
        content.relations = content.relations.map { $0 }
        return content
    }

    @Test("Every --by, under every rule, with and without a focus country, ranked or not", arguments: ["iran-2018", sample])
    func everyDimension(dataset: String) async throws {
        let workspace = try await Self.workspace()
        let content = try await Self.records(workspace, dataset)
        let dimensions = try Self.dimensions(workspace)
        #expect(dimensions.count > 10)
        for focus in [nil, "IR", "DE"] {
            for name in dimensions {
                let rules: [AmbiguityRuleChoice?] = name.kind == .period ? [nil] + AmbiguityRuleChoice.allCases : [nil]
                for rule in rules {
                    for (rank, top) in [(false, nil), (true, 5)] as [(Bool, Int?)] {
                        let request = CountRequest(by: [name], dataset: dataset, focusCountry: focus, rule: rule, rank: rank, top: top)
                        let fromColumns = try await workspace.count(request)
                        let fromRecords = try workspace.count(request, of: content)
                        #expect(fromColumns == fromRecords, "\(dataset) --by \(name) rule \(String(describing: rule)) focus \(focus ?? "-") rank \(rank)")
                    }
                }
            }
        }
    }

    @Test("Cross-tabulations of pairs of dimensions", arguments: ["iran-2018", sample])
    func crossTabulations(dataset: String) async throws {
        let workspace = try await Self.workspace()
        let content = try await Self.records(workspace, dataset)
        let dimensions = try Self.dimensions(workspace).filter { ![.city, .partnerCity].contains($0.kind) }
        for rows in dimensions {
            for columns in dimensions {
                let request = CountRequest(by: [rows, columns], dataset: dataset)
                #expect(try await workspace.count(request) == (try workspace.count(request, of: content)), "\(dataset) --by \(rows) --by \(columns)")
            }
        }
        let request = CountRequest(by: [try DimensionName(parsing: "partner-city"), try DimensionName(parsing: "kind")], dataset: dataset, focusCountry: "IR")
        #expect(try await workspace.count(request) == (try workspace.count(request, of: content)))
    }

    @Test("Memberships and events are counted as from the records", arguments: ["iran-2018", sample])
    func membershipsAndEvents(dataset: String) async throws {
        let workspace = try await Self.workspace()
        let content = try await Self.records(workspace, dataset)
        for request in [CountRequest(records: .memberships, by: [], dataset: dataset),
                        CountRequest(records: .memberships, by: [try DimensionName(parsing: "city")], dataset: dataset),
                        CountRequest(records: .events, by: [], dataset: dataset)] {
            #expect(try await workspace.count(request) == (try workspace.count(request, of: content)))
        }
    }

    @Test("Tables 2–4 under every scheme, periodisation and rule", arguments: ["iran-2018", sample])
    func studyTables(dataset: String) async throws {
        let workspace = try await Self.workspace()
        let content = try await Self.records(workspace, dataset)
        var requests = [StudyTableRequest(table: .regions, dataset: dataset), StudyTableRequest(table: .networks, dataset: dataset)]
        for scheme in workspace.classifications.schemes.keys.sorted() {
            requests.append(StudyTableRequest(table: .regions, dataset: dataset, regions: scheme))
        }
        for periodisation in workspace.classifications.periodisations.keys.sorted() {
            for rule in [nil] + AmbiguityRuleChoice.allCases {
                requests.append(StudyTableRequest(table: .periods, dataset: dataset, periodisation: periodisation, rule: rule))
            }
        }
        for request in requests {
            let fromColumns = try await workspace.studyTable(request)
            #expect(fromColumns == (try await workspace.studyTable(request, of: content)), "\(request)")
            // The records as read give the table of the columns, kept.
            #expect(fromColumns == (try await workspace.studyTable(request, of: try await workspace.content(ofDataset: dataset))))
        }
    }

    @Test("The columns read hold what counting reads of the records: statuses, dates, placements, themes")
    func columnsHoldTheRecords() async throws {
        let workspace = try await Self.workspace()
        for dataset in ["iran-2018", Self.sample] {
            let columns = try await workspace.analysisColumns(ofDataset: dataset)
            let content = try await workspace.content(ofDataset: dataset)
            #expect(columns.relationCount == content.relations.count)
            for (index, relation) in content.relations.enumerated() {
                #expect(columns.statuses[Int(columns.relationStatus[index])] == relation.status)
                #expect(columns.signed(at: index) == relation.signed)
                #expect(columns.periodPlacements(at: index) == relation.periodPlacements)
                #expect(columns.themes(at: index) == relation.themes)
            }
        }
        // The study records placements and themes: the comparison is not of empty columns.
        let study = try await workspace.analysisColumns(ofDataset: "iran-2018")
        #expect(!study.placementSets.isEmpty && !study.themeSets.isEmpty && !study.signedDates.isEmpty)
    }

    @Test("A page of Table 1 read through the index holds the rows of that page of the whole table", arguments: ["iran-2018", sample])
    func tableOnePages(dataset: String) async throws {
        let workspace = try await Self.workspace()
        let content = try await workspace.content(ofDataset: dataset)
        let whole = try await workspace.studyTable(StudyTableRequest(table: .relations), of: content)
        #expect(whole.rows.count == content.relations.count && whole.rows.count > 60)
        for perPage in [1, 7, 60, whole.rows.count, whole.rows.count + 5] {
            let pageCount = max(1, (whole.rows.count + perPage - 1) / perPage)
            // Each page when there are few; else the first three, a middle one and the last two.
            let pages = pageCount <= 12 ? Array(1...pageCount) : [1, 2, 3, pageCount / 2, pageCount - 1, pageCount]
            for page in pages + [pageCount + 2] {
                let expected = TabulationPage(whole, page: page, perPage: perPage)
                let read = try await workspace.relationsTablePage(ofDataset: dataset, page: page, perPage: perPage)
                #expect(read.dataset.id == dataset)
                #expect(read.page == expected, "page \(page) of \(perPage) a page, \(dataset)")
            }
        }
        await #expect(throws: (any Error).self) { try await workspace.relationsTablePage(ofDataset: "no-such-dataset", page: 1, perPage: 10) }
    }

    @Test("What the dashboard says of a dataset without reading its records is what it says from them", arguments: ["iran-2018", sample])
    func aboutWithoutRecords(dataset: String) async throws {
        let workspace = try await Self.workspace()
        let content = try await workspace.content(ofDataset: dataset)
        let version = try await workspace.version(ofDataset: dataset)
        let fromRecords = try await workspace.about(content, version: version)
        let columns = try await workspace.analysisColumns(ofDataset: dataset)
        #expect(columns.dataset.importReport == nil, "the columns' dataset comes without its report")
        let counted = try await workspace.about(columns.dataset, counts: try await workspace.recordCounts(ofDataset: dataset), version: version)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(counted) == encoder.encode(fromRecords))
        // The panel's lines, in both languages, as well (the wording the JSON leaves out among them).
        #expect(counted.facts.map { "\($0.label)=\($0.value)" } == fromRecords.facts.map { "\($0.label)=\($0.value)" })
        // So does the command's and the API's description of the dataset, and its page's sources.
        let described = try await workspace.aboutDataset(dataset)
        #expect(try encoder.encode(described) == encoder.encode(fromRecords))
        #expect(described.facts.map { "\($0.label)=\($0.value)" } == fromRecords.facts.map { "\($0.label)=\($0.value)" })
        #expect(try await workspace.sources(ofDataset: dataset) == content.sources)
        if dataset == "iran-2018" { #expect(try await workspace.aboutDataset(nil).id == "iran-2018") }
        await #expect(throws: ApplicationError.self) { try await workspace.aboutDataset("no-such-dataset") }
        await #expect(throws: ApplicationError.self) { try await workspace.sources(ofDataset: "no-such-dataset") }
        // The imported sample names how it was made, from its report's format, which is not read whole.
        let formats = try await workspace.importFormats()
        #expect(formats == [Self.sample: "wikipedia-csv"])
        let method = String(decoding: try encoder.encode(counted.method), as: UTF8.self)
        #expect(method.contains("wikipedia-csv") == (dataset == Self.sample), "\(method)")
    }
}
