import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CityDiplomacyWeb

/// What the API promises whatever a client sends: the status that fits and the JSON error body.
@Suite("The API keeps its contract under odd requests: 405 with Allow, HEAD, 415, wrongly typed JSON, 413 with its body")
struct ContractTests {
    static let auth: HTTPFields = [.authorization: "Bearer \(EditingTests.token)", .contentType: "application/json"]

    static func error(_ response: TestResponse) throws -> [String: Any] {
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        return try #require(try response.json() as? [String: Any])
    }

    @Test("A method an address does not take is a 405 naming those it takes in Allow; an unknown address stays a 404")
    func methodNotAllowed() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            try await client.execute(uri: "/api/v1/statistics", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                let error = try Self.error(response)
                #expect(error["error"] as? String != nil)
            }
            try await client.execute(uri: "/api/v1/relations/iran-2018:x", method: .patch) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE, GET, HEAD, PUT")
            }
            try await client.execute(uri: "/sign-out", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            try await client.execute(uri: "/api/v1/no-such", method: .delete) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("HEAD is answered wherever GET is, with no body", arguments: ["/api/v1/statistics", "/", "/api/v1/export/relations.csv?dataset=iran-2018"])
    func head(uri: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: uri, method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("A body that is not JSON by its Content-Type is a 415 naming the header")
    func unsupportedMediaType() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            try await client.execute(uri: "/api/v1/relations", method: .post,
                                     headers: [.authorization: "Bearer \(EditingTests.token)", .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "dataset=iran-2018")) { response in
                #expect(response.status == .unsupportedMediaType)
                let error = try Self.error(response)
                #expect(error["field"] as? String == "Content-Type")
            }
        }
    }

    @Test("A JSON value of the wrong type is a 400 naming its field, not stored as its text",
          arguments: [("year", "true", "events"), ("title_en", "false", "events"), ("kind", "3", "relations")])
    func wrongType(field: String, value: String, collection: String) async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let body = #"{"dataset": "iran-2018", "city": "iran-2018:tabriz", ""# + field + #"": "# + value + "}"
            try await client.execute(uri: "/api/v1/\(collection)", method: .post, headers: Self.auth, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let error = try Self.error(response)
                #expect(error["field"] as? String == field)
            }
        }
    }

    @Test("A body over the limit is a 413 with the JSON error the README promises")
    func tooLarge() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, maxBodySize: 100, editableStudy: true) { client in
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth,
                                     body: try EditingTests.json(["dataset": "iran-2018", "notes": String(repeating: "x", count: 500)])) { response in
                #expect(response.status == .contentTooLarge)
                let error = try Self.error(response)
                #expect(error["field"] as? String == "body")
                #expect((error["error"] as? String)?.contains("100") == true)
            }
        }
    }

    @Test("A bundled dataset is read-only through the API and the forms: 403 naming it and pointing to copy-dataset")
    func bundledIsReadOnly() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            let body = try EditingTests.json(["dataset": "iran-2018", "city": "iran-2018:tehran", "partner": "iran-2018:isfahan", "kind": "friendship"])
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: body) { response in
                #expect(response.status == .forbidden)
                let message = try #require(try Self.error(response)["error"] as? String)
                #expect(message.contains("iran-2018") && message.contains("copy-dataset"))
            }
            var relation = ""
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&limit=1", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                relation = try #require((page["items"] as? [[String: Any]])?.first?["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/relations/\(PageContext.segment(relation))", method: .delete, headers: Self.auth) { response in
                #expect(response.status == .forbidden)
            }
            // A dataset that is not bundled is still written.
            try await client.execute(uri: "/api/v1/sources", method: .post, headers: Self.auth,
                                     body: try EditingTests.json(["dataset": "hostile", "title": "A note"])) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test("The copy form copies a dataset for a signed-in editor, CSRF checked; the copy is editable")
    func copyForm() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            try await client.execute(uri: "/datasets/iran-2018/copy", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            let session = "citydip_session=\(WriteAccess.sessionValue(for: EditingTests.token))"
            let csrf = try #require(WriteAccess(tokens: EditingTests.tokens).csrfToken(
                Request(head: .init(method: .get, scheme: nil, authority: nil, path: "/", headerFields: [.cookie: session]), body: .init(buffer: ByteBuffer()))))
            try await client.execute(uri: "/datasets/iran-2018/copy", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.text.contains("name=\"csrf\" value=\"\(csrf)\""))
            }
            let form: HTTPFields = [.cookie: session, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/datasets/iran-2018/copy", method: .post, headers: form, body: ByteBuffer(string: "new_id=mine")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/datasets/iran-2018/copy", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&new_id=Not+an+id")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/datasets/iran-2018/copy", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&new_id=mine")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/datasets/mine")
            }
            try await client.execute(uri: "/datasets/iran-2018/copy", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)&new_id=mine")) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/relations?dataset=mine&city=mine:tehran&limit=1000", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                let items = try #require(page["items"] as? [[String: Any]])
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { ($0["id"] as? String)?.hasPrefix("mine:") == true })
            }
            let body = try EditingTests.json(["dataset": "mine", "city": "mine:tehran", "partner": "mine:isfahan", "kind": "friendship"])
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: body) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test("The sign-in form is CSRF-checked: its token must come back equal to the cookie the form set")
    func signInCSRF() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            var token = ""
            try await client.execute(uri: "/sign-in", method: .get) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("citydip_sign_in=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                token = String(cookie.split(separator: ";")[0].dropFirst("citydip_sign_in=".count))
                #expect(token.count == 64)
                #expect(response.text.contains("name=\"csrf\" value=\"\(token)\""))
            }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            // Another site's form: it can send the token field but neither read nor set the cookie.
            try await client.execute(uri: "/sign-in", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(token)&token=\(EditingTests.token)&next=%2F")) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie]?.hasPrefix("citydip_session=") != true)
            }
            var withCookie = form
            withCookie[.cookie] = "citydip_sign_in=\(token)"
            try await client.execute(uri: "/sign-in", method: .post, headers: withCookie,
                                     body: ByteBuffer(string: "csrf=wrong&token=\(EditingTests.token)&next=%2F")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/sign-in", method: .post, headers: withCookie,
                                     body: ByteBuffer(string: "csrf=\(token)&token=\(EditingTests.token)&next=%2Fcities%2F%D8%AA%D9%87%D8%B1%D8%A7%D9%86")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.hasPrefix("citydip_session=") == true)
                #expect(response.headers[.location] == "/cities/%D8%AA%D9%87%D8%B1%D8%A7%D9%86")
            }
        }
    }

    @Test("A redirect to a page with a Persian name sends it percent-encoded")
    func asciiRedirect() {
        #expect(EditPages.asciiLocation("/cities/تهران?lang=fa") == "/cities/%D8%AA%D9%87%D8%B1%D8%A7%D9%86?lang=fa")
        #expect(EditPages.asciiLocation("/cities/iran-2018%3Atehran") == "/cities/iran-2018%3Atehran")
    }
}
