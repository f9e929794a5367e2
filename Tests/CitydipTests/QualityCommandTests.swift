import CityDiplomacyApplication
import CityDiplomacyWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("citydip quality prints the report the API answers")
struct QualityCommandTests {
    static let file = """
        city1,country1,lat1,lng1,city2,country2,lat2,lng2
        Istanbul,Turkey,41.01,28.95,Tabriz,Iran,38.08,46.29
        Istanbul,Turkey,,,Berlin,Germany,,
        Tehran,Iran,,,Seoul,South Korea,,
        Quxbergen Aa,Iran,,,Tehran,Iran,,
        Quxbergen Ab,Iran,,,Tabriz,Iran,,
        Tehran,Iran,,,Tehran,Iran,,

        """

    /// Pretty JSON without the white space between its tokens: what the API sends for the same value.
    static func unindented(_ json: String) -> String {
        var result = "", inString = false, escaped = false
        for character in json {
            if inString {
                result.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
                result.append(character)
            } else if !character.isWhitespace {
                result.append(character)
            }
        }
        return result
    }

    @Test("--report json, whole or by status and page, is what /api/v1/datasets/{id}/quality answers, byte for byte but the indentation")
    func sameJSON() async throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("twins.csv").path
        try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
        let imported = try citydip.run(["import", path, "--format", "wikipedia-csv", "--report", "json"])
        try #require(imported.status == 0, "\(imported.stderr)")

        let opened = try await RegistryOpening.open(.sqlite(path: citydip.database.path), seed: false)
        let app = try await buildApplication(WebConfiguration(cacheLifetime: 0), registry: opened.registry)
        let cases: [(options: [String], query: String)] = [
            (["--limit", "1000"], "limit=1000"),
            (["--status", "unresolved", "--limit", "1", "--offset", "1"], "status=unresolved&limit=1&offset=1"),
            (["--status", "resolved", "--limit", "2"], "status=resolved&limit=2"),
        ]
        try await app.test(.router) { client in
            for (options, query) in cases {
                let printed = try citydip.run(["quality", "--dataset", "twins", "--report", "json"] + options)
                #expect(printed.status == 0, "\(printed.stderr)")
                let answered = try await client.execute(uri: "/api/v1/datasets/twins/quality?\(query)", method: .get) { response in
                    #expect(response.status == .ok)
                    return String(buffer: response.body)
                }
                #expect(Self.unindented(printed.stdout) + "\n" == answered, "\(options)")
            }
        }
        // The import prints the same report, every place listed.
        let whole = try citydip.run(["quality", "--dataset", "twins", "--report", "json"])
        #expect(whole.stdout == imported.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any])
        let places = try #require(object["places"] as? [String: Any])
        #expect(places["offset"] as? Int == 0 && places["limit"] as? Int == places["total"] as? Int)
        #expect((places["items"] as? [Any])?.count == places["total"] as? Int)
    }

    @Test("--status lists the places of that status after the report; bad options and a dataset not imported are one-line errors")
    func markdownAndErrors() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("twins.csv").path
        try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
        try #require(try citydip.run(["import", path, "--format", "wikipedia-csv"]).status == 0)

        let plain = try citydip.run(["quality", "--dataset", "twins"])
        #expect(plain.stdout.contains("# Import quality: twins.csv"))
        #expect(!plain.stdout.contains("## Places"))
        let unresolved = try citydip.run(["quality", "--dataset", "twins", "--status", "unresolved"])
        #expect(unresolved.status == 0)
        #expect(unresolved.stdout.contains("## Places: unresolved (1–"))
        #expect(unresolved.stdout.contains("| Quxbergen Aa | Iran | unresolved |"))

        let badStatus = try citydip.run(["quality", "--dataset", "twins", "--status", "found"])
        #expect(badStatus.status != 0)
        #expect(badStatus.stderr.contains("part-resolved"))
        let badLimit = try citydip.run(["quality", "--dataset", "twins", "--limit", "0"])
        #expect(badLimit.status != 0)
        #expect(badLimit.stderr.contains("--limit"))
        let bundled = try citydip.run(["quality", "--dataset", "iran-2018"])
        #expect(bundled.status == 1)
        #expect(bundled.stderr.contains("Error: dataset 'iran-2018' is bundled with citydip, not imported"))
    }
}
