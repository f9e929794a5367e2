import CityDiplomacyAnalysis
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyStorage
import Foundation
import Testing

/// A small world in Wikipedia's format, imported beside the study: 10 French–German pairs, 2
/// Turkish–German pairs (Turkey is in the study's periphery) and Istanbul's 3 partners. Its
/// international relations therefore have 2 × 15 = 30 ends, Turkey holding 2 + 3 = 5 of them,
/// so the world model expects 5/30 of a focus's partners in the periphery.
enum WorldFixture {
    static let id = "world-sample"
    static var file: String {
        let french = ["Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille"]
        let german = ["Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen"]
        var rows = ["city1,country1,lat1,lng1,city2,country2,lat2,lng2"]
        for (a, b) in zip(french, german) { rows.append("\(a),France,,,\(b),Germany,,") }
        rows.append("Ankara,Turkey,,,Bremen,Germany,,")
        rows.append("Izmir,Turkey,,,Hanover,Germany,,")
        for partner in ["Rotterdam,Netherlands", "Dresden,Germany", "Bordeaux,France"] { rows.append("Istanbul,Turkey,,,\(partner),,") }
        return rows.joined(separator: "\n") + "\n"
    }

    static func workspace() async throws -> Workspace {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-world-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\(id).csv").path
        try file.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try await DatasetImport.run(ImportRequest(path: path, format: .wikipediaCSV), into: registry)
        return try await Workspace(registry: registry)
    }
}

@Suite("Comparing subjects side by side")
struct ComparisonUseCaseTests {
    @Test("Iran's cities in the study: 70 relations, fewer partner cities; Tehran beside Isfahan, their kinds tested by Fisher's exact test")
    func study() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Isfahan", "country:IR"]))
        let (tehran, isfahan, iran) = (result.subjects[0], result.subjects[1], result.subjects[2])
        #expect(iran.relations == 70)
        #expect(iran.partnerCities < iran.relations)
        #expect(tehran.relations + isfahan.relations < iran.relations)
        #expect(tehran.partnerCities <= tehran.relations)
        // Every relation falls in one category of each profile.
        for profile in result.profiles {
            for (row, subject) in result.subjects.enumerated() {
                #expect(profile.categories.reduce(0) { $0 + $1.counts[row] } == subject.relations)
            }
        }
        #expect(iran.undated == result.profiles.first { $0.dimension == "decade" }!.categories.first { $0.id == "undated" }!.counts[2])
        let pair = try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Isfahan"]))
        let kinds = try #require(pair.profiles.first { $0.dimension == "kind" })
        #expect(kinds.test.method == .fisherExact)
        let counts = kinds.test.table.counts
        #expect(kinds.test.pValue == FisherExactTest(a: counts[0][0], b: counts[0][1], c: counts[1][0], d: counts[1][1]).twoSided)
        let regions = try #require(pair.profiles.first { $0.dimension == "group" })
        #expect(regions.test.method == .monteCarloChiSquare(draws: 10_000, seed: 2026))
        #expect(pair.subjects[0].central?.rank == 1)
    }

    @Test("Asked for, each subject's best-connected city carries its ranks from the network use case")
    func networkMeasures() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        var request = try ComparisonRequest(subjects: ["Isfahan", "Shiraz"], draws: 100)
        #expect(try await workspace.compare(request).subjects[0].centralRanks.isEmpty)
        request.networkMeasures = true
        let result = try await workspace.compare(request)
        let network = try await workspace.network(NetworkRequest())
        let isfahan = try #require(network.cities.node(ofCity: "iran-2018:isfahan"))
        let ranks = Dictionary(uniqueKeysWithValues: result.subjects[0].centralRanks.map { ($0.measure, $0.rank) })
        #expect(ranks[.betweenness] == network.ranks[.betweenness]?[isfahan])
        #expect(ranks[.pagerank] == network.ranks[.pagerank]?[isfahan])
        #expect(ranks.count == 3)
    }

    @Test("The document names its method and reads in Persian; the JSON and CSV carry every profile")
    func outputs() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "group:study-regions:periphery"], scheme: "study-regions", draws: 500))
        let english = ReportRenderer(format: .md, language: .en).render(result.document)
        #expect(english.contains("Fisher's exact test") || english.contains("Monte-Carlo permutation test"))
        #expect(english.contains("Cramér's V"))
        let persian = ReportRenderer(format: .md, language: .fa).render(result.document)
        #expect(persian.contains("تهران"))
        #expect(LatinInPersian.offendingRuns(in: persian.replacingOccurrences(of: "`", with: " ")).filter { !["iran-2018"].contains($0) }.isEmpty,
                "\(LatinInPersian.offendingRuns(in: persian))")
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(ComparisonView(result))) as? [String: Any]
        #expect((json?["profiles"] as? [Any])?.count == 3)
        let csv = TabulationRenderer(format: .csv, language: .en).render(result.table)
        #expect(csv.hasPrefix("subject,label,dimension,category,relations,share_percent"))
    }

    @Test("Bad subjects, schemes, groups and datasets are errors naming what is wrong")
    func errors() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        for subjects in [["Tehran"], ["Atlantis", "Tehran"], ["Tehran", "group:un-m49:atlantis"], ["Tehran", "group:nope:asia"],
                         ["Tehran", "country:Narnia"], ["Tehran", "Isfahan@missing"], ["Tehran", "group:un-m49"], ["Tehran", "cities:"]] {
            await #expect(throws: ApplicationError.self, "\(subjects)") {
                try await workspace.compare(try ComparisonRequest(subjects: subjects))
            }
        }
        await #expect(throws: ApplicationError.self) { try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Isfahan"], datasets: ["missing"])) }
        await #expect(throws: ApplicationError.self) { try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Isfahan"], scheme: "none")) }
        await #expect(throws: ApplicationError.self) { try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Isfahan"], draws: 0)) }
    }

    @Test("Over two datasets a pair listed by both counts once, and each dataset's own count is given")
    func twoDatasets() async throws {
        let workspace = try await WorldFixture.workspace()
        let result = try await workspace.compare(try ComparisonRequest(subjects: ["Istanbul", "country:IR@iran-2018"], datasets: [WorldFixture.id, "iran-2018"]))
        let istanbul = result.subjects[0]
        let study = try #require(result.datasets.firstIndex { $0.id == "iran-2018" })
        let world = try #require(result.datasets.firstIndex { $0.id == WorldFixture.id })
        #expect(istanbul.byDataset[world].relations == 3)
        #expect(istanbul.byDataset[study].relations == 2)
        #expect(istanbul.relations == 5 - istanbul.listedTwice)
        #expect(result.subjects[1].relations == 70)
        #expect(result.subjects[1].datasets == ["iran-2018"])
    }
}

