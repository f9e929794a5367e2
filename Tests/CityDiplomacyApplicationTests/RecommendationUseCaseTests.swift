@testable import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyNetwork
import CityDiplomacyStorage
import Foundation
import Testing

@Suite("Partner recommendation, peers, alignment and the recommender's evaluation as the CLI and the web ask for them")
struct RecommendationUseCaseTests {
    static let examplePriorities = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/priorities-iran.yaml").standardizedFileURL.path

    @Test("Tehran's suggestions are cities it has no relation with, best first, each with its shared partners named in its reason")
    func recommendTehran() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 8))
        #expect(result.city.id == "iran-2018:tehran")
        #expect(result.candidates.count == 8)
        let profile = try await workspace.cityProfile(id: "iran-2018:tehran")
        let partners = Set(profile.profile.relations.map(\.partner.id))
        for candidate in result.candidates {
            #expect(candidate.city.id != result.city.id)
            #expect(!partners.contains(candidate.city.id), "\(candidate.city.id) is already a partner")
            let reason = result.reason(candidate)
            #expect(reason.en.contains(candidate.city.name.en))
            for shared in candidate.sharedPartners.prefix(5) { #expect(reason.en.contains(shared.name.en)) }
            #expect(candidate.sharedPartners.count == candidate.neighbourhood.commonNeighbours)
            #expect(reason.fa?.isEmpty == false)
        }
        #expect(zip(result.candidates, result.candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test("The network of cities and its partner-choice model are built once per datasets and registry revision, not per request")
    func cached() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let first = try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 5))
        _ = try await workspace.recommend(RecommendationRequest(city: "Tabriz", top: 3))
        _ = try await workspace.peers(PeersRequest(city: "Shiraz", top: 3))
        #expect(await workspace.cityNetworks.count == 1)
        #expect(await workspace.partnerChoiceModels.count == 1)
        let again = try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 5))
        #expect(again.candidates.map(\.city.id) == first.candidates.map(\.city.id))
    }

    @Test("Suggestions leave out the city's own country unless asked for, and the notes say which")
    func domestic() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let abroad = try await workspace.recommend(RecommendationRequest(city: "Tabriz", top: 10))
        #expect(abroad.city.country.rawValue == "IR")
        #expect(!abroad.candidates.isEmpty)
        #expect(!abroad.candidates.contains { $0.city.country == abroad.city.country })
        #expect(abroad.notes.contains { $0.en.contains("the city's own country, are not suggested") && $0.fa?.isEmpty == false })
        let all = try await workspace.recommend(RecommendationRequest(city: "Tabriz", top: 10, includeDomestic: true))
        #expect(all.candidates.contains { $0.city.country == all.city.country })
        #expect(all.notes.contains { $0.en.contains("may be suggested as well") })
    }

    @Test("Where priorities cannot lift a prioritised country (an expected share of 0), the notes say so, not that every city is a partner or excluded")
    func unreachablePriorities() async throws {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-unreachable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pairs-sample.csv").path
        // French cities partner German ones only; Japan (in the example's East) is in the network but no French city's habit.
        try "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nLille,France,,,Bremen,Germany,,\nLyon,France,,,Hamburg,Germany,,\nOsaka,Japan,,,Recife,Brazil,,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        _ = try await DatasetImport.run(ImportRequest(path: path, format: .wikipediaCSV), into: registry)
        let workspace = try await Workspace(registry: registry)
        let lille = try await workspace.recommend(RecommendationRequest(city: "Lille", datasets: ["pairs-sample"], prioritiesFile: Self.examplePriorities))
        #expect(!lille.candidates.contains { $0.city.country.rawValue == "JP" })
        #expect(lille.notes.contains { $0.en.hasPrefix("The priorities cannot bring forward cities of Japan") && $0.fa?.isEmpty == false })
        let none = try await workspace.recommend(RecommendationRequest(city: "Lille", datasets: ["pairs-sample"], prioritiesFile: Self.examplePriorities,
                                                                       excludeCountries: ["DE"]))
        #expect(none.candidates.isEmpty)
        #expect(none.notes.contains { $0.en.hasPrefix("No city can be suggested: the cities left share no partner with Lille") })
        #expect(!none.notes.contains { $0.en.contains("already a partner") })
    }

    @Test("A country share that rounds to 0.0% is said to be under 0.1%, in both languages")
    func smallShares() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        // Iran's own cities included: Tehran's partners are foreign, so Iran's share of them is tiny.
        let result = try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 100, includeDomestic: true))
        let small = result.candidates.filter { $0.countryAffinity * 100 < 0.05 }
        #expect(!small.isEmpty)
        for candidate in result.candidates {
            let reason = result.reason(candidate)
            #expect(!reason.en.contains(" 0.0% ") && !reason.en.hasPrefix("0.0%") && !reason.en.contains("; 0.0%"), "\(reason.en)")
            if candidate.countryAffinity * 100 < 0.05 {
                #expect(reason.en.contains("under 0.1% of the partners expected of"))
                #expect(reason.fa?.contains("کمتر از") == true)
            }
        }
    }

    @Test("Excluded countries are never suggested; priorities lift their groups' cities and are named in the reasons")
    func excludeAndPriorities() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let plain = try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 20))
        let countries = Set(plain.candidates.map(\.city.country.rawValue))
        let excludedCode = try #require(plain.candidates.first?.city.country.rawValue)
        let excluded = try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 20, excludeCountries: [excludedCode]))
        #expect(!excluded.candidates.contains { $0.city.country.rawValue == excludedCode })
        // Other cities take the excluded country's places, and Tehran's own country is left out by default.
        #expect(excluded.candidates.count == 20)
        #expect(countries.count >= 2)
        #expect(!countries.contains("IR"))
        let prioritised = try await workspace.recommend(RecommendationRequest(city: "Tehran", prioritiesFile: Self.examplePriorities, top: 20))
        #expect(prioritised.priorities?.groups.count == 3)
        for candidate in prioritised.candidates {
            let weight = prioritised.priorities!.weight(of: candidate.city.country)
            #expect((candidate.priorityGroup != nil) == (weight > 0))
            if let group = candidate.priorityGroup { #expect(prioritised.reason(candidate).en.contains(group.label.en)) }
        }
        // Lifting the groups' scores can only bring more of their cities into the list.
        let weights = try #require(prioritised.priorities)
        let inGroups = { (r: RecommendationResult) in r.candidates.filter { weights.weight(of: $0.city.country) > 0 }.count }
        #expect(inGroups(prioritised) >= inGroups(plain))
    }

    @Test("Unknown and unconnected cities, bad priorities files and bad limits are errors naming the parameter")
    func errors() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        await #expect { try await workspace.recommend(RecommendationRequest(city: "Atlantis")) } throws: { ($0 as? ApplicationError)?.field == "city" }
        await #expect { try await workspace.recommend(RecommendationRequest(city: "Tehran", top: 0)) } throws: { ($0 as? ApplicationError)?.field == "top" }
        await #expect { try await workspace.recommend(RecommendationRequest(city: "Tehran", excludeCountries: ["Narnia"])) } throws: {
            ($0 as? ApplicationError)?.field == "exclude-country"
        }
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-priorities-\(UUID().uuidString).yaml")
        try "format: citydiplomacy-priorities/1\nid: x\ntitle: {en: X}\npriorities:\n  - {id: a, label: {en: A}, weight: 0, countries: [TR]}\n".write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        await #expect { try await workspace.recommend(RecommendationRequest(city: "Tehran", prioritiesFile: bad.path)) } throws: { error in
            let message = (error as? ApplicationError)?.message ?? ""
            return message.contains(bad.lastPathComponent) && message.contains(":5:") && message.contains("weight")
        }
    }

    @Test("Peers are other cities, most alike first, by a similarity between -1 and 1; a city is most like itself")
    func peers() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.peers(PeersRequest(city: "Tabriz", top: 5))
        #expect(result.peers.count == 5)
        #expect(!result.peers.contains { $0.city.id == result.city.id })
        #expect(result.peers.allSatisfy { (0...1.000001).contains($0.similarity) })
        #expect(zip(result.peers, result.peers.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
        // Where a population is not recorded, size is not compared, and the output says so.
        if result.city.population == nil { #expect(result.comparedWithoutSize == result.compared) }
        #expect(result.peers.allSatisfy { $0.sizeCompared == ($0.city.population != nil && result.city.population != nil) })
        // Every candidate is compared on the same blocks: with the city's population known, those
        // without one are left out and counted, not scored on fewer blocks.
        for name in ["Tabriz", "Tehran", "Shiraz"] {
            let peers = try await workspace.peers(PeersRequest(city: name, top: 100))
            if peers.city.population != nil {
                #expect(peers.comparedWithoutSize == 0)
                #expect(peers.peers.allSatisfy { $0.sizeCompared && $0.city.population != nil })
                #expect(peers.notes.count == (peers.excludedWithoutPopulation > 0 ? 2 : 1))
            } else {
                #expect(peers.excludedWithoutPopulation == 0)
                #expect(peers.peers.allSatisfy { !$0.sizeCompared })
            }
        }
    }

    @Test("Alignment: Iran's cities' partners against a made-up world's shares (hand-computed); shares and p-values in range, reproducible for a seed")
    func alignment() async throws {
        let workspace = try await WorldFixture.workspace()
        let request = AlignmentRequest(prioritiesFile: Self.examplePriorities, focus: "country:IR", against: [WorldFixture.id], draws: 200, seed: 9)
        let result = try await workspace.alignment(request)
        #expect(result.focus.code.rawValue == "IR")
        // The world sample's 30 relation ends: France 11, Germany 13, Netherlands 1, Turkey 5; only
        // Turkey (a neighbour, weight 3 of at most 3) counts, so 5/30 is expected.
        #expect(abs(result.overall.expected - 5.0 / 30) < 1e-12)
        #expect(abs((result.groups.first { $0.group.id == "neighbours" }?.expected ?? -1) - 5.0 / 30) < 1e-12)
        #expect(result.referenceCountries == 4)
        let notes = result.document.sections.flatMap(\.paragraphs)
        #expect(notes.contains { $0.en.hasPrefix("Source of the priorities: Example after Dehshiri") })
        // The example's groups include Iran itself (its scheme places Iran too): the warning shows it.
        #expect(notes.contains { $0.en.contains("includes \(result.focus.name.en) itself") })
        // Turkey is among the example's neighbours: measuring Turkey with it is warned of, in both languages.
        let turkey = try await workspace.alignment(AlignmentRequest(prioritiesFile: Self.examplePriorities, focus: "TR", against: [WorldFixture.id], draws: 50))
        let warning = try #require(turkey.document.sections.flatMap(\.paragraphs).first { $0.en.contains("includes \(turkey.focus.name.en) itself") })
        #expect(warning.fa?.isEmpty == false)
        #expect(result.overall.relations == result.cities.map(\.alignment.relations).reduce(0, +))
        #expect(result.cities.count == 8)
        #expect((0...1).contains(result.overall.observed))
        #expect(result.overall.lower <= result.overall.expected + 0.05 && result.overall.expected - 0.05 <= result.overall.upper)
        #expect((0...1).contains(result.overall.pValue))
        let again = try await workspace.alignment(request)
        #expect(again.overall == result.overall)
        await #expect(throws: ApplicationError.self) { try await workspace.alignment(AlignmentRequest(prioritiesFile: Self.examplePriorities, focus: "country:IR", draws: 0)) }
        await #expect(throws: ApplicationError.self) { try await workspace.alignment(AlignmentRequest(prioritiesFile: "/nonexistent.yaml", focus: "IR")) }
    }

    @Test("Alignment over two datasets counts a place once and a pair of cities once: a second dataset repeating one of Tehran's relations adds nothing")
    func alignmentMergesDatasets() async throws {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-align-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeded = try await Workspace(registry: registry)
        let profile = try await seeded.cityProfile(id: "iran-2018:tehran")
        let partner = try #require(profile.profile.relations.map(\.partner).first { $0.country.rawValue != "IR" })
        let partnerCountry = try #require(seeded.countriesByCode[partner.country]?.name.en)
        // One relation the study already has (Tehran and its partner) and one it has not (Tehran and Lyon).
        let file = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nTehran,Iran,,,\(partner.name.en),\(partnerCountry),,\nTehran,Iran,,,Lyon,France,,\n"
        for (name, text) in [("tehran-again", file), (WorldFixture.id, WorldFixture.file)] {
            let path = folder.appendingPathComponent("\(name).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try await DatasetImport.run(ImportRequest(path: path, format: .wikipediaCSV), into: registry)
        }
        let workspace = try await Workspace(registry: registry)
        let single = try await workspace.alignment(AlignmentRequest(prioritiesFile: Self.examplePriorities, focus: "IR", datasets: ["iran-2018"],
                                                                    against: [WorldFixture.id], draws: 50))
        let both = try await workspace.alignment(AlignmentRequest(prioritiesFile: Self.examplePriorities, focus: "IR", datasets: ["iran-2018", "tehran-again"],
                                                                  against: [WorldFixture.id], draws: 50))
        #expect(both.overall.relations == single.overall.relations + 1)
        #expect(both.cities.count == single.cities.count)
        let tehran = { (r: AlignmentResult) in r.cities.first { $0.city.name.en == "Tehran" }?.alignment.relations ?? -1 }
        #expect(tehran(both) == tehran(single) + 1)
    }

    @Test("Alignment of Iran on the study alone has no world left once Iran's relations are set aside: an error asking for --against")
    func alignmentNeedsReference() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        await #expect { try await workspace.alignment(AlignmentRequest(prioritiesFile: Self.examplePriorities, focus: "country:IR", draws: 50)) } throws: {
            ($0 as? ApplicationError)?.field == "against" && ($0 as? ApplicationError)?.message.contains("reference dataset") == true
        }
    }

    @Test("The evaluation reports every method on the same held-out pairs, random near an AUC of one half")
    func evaluation() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.evaluateRecommender(RecommendationEvaluationRequest(holdout: 0.2, seed: 3, aucSamples: 2_000))
        #expect(result.figures.map(\.method) == LinkPredictionEvaluation.Method.allCases)
        #expect(result.heldOut == Int((0.2 * Double(result.pairs)).rounded()))
        #expect(Set(result.figures.map(\.evaluatedNodes)).count == 1)
        // Every method is evaluated over the cities with a held-out pair: at least one, at most two per pair.
        let evaluated = try #require(result.figures.first?.evaluatedNodes)
        #expect(evaluated > 0 && evaluated <= min(result.nodes, 2 * result.heldOut))
        #expect(result.figures.allSatisfy { (0...1).contains($0.precision) && (0...1).contains($0.recall) && $0.k == 10 })
        let random = try #require(result.figures.first { $0.method == .random })
        #expect(abs(random.auc - 0.5) < 0.1)
        await #expect(throws: ApplicationError.self) { try await workspace.evaluateRecommender(RecommendationEvaluationRequest(holdout: 0.9)) }
        // A share holding out fewer than ten pairs is refused rather than reported as zeros.
        let few = 9.4 / Double(result.pairs)
        #expect(Int((few * Double(result.pairs)).rounded()) < RecommendationEvaluationRequest.minimumHeldOut)
        await #expect { try await workspace.evaluateRecommender(RecommendationEvaluationRequest(holdout: few)) } throws: {
            ($0 as? ApplicationError)?.field == "holdout" && "\($0)".contains("fewer than 10")
        }
    }
}
