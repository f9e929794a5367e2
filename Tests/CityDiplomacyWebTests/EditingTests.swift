import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Writes through the API and the forms: tokens, validation by field, the change log, CSRF.
@Suite("Editing needs a token, checks every field, and logs every change")
struct EditingTests {
    static let token = "editor-token-0123456789"
    static let tokens = [token: "alice"]

    static func json(_ object: [String: Any]) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
    }

    /// A sign-in form's CSRF token and its cookie, as the sign-in page sets them.
    static let signInHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "citydip_sign_in=sign-in-check"]

    static var auth: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try response.json() as? [String: Any])
    }

    @Test("Writes without a token, or with a wrong one, are 401 and change nothing")
    func unauthorised() async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            let body = try Self.json(["dataset": "iran-2018", "city": "iran-2018:tehran", "partner": "iran-2018:isfahan", "kind": "friendship"])
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] != nil)
                let checked = try Self.object(response)
                #expect(checked["field"] as? String == "Authorization")
            }
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: [.authorization: "Bearer wrong-token-0000000000"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/relations/iran-2018:r-nothing", method: .delete) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let checked = try response.json() as? [Any]
                #expect(checked?.isEmpty == true)
            }
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&limit=1", method: .get) { response in
                let checked = try Self.object(response)
                #expect(checked["total"] as? Int == 70)
            }
        }
    }

    @Test("A relation is created (cities by id or Persian name, Solar Hijri date), read, changed and deleted, each logged")
    func relationLifecycle() async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            let create = try Self.json(["dataset": "iran-2018", "city": "تهران", "partner": "iran-2018:isfahan", "kind": "friendship",
                                        "signed": "۱۳۸۵-۰۲-۲۴ ه.ش", "themes": ["culture"], "notes": "<i>test</i>"])
            var id = ""
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: create) { response in
                #expect(response.status == .created)
                let object = try Self.object(response)
                let relation = try #require(object["relation"] as? [String: Any])
                id = try #require(relation["id"] as? String)
                #expect(response.headers[.location] == "/api/v1/relations/\(id)")
                #expect((relation["signed"] as? [String: Any])?["calendar"] as? String == "solar_hijri")
                #expect((relation["signed"] as? [String: Any])?["gregorian_year_min"] as? Int == 2006)
                #expect(((relation["city"] as? [String: Any])?["id"] as? String) == "iran-2018:tehran")
                #expect(relation["flags"] as? [String] == ["domestic"])
                #expect((object["change"] as? [String: Any])?["actor"] as? String == "alice")
            }
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&limit=1", method: .get) { response in
                let checked = try Self.object(response)
                #expect(checked["total"] as? Int == 71)
            }
            let update = try Self.json(["city": "iran-2018:tehran", "partner": "iran-2018:isfahan", "kind": "friendship", "signed": "2007"])
            try await client.execute(uri: "/api/v1/relations/\(id)", method: .put, headers: Self.auth, body: update) { response in
                #expect(response.status == .ok)
                let relation = try #require(try Self.object(response)["relation"] as? [String: Any])
                #expect((relation["signed"] as? [String: Any])?["as_written"] as? String == "2007")
            }
            try await client.execute(uri: "/cities/iran-2018:tehran", method: .get) { response in
                #expect(response.text.contains(id))
                #expect(!response.text.contains("<i>test</i>"))
            }
            try await client.execute(uri: "/api/v1/relations/\(id)", method: .delete, headers: Self.auth) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/relations/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/relations/\(id)", method: .delete, headers: Self.auth) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let changes = try #require(try response.json() as? [[String: Any]])
                #expect(changes.map { $0["action"] as? String } == ["delete", "update", "create"])
                #expect(changes.allSatisfy { $0["actor"] as? String == "alice" && $0["record_id"] as? String == id })
                #expect((changes[1]["before"] as? String)?.contains("1385-02-24 SH") == true)
                #expect((changes[1]["after"] as? String)?.contains("2007") == true)
            }
            try await client.execute(uri: "/changes", method: .get) { response in
                #expect(response.text.contains("alice"))
                #expect(response.text.contains(id))
            }
        }
    }

    @Test("Invalid edits are 400 naming each field, and change nothing")
    func validation() async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            let bad = try Self.json(["dataset": "iran-2018", "city": "Atlantis", "partner": "iran-2018:isfahan", "signed": "the spring", "sources": ["no-such-source"]])
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: bad) { response in
                #expect(response.status == .badRequest)
                let errors = try #require(try Self.object(response)["errors"] as? [String: String])
                #expect(Set(errors.keys) == ["city", "kind", "signed", "sources"])
            }
            // A dataset the registry lacks is not found, the other fields being well formed.
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth,
                                     body: try Self.json(["dataset": "nowhere", "city": "x", "partner": "y", "kind": "friendship"])) { response in
                #expect(response.status == .notFound)
                let checked = try Self.object(response)
                #expect(checked["field"] as? String == "dataset")
            }
            for (body, field) in [
                (try Self.json(["dataset": "iran-2018", "colour": "red"]), "colour"),
                (ByteBuffer(string: "[1, 2"), "body"),
                // A control or bidirectional character would retitle the terminal of whoever later
                // prints the record (a citation, an export): refused, naming the field.
                (try Self.json(["dataset": "iran-2018", "title": "Evil\u{1B}]0;PWNED\u{07} \u{202E}txt.exe"]), "title"),
                (try Self.json(["dataset": "iran-2018", "themes": ["culture", "tour\u{202E}ism"]]), "themes"),
                // Thousands of combining marks on one letter: refused before any comparison sorts them.
                (try Self.json(["dataset": "iran-2018", "notes": "a" + String(repeating: "\u{301}\u{316}", count: 20_000)]), "body"),
                (ByteBuffer(string: "{\"dataset\": \"iran-2018\", \"a" + String(repeating: "\\u0301\\u0316", count: 2_000) + "\": 1}"), "body"),
            ] {
                try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: body) { response in
                    #expect(response.status == .badRequest)
                    let checked = try Self.object(response)
                    #expect(checked["field"] as? String == field)
                }
            }
            // The same pair and kind twice is a conflict.
            let duplicate = try Self.json(["dataset": "iran-2018", "city": "iran-2018:tehran", "partner": "iran-2018:isfahan", "kind": "friendship"])
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: duplicate) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: duplicate) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: Self.auth, body: ByteBuffer(repeating: 0x20, count: 300 * 1024)) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let checked = try response.json() as? [Any]
                #expect(checked?.count == 1)
            }
        }
    }

    @Test("Sources, memberships and events are edited the same way; a cited source cannot be deleted")
    func otherRecords() async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            var sourceID = ""
            try await client.execute(uri: "/api/v1/sources", method: .post, headers: Self.auth,
                                     body: try Self.json(["dataset": "iran-2018", "title": "Tabriz municipality news", "url": "https://tabriz.ir/news/1", "language": "fa", "accessed": "1403-01-15 SH"])) { response in
                #expect(response.status == .created)
                sourceID = try #require(((try Self.object(response)["source"] as? [String: Any])?["source"] as? [String: Any])?["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/sources", method: .post, headers: Self.auth,
                                     body: try Self.json(["dataset": "iran-2018", "title": "x", "url": "javascript:alert(1)"])) { response in
                #expect(response.status == .badRequest)
                let checked = try Self.object(response)
                #expect(checked["field"] as? String == "url")
            }
            // A network Yazd is not yet a member of.
            var yazdNetworks: Set<String> = []
            try await client.execute(uri: "/api/v1/memberships?dataset=iran-2018", method: .get) { response in
                let memberships = try #require(try response.json() as? [[String: Any]])
                yazdNetworks = Set(memberships.filter { $0["city"] as? String == "iran-2018:yazd" }.compactMap { $0["network"] as? String })
            }
            var networkID = ""
            try await client.execute(uri: "/api/v1/networks?dataset=iran-2018", method: .get) { response in
                let networks = try #require(try response.json() as? [[String: Any]]).compactMap { $0["id"] as? String }
                networkID = try #require(networks.first { !yazdNetworks.contains($0) })
            }
            var membershipID = ""
            try await client.execute(uri: "/api/v1/memberships", method: .post, headers: Self.auth,
                                     body: try Self.json(["dataset": "iran-2018", "city": "iran-2018:yazd", "network": networkID, "since": "2019", "sources": [sourceID]])) { response in
                #expect(response.status == .created)
                membershipID = try #require((try Self.object(response)["membership"] as? [String: Any])?["id"] as? String)
            }
            var eventID = ""
            try await client.execute(uri: "/api/v1/events", method: .post, headers: Self.auth,
                                     body: try Self.json(["dataset": "iran-2018", "city": "iran-2018:tabriz", "kind": "tourism_capital", "title_en": "Tabriz, capital of Islamic tourism", "year": 2018, "sources": [sourceID]])) { response in
                #expect(response.status == .created)
                eventID = try #require((try Self.object(response)["event"] as? [String: Any])?["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/sources/\(sourceID)", method: .delete, headers: Self.auth) { response in
                #expect(response.status == .conflict)
            }
            // Each kind reads back by id, and a changed field shows.
            for (kind, id, change) in [("sources", sourceID, ["title": "Tabriz municipality news, 2024"]),
                                       ("events", eventID, ["city": "iran-2018:tabriz", "kind": "tourism_capital", "title_en": "Tabriz 2018", "year": "2018"])] {
                try await client.execute(uri: "/api/v1/\(kind)/\(id)", method: .put, headers: Self.auth, body: try Self.json(change)) { response in
                    #expect(response.status == .ok, "\(kind)")
                }
                try await client.execute(uri: "/api/v1/\(kind)/\(id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains(change["title"] ?? change["title_en"] ?? "-"))
                }
                try await client.execute(uri: "/api/v1/\(kind)/nowhere:none", method: .get) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/api/v1/\(kind)/nowhere:none", method: .put, headers: Self.auth, body: try Self.json(change)) { response in
                    #expect(response.status == .notFound)
                }
            }
            do {
                try await client.execute(uri: "/api/v1/memberships/\(membershipID)", method: .put, headers: Self.auth,
                                         body: try Self.json(["city": "iran-2018:yazd", "network": networkID, "role_en": "observer", "sources": [sourceID]])) { response in
                    #expect(response.status == .ok)
                }
                try await client.execute(uri: "/api/v1/memberships/\(membershipID)", method: .get) { response in
                    #expect(response.text.contains("observer"))
                }
            }
            try await client.execute(uri: "/api/v1/events/\(eventID)", method: .delete, headers: Self.auth) { response in
                #expect(response.status == .noContent)
            }
            do {
                try await client.execute(uri: "/api/v1/memberships/\(membershipID)", method: .delete, headers: Self.auth) { response in
                    #expect(response.status == .noContent)
                }
                try await client.execute(uri: "/api/v1/sources/\(sourceID)", method: .delete, headers: Self.auth) { response in
                    #expect(response.status == .noContent)
                }
            }
        }
    }

    /// The fields of an edit form as the page fills them in: each input's and text area's name and value.
    static func formValues(_ html: String) throws -> [(name: String, value: String)] {
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var values: [(String, String)] = []
        for match in html.matches(of: #/<input [^>]*?name="([a-z_]+)"[^>]*? value="([^"]*)"/#) {
            values.append((String(match.1), unescaped(match.2)))
        }
        for match in html.matches(of: #/<textarea name="([a-z_]+)"[^>]*>([^<]*)</textarea>/#) {
            values.append((String(match.1), unescaped(match.2)))
        }
        return values
    }

    /// A form body: each value percent-encoded.
    static func formBody(_ fields: [(name: String, value: String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    @Test("An event's Persian notes and a source's supplement mark are in the API and survive an edit through the form")
    func notesAndSupplementSurviveEdits() async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            let eventID = "iran-2018:tehran-afc-asian-cup-1968", sourceID = "iran-2018:project-afc-1968"
            var before: [String: Any] = [:]
            try await client.execute(uri: "/api/v1/events/\(eventID)", method: .get) { response in
                before = try Self.object(response)
                #expect((before["notes_fa"] as? String)?.contains("تهران") == true)
                let sources = try #require(before["sources"] as? [[String: Any]])
                #expect(sources.map { $0["supplement"] as? Bool } == [true])
            }
            var cookie = ""
            try await client.execute(uri: "/sign-in", method: .post, headers: Self.signInHeaders,
                                     body: ByteBuffer(string: "csrf=sign-in-check&token=\(Self.token)&next=%2Fchanges")) { response in
                cookie = String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            // The form shows every field as stored; sent back with one change, the rest stays.
            for (kind, id, changed) in [("events", eventID, ("year", "1968")), ("sources", sourceID, ("publisher", "Wikipedia (English)"))] {
                var fields: [(name: String, value: String)] = []
                try await client.execute(uri: "/edit/\(kind)/\(id)", method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .ok)
                    fields = try Self.formValues(response.text)
                }
                let names = fields.map(\.name)
                #expect(names.contains("csrf"))
                if kind == "events" {
                    #expect(fields.first { $0.name == "notes_fa" }?.value == before["notes_fa"] as? String)
                } else {
                    #expect(fields.first { $0.name == "supplement" }?.value == "yes")
                }
                fields = fields.map { $0.name == changed.0 ? (changed.0, changed.1) : $0 }
                try await client.execute(uri: "/edit/\(kind)/\(id)", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: Self.formBody(fields))) { response in
                    #expect(response.status == .seeOther, "\(kind): \(response.text.prefix(500))")
                }
            }
            try await client.execute(uri: "/api/v1/events/\(eventID)", method: .get) { response in
                let after = try Self.object(response)
                #expect(after["notes_fa"] as? String == before["notes_fa"] as? String)
                #expect(after["notes"] as? String == before["notes"] as? String)
                #expect(after["awarding_body"] as? String == before["awarding_body"] as? String)
            }
            try await client.execute(uri: "/api/v1/sources/\(sourceID)", method: .get) { response in
                let source = try #require(try Self.object(response)["source"] as? [String: Any])
                #expect(source["publisher"] as? String == "Wikipedia (English)")
                #expect(source["supplement"] as? Bool == true)
            }
            // Through the API: the notes in Persian are set and cleared, and `supplement` takes a boolean.
            try await client.execute(uri: "/api/v1/events/\(eventID)", method: .put, headers: Self.auth,
                                     body: try Self.json(["city": "iran-2018:tehran", "kind": "sports_championship", "title_en": "AFC Asian Cup", "year": 1968,
                                                          "notes_fa": "یادداشت تازه", "sources": [sourceID]])) { response in
                #expect(response.status == .ok)
                let event = try #require(try Self.object(response)["event"] as? [String: Any])
                #expect(event["notes_fa"] as? String == "یادداشت تازه")
            }
            try await client.execute(uri: "/api/v1/sources/\(sourceID)", method: .put, headers: Self.auth,
                                     body: try Self.json(["title": "1968 AFC Asian Cup", "supplement": false])) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/sources/\(sourceID)", method: .get) { response in
                let source = try #require(try Self.object(response)["source"] as? [String: Any])
                #expect(source["supplement"] as? Bool == false)
            }
            try await client.execute(uri: "/api/v1/sources/\(sourceID)", method: .put, headers: Self.auth,
                                     body: try Self.json(["title": "1968 AFC Asian Cup", "supplement": "perhaps"])) { response in
                #expect(response.status == .badRequest)
                let checked = try Self.object(response)
                #expect(checked["field"] as? String == "supplement")
            }
        }
    }

    @Test("Every kind is saved by the same path: changing an unknown id is a 404 naming it, and logs nothing",
          arguments: [("relations", "relation"), ("memberships", "membership"), ("events", "event"), ("sources", "source")])
    func unknownRecord(kind: String, singular: String) async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            try await client.execute(uri: "/api/v1/\(kind)/iran-2018:nothing", method: .put, headers: Self.auth,
                                     body: try Self.json(["dataset": "iran-2018"])) { response in
                #expect(response.status == .notFound)
                let checked = try Self.object(response)
                #expect(checked["error"] as? String == "\(singular) 'iran-2018:nothing' not found")
                #expect(checked["field"] as? String == "id")
            }
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let changes = try response.json() as? [Any]
                #expect(changes?.isEmpty == true)
            }
        }
    }

    @Test("The sign-in cookie is Secure when the observatory is served over HTTPS, and only then", arguments: [false, true])
    func secureCookie(secure: Bool) async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, secureCookies: secure, editableStudy: true) { client in
            try await client.execute(uri: "/sign-in", method: .post, headers: Self.signInHeaders,
                                     body: ByteBuffer(string: "csrf=sign-in-check&token=\(Self.token)&next=%2Fchanges")) { response in
                let setCookie = try #require(response.headers[.setCookie])
                let attributes = setCookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(attributes.contains("Secure") == secure)
                #expect(attributes.contains("HttpOnly"))
            }
        }
    }

    @Test("Forms: sign in with a token, CSRF checked, errors shown by their field, saved edits redirect to the record's page")
    func forms() async throws {
        try await ObservatoryFixture.withClient(writeTokens: Self.tokens, editableStudy: true) { client in
            try await client.execute(uri: "/edit/relations/new", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("name=\"token\""))
            }
            var cookie = ""
            try await client.execute(uri: "/sign-in", method: .post, headers: Self.signInHeaders,
                                     body: ByteBuffer(string: "csrf=sign-in-check&token=\(Self.token)&next=%2Fedit%2Frelations%2Fnew")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/edit/relations/new")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(!setCookie.contains(Self.token))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Strict"))
                cookie = String(setCookie.split(separator: ";")[0])
            }
            // Sign-in goes back only to a page of this site, and never to the sign-in form.
            for (next, expected) in [("%2F%5Cevil.example", "/changes"), ("%2F%09%2Fevil.example", "/changes"), ("%2F%2Fevil.example", "/changes"),
                                     ("https%3A%2F%2Fevil.example", "/changes"), ("%2Fsign-in", "/changes"), ("%2Faudit", "/audit")] {
                try await client.execute(uri: "/sign-in", method: .post, headers: Self.signInHeaders,
                                         body: ByteBuffer(string: "csrf=sign-in-check&token=\(Self.token)&next=\(next)")) { response in
                    #expect(response.headers[.location] == expected, "\(next)")
                }
            }
            var csrf = ""
            try await client.execute(uri: "/edit/relations/new?city=iran-2018:tabriz", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.text
                let marker = "name=\"csrf\" value=\""
                let start = try #require(html.range(of: marker)).upperBound
                csrf = String(html[start...].prefix { $0 != "\"" })
                #expect(csrf.count == 64)
                #expect(html.contains("value=\"iran-2018:tabriz\""))
            }
            let form = "dataset=iran-2018&city=iran-2018%3Atabriz&partner=iran-2018%3Ayazd&kind=friendship&signed=1390"
            try await client.execute(uri: "/edit/relations", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/edit/relations", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form + "&csrf=\(csrf)")) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/edit/relations", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(csrf)&dataset=iran-2018&city=iran-2018%3Atabriz&partner=Nowhere+City&kind=friendship&signed=someday")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("<span class=\"field-error\" id=\"partner-error\">no city &#39;Nowhere City&#39;"))
                #expect(response.text.contains("id=\"signed-error\""))
                #expect(response.text.contains("value=\"Nowhere City\""))
            }
            try await client.execute(uri: "/edit/relations", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form + "&csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/cities/iran-2018:tabriz")
            }
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let changes = try #require(try response.json() as? [[String: Any]])
                #expect(changes.count == 1)
                #expect(changes.first?["actor"] as? String == "alice")
            }
        }
    }

    @Test("Without write tokens the observatory is read-only")
    func readOnly() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/events", method: .post, headers: [.authorization: "Bearer anything-at-all-00000"],
                                     body: try Self.json(["dataset": "iran-2018"])) { response in
                #expect(response.status == .unauthorized)
                let checked = try Self.object(response)
                #expect((checked["error"] as? String)?.contains("read-only") == true)
            }
        }
    }
}

