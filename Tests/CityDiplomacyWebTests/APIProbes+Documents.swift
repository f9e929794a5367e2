import CityDiplomacyWeb
import Foundation
import Testing

/// The probes of the document routes (`/documents`, `/documents/{id}`, their segments), kept
/// apart from the other operations' so that the two lists merge without conflict.
extension APIProbes {
    static let florence = "iran-2018:doc/s51-isfahan-florence"
    static let florenceRelation = "iran-2018:isfahan/florence/sister_city"

    static let documentProbes: [APIDocument.Operation: [Probe]] = [
        .init("GET /documents"): [
            Probe(.ok, "every document"),
            Probe(.ok, "the study's documents") { _ in ProbeRequest(query: "dataset=iran-2018") },
            Probe(.ok, "the documents about a relation") { _ in ProbeRequest(query: "attached=\(florenceRelation)") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=nowhere") },
        ],
        .init("POST /documents"): [
            Probe(.created, "pasted text about a relation") { _ in
                try .json(["attach": florenceRelation, "source": "https://example.org/florence", "text": "Cultural and economic cooperation.",
                           "language": "en", "date": "1398-01-01 SH", "title": "A note", "kind": "news"])
            },
            Probe(.created, "a Markdown file in base64") { _ in
                try .json(["attach": "iran-2018:tehran", "source": "A citation", "content": Data("# Minutes\n\nTourism.".utf8).base64EncodedString(),
                           "file_name": "minutes.md", "kind": "minutes"])
            },
            Probe(.badRequest, "no source") { _ in try .json(["attach": florenceRelation, "text": "x"]) },
            Probe(.badRequest, "an unknown kind") { _ in try .json(["attach": florenceRelation, "source": "s", "text": "x", "kind": "poem"]) },
            Probe(.unauthorized, "no token") { _ in try .json(["attach": florenceRelation, "source": "s", "text": "x"], authorised: false) },
            Probe(.notFound, "an unknown record") { _ in try .json(["attach": "iran-2018:nowhere", "source": "s", "text": "x"]) },
            Probe(.forbidden, "about a record of the bundled sample") { _ in try .json(["attach": ProbeRequest.bundled("r1"), "source": "s", "text": "x"]) },
            Probe(.contentTooLarge, "a body over the limit of an upload (48 MB)") { _ in .oversized(bytes: WebConfiguration().maxDocumentBodySize + 1) },
        ],
        .init("GET /documents/{id}"): [
            Probe(.ok, "the study's passage on Isfahan and Florence, from the document's example"),
            Probe(.notFound, "an unknown document") { _ in ProbeRequest(parameters: ["id": "iran-2018:doc/nowhere"]) },
        ],
        .init("POST /documents/{id}/segments"): [
            Probe(.created, "a span coded with a theme") { _ in try .json(["theme": "history", "start": 0, "end": 12, "memo": "the period"]) },
            Probe(.created, "a rejected suggestion, by quotation") { _ in
                try .json(["theme": "religion", "quote": "\u{06A9}\u{0644}\u{06CC}\u{0633}\u{0627}\u{06CC}", "status": "rejected", "keyword": "church"])
            },
            Probe(.badRequest, "a span outside the text") { _ in try .json(["theme": "culture", "start": 0, "end": 100_000]) },
            Probe(.badRequest, "an unknown theme") { _ in try .json(["theme": "weather", "start": 0, "end": 5]) },
            Probe(.unauthorized, "no token") { _ in try .json(["theme": "culture", "start": 0, "end": 5], authorised: false) },
            Probe(.notFound, "an unknown document") { _ in try .json(["theme": "culture", "start": 0, "end": 5], parameters: ["id": "iran-2018:doc/nowhere"]) },
            Probe(.conflict, "the same coding again") { _ in try .json(["theme": "history", "start": 0, "end": 12]) },
            Probe(.forbidden, "a document of the bundled sample") { _ in try .json(["theme": "culture", "start": 0, "end": 5], parameters: ["id": ProbeRequest.bundled("doc/d1")]) },
            Probe(.contentTooLarge, "a body over the limit") { _ in .oversized() },
        ],
        .init("DELETE /segments/{id}"): [
            Probe(.unauthorized, "no token"),
            Probe(.notFound, "an unknown segment") { _ in ProbeRequest(parameters: ["id": "iran-2018:doc/nowhere/1"], authorised: true) },
            Probe(.noContent, "the probes' coder's own coding") { _ in ProbeRequest(parameters: ["id": "\(florence)/90"], authorised: true) },
            Probe(.conflict, "another coder's coding") { _ in ProbeRequest(parameters: ["id": "\(florence)/91"], authorised: true) },
            Probe(.forbidden, "a coding of the bundled sample") { _ in ProbeRequest(parameters: ["id": ProbeRequest.bundled("doc/d1/1")], authorised: true) },
        ],
    ]
}
