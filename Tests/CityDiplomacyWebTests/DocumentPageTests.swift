import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CityDiplomacyWeb

/// The document pages: the text with its coded passages, the codings and the suggestions, in both
/// languages; coding, deciding suggestions and deleting codings through the forms and the API.
@Suite("A document's page shows its coded passages, and a signed-in coder codes it")
struct DocumentPageTests {
    static let florence = "iran-2018:doc/s51-isfahan-florence"
    static let florencePath = "/documents/iran-2018:doc%2Fs51-isfahan-florence"
    static let florenceRelation = "iran-2018:isfahan/florence/sister_city"
    static func form(_ cookie: String?) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { fields[.cookie] = cookie }
        return fields
    }

    /// The text of `#document-text` as a browser reads it: the tags of the marks dropped and the
    /// entities decoded.
    static func renderedText(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<div id=\"document-text\"")).upperBound
        let open = try #require(html[start...].firstIndex(of: ">"))
        let end = try #require(html.range(of: "</div>", range: open..<html.endIndex)).lowerBound
        var text = String(html[html.index(after: open)..<end])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func document(_ client: some TestClientProtocol, _ id: String = florence) async throws -> [String: Any] {
        let response = try await client.execute(uri: "/api/v1/documents/\(PageContext.segment(id))", method: .get)
        #expect(response.status == .ok)
        return try #require(try response.json() as? [String: Any])
    }

    /// Signs in as `alice` and reads the CSRF token of the document page.
    static func signIn(_ client: some TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        var cookie = ""
        try await client.execute(uri: "/sign-in", method: .post, headers: EditingTests.signInHeaders,
                                 body: ByteBuffer(string: "csrf=sign-in-check&token=\(EditingTests.token)&next=%2F")) { response in
            cookie = String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
        var csrf = ""
        try await client.execute(uri: florencePath, method: .get, headers: [.cookie: cookie]) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            let html = response.text
            let marker = "name=\"csrf\" value=\""
            let start = try #require(html.range(of: marker)).upperBound
            csrf = String(html[start...].prefix { $0 != "\"" })
        }
        return (cookie, csrf)
    }

    /// Signs in as `alice` and reads the CSRF token of the change log's sign-out form, for a
    /// registry whose document pages offer no form (the bundled study).
    static func signInForToken(_ client: some TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        var cookie = ""
        try await client.execute(uri: "/sign-in", method: .post, headers: EditingTests.signInHeaders,
                                 body: ByteBuffer(string: "csrf=sign-in-check&token=\(EditingTests.token)&next=%2F")) { response in
            cookie = String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
        let page = try await client.execute(uri: "/changes", method: .get, headers: [.cookie: cookie])
        let html = String(buffer: page.body)
        let start = try #require(html.range(of: "name=\"csrf\" value=\"")).upperBound
        return (cookie, String(html[start...].prefix { $0 != "\"" }))
    }

    @Test("Text is cut at every passage bound, overlapping passages each keep their extent, and the pieces are the text")
    func markedText() {
        let text = "a\u{1F600}b culture and tourism"
        let pieces = MarkedText.pieces(of: text, ranges: [4..<11, 8..<23, 4..<11, 100..<120])
        #expect(pieces.map(\.text).joined() == text)
        #expect(pieces.map(\.text) == ["a\u{1F600}b ", "cult", "ure", " and tourism"])
        #expect(pieces.map(\.covering) == [[], [0, 2], [0, 1, 2], [1]])
        #expect(pieces[2].ending == [0, 2])
        #expect(pieces[1].starting == [0, 2])
    }

    @Test("The English page: facts, the text exactly as stored with each coding marked, the codings and the suggestions; no forms for a visitor")
    func englishPage() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            let stored = try await Self.document(client)
            let text = try #require(stored["text"] as? String)
            let segments = try #require(stored["segments"] as? [[String: Any]])
            #expect(segments.count == 4)
            try await client.execute(uri: Self.florencePath, method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("The study on Isfahan and Florence (section 5-1)"))
                #expect(html.contains("Study") && html.contains("Persian"))
                // The date in both calendars, and the relation's row on Isfahan's page.
                #expect(html.contains("1397 SH"))
                #expect(html.contains("href=\"/cities/iran-2018:isfahan#iran-2018%3Aisfahan%2Fflorence%2Fsister_city\""))
                let rendered = try Self.renderedText(html)
                #expect(rendered == text)
                #expect(html.components(separatedBy: "<mark class=\"depth-").count - 1 >= 4)
                #expect(html.contains("data-themes=\"1 Culture\"") || html.contains("Culture"))
                #expect(html.contains("<td><code>study</code></td>"))
                #expect(!html.contains("name=\"csrf\""))
                #expect(!html.contains("/assets/coding.js"))
                #expect(html.contains("href=\"/sign-in\""))
            }
            try await client.execute(uri: "/documents?dataset=iran-2018", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.components(separatedBy: "href=\"/documents/iran-2018:doc%2F").count - 1 >= 6)
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan", method: .get) { response in
                #expect(response.text.contains("id=\"coded-themes\""))
                #expect(response.text.contains("href=\"/documents/iran-2018:doc%2Fs51-isfahan-florence\""))
            }
            try await client.execute(uri: "/datasets/iran-2018", method: .get) { response in
                #expect(response.text.contains("href=\"/documents?dataset=iran-2018\""))
            }
        }
    }

    @Test("The Persian page is right to left, in Persian digits, with no English label")
    func persianPage() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let (cookie, _) = try await Self.signIn(client)
            for headers: HTTPFields in [[:], [.cookie: cookie]] {
                try await client.execute(uri: Self.florencePath + "?lang=fa", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    let html = response.text
                    #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
                    #expect(html.contains("id=\"document-text\" class=\"document-text\" lang=\"fa\" dir=\"rtl\""))
                    // "1397 SH" as Persian writes it, and the coding numbers in Persian digits.
                    #expect(html.contains("\u{06F1}\u{06F3}\u{06F9}\u{06F7}"))
                    #expect(html.contains("href=\"#passage-1\">\u{06F1}</a>"))
                    let runs = LatinInPersian.offendingRuns(in: PersianPagesTests.visibleText(html))
                    #expect(runs.isEmpty, "English on the Persian document page: \(runs)")
                }
            }
            try await client.execute(uri: "/documents?lang=fa&dataset=iran-2018", method: .get) { response in
                let runs = LatinInPersian.offendingRuns(in: PersianPagesTests.visibleText(response.text))
                #expect(runs.isEmpty, "English on the Persian documents list: \(runs)")
            }
        }
    }

    @Test("A coder codes a selected passage through the form: the segment, its change-log entry and the relation's themes follow")
    func codingThroughTheForm() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            try await client.execute(uri: Self.florencePath, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("<script src=\"/assets/coding.js\" defer></script>"))
                #expect(response.text.contains("<select name=\"theme\" required>"))
            }
            // Offsets in Persian digits, as the no-script form may be given them.
            try await client.execute(uri: Self.florencePath + "/code?lang=fa", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)&theme=history&start=%DB%B0&end=%DB%B1%DB%B2&memo=the+period")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == Self.florencePath + "?lang=fa")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            let segments = try #require(try await Self.document(client)["segments"] as? [[String: Any]])
            let coded = try #require(segments.first { $0["coder"] as? String == "alice" })
            #expect(coded["theme"] as? String == "history" && coded["start"] as? Int == 0 && coded["end"] as? Int == 12)
            #expect(coded["memo"] as? String == "the period")
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let changes = try #require(try response.json() as? [[String: Any]])
                #expect(changes.contains { $0["actor"] as? String == "alice" && $0["record_kind"] as? String == "segment" })
            }
            try await client.execute(uri: "/api/v1/relations/\(PageContext.segment(Self.florenceRelation))", method: .get) { response in
                let relation = try #require(try response.json() as? [String: Any])
                #expect((relation["themes"] as? [String])?.contains("history") == true)
            }
            // A quotation, without the script.
            try await client.execute(uri: Self.florencePath + "/code", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)&theme=religion&quote=\(PageContext.encode("\u{06A9}\u{0644}\u{06CC}\u{0633}\u{0627}\u{06CC}"))")) { response in
                #expect(response.status == .seeOther)
            }
            // Deleting a coding through its button.
            let id = try #require(coded["id"] as? String)
            try await client.execute(uri: "/segments/\(PageContext.segment(id))/delete", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == Self.florencePath)
            }
            let after = try #require(try await Self.document(client)["segments"] as? [[String: Any]])
            #expect(!after.contains { $0["id"] as? String == id })
            #expect(after.contains { $0["theme"] as? String == "religion" && $0["coder"] as? String == "alice" })
        }
    }

    @Test("A suggestion is accepted or rejected with its keyword, and is no longer offered")
    func suggestions() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            // A document of the study in which the codebook suggests two themes or more.
            var path = "", suggestions: [[String: Any]] = []
            let listed = try await client.execute(uri: "/api/v1/documents?dataset=iran-2018", method: .get)
            let list = try #require(try listed.json() as? [String: Any])["documents"] as? [[String: Any]] ?? []
            for id in list.compactMap({ $0["id"] as? String }) where suggestions.count < 2 {
                suggestions = try #require(try await Self.document(client, id)["suggestions"] as? [[String: Any]])
                path = "/documents/\(PageContext.segment(id))"
            }
            try #require(suggestions.count >= 2, "no document of the study has two suggestions")
            let id = String(path.dropFirst("/documents/".count)).removingPercentEncoding ?? ""
            for (suggestion, decision) in zip(suggestions.prefix(2), ["accept", "reject"]) {
                let theme = try #require(suggestion["theme"] as? String), keyword = try #require(suggestion["keyword"] as? String)
                let start = try #require(suggestion["start"] as? Int), end = try #require(suggestion["end"] as? Int)
                try await client.execute(uri: path + "/suggestions/\(decision)", method: .post, headers: Self.form(cookie),
                                         body: ByteBuffer(string: "csrf=\(csrf)&theme=\(theme)&start=\(start)&end=\(end)&keyword=\(PageContext.encode(keyword))")) { response in
                    #expect(response.status == .seeOther, "\(decision)")
                }
                let stored = try await Self.document(client, id)
                let segments = try #require(stored["segments"] as? [[String: Any]])
                let decided = try #require(segments.first { $0["coder"] as? String == "alice" && $0["theme"] as? String == theme && $0["start"] as? Int == start })
                #expect(decided["status"] as? String == (decision == "accept" ? "coded" : "rejected"))
                #expect(decided["keyword"] as? String == keyword)
                let left = try #require(stored["suggestions"] as? [[String: Any]])
                #expect(!left.contains { $0["theme"] as? String == theme && $0["start"] as? Int == start })
            }
            try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("class=\"rejected\""))
            }
        }
    }

    @Test("Forms refuse a missing CSRF token (403), a visitor (401), a span outside the text (400), and the bundled study (403)")
    func refusals() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            try await client.execute(uri: Self.florencePath + "/code", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "theme=history&start=0&end=12")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: Self.florencePath + "/code", method: .post, headers: Self.form(nil),
                                     body: ByteBuffer(string: "csrf=\(csrf)&theme=history&start=0&end=12")) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: Self.florencePath + "/code", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)&theme=history&span=0:100000")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("100000"))
            }
            let segments = try #require(try await Self.document(client)["segments"] as? [[String: Any]])
            #expect(segments.count == 4)
        }
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            let (cookie, csrf) = try await Self.signInForToken(client)
            try await client.execute(uri: Self.florencePath, method: .get, headers: [.cookie: cookie]) { response in
                #expect(!response.text.contains("id=\"code-form\""), "a bundled dataset's document offers no coding form")
                #expect(response.text.contains("read-only"))
            }
            try await client.execute(uri: Self.florencePath + "/code", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)&theme=history&start=0&end=12")) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("read-only"))
            }
            try await client.execute(uri: "/segments/\(PageContext.segment(Self.florence + "/1"))/delete", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/documents/\(PageContext.segment(Self.florence))/segments", method: .post, headers: EditingTests.auth,
                                     body: ByteBuffer(string: #"{"theme": "history", "start": 0, "end": 12}"#)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("The API codes a passage, refuses one outside the text, and deletes a coding; the relation's themes follow")
    func codingThroughTheAPI() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let uri = "/api/v1/documents/\(PageContext.segment(Self.florence))/segments"
            var id = ""
            try await client.execute(uri: uri, method: .post, headers: EditingTests.auth,
                                     body: ByteBuffer(string: #"{"theme": "sport", "span": "0:12"}"#)) { response in
                #expect(response.status == .created)
                let segment = try #require(try response.json() as? [String: Any])
                #expect(segment["coder"] as? String == "alice")
                id = try #require(segment["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/relations/\(PageContext.segment(Self.florenceRelation))", method: .get) { response in
                let relation = try response.json() as? [String: Any]
                #expect(Set(relation?["themes"] as? [String] ?? []) == ["culture", "economy", "heritage", "sport", "tourism"])
            }
            try await client.execute(uri: uri, method: .post, headers: EditingTests.auth,
                                     body: ByteBuffer(string: #"{"theme": "sport", "start": 5, "end": 5000}"#)) { response in
                #expect(response.status == .badRequest)
                let error = try response.json() as? [String: Any]
                #expect(error?["field"] as? String == "span")
            }
            try await client.execute(uri: "/api/v1/segments/\(PageContext.segment(id))", method: .delete, headers: EditingTests.auth) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/relations/\(PageContext.segment(Self.florenceRelation))", method: .get) { response in
                let relation = try response.json() as? [String: Any]
                #expect(Set(relation?["themes"] as? [String] ?? []) == ["culture", "economy", "heritage", "tourism"])
            }
        }
    }

    @Test("A document is added through the form from an uploaded file, and its page opens")
    func addingThroughTheForm() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            try await client.execute(uri: "/documents/new?attach=\(Self.florenceRelation)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("enctype=\"multipart/form-data\""))
                #expect(response.text.contains("value=\"\(Self.florenceRelation)\""))
            }
            let boundary = "----citydip-test-boundary"
            func part(_ name: String, _ value: String) -> String {
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            let body = part("csrf", csrf) + part("attach", Self.florenceRelation) + part("source", "https://example.org/minutes")
                + part("date", "1398-02-03 SH") + part("kind", "minutes") + part("text", "")
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"council minutes.md\"\r\nContent-Type: text/markdown\r\n\r\n# Council\n\nCultural exchange with Florence.\r\n"
                + "--\(boundary)--\r\n"
            var location = ""
            try await client.execute(uri: "/documents", method: .post,
                                     headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body)) { response in
                #expect(response.status == .seeOther, "\(response.text.prefix(400))")
                location = response.headers[.location] ?? ""
            }
            #expect(location == "/documents/iran-2018:doc%2Fcouncil-minutes")
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Cultural exchange with Florence."))
                #expect(response.text.contains("Council minutes"))
            }
            // Without a source the form comes back with the error by the field.
            try await client.execute(uri: "/documents", method: .post, headers: Self.form(cookie),
                                     body: ByteBuffer(string: "csrf=\(csrf)&attach=\(PageContext.encode(Self.florenceRelation))&text=Some+text")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("class=\"field-error\""))
                #expect(response.text.contains(">Some text</textarea>"))
            }
        }
    }

    @Test("The coding script is served as JavaScript, and counts code points, not UTF-16 units")
    func script() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/assets/coding.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("function codePoints"))
                #expect(response.text.contains("0xd800"))
            }
        }
    }
}
