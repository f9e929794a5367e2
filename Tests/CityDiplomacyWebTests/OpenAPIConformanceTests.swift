import CityDiplomacyCore
import CityDiplomacyStorage
import CityDiplomacyWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OpenAPIKit
import Testing
import Yams

/// The OpenAPI document is held to what the server answers: every documented operation is sent
/// the requests of ``APIProbes``, and each answer must have a status the document lists for the
/// operation, the documented media type, the documented headers, and a body the documented schema
/// accepts; every status the document lists must be provoked; and every route the server serves
/// under `/api/v1` must be in the document.
@Suite("The OpenAPI document says what the server answers")
struct OpenAPIConformanceTests {
    @Test("The document is valid OpenAPI 3.1, read without warnings")
    func documentIsValid() throws {
        let document = try APIDocument.load()
        #expect(document.openAPIVersion.rawValue.hasPrefix("3.1"))
        // strict: OpenAPIKit's reading warnings (attributes of two types in one schema, …) fail too.
        _ = try document.validate(strict: true)
        _ = try document.locallyDereferenced()
    }

    /// OpenAPIKit keeps only the first non-null type of `type: [a, b]`, so a schema with two would
    /// be checked as the first alone; the document must not have one.
    @Test("No schema of the document has two types besides null")
    func noUnionTypes() throws {
        let yaml = try #require(try Yams.load(yaml: try APIDocument.text()))
        var unions: [String] = []
        func walk(_ node: Any, _ path: String) {
            if let mapping = node as? [String: Any] {
                if let types = mapping["type"] as? [String], types.filter({ $0 != "null" }).count > 1 { unions.append("\(path): \(types)") }
                for (key, value) in mapping { walk(value, "\(path)/\(key)") }
            } else if let sequence = node as? [Any] {
                for (index, value) in sequence.enumerated() { walk(value, "\(path)/\(index)") }
            }
        }
        walk(yaml, "#")
        #expect(unions.isEmpty, "\(unions)")
    }

    @Test("Every documented operation has probes in the table, and the table names no other")
    func tableCoversTheDocument() throws {
        let documented = Set(try APIDocument.operations())
        let probed = Set(APIProbes.table.keys)
        #expect(!documented.isEmpty)
        #expect(documented.subtracting(probed).sorted() == [], "documented operations without probes")
        #expect(probed.subtracting(documented).sorted() == [], "probes of operations the document does not have")
        #expect(APIProbes.table.values.allSatisfy { !$0.isEmpty })
    }