@Suite("Baselines of the study's claims")
struct BaselineUseCaseTests {
    @Test("The world model expects the periphery's share of the reference's ends; 31 of 70 is far above it")
    func world() async throws {
        let workspace = try await WorldFixture.workspace()
        let result = try await workspace.baseline(try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery", draws: 2_000))
        #expect(result.reference.id == WorldFixture.id)
        #expect(result.baseline.observedTotal == 70)
        #expect(result.baseline.observedInGroup == 31)
        #expect(abs(result.baseline.expected.estimate - 5.0 / 30) < 1e-12)
        #expect(result.baseline.pMore < 0.01)
        #expect(result.verdict(favoured: true) == .holds)
        #expect(result.verdict(favoured: false) == .notMoreThanChance)
        let again = try await workspace.baseline(try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery", draws: 2_000))
        #expect(again.baseline == result.baseline)
    }

    @Test("The rewiring model keeps the focus's 70 relations and gives an interval; the same seed, the same figures")
    func rewire() async throws {
        let workspace = try await WorldFixture.workspace()
        let request = try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery", against: WorldFixture.id, model: .rewire, draws: 100, seed: 3)
        let result = try await workspace.baseline(request)
        #expect(result.baseline.observedInGroup == 31)
        #expect(result.baseline.expected.lower <= result.baseline.expected.estimate && result.baseline.expected.estimate <= result.baseline.expected.upper)
        #expect(try await workspace.baseline(request).baseline == result.baseline)
    }

    @Test("Without a reference dataset the baseline says it needs one")
    func needsReference() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        await #expect { try await workspace.baseline(try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery")) } throws: { error in
            (error as? ApplicationError)?.message.contains("reference dataset") == true
        }
        await #expect(throws: ApplicationError.self) {
            try await workspace.baseline(try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "atlantis", against: "iran-2018"))
        }
    }
}

/// Wikipedia's twin-cities list from `../shared/data` beside the package, when it is at hand.
enum SharedWikipediaFile {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/data/wikipedia-twin-cities-2026/twin_cities.csv").path
    }()
    static var present: Bool { FileManager.default.fileExists(atPath: path) }
}

@Suite("The study's comparison and claims on Wikipedia's list, if it is at hand",
       .enabled(if: SharedWikipediaFile.present, "../shared/data is absent; skipped"))
struct WikipediaComparisonTests {
    @Test("Istanbul against Iran's cities in both units; every claim of the study has a verdict in the report and the audit")
    func study() async throws {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        _ = try await DatasetImport.run(ImportRequest(path: SharedWikipediaFile.path, format: .wikipediaCSV, dataset: "wikipedia-2026"), into: registry)
        let workspace = try await Workspace(registry: registry)
        let wikipedia = try await workspace.content(ofDataset: "wikipedia-2026")
        let result = try await workspace.compare(try ComparisonRequest(subjects: ["Istanbul", "country:IR"], datasets: ["wikipedia-2026", "iran-2018"], draws: 1_000))
        // Istanbul's relations in Wikipedia's list alone, counted here from the records.
        let istanbulIDs = Set(wikipedia.cities.filter { $0.name.en == "Istanbul" && $0.country.rawValue == "TR" }.map(\.id))
        let listed = wikipedia.relations.filter { istanbulIDs.contains($0.cityID) != istanbulIDs.contains($0.partnerID) }.count
        let world = try #require(result.datasets.firstIndex { $0.id == "wikipedia-2026" })
        let study = try #require(result.datasets.firstIndex { $0.id == "iran-2018" })
        #expect(result.subjects[0].byDataset[world].relations == listed)
        #expect(result.subjects[1].byDataset[study].relations == 70)
        let report = ReportRenderer(format: .md, language: .en).render(try await workspace.report(ReportRequest()))
        #expect(report.contains("citydip compare \"Istanbul\" country:IR --dataset wikipedia-2026 --dataset iran-2018"))
        let audit = try await workspace.audit(dataset: nil)
        let baselines = audit.findings.filter { $0.id.hasPrefix("baseline.") }
        #expect(baselines.count >= 3)
        #expect(baselines.allSatisfy { $0.status == .match || $0.status == .queried })
        #expect(Set(baselines.map { $0.claim.en }).count == 3)
    }
}