@Suite("Visitors without a session see no edit controls")
struct ReadOnlyPagesTests {
    static let editLink = try! NSRegularExpression(pattern: "href=\"(/edit/[^\"]*)\"")

    static func editLinks(_ html: String) -> [String] {
        editLink.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }

    @Test("No page of either language links a visitor to an edit form; a signed-in editor gets ✎ and “Add …” links that open", arguments: [
        "/cities/iran-2018:tehran", "/cities/iran-2018:isfahan?lang=fa", "/relations", "/relations?lang=fa&city=Tehran",
    ])
    func controls(path: String) async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, cacheLifetime: 60, editableStudy: true) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.editLinks(response.text).isEmpty, "\(path) shows edit links to a visitor")
                #expect(!response.text.contains("✎"), "\(path)")
                #expect(!response.text.contains(">Edit</span>") && !response.text.contains(">ویرایش</span>"), "\(path) has an edit column")
            }
            var cookie = ""
            try await client.execute(uri: "/sign-in", method: .post, headers: EditingTests.signInHeaders,
                                     body: ByteBuffer(string: "csrf=sign-in-check&token=\(EditingTests.token)&next=%2F")) { response in
                cookie = String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            // The cached visitor's page is not what the editor gets, nor the reverse.
            var links: [String] = []
            try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                links = Self.editLinks(response.text)
                #expect(!links.isEmpty, "\(path) shows no edit links to an editor")
            }
            for link in links.prefix(5) {
                try await client.execute(uri: link, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .ok, "\(link)")
                }
            }
            try await client.execute(uri: path, method: .get) { response in
                #expect(Self.editLinks(response.text).isEmpty, "\(path) served an editor's page to a visitor")
            }
        }
    }
}
