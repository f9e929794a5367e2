import Foundation
import Testing

@Suite("citydip recommend, peers and alignment")
struct RecommendCommandTests {
    static let priorities = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/priorities-iran.yaml").standardizedFileURL.path

    @Test("recommend gives JSON with each suggestion's scores and reason, CSV one row each, Persian Markdown in Persian")
    func recommend() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let json = try citydip.run(["recommend", "Tehran", "--top", "4", "--format", "json", "--exclude-country", "TR"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["city"] as? [String: Any])?["id"] as? String == "iran-2018:tehran")
        let list = try #require(object["recommendations"] as? [[String: Any]])
        #expect(list.count == 4)
        for item in list {
            #expect((item["city"] as? [String: Any])?["country_iso2"] as? String != "TR")
            #expect(((item["reason"] as? [String: Any])?["fa"] as? String)?.isEmpty == false)
        }
        let csv = try citydip.run(["recommend", "Tehran", "--top", "3", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 4)
        #expect(csv.stdout.hasPrefix("rank,city_id,city,country_iso2,score,common_neighbours,adamic_adar,resource_allocation,") || csv.stdout.dropFirst().hasPrefix("rank,"))
        let persian = try citydip.run(["recommend", "تهران", "--top", "3", "--lang", "fa", "--priorities", Self.priorities])
        #expect(persian.status == 0, "\(persian.stderr)")
        #expect(persian.stdout.contains("شریکان پیشنهادی برای تهران"))
        #expect(persian.stdout.contains("پیشنهاد می‌شود"))
        #expect(!persian.stdout.contains("Suggested partners"))
        // Without a priorities file (whose file name is named as it is), no English word and no ASCII digit.
        for arguments in [["recommend", "تهران", "--top", "3", "--lang", "fa"], ["recommend", "--evaluate", "--holdout", "0.2", "--auc-samples", "200", "--lang", "fa"],
                          ["peers", "تبریز", "--top", "3", "--lang", "fa", "--scheme", "study-regions"]] {
            let output = try citydip.run(arguments)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(PersianCommandOutputTests.untranslated(in: output.stdout).isEmpty, "\(arguments): \(PersianCommandOutputTests.untranslated(in: output.stdout))")
        }
    }

    @Test("recommend --evaluate reports precision, recall and AUC for the recommender and the baselines")
    func evaluate() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["recommend", "--evaluate", "--holdout", "0.2", "--seed", "5", "--auc-samples", "500", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let methods = try #require(object["methods"] as? [[String: Any]])
        #expect(methods.compactMap { $0["method"] as? String } == ["recommender", "adamic-adar", "resource-allocation", "preferential-attachment", "random"])
        #expect(object["seed"] as? Int == 5)
        let again = try citydip.run(["recommend", "--evaluate", "--holdout", "0.2", "--seed", "5", "--auc-samples", "500", "--format", "json"])
        #expect(again.stdout == result.stdout, "the same seed gives the same figures")
    }

    @Test("peers names its measure; alignment gives a row per city and the overall figures")
    func peersAndAlignment() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let peers = try citydip.run(["peers", "Shiraz", "--top", "3"])
        #expect(peers.status == 0, "\(peers.stderr)")
        #expect(peers.stdout.contains("cosine similarity"))
        // Every relation of the study has an end in Iran: on its own it leaves no world to compare with.
        let alone = try citydip.run(["alignment", "--priorities", Self.priorities, "--focus", "country:IR", "--draws", "100"])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("--against"))
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let world = folder.appendingPathComponent("world-sample.csv").path
        try "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nParis,France,,,Berlin,Germany,,\nAnkara,Turkey,,,Bremen,Germany,,\n"
            .write(toFile: world, atomically: true, encoding: .utf8)
        let imported = try citydip.run(["import", world, "--format", "wikipedia-csv"])
        try #require(imported.status == 0, "\(imported.stderr)")
        let alignment = try citydip.run(["alignment", "--priorities", Self.priorities, "--focus", "country:IR", "--against", "world-sample", "--draws", "100", "--format", "csv"])
        #expect(alignment.status == 0, "\(alignment.stderr)")
        #expect(alignment.stdout.split(separator: "\n").count == 1 + 1 + 8)
        let persian = try citydip.run(["alignment", "--priorities", Self.priorities, "--focus", "IR", "--against", "world-sample", "--draws", "100", "--lang", "fa"])
        #expect(persian.stdout.contains("هم‌سویی"))
    }

    @Test("Errors are one line naming the option or the file and line")
    func errors() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let unknown = try citydip.run(["recommend", "Atlantis"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown city 'Atlantis'"))
        let top = try citydip.run(["recommend", "Tehran", "--top", "0"])
        #expect(top.status == 1)
        #expect(top.stderr.contains("--top"))
        let none = try citydip.run(["recommend"])
        #expect(none.status != 0)
        // Options of the other mode are refused by name, not silently ignored.
        let evaluateTop = try citydip.run(["recommend", "--evaluate", "--top", "5", "--exclude-country", "TR"])
        #expect(evaluateTop.status != 0)
        #expect(evaluateTop.stderr.contains("--evaluate does not read --top, --exclude-country"))
        let plainSeed = try citydip.run(["recommend", "Tehran", "--seed", "3", "--holdout", "0.2"])
        #expect(plainSeed.status != 0)
        #expect(plainSeed.stderr.contains("--holdout, --seed are read only with --evaluate"))
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("p-\(UUID().uuidString).yaml")
        try "format: citydiplomacy-priorities/1\nid: x\ntitle: {en: X}\npriorities:\n  - {id: a, label: {en: A}, weight: 1, countries: [QQ]}\n".write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let file = try citydip.run(["alignment", "--priorities", bad.path, "--focus", "IR"])
        #expect(file.status == 1)
        #expect(file.stderr.contains(bad.lastPathComponent) && file.stderr.contains(":5:") && file.stderr.contains("QQ"))
        #expect(file.stderr.split(separator: "\n").count == 1)
    }

    @Test("A city named in two datasets is ambiguous until --dataset chooses one")
    func ambiguous() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let imported = try PersianCommandOutputTests.importFile(citydip)
        #expect(imported.status == 0, "\(imported.stderr)")
        let ambiguous = try citydip.run(["recommend", "Tabriz"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("ambiguous city 'Tabriz'") && ambiguous.stderr.contains("--dataset"))
        let chosen = try citydip.run(["recommend", "Tabriz", "--dataset", "iran-2018", "--top", "2", "--format", "csv"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let peers = try citydip.run(["peers", "Tabriz"])
        #expect(peers.status == 1)
        #expect(peers.stderr.contains("ambiguous city"))
    }
}
