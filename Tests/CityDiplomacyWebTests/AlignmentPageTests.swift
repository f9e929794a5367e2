import CityDiplomacyApplication
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CityDiplomacyWeb

@Suite("Alignment with priorities posted to the page and the API")
struct AlignmentPageTests {
    static let exampleFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/priorities-iran.yaml").standardized
    static var example: String { get throws { try String(contentsOf: exampleFile, encoding: .utf8) } }
    static let yaml: HTTPFields = [.contentType: "application/x-yaml"]
    /// The world Iran's partners are measured against: every relation of the study has an Iranian
    /// end, so the study alone leaves none.
    static let world = ImportedDatasetFixture.id

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.0)=\(PageContext.encode($0.1))" }.joined(separator: "&"))
    }

    @Test("The bundled example is the one in examples/")
    func bundledExample() throws {
        #expect(try Observatory.examplePriorities("iran") == Self.example)
        #expect(throws: WebError.self) { try Observatory.examplePriorities("../../etc/passwd") }
    }

    @Test("POSTing the example answers the figures `citydip alignment --priorities examples/priorities-iran.yaml` gives for the same seed")
    func sameFiguresAsTheCLI() async throws {
        let registry = try await ObservatoryFixture.registryWithImport()
        let observatory = try await Observatory(registry: registry, configuration: WebConfiguration(cacheLifetime: 0))
        let cli = try await observatory.workspace.alignment(AlignmentRequest(prioritiesFile: Self.exampleFile.path, focus: "country:IR", against: [Self.world],
                                                                             draws: 200, seed: 7))
        let expected = try PeersPageTests.canonical(JSONEncoder().encode(cli.view))
        let observed = String(format: "%.1f", cli.overall.observed * 100)
        #expect(cli.overall.relations > 0)
        let text = try Self.example
        try await ObservatoryFixture.withClient(registry: registry) { client in
            try await client.execute(uri: "/api/v1/alignment?focus=country:IR&against=\(Self.world)&draws=200&seed=7", method: .post, headers: Self.yaml, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                let body = try PeersPageTests.canonical(Data(response.text.utf8))
                #expect(body == expected)
            }
            try await client.execute(uri: "/alignment", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: Self.form([("focus", "country:IR"), ("against", Self.world), ("draws", "200"), ("seed", "7"), ("priorities", text)])) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                let html = response.text
                #expect(html.contains("How the partners of Iran"))
                #expect(html.contains(observed))
                #expect(html.contains("(posted as text)"), "the priorities are named as posted, not by a file name")
            }
        }
    }

    @Test("Without against, the study alone leaves no world: the largest imported dataset is taken where there is one, else a 400 naming against")
    func defaultWorld() async throws {
        let text = try Self.example
        try await ObservatoryFixture.withClient(registry: try await ObservatoryFixture.registryWithImport()) { client in
            try await client.execute(uri: "/api/v1/alignment?focus=country:IR&draws=20", method: .post, headers: Self.yaml, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
                let body = try #require(try response.json() as? [String: Any])
                #expect(body["against"] as? [String] == [Self.world])
                #expect(body["datasets"] as? [String] == ["iran-2018"])
            }
        }
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/alignment?focus=country:IR&draws=20", method: .post, headers: Self.yaml, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .badRequest)
                let body = try response.json() as? [String: Any]
                #expect(body?["field"] as? String == "against")
            }
        }
    }

    @Test("The form is filled with the example on request and linked from Iran's page")
    func form() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/alignment?example=iran&focus=country:IR", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<textarea name=\"priorities\""))
                #expect(response.text.contains("id: iran-neighbours-islam-east"))
                #expect(response.text.contains("method=\"post\""))
            }
            try await client.execute(uri: "/alignment?example=../../etc/passwd", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/countries/IR", method: .get) { response in
                #expect(response.text.contains("href=\"/alignment?focus=country%3AIR&amp;example=iran\""))
            }
        }
    }

    @Test("The Persian page writes its figures in Persian digits")
    func persian() async throws {
        let text = try Self.example
        try await ObservatoryFixture.withClient(registry: try await ObservatoryFixture.registryWithImport()) { client in
            try await client.execute(uri: "/alignment?lang=fa", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: Self.form([("focus", "country:IR"), ("against", Self.world), ("draws", "100"), ("priorities", text)])) { response in
                #expect(response.status == .ok)
                let html = response.text
                let start = try #require(html.range(of: "<section>")).lowerBound
                // The results, up to the page's footer (whose licence, CC BY 4.0, is a name).
                let end = html.range(of: "<footer", range: start..<html.endIndex)?.lowerBound ?? html.endIndex
                let results = String(html[start..<end])
                #expect(results.contains("\u{06F0}") || results.contains("\u{06F1}") || results.contains("\u{06F2}"))
                let shown = results.replacing(/<code>[^<]*<\/code>/, with: "").replacing(/<[^>]*>/, with: "")
                #expect(!shown.contains(where: { $0.isASCII && $0.isNumber }), "\(shown)")
            }
        }
    }

    @Test("A malformed body is 400 naming the line and field, a large one 413, an unknown focus 400, a bad draws 400")
    func errors() async throws {
        let text = try Self.example
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("weight: 2") }) + 1
        let malformed = text.replacingOccurrences(of: "weight: 2", with: "weight: heavy")
        try await ObservatoryFixture.withClient(cacheLifetime: 60, registry: try await ObservatoryFixture.registryWithImport()) { client in
            // With the cache on: a first good answer must not be given for a second, bad body.
            try await client.execute(uri: "/api/v1/alignment?focus=country:IR&against=\(Self.world)&draws=50", method: .post, headers: Self.yaml, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/alignment?focus=country:IR&against=\(Self.world)&draws=50", method: .post, headers: Self.yaml, body: ByteBuffer(string: malformed)) { response in
                #expect(response.status == .badRequest)
                let body = try #require(try response.json() as? [String: Any])
                #expect(body["field"] as? String == "priorities")
                let message = try #require(body["error"] as? String ?? body["message"] as? String)
                #expect(message.contains("priorities:\(line)"), "\(message)")
                #expect(message.contains("weight"), "\(message)")
                #expect(!message.contains("/"), "no path: \(message)")
            }
            try await client.execute(uri: "/api/v1/alignment?focus=country:IR", method: .post, headers: Self.yaml,
                                     body: ByteBuffer(repeating: UInt8(ascii: "#"), count: 70 * 1024)) { response in
                #expect(response.status == .contentTooLarge)
            }
            for (query, field, status) in [("focus=country:XX", "focus", HTTPResponse.Status.notFound), ("focus=Narnia", "focus", .notFound),
                                           ("", "focus", .badRequest), ("focus=IR&draws=0", "draws", .badRequest),
                                           ("focus=IR&draws=1001", "draws", .badRequest), ("focus=IR&seed=-1", "seed", .badRequest),
                                           ("focus=IR&against=nowhere", "against", .notFound), ("focus=IR&dataset=nowhere", "dataset", .notFound)] {
                try await client.execute(uri: "/api/v1/alignment?\(query)", method: .post, headers: Self.yaml, body: ByteBuffer(string: text)) { response in
                    #expect(response.status == status, "\(query)")
                    let body = try response.json() as? [String: Any]
                    #expect(body?["field"] as? String == field, "\(query)")
                }
            }
            for type in ["application/json", "text/yaml; charset=utf-16", nil] as [String?] {
                let headers: HTTPFields = type.map { [.contentType: $0] } ?? [:]
                try await client.execute(uri: "/api/v1/alignment?focus=IR", method: .post, headers: headers, body: ByteBuffer(string: text)) { response in
                    #expect(response.status == .unsupportedMediaType, "\(type ?? "no Content-Type")")
                }
            }
            // Bytes that are not UTF-8 are named as such, not read as replacement characters.
            try await client.execute(uri: "/api/v1/alignment?focus=IR", method: .post, headers: Self.yaml, body: ByteBuffer(bytes: Array(text.utf8.prefix(40)) + [0xFF, 0xFE])) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("UTF-8"), "\(response.text)")
            }
            try await client.execute(uri: "/alignment", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: Self.form([("focus", "country:IR"), ("priorities", malformed)])) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.cacheControl] == "no-store")
                // The form comes back with the error and the text pasted into it, nothing lost.
                #expect(response.text.contains("<p class=\"error\" role=\"alert\">priorities: "))
                #expect(response.text.contains("priorities:\(line)"))
                #expect(response.text.contains("weight: heavy"))
                #expect(response.text.contains("<textarea name=\"priorities\""))
            }
            try await client.execute(uri: "/alignment", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 300 * 1024)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}