    @Test("The server serves the document it is checked against")
    func servedDocumentIsTheFile() async throws {
        let file = try APIDocument.text()
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: APIDocument.base + "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == file)
            }
        }
    }

    @Test("Every operation answers as documented: status, media type, headers and schema", arguments: try APIDocument.operations())
    func operationConforms(_ operation: APIDocument.Operation) async throws {
        // With an imported dataset too, so that its quality report is answered and checked.
        let registry = try await ObservatoryFixture.registryWithImport(editableStudy: true)
        try await ObservatoryFixture.storeBundledSample(into: registry)
        try await ObservatoryFixture.storeCodingsForProbes(into: registry)
        try await ObservatoryFixture.withClient(writeTokens: SeededRecords.tokens, registry: registry) { client in
            let document = try APIDocument.load()
            let endpoint = try #require(try document.locallyDereferenced().resolved().endpoints.first {
                APIDocument.Operation(method: $0.method.rawValue.uppercased(), path: $0.path.rawValue) == operation
            })
            let probes = try #require(APIProbes.table[operation], "no probes for \(operation): add them to APIProbes.table")
            let checker = JSONSchemaChecker(components: document.components)
            let method = try #require(HTTPRequest.Method(operation.method))
            let records = try await SeededRecords.discover(client)
            var provoked: Set<Int> = []
            for probe in probes {
                let request = try probe.request(records)
                let uri = try Self.uri(operation, endpoint, request)
                var headers: HTTPFields = [:]
                if request.authorised { headers[.authorization] = "Bearer \(SeededRecords.token)" }
                if request.body != nil { headers[.contentType] = request.contentType }
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: request.body)
                let label = "\(operation.method) \(uri) (\(probe.purpose))"
                #expect(response.status == probe.status, "\(label): \(String(buffer: response.body).prefix(300))")
                provoked.insert(response.status.code)
                for problem in ResponseConformance.problems(response, endpoint: endpoint, checker: checker) {
                    Issue.record("\(label) answered \(response.status.code): \(problem)")
                }
            }
            let documented = Set(endpoint.responses.keys.compactMap { Int($0.rawValue) })
            #expect(documented.subtracting(provoked).sorted() == [], "statuses the document lists for \(operation) that no probe provoked")
        }
    }

    @Test("A method the document does not list for an address is a 405 whose Allow is the document's methods (and HEAD with GET)")
    func undocumentedMethodsAre405() async throws {
        let byPath = Dictionary(grouping: try APIDocument.operations(), by: \.path)
        try await ObservatoryFixture.withClient { client in
            for (path, operations) in byPath.sorted(by: { $0.key < $1.key }) {
                var methods = Set(operations.map(\.method))
                if methods.contains("GET") { methods.insert("HEAD") }
                let other = try #require(["PATCH", "DELETE", "PUT", "POST"].first { !methods.contains($0) }, "\(path)")
                let uri = APIDocument.base + path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "1", options: .regularExpression)
                try await client.execute(uri: uri, method: try #require(HTTPRequest.Method(other)), headers: [.contentType: "application/json"]) { response in
                    #expect(response.status == .methodNotAllowed, "\(other) \(path)")
                    #expect(response.headers[.allow] == methods.sorted().joined(separator: ", "), "\(other) \(path)")
                }
            }
        }
    }

    @Test("Every route the server serves under /api/v1 is documented, and every documented route is served")
    func documentCoversServedRoutes() async throws {
        let documented = Set(try APIDocument.operations())
        let registry = try await ObservatoryFixture.registry()
        let app = try await buildApplication(WebConfiguration(cacheLifetime: 0), registry: registry)
        let served = Set(ServedRoutes.list(in: app).compactMap { route -> APIDocument.Operation? in
            // HEAD is answered by Hummingbird for every GET; the document lists the GET.
            guard route.path.hasPrefix(APIDocument.base + "/"), route.method != "HEAD" else { return nil }
            return APIDocument.Operation(method: route.method, path: String(route.path.dropFirst(APIDocument.base.count)))
        })
        try #require(!served.isEmpty, "no routes found in the application: has Hummingbird's RouterResponder changed shape? (see ServedRoutes)")
        #expect(served.subtracting(documented).sorted() == [], "routes the server serves that the document does not describe")
        #expect(documented.subtracting(served).sorted() == [], "documented operations the server does not serve")

        // The same, asked of the server: each served route answers something other than the
        // "no such address" 404 of a path no route knows, and such a path answers that 404.
        try await app.test(.router) { client in
            for operation in served.sorted() {
                let uri = APIDocument.base + operation.path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "1", options: .regularExpression)
                try await client.execute(uri: uri, method: try #require(HTTPRequest.Method(operation.method))) { response in
                    #expect(!String(buffer: response.body).contains("no such address"), "\(operation)")
                }
            }
            try await client.execute(uri: APIDocument.base + "/no-such-resource", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("no such address"))
            }
        }
    }

    /// What may stay unescaped in one path segment: ids such as `iran-2018:tehran/los-angeles/sister_city` hold slashes.
    static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

    /// The request's address: the operation's path with each `{name}` from the probe, else from the
    /// document's example of that parameter; then the probe's query.
    static func uri(_ operation: APIDocument.Operation, _ endpoint: ResolvedEndpoint, _ request: ProbeRequest) throws -> String {
        var path = operation.path
        for parameter in endpoint.parameters where parameter.context.location == .path {
            let example = parameter.underlyingParameter.schemaOrContent.a?.example.map { "\($0.value)" }
            let value = try #require(request.parameters[parameter.name] ?? example,
                                     "no value for {\(parameter.name)} of \(operation): give the parameter an example in the document, or the probe a value")
            path = path.replacingOccurrences(of: "{\(parameter.name)}", with: value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? value)
        }
        try #require(!path.contains("{"), "\(operation): a path parameter the document does not declare")
        return APIDocument.base + path + (request.query.map { "?\($0)" } ?? "")
    }
}

