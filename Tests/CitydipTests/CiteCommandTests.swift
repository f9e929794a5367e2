import CityDiplomacyApplication
import CityDiplomacyWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite("citydip cite, datasets --dataset and audit --status and --kind: what the pages offer, on the command line")
struct CiteCommandTests {
    @Test("cite writes the study, the dataset and a source exactly as the observatory serves their files")
    func citeMatchesTheWeb() async throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        try #require(try citydip.run(["datasets"]).status == 0)
        let opened = try await RegistryOpening.open(.sqlite(path: citydip.database.path), seed: false)
        let app = try await buildApplication(WebConfiguration(cacheLifetime: 0), registry: opened.registry)
        let cases: [(options: [String], path: String)] = [
            (["--study"], "/study/cite.bib"),
            (["--study", "--dataset", "iran-2018", "--format", "ris"], "/study/cite.ris?dataset=iran-2018"),
            (["--dataset", "iran-2018", "--format", "csl-json"], "/datasets/iran-2018/cite.json"),
            (["--source", "iran-2018:t1-tehran-fn2", "--format", "ris"], "/sources/iran-2018:t1-tehran-fn2/cite.ris"),
        ]
        try await app.test(.router) { client in
            for (options, path) in cases {
                let printed = try citydip.run(["cite"] + options)
                #expect(printed.status == 0, "\(printed.stderr)")
                let served = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
                #expect(printed.stdout == served, "citydip cite \(options.joined(separator: " ")) against \(path)")
            }
        }
    }

    @Test("cite --format reference writes the reference for people in English or Persian")
    func reference() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let english = try citydip.run(["cite", "--study", "--format", "reference"])
        #expect(english.stdout.hasPrefix("Dehshiri, Mohammad-Reza and Mostafa Khorrami (2018). "))
        let persian = try citydip.run(["cite", "--study", "--format", "reference", "--lang", "fa"])
        #expect(persian.stdout.contains("(۱۳۹۷)"))
        let dataset = try citydip.run(["cite", "--dataset", "iran-2018", "--format", "reference", "--lang", "fa"])
        #expect(dataset.stdout.contains("CC BY 4.0"))
    }

    @Test("cite says what it needs: something to cite, one thing at a time, a source or dataset that exists", arguments: [
        (["cite"], "say what to cite"),
        (["cite", "--source", "iran-2018:t1-tehran-fn2", "--study"], "--source cites one source"),
        (["cite", "--source", "nowhere"], "unknown source 'nowhere'"),
        (["cite", "--dataset", "nowhere"], "unknown dataset 'nowhere'"),
        (["cite", "--study", "--format", "word"], "word"),
    ])
    func errors(arguments: [String], message: String) throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("datasets --dataset describes one dataset: Markdown in either language, JSON as the API's")
    func about() async throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let markdown = try citydip.run(["datasets", "--dataset", "iran-2018"])
        #expect(markdown.stdout.hasPrefix("## About the data: `iran-2018`\n"))
        #expect(markdown.stdout.contains("| Licence | `CC BY 4.0` |"))
        #expect(markdown.stdout.contains("| Relations | 70 |"))
        let persian = try citydip.run(["datasets", "--dataset", "iran-2018", "--lang", "fa"])
        #expect(persian.stdout.contains("| روابط | ۷۰ |"))
        let json = try citydip.run(["datasets", "--dataset", "iran-2018", "--format", "json"])
        let opened = try await RegistryOpening.open(.sqlite(path: citydip.database.path), seed: false)
        let app = try await buildApplication(WebConfiguration(cacheLifetime: 0), registry: opened.registry)
        try await app.test(.router) { client in
            let served = try await client.execute(uri: "/api/v1/datasets/iran-2018", method: .get) { String(buffer: $0.body) }
            // The API writes compact JSON, the CLI pretty: the same value.
            let a = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? NSDictionary
            let b = try JSONSerialization.jsonObject(with: Data(served.utf8)) as? NSDictionary
            #expect(a != nil && a == b)
        }
        let csv = try citydip.run(["datasets", "--dataset", "iran-2018", "--format", "csv"])
        #expect(csv.status != 0)
    }

    @Test("An imported dataset is cited with the licence given at its import, and its method from the import")
    func importedLicence() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("twins.csv").path
        try QualityCommandTests.file.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try citydip.run(["import", path, "--format", "wikipedia-csv", "--licence", "CC BY-SA 4.0"])
        try #require(imported.status == 0, "\(imported.stderr)")
        let about = try citydip.run(["datasets", "--dataset", "twins", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(about.stdout.utf8)) as? [String: Any])
        #expect(object["licence"] as? String == "CC BY-SA 4.0")
        #expect((object["method"] as? [String: Any])?["en"] as? String == "Imported with citydip import from a wikipedia-csv file: each place resolved offline against the bundled GeoNames gazetteer, each pair of cities once with the rows it was read from.")
        #expect(object["study"] as? Bool == false)
        let ris = try citydip.run(["cite", "--dataset", "twins", "--format", "ris"])
        #expect(ris.stdout.contains("\nN1  - Licence: CC BY-SA 4.0.\n"))
        let study = try citydip.run(["cite", "--study", "--dataset", "twins"])
        #expect(study.status != 0)
        #expect(study.stderr.contains("transcribes no published study"))
    }

    @Test("audit --status lists one status's findings, as the page's filter does")
    func auditStatus() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let json = try citydip.run(["audit", "--format", "json", "--status", "mismatch"])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let all = try citydip.run(["audit", "--format", "json"])
        let every = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        // Exactly the mismatches of the whole audit, in the same order.
        #expect(!findings.isEmpty)
        #expect(findings.compactMap { $0["id"] as? String } == every.filter { $0["status"] as? String == "mismatch" }.compactMap { $0["id"] as? String })
        #expect(every.prefix(2).allSatisfy { $0["status"] as? String == "mismatch" })
        #expect(every.last?["status"] as? String == "match")
        let wrong = try citydip.run(["audit", "--status", "sometimes"])
        #expect(wrong.status != 0)
        let contradicted = try citydip.run(["audit", "--format", "json", "--status", "contradicted"])
        #expect(contradicted.status == 0)
        let none = try #require(try JSONSerialization.jsonObject(with: Data(contradicted.stdout.utf8)) as? [[String: Any]])
        #expect(none.allSatisfy { $0["status"] as? String == "contradicted" })
    }

    @Test("audit --kind lists one kind's findings; the two kinds make up every finding; an unknown kind is refused")
    func auditKind() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        func findings(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try citydip.run(["audit", "--format", "json"] + arguments)
            #expect(result.status == 0, Comment(rawValue: result.stderr))
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        }
        let all = try findings([])
        #expect(all.allSatisfy { ["independent", "consistency"].contains($0["kind"] as? String) && $0.keys.contains("sentence") })
        let independent = try findings(["--kind", "independent"])
        let consistency = try findings(["--kind", "consistency"])
        #expect(independent.allSatisfy { $0["kind"] as? String == "independent" })
        #expect(consistency.allSatisfy { $0["kind"] as? String == "consistency" })
        #expect(independent.count + consistency.count == all.count)
        // The listing's order is kept within a kind.
        let ids = all.compactMap { $0["id"] as? String }
        #expect(independent.compactMap { $0["id"] as? String } == ids.filter { id in independent.contains { $0["id"] as? String == id } })
        let both = try findings(["--kind", "independent", "--status", "match"])
        #expect(both.allSatisfy { $0["kind"] as? String == "independent" && $0["status"] as? String == "match" })
        let wrong = try citydip.run(["audit", "--kind", "sometimes"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("independent") && wrong.stderr.contains("consistency"))
        // md: the headline first, then the sections in their order.
        let md = try citydip.run(["audit", "--format", "md"])
        let headings = md.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        let order = ["## Mismatches and contradicted claims", "## Queried labels and findings that depend on the classification", "## Not checkable", "## Independent checks that match", "## Consistency checks"]
        #expect(!headings.isEmpty && headings == order.filter(headings.contains))
        #expect(md.stdout.range(of: " independent checks: ")!.lowerBound < md.stdout.range(of: "## ")!.lowerBound)
        #expect(md.stdout.contains("| Citable sentence |"))
    }
}
