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
/// Rotterdam's end (the Netherlands) is in a country the study's regions do not classify, so it
/// is left out of the world's weight as unclassified partners are left out of the observed share:
/// the world model expects 5/29 of a focus's partners in the periphery.
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

    static func workspace(file: String = WorldFixture.file) async throws -> Workspace {
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
        // Every relation with a partner outside the subject falls in one category of each
        // profile; relations between two of its own cities have their own row.
        for profile in result.profiles {
            for (row, subject) in result.subjects.enumerated() {
                #expect(profile.categories.reduce(0) { $0 + $1.counts[row] } == subject.relations - subject.internalRelations)
            }
        }
        // Iran's foreign partner states, counted here from the records: Iran is not one of them.
        let content = try await workspace.content(ofDataset: "iran-2018")
        let countryOf = Dictionary(uniqueKeysWithValues: content.cities.map { ($0.id, $0.country.rawValue) })
        let foreign = Set(content.relations.flatMap { [countryOf[$0.cityID]!, countryOf[$0.partnerID]!] }).subtracting(["IR"])
        #expect(iran.partnerStates == foreign.count)
        let internalPairs = content.relations.filter { countryOf[$0.cityID] == "IR" && countryOf[$0.partnerID] == "IR" && $0.cityID != $0.partnerID }.count
        #expect(iran.internalRelations == internalPairs)
        // Tehran and Isfahan are Iran's cities: nothing is tested, and the document says why.
        #expect(result.sharedCities.map { [$0.0, $0.1] } == [[0, 2], [1, 2]])
        #expect(result.profiles.allSatisfy { $0.test.method == .notTestable })
        let english = ReportRenderer(format: .md, language: .en).render(result.document)
        #expect(english.contains("Not testable: the subjects share cities"))
        #expect(!english.contains("Cramér's V ="))
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

    @Test("A subject given twice is an error naming it")
    func twice() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        await #expect { try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Isfahan", "Tehran"])) } throws: { error in
            let error = error as? ApplicationError
            return error?.field == "subject" && error?.message.contains("'Tehran': it is given twice") == true
        }
    }

    @Test("A p-value below 0.0001 is written as such, in both languages, never as 0.0000")
    func tinyPValues() {
        let test = ProfileDifference(ContingencyTable([[60, 0], [0, 60]]), draws: 100, seed: 1)
        #expect(test.method == .fisherExact && test.pValue < 1e-10)
        #expect(test.sentence.en.contains("p < 0.0001;"), "\(test.sentence.en)")
        #expect(!test.sentence.en.contains("0.0000"))
        let persian = OutputStyle(language: .fa).text(test.sentence)
        #expect(persian.contains("مقدار احتمال کمتر از ۰٫۰۰۰۱"), "\(persian)")
        #expect(NetworkResult.pRelationText(0.0321).en == "= 0.0321")
        #expect(NetworkResult.pValueText(0.00005).en == "< 0.0001")
    }

    @Test("A name of places in different countries is an error listing them; one place in two datasets is one subject")
    func ambiguousNames() async throws {
        let file = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nCórdoba,Spain,,,Paris,France,,\nCórdoba,Argentina,,,Lyon,France,,\nTehran,Iran,,,Lyon,France,,\n"
        let workspace = try await WorldFixture.workspace(file: file)
        await #expect { try await workspace.compare(try ComparisonRequest(subjects: ["Córdoba", "Paris"], datasets: [WorldFixture.id])) } throws: { error in
            let message = (error as? ApplicationError)?.message ?? ""
            return message.contains("ambiguous city 'Córdoba'") && message.contains("(ES, id ") && message.contains("(AR, id ") && message.contains("cities:")
        }
        // Tehran of the study and Tehran of the imported list: one place, one subject.
        let result = try await workspace.compare(try ComparisonRequest(subjects: ["Tehran", "Paris"], datasets: [WorldFixture.id, "iran-2018"], draws: 10))
        #expect(result.subjects[0].datasets.count == 2)
        #expect(result.subjects[0].byDataset.map(\.relations).reduce(0, +) >= 25)
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
        #expect(abs(result.baseline.expected.estimate - 5.0 / 29) < 1e-12)
        #expect(abs(result.unclassifiedReferenceShare - 1.0 / 30) < 1e-12)
        #expect(result.notes.contains { $0.en.contains("3.3% of the weight of the world") })
        #expect(result.baseline.pMore < 0.01)
        #expect(result.verdict(favoured: true) == .holds)
        // A claim that the share is low fails as "not less than chance", never "not more".
        #expect(result.verdict(favoured: false) == .notLessThanChance)
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

    @Test("A partner in a country the scheme does not classify is left out of the observed share as of the expected one")
    func unclassifiedLeftOutOfBoth() async throws {
        let workspace = try await WorldFixture.workspace()
        // Istanbul's partners in the world sample: Rotterdam (NL, unclassified by the study's
        // regions), Dresden (DE) and Bordeaux (FR), none in the periphery.
        let result = try await workspace.baseline(try BaselineRequest(focus: "Istanbul", scheme: "study-regions", group: "periphery",
                                                                      dataset: WorldFixture.id, against: WorldFixture.id, draws: 100))
        #expect(result.unclassifiedPartners == 1)
        #expect(result.baseline.observedTotal == 2)
        #expect(result.baseline.observedInGroup == 0)
        // The world without Turkey's pairs (the focus's country): 20 French–German ends, none in the periphery.
        #expect(result.baseline.expected.estimate == 0)
    }

    @Test("A focus naming its dataset with @ and a different dataset is a conflict, not a silent choice")
    func focusDatasetConflict() async throws {
        let workspace = try await WorldFixture.workspace()
        await #expect { try await workspace.baseline(try BaselineRequest(focus: "country:IR@iran-2018", scheme: "study-regions", group: "periphery",
                                                                          dataset: WorldFixture.id, draws: 10)) } throws: { error in
            (error as? ApplicationError)?.field == "focus"
        }
    }

    @Test("The audit's computed verdict is a code with a label in each language; a failed 'West last' claim is 'no lower than chance'")
    func auditVerdicts() async throws {
        let workspace = try await WorldFixture.workspace()
        let checks = try await workspace.studyBaselines(dataset: "iran-2018")
        #expect(checks.checks.filter { !$0.claim.favoured }.allSatisfy { $0.verdict != .notMoreThanChance })
        let audit = try await workspace.audit(dataset: nil)
        let findings = audit.findings.filter { $0.id.hasPrefix("baseline.") }
        #expect(!findings.isEmpty)
        for finding in findings {
            guard case let .term(term) = finding.computed else {
                Issue.record("\(finding.id): \(finding.computed)")
                continue
            }
            #expect(["holds-against-baseline", "not-more-than-chance", "not-less-than-chance"].contains(term.code))
            let persian = term.label[.fa]
            #expect(!persian.isEmpty && LatinInPersian.offendingRuns(in: persian).isEmpty, "\(persian)")
        }
    }

    @Test("An unknown reference dataset is an error about against, not dataset")
    func unknownAgainst() async throws {
        let workspace = try await WorldFixture.workspace()
        await #expect { try await workspace.baseline(try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery", against: "nowhere")) } throws: { error in
            (error as? ApplicationError)?.field == "against"
        }
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
        #expect(Set(baselines.map { $0.claim.en }).count == 3)
        // The periphery's expected share, computed here from Wikipedia's records: the ends of its
        // relations between two countries other than Iran, in countries the study's regions
        // classify, the periphery's share of them.
        let scheme = try #require(workspace.classifications.schemes["study-regions"])
        let countryOf = Dictionary(uniqueKeysWithValues: wikipedia.cities.map { ($0.id, $0.country) })
        var ends = 0, inPeriphery = 0
        for relation in wikipedia.relations {
            let a = countryOf[relation.cityID]!, b = countryOf[relation.partnerID]!
            guard a != b, a.rawValue != "IR", b.rawValue != "IR" else { continue }
            for country in [a, b] {
                guard let category = scheme.category(of: country) else { continue }
                ends += 1
                if category.groupID == "periphery" { inPeriphery += 1 }
            }
        }
        let periphery = try await workspace.baseline(try BaselineRequest(focus: "country:IR", scheme: "study-regions", group: "periphery",
                                                                        dataset: "iran-2018", against: "wikipedia-2026"))
        #expect(periphery.baseline.observedInGroup == 31 && periphery.baseline.observedTotal == 70)
        #expect(abs(periphery.baseline.expected.estimate - Double(inPeriphery) / Double(ends)) < 1e-12)
        // 31 of 70 (44.3%) against about 7.7%: the claim holds, as the audit says.
        #expect(periphery.verdict(favoured: true) == .holds)
        #expect(baselines.first { $0.id == "baseline.periphery.study-regions.periphery" }?.status == .match)
    }
}