/// What is wrong with one answer, held to its documented operation.
enum ResponseConformance {
    static func problems(_ response: TestResponse, endpoint: ResolvedEndpoint, checker: JSONSchemaChecker) -> [String] {
        let code = response.status.code
        let documented = endpoint.responses.first { Int($0.key.rawValue) == code }?.value
            ?? endpoint.responses.first { $0.key.rawValue.uppercased() == "\(code / 100)XX" }?.value
            ?? endpoint.responses.first { $0.key.rawValue == "default" }?.value
        guard let documented else {
            return ["status \(code) is not one the document lists (\(endpoint.responses.keys.map(\.rawValue).joined(separator: ", ")))"]
        }
        var problems: [String] = []
        for (name, header) in documented.headers ?? [:] where header.underlyingHeader.required {
            if response.headers[HTTPField.Name(name)!] == nil { problems.append("header \(name) is documented as required and missing") }
        }
        let body = Data(buffer: response.body)
        guard !documented.content.isEmpty else {
            if !body.isEmpty { problems.append("a body where the document lists no content: \(String(decoding: body.prefix(200), as: UTF8.self))") }
            return problems
        }
        let contentType = response.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let content = documented.content.first(where: { $0.key.typeAndSubtype.lowercased() == mediaType })?.value else {
            return problems + ["Content-Type '\(contentType)' is not a documented media type (\(documented.content.keys.map(\.rawValue).joined(separator: ", ")))"]
        }
        guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
            if body.isEmpty { problems.append("an empty \(mediaType) body") }
            return problems
        }
        guard let schema = content.underlyingContent.schema else {
            return problems + ["the document gives \(mediaType) no schema, so the body cannot be checked"]
        }
        let value: JSONInstance
        do {
            value = try JSONInstance(parsing: body)
        } catch {
            return problems + ["the body is not JSON: \(error)"]
        }
        return problems + checker.violations(of: value, against: schema).map(\.description)
    }
}

/// The routes an application built by ``buildApplication(_:registry:logger:)`` serves, read from the
/// application itself.
///
/// Hummingbird lists a `Router`'s routes (`Router.routes`), but `buildApplication` keeps its
/// router inside and returns `some ApplicationProtocol`, whose responder's route table
/// (`RouterResponder.trie`, holding `EndpointResponders` with a `path` and a `methods` by
/// method) is internal. It is read here by reflection, which sees exactly the routes the server
/// answers — registered by whichever controller — and no copy of their registration. Should
/// Hummingbird change that layout, the list comes back empty and the test says so rather than
/// passing.
enum ServedRoutes {
    struct Route: Hashable { var method: String; var path: String }

    static func list(in application: some ApplicationProtocol) -> [Route] {
        var routes: [Route] = []
        let responder = Mirror(reflecting: application).children.first { $0.label == "responder" }?.value ?? application
        collect(responder, depth: 0, into: &routes)
        return routes
    }

    private static func collect(_ value: Any, depth: Int, into routes: inout [Route]) {
        guard depth < 12 else { return }
        let mirror = Mirror(reflecting: value)
        let children = Dictionary(mirror.children.compactMap { child in child.label.map { ($0, child.value) } }, uniquingKeysWith: { first, _ in first })
        if let path = children["path"] as? RouterPath, let methods = children["methods"] {
            for entry in Mirror(reflecting: methods).children {
                let pair = Mirror(reflecting: entry.value).children.map(\.value)
                if let method = pair.first as? HTTPRequest.Method { routes.append(Route(method: method.rawValue, path: path.description)) }
            }
            return
        }
        for child in mirror.children where !(child.value is String) && !(child.value is Substring) {
            collect(child.value, depth: depth + 1, into: &routes)
        }
    }
}
