import Foundation
import OpenAPIKit
import Testing
import Yams

/// The observatory's OpenAPI document, `Sources/CityDiplomacyWeb/Resources/openapi.yaml`, read
/// with Yams into OpenAPIKit's 3.1 model (the `OpenAPIKit` module; `OpenAPIKit30` reads 3.0).
enum APIDocument {
    /// Where the server serves the document's paths from (its `servers[0].url`).
    static let base = "/api/v1"

    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CityDiplomacyWeb/Resources/openapi.yaml")

    static func text() throws -> String {
        try String(contentsOf: file, encoding: .utf8)
    }

    static func load() throws -> OpenAPI.Document {
        try YAMLDecoder().decode(OpenAPI.Document.self, from: try text())
    }

    /// Every operation of the document, with its references resolved.
    static func endpoints() throws -> [ResolvedEndpoint] {
        try load().locallyDereferenced().resolved().endpoints
    }

    /// Every operation of the document, in its order: what the conformance test runs once each.
    static func operations() throws -> [Operation] {
        try endpoints().map { Operation(method: $0.method.rawValue.uppercased(), path: $0.path.rawValue) }
    }

    /// An operation by its method and path template, as the document and the probe table name it.
    struct Operation: Hashable, Sendable, Comparable, CustomStringConvertible, CustomTestStringConvertible {
        var method: String
        /// Relative to ``APIDocument/base``, with `{name}` for parameters: `/cities/{id}`.
        var path: String

        init(method: String, path: String) {
            self.method = method
            self.path = path
        }

        /// `"GET /cities/{id}"`.
        init(_ spelled: String) {
            let parts = spelled.split(separator: " ", maxSplits: 1).map(String.init)
            self.init(method: parts[0], path: parts.count > 1 ? parts[1] : "")
        }

        var description: String { "\(method) \(path)" }
        var testDescription: String { description }

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.path, lhs.method) < (rhs.path, rhs.method)
        }
    }
}
