import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// One request the conformance test sends for an operation of the document, and the status it
/// must answer. The answer is then held to the document: the status listed, the media type, the
/// schema.
struct Probe: Sendable {
    var purpose: String
    var status: HTTPResponse.Status
    var request: @Sendable (SeededRecords) throws -> ProbeRequest

    init(_ status: HTTPResponse.Status, _ purpose: String, _ request: @escaping @Sendable (SeededRecords) throws -> ProbeRequest = { _ in ProbeRequest() }) {
        self.purpose = purpose
        self.status = status
        self.request = request
    }
}

/// What a probe sends. Path parameters not given here come from the document's examples.
struct ProbeRequest {
    var parameters: [String: String] = [:]
    var query: String? = nil
    /// Send the configured write token (`Authorization: Bearer …`).
    var authorised = false
    var body: ByteBuffer? = nil
    /// The body's media type.
    var contentType = "application/json"

    /// A priorities file's text, as `POST /alignment` takes it.
    static func yaml(_ text: String, query: String) -> ProbeRequest {
        ProbeRequest(query: query, body: ByteBuffer(string: text), contentType: "application/x-yaml")
    }

    /// The bundled example priorities (`examples/priorities-iran.yaml`).
    static var examplePriorities: String {
        get throws {
            try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/priorities-iran.yaml").standardized,
                       encoding: .utf8)
        }
    }

    static func json(_ object: [String: Any], parameters: [String: String] = [:], authorised: Bool = true) throws -> ProbeRequest {
        ProbeRequest(parameters: parameters, authorised: authorised, body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: object)))
    }

    static func raw(_ text: String, parameters: [String: String] = [:]) -> ProbeRequest {
        ProbeRequest(parameters: parameters, authorised: true, body: ByteBuffer(string: text))
    }

    /// A JSON body declared as text, with the token: only its Content-Type is at fault.
    static func plainText(parameters: [String: String] = [:]) -> ProbeRequest {
        ProbeRequest(parameters: parameters, authorised: true, body: ByteBuffer(string: "{}"), contentType: "text/plain")
    }

    /// A record of the bundled sample dataset (``ObservatoryFixture/storeBundledSample(into:)``),
    /// by its id's tail (`r1`, `m1`, `e1`, `s1`).
    static func bundled(_ record: String) -> String {
        "\(ObservatoryFixture.bundledSample):\(record)"
    }

    /// A body over the server's limit (256 KiB by default), sent with the token so that only its
    /// size is at fault.
    static func oversized(parameters: [String: String] = [:], bytes: Int = 300 * 1024) -> ProbeRequest {
        ProbeRequest(parameters: parameters, authorised: true, body: ByteBuffer(repeating: UInt8(ascii: " "), count: bytes))
    }
}

/// Ids of records of the seeded registry, asked of the server itself so that the probes do not
/// depend on how ids are minted.
extension ProbeRequest {
    func withQuery(_ query: String) -> ProbeRequest {
        var copy = self
        copy.query = query
        return copy
    }
}

struct SeededRecords: Sendable {
    struct RelationRecord: Sendable { var id, city, partner, kind: String; var sources: [String] }
    struct MembershipRecord: Sendable { var id, city, network: String }

    /// Two relations of Tehran, with their cities and kind: the second can be made a duplicate of the first.
    var relations: [RelationRecord]
    /// Two memberships of one city in two networks: the second can be moved into the first's network.
    var memberships: [MembershipRecord]
    /// A city and a network of the study it is not a member of.
    var outsider: (city: String, network: String)
    var event: String
    /// A source that records cite, and one made for the probes that none cites.
    var citedSource: String
    var uncitedSource: String

    var relation: RelationRecord { relations[0] }
    var membership: MembershipRecord { memberships[0] }

    static let token = "conformance-token-0123456789"
    static let tokens = [token: "conformance"]

    static func discover(_ client: some TestClientProtocol) async throws -> SeededRecords {
        let relations = try await Self.get(client, "/relations?city=iran-2018:tehran&limit=2")["items"] as? [[String: Any]] ?? []
        let relationRecords: [RelationRecord] = relations.compactMap { relation in
            guard let id = relation["id"] as? String, let city = (relation["city"] as? [String: Any])?["id"] as? String,
                  let partner = (relation["partner"] as? [String: Any])?["id"] as? String, let kind = relation["kind"] as? String else { return nil }
            return RelationRecord(id: id, city: city, partner: partner, kind: kind,
                                  sources: (relation["sources"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
        let memberships = try await Self.list(client, "/memberships?dataset=iran-2018").compactMap { membership -> MembershipRecord? in
            guard let id = membership["id"] as? String, let city = membership["city"] as? String, let network = membership["network"] as? String else { return nil }
            return MembershipRecord(id: id, city: city, network: network)
        }
        let byCity = Dictionary(grouping: memberships, by: \.city)
        let networks = try await Self.list(client, "/networks?dataset=iran-2018").compactMap { $0["id"] as? String }
        let cities = byCity.keys.sorted()
        let twice = try #require(cities.lazy.compactMap { byCity[$0]!.count >= 2 ? byCity[$0]! : nil }.first, "a city of the study with two memberships")
        let outsider: (city: String, network: String) = try #require(cities.lazy.compactMap { city in
            networks.first { network in !byCity[city]!.contains { $0.network == network } }.map { (city: city, network: $0) }
        }.first, "a city and a network it is not a member of")
        let event = try #require(try await Self.list(client, "/events?dataset=iran-2018").first?["id"] as? String)
        let created = try await client.execute(uri: APIDocument.base + "/sources", method: .post,
                                               headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                               body: ByteBuffer(string: #"{"dataset": "iran-2018", "title": "A source no record cites"}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any], "\(created.status)")
        let uncited = try #require(((object["source"] as? [String: Any])?["source"] as? [String: Any])?["id"] as? String)
        try #require(relationRecords.count == 2 && !relationRecords[0].sources.isEmpty, "two relations of Tehran with sources")
        return SeededRecords(relations: relationRecords, memberships: Array(twice.prefix(2)), outsider: outsider, event: event,
                             citedSource: relationRecords[0].sources[0], uncitedSource: uncited)
    }

    private static func get(_ client: some TestClientProtocol, _ path: String) async throws -> [String: Any] {
        let response = try await client.execute(uri: APIDocument.base + path, method: .get)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any], "GET \(path)")
    }

    private static func list(_ client: some TestClientProtocol, _ path: String) async throws -> [[String: Any]] {
        let response = try await client.execute(uri: APIDocument.base + path, method: .get)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]], "GET \(path)")
    }
}

/// The requests sent for each operation of the document, in order (writes that remove a record
/// come last). A documented operation missing here fails the conformance suite; so does an entry
/// here the document does not have. To cover a new route: document it in `openapi.yaml`, then add
/// its probes here — at least its success and every error status the document lists for it.
enum APIProbes {
    /// A study table as a file: each table, in Persian, under a rule; its errors as JSON.
    static let tableFileProbes: [Probe] = [
        Probe(.ok, "Table 2, from the document's example"),
        Probe(.ok, "Table 1 in Persian") { _ in ProbeRequest(parameters: ["number": "1"], query: "lang=fa") },
        Probe(.ok, "Table 3 under the rule 'later'") { _ in ProbeRequest(parameters: ["number": "3"], query: "rule=later") },
        Probe(.badRequest, "an unknown rule") { _ in ProbeRequest(parameters: ["number": "3"], query: "rule=sometimes") },
        Probe(.notFound, "a table the study does not have") { _ in ProbeRequest(parameters: ["number": "9"]) },
        Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(parameters: ["number": "4"], query: "dataset=nowhere") },
    ]

    static let table: [APIDocument.Operation: [Probe]] = [
        .init("GET /openapi.yaml"): [Probe(.ok, "the document itself")],
        .init("GET /datasets"): [Probe(.ok, "every dataset")],
        .init("GET /datasets/{id}"): [
            Probe(.ok, "the study's dataset, from the document's example"),
            Probe(.ok, "the imported dataset") { _ in ProbeRequest(parameters: ["id": ImportedDatasetFixture.id]) },
            Probe(.ok, "a dataset that states neither method nor licence") { _ in ProbeRequest(parameters: ["id": "hostile"]) },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(parameters: ["id": "nowhere"]) },
        ],
        .init("GET /datasets/{id}/quality"): [
            Probe(.ok, "the imported dataset's report") { _ in ProbeRequest(parameters: ["id": ImportedDatasetFixture.id]) },
            Probe(.ok, "its unresolved places, five from the third") { _ in
                ProbeRequest(parameters: ["id": ImportedDatasetFixture.id], query: "status=unresolved&limit=5&offset=2")
            },
            Probe(.ok, "every place of a status") { _ in ProbeRequest(parameters: ["id": ImportedDatasetFixture.id], query: "status=resolved&limit=1000") },
            Probe(.badRequest, "a status the importer does not give") { _ in ProbeRequest(parameters: ["id": ImportedDatasetFixture.id], query: "status=found") },
            Probe(.badRequest, "a limit of 0") { _ in ProbeRequest(parameters: ["id": ImportedDatasetFixture.id], query: "limit=0") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(parameters: ["id": "nowhere"]) },
            Probe(.conflict, "the bundled study, not imported") { _ in ProbeRequest(parameters: ["id": "iran-2018"]) },
        ],
        .init("GET /countries"): [Probe(.ok, "every country")],
        .init("GET /countries/{code}"): [
            Probe(.ok, "Iran, from the document's example"),
            Probe(.ok, "a code in lower case") { _ in ProbeRequest(parameters: ["code": "fr"]) },
            Probe(.notFound, "not a country code") { _ in ProbeRequest(parameters: ["code": "XX1"]) },
        ],
        .init("GET /cities"): [
            Probe(.ok, "the first page of every city"),
            Probe(.ok, "Iran's cities, five at a time") { _ in ProbeRequest(query: "country=IR&limit=5&offset=5") },
            Probe(.ok, "by a Persian name") { _ in ProbeRequest(query: "name=%D8%AA%D9%87%D8%B1%D8%A7%D9%86") },
            Probe(.notFound, "a country that is neither a code nor a name") { _ in ProbeRequest(query: "country=Narnia") },
            Probe(.badRequest, "a limit of 0") { _ in ProbeRequest(query: "limit=0") },
            Probe(.ok, "Iran's cities by the country's Persian name") { _ in ProbeRequest(query: "country=%D8%A7%DB%8C%D8%B1%D8%A7%D9%86&limit=5") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=missing") },
        ],
        .init("GET /cities/{id}"): [
            Probe(.ok, "Tehran, from the document's example"),
            Probe(.ok, "a city of the hostile dataset") { _ in ProbeRequest(parameters: ["id": "hostile:x"]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
            Probe(.ok, "Tehran with any parts counted with it") { _ in ProbeRequest(query: "aggregate_parts=true") },
            Probe(.ok, "parts counted apart, as by default") { _ in ProbeRequest(query: "aggregate_parts=false") },
            Probe(.badRequest, "aggregate_parts neither true nor false") { _ in ProbeRequest(query: "aggregate_parts=yes") },
        ],
        .init("GET /relations"): [
            Probe(.ok, "every relation, up to the limit") { _ in ProbeRequest(query: "limit=1000") },
            Probe(.ok, "filtered by city, country, kind and years") { _ in ProbeRequest(query: "city=Tehran&country=CN&kind=sister_city&from=1900&to=2020") },
            Probe(.badRequest, "a year that is not a number") { _ in ProbeRequest(query: "from=abc") },
            Probe(.badRequest, "from after to") { _ in ProbeRequest(query: "from=2010&to=2000") },
            Probe(.badRequest, "a kind that is not one") { _ in ProbeRequest(query: "kind=foo") },
            Probe(.ok, "a country by its Persian name and a Solar Hijri year") { _ in ProbeRequest(query: "country=%DA%86%DB%8C%D9%86&from=1370SH") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=missing") },
        ],
        .init("POST /relations"): [
            Probe(.created, "a friendship of two cities") { _ in
                try .json(["dataset": "iran-2018", "city": "iran-2018:tabriz", "partner": "iran-2018:yazd", "kind": "friendship", "signed": "1385-02-24 SH", "themes": ["culture"]])
            },
            Probe(.badRequest, "every field wrong") { _ in
                try .json(["dataset": "iran-2018", "city": "Atlantis", "partner": "iran-2018:isfahan", "signed": "the spring"])
            },
            Probe(.badRequest, "a field no record has") { _ in try .json(["dataset": "iran-2018", "colour": "red"]) },
            Probe(.badRequest, "a body that is not JSON") { _ in .raw("[1, 2") },
            Probe(.unauthorized, "no token") { _ in try .json(["dataset": "iran-2018"], authorised: false) },
            Probe(.conflict, "the same pair and kind as a seeded relation") { records in
                try .json(["dataset": "iran-2018", "city": records.relation.city, "partner": records.relation.partner, "kind": records.relation.kind])
            },
            Probe(.contentTooLarge, "a body over the limit") { _ in .oversized() },
            Probe(.forbidden, "into the bundled sample, whatever the fields") { _ in try .json(["dataset": ObservatoryFixture.bundledSample, "city": "Atlantis"]) },
            Probe(.notFound, "a city the dataset does not have") { _ in
                try .json(["dataset": "iran-2018", "city": "Atlantis", "partner": "iran-2018:isfahan", "kind": "friendship"])
            },
            Probe(.unsupportedMediaType, "a body declared as text") { _ in .plainText() },
        ],
        .init("GET /networks"): [
            Probe(.ok, "the study's networks") { _ in ProbeRequest(query: "dataset=iran-2018") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=missing") },
        ],
        .init("GET /networks/{id}"): [
            Probe(.ok, "a network with its members") { records in ProbeRequest(parameters: ["id": records.membership.network]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
        ],
        .init("GET /network"): [
            Probe(.ok, "the study's network of cities"),
            Probe(.ok, "its countries, Iran in focus, top 3") { _ in ProbeRequest(query: "level=country&focus_country=IR&top=3") },
            Probe(.ok, "two datasets, a focus country by its Persian name, another seed") { _ in
                ProbeRequest(query: "dataset=iran-2018&dataset=hostile&focus_country=%D8%A7%DB%8C%D8%B1%D8%A7%D9%86&seed=7")
            },
            Probe(.ok, "every node as CSV") { _ in ProbeRequest(query: "format=csv") },
            Probe(.ok, "every country as CSV in Persian") { _ in ProbeRequest(query: "format=csv&level=country&lang=fa") },
            Probe(.badRequest, "a level that is not one") { _ in ProbeRequest(query: "level=region") },
            Probe(.badRequest, "top 0") { _ in ProbeRequest(query: "top=0") },
            Probe(.notFound, "a focus country that is none") { _ in ProbeRequest(query: "focus_country=Narnia") },
            Probe(.badRequest, "a seed that is not a number") { _ in ProbeRequest(query: "seed=abc") },
            Probe(.badRequest, "a format the API does not write") { _ in ProbeRequest(query: "format=xml") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=nowhere") },
        ],
        .init("GET /compare"): [
            Probe(.ok, "Tehran against Iran's cities") { _ in ProbeRequest(query: "subject=Tehran&subject=country:IR") },
            Probe(.ok, "a group of a scheme, a list of cities, two datasets, Persian CSV") { _ in
                ProbeRequest(query: "subject=group:study-regions:periphery&subject=cities:Tehran,Isfahan&dataset=iran-2018&dataset=hostile&format=csv&lang=fa")
            },
            Probe(.ok, "under the study's regions, another seed and fewer draws") { _ in
                ProbeRequest(query: "subject=Tabriz&subject=Mashhad&subject=Shiraz&scheme=study-regions&draws=200&seed=7")
            },
            Probe(.ok, "with the best-connected cities' network ranks") { _ in ProbeRequest(query: "subject=Tehran&subject=Isfahan&network_measures=true&draws=100") },
            Probe(.badRequest, "network_measures that is not true or false") { _ in ProbeRequest(query: "subject=Tehran&subject=Isfahan&network_measures=maybe") },
            Probe(.badRequest, "one subject") { _ in ProbeRequest(query: "subject=Tehran") },
            Probe(.notFound, "a city that is none") { _ in ProbeRequest(query: "subject=Atlantis&subject=country:IR") },
            Probe(.notFound, "a group the scheme lacks") { _ in ProbeRequest(query: "subject=Tehran&subject=group:un-m49:atlantis") },
            Probe(.notFound, "a scheme that is none") { _ in ProbeRequest(query: "subject=Tehran&subject=Isfahan&scheme=none") },
            Probe(.badRequest, "draws 0") { _ in ProbeRequest(query: "subject=Tehran&subject=Isfahan&draws=0") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "subject=Tehran&subject=Isfahan&dataset=missing") },
        ],
        .init("GET /baseline"): [
            Probe(.ok, "Iran's periphery against the other dataset") { _ in ProbeRequest(query: "focus=country:IR&scheme=study-regions&group=periphery&against=hostile&draws=200") },
            Probe(.ok, "the imported dataset stands for the world when none is named") { _ in ProbeRequest(query: "focus=country:IR&scheme=study-regions&group=periphery&draws=100") },
            Probe(.ok, "rewired, in Persian") { _ in
                ProbeRequest(query: "focus=country:IR&scheme=un-m49&group=asia&against=hostile&model=rewire&draws=50&lang=fa")
            },
            Probe(.badRequest, "no group") { _ in ProbeRequest(query: "focus=country:IR&scheme=study-regions") },
            Probe(.badRequest, "a model that is none") { _ in ProbeRequest(query: "focus=country:IR&scheme=study-regions&group=periphery&model=magic") },
            Probe(.notFound, "a group the scheme lacks") { _ in ProbeRequest(query: "focus=country:IR&scheme=study-regions&group=atlantis") },
            Probe(.notFound, "an unknown reference dataset") { _ in ProbeRequest(query: "focus=country:IR&scheme=study-regions&group=periphery&against=missing") },
        ],
        .init("GET /network/cities/{id}"): [
            Probe(.ok, "Tehran, from the document's example"),
            Probe(.ok, "a city with no relation to another city") { _ in ProbeRequest(parameters: ["id": "iran-2018:ahvaz"]) },
            Probe(.ok, "a city of the hostile dataset, in its own network") { _ in ProbeRequest(parameters: ["id": "hostile:x"]) },
            Probe(.ok, "Tehran in two datasets, another seed") { _ in ProbeRequest(query: "dataset=iran-2018&dataset=hostile&seed=7") },
            Probe(.badRequest, "a negative seed") { _ in ProbeRequest(query: "seed=-1") },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
            Probe(.notFound, "a city of another dataset than the one named") { _ in ProbeRequest(parameters: ["id": "hostile:x"], query: "dataset=iran-2018") },
        ],
        .init("GET /cities/{id}/recommendations"): [
            Probe(.ok, "Tehran, from the document's example"),
            Probe(.ok, "Tehran, three, no Turkish city") { _ in ProbeRequest(query: "top=3&exclude_country=TR&exclude_country=Iraq") },
            Probe(.badRequest, "top 0") { _ in ProbeRequest(query: "top=0") },
            Probe(.badRequest, "top not a number") { _ in ProbeRequest(query: "top=many") },
            Probe(.notFound, "a country that is none") { _ in ProbeRequest(query: "exclude_country=Narnia") },
            Probe(.notFound, "a city with no relation to another city") { _ in ProbeRequest(parameters: ["id": "iran-2018:ahvaz"]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=nowhere") },
        ],
        .init("GET /cities/{id}/peers"): [
            Probe(.ok, "Tehran, from the document's example"),
            Probe(.ok, "Tehran, three, by the study's regions") { _ in ProbeRequest(query: "top=3&scheme=study-regions") },
            Probe(.badRequest, "top 0") { _ in ProbeRequest(query: "top=0") },
            Probe(.badRequest, "top not a number") { _ in ProbeRequest(query: "top=many") },
            Probe(.notFound, "a city with no relation to another city") { _ in ProbeRequest(parameters: ["id": "iran-2018:ahvaz"]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=nowhere") },
        ],
        .init("POST /alignment"): [
            Probe(.ok, "Iran's cities against the example priorities, the imported sample as the world") { _ in
                .yaml(try ProbeRequest.examplePriorities, query: "focus=country:IR&against=imported-sample&draws=100&seed=7")
            },
            Probe(.badRequest, "the study's dataset as the world, which leaves none outside Iran") { _ in
                .yaml(try ProbeRequest.examplePriorities, query: "focus=country:IR&against=iran-2018&draws=100")
            },
            Probe(.badRequest, "draws beyond the web's 1,000") { _ in .yaml(try ProbeRequest.examplePriorities, query: "focus=IR&draws=1001") },
            Probe(.badRequest, "a weight that is no number") { _ in
                .yaml(try ProbeRequest.examplePriorities.replacingOccurrences(of: "weight: 2", with: "weight: heavy"), query: "focus=country:IR")
            },
            Probe(.notFound, "a country that is none") { _ in .yaml(try ProbeRequest.examplePriorities, query: "focus=country:XX") },
            Probe(.badRequest, "draws 0") { _ in .yaml(try ProbeRequest.examplePriorities, query: "focus=IR&draws=0") },
            Probe(.notFound, "an unknown dataset") { _ in .yaml(try ProbeRequest.examplePriorities, query: "focus=IR&dataset=missing") },
            Probe(.contentTooLarge, "priorities over 64 KiB") { _ in .yaml(String(repeating: "#", count: 70 * 1024), query: "focus=IR") },
            Probe(.unsupportedMediaType, "a JSON body") { _ in try .json(["focus": "IR"], authorised: false).withQuery("focus=IR") },
        ],
        .init("GET /memberships"): [
            Probe(.ok, "every membership"),
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=missing") },
        ],
        .init("POST /memberships"): [
            Probe(.created, "a city into a network it is not in") { records in
                try .json(["dataset": "iran-2018", "city": records.outsider.city, "network": records.outsider.network, "since": "2019", "role_en": "observer"])
            },
            Probe(.badRequest, "no network") { records in try .json(["dataset": "iran-2018", "city": records.outsider.city]) },
            Probe(.unauthorized, "no token") { _ in try .json(["dataset": "iran-2018"], authorised: false) },
            Probe(.conflict, "a city into a network it is already in") { records in
                try .json(["dataset": "iran-2018", "city": records.membership.city, "network": records.membership.network])
            },
            Probe(.contentTooLarge, "a body over the limit") { _ in .oversized() },
            Probe(.forbidden, "into the bundled sample") { _ in try .json(["dataset": ObservatoryFixture.bundledSample, "city": "Sampleton", "network": "x"]) },
            Probe(.notFound, "a network the dataset does not have") { records in try .json(["dataset": "iran-2018", "city": records.outsider.city, "network": "Atlantis League"]) },
            Probe(.unsupportedMediaType, "a body declared as text") { _ in .plainText() },
        ],
        .init("GET /events"): [
            Probe(.ok, "every event"),
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=missing") },
        ],
        .init("POST /events"): [
            Probe(.created, "an event") { _ in
                try .json(["dataset": "iran-2018", "city": "iran-2018:tabriz", "kind": "tourism_capital", "title_en": "Tabriz 2018", "year": 2018])
            },
            Probe(.badRequest, "a year that is not one") { _ in
                try .json(["dataset": "iran-2018", "city": "iran-2018:tabriz", "kind": "tourism_capital", "title_en": "Tabriz", "year": "soon"])
            },
            Probe(.unauthorized, "no token") { _ in try .json(["dataset": "iran-2018"], authorised: false) },
            Probe(.contentTooLarge, "a body over the limit") { _ in .oversized() },
            Probe(.forbidden, "into the bundled sample") { _ in try .json(["dataset": ObservatoryFixture.bundledSample, "city": "Sampleton"]) },
            Probe(.notFound, "a dataset there is not") { _ in try .json(["dataset": "nowhere", "city": "x", "kind": "summit", "title_en": "x", "year": 2018]) },
            Probe(.unsupportedMediaType, "a body declared as text") { _ in .plainText() },
        ],
        .init("GET /tables/{number}"): [
            Probe(.ok, "Table 1") { _ in ProbeRequest(parameters: ["number": "1"]) },
            Probe(.ok, "Table 2 in Persian") { _ in ProbeRequest(parameters: ["number": "2"], query: "lang=fa") },
            Probe(.ok, "Table 3 under the rule 'later'") { _ in ProbeRequest(parameters: ["number": "3"], query: "rule=later") },
            Probe(.ok, "Table 4") { _ in ProbeRequest(parameters: ["number": "4"]) },
            Probe(.badRequest, "an unknown language") { _ in ProbeRequest(parameters: ["number": "1"], query: "lang=xx") },
            Probe(.badRequest, "an unknown rule") { _ in ProbeRequest(parameters: ["number": "3"], query: "rule=sometimes") },
            Probe(.notFound, "an unknown scheme of regions") { _ in ProbeRequest(parameters: ["number": "2"], query: "regions=nowhere") },
            Probe(.notFound, "a table the study does not have") { _ in ProbeRequest(parameters: ["number": "5"]) },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(parameters: ["number": "1"], query: "dataset=nowhere") },
        ],
        .init("GET /tables/{number}.csv"): tableFileProbes,
        .init("GET /tables/{number}.md"): tableFileProbes,
        .init("GET /codebook"): [
            Probe(.ok, "the study's themes, in both languages"),
            Probe(.badRequest, "an unknown language") { _ in ProbeRequest(query: "lang=xx") },
        ],
        .init("GET /schemes/{id}"): [
            Probe(.ok, "the study's civilisations with their three readings, from the document's example"),
            Probe(.ok, "a reading's id, in Persian") { _ in ProbeRequest(parameters: ["id": "study-civilisations:islam-alone"], query: "lang=fa") },
            Probe(.ok, "a scheme with one grouping") { _ in ProbeRequest(parameters: ["id": "study-regions"]) },
            Probe(.badRequest, "an unknown language") { _ in ProbeRequest(parameters: ["id": "oic"], query: "lang=xx") },
            Probe(.notFound, "an unknown scheme") { _ in ProbeRequest(parameters: ["id": "nowhere"]) },
        ],
        .init("GET /audit"): [
            Probe(.ok, "the study's audit"),
            Probe(.ok, "in Persian") { _ in ProbeRequest(query: "lang=fa") },
            Probe(.ok, "only the findings that do not match") { _ in ProbeRequest(query: "status=mismatch") },
            Probe(.ok, "only the findings that evidence the study lacked contradicts") { _ in ProbeRequest(query: "status=contradicted") },
            Probe(.badRequest, "a status findings do not have") { _ in ProbeRequest(query: "status=wrong") },
            Probe(.ok, "only the consistency checks") { _ in ProbeRequest(query: "kind=consistency") },
            Probe(.ok, "the independent checks that do not match, in Persian") { _ in ProbeRequest(query: "kind=independent&status=mismatch&lang=fa") },
            Probe(.badRequest, "a kind findings do not have") { _ in ProbeRequest(query: "kind=wrong") },
            Probe(.badRequest, "an unknown language") { _ in ProbeRequest(query: "lang=xx") },
            Probe(.notFound, "a dataset with no published values") { _ in ProbeRequest(query: "dataset=hostile") },
        ],
        .init("GET /statistics"): [
            Probe(.ok, "every dataset's totals"),
            Probe(.ok, "the study's, top 3") { _ in ProbeRequest(query: "dataset=iran-2018&top=3") },
            Probe(.badRequest, "top 0") { _ in ProbeRequest(query: "top=0") },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=nowhere") },
            Probe(.ok, "parts counted with their cities") { _ in ProbeRequest(query: "aggregate_parts=true&top=5") },
            Probe(.badRequest, "aggregate_parts neither true nor false") { _ in ProbeRequest(query: "aggregate_parts=1") },
        ],
        .init("GET /export/relations.csv"): exportProbes,
        .init("GET /export/relations.geojson"): exportProbes,
        .init("GET /export/relations.graphml"): exportProbes,
        .init("GET /datasets/{id}/segments.csv"): [
            Probe(.ok, "the study's coded segments") { _ in ProbeRequest(parameters: ["id": "iran-2018"]) },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(parameters: ["id": "nowhere"]) },
        ],
        .init("GET /datasets/{id}/project.qdpx"): [
            Probe(.ok, "the study's coded corpus") { _ in ProbeRequest(parameters: ["id": "iran-2018"]) },
            Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(parameters: ["id": "nowhere"]) },
        ],
        .init("GET /relations/{id}"): [
            Probe(.ok, "a seeded relation") { records in ProbeRequest(parameters: ["id": records.relation.id]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
        ],
        .init("PUT /relations/{id}"): [
            Probe(.ok, "a new kind and date") { records in
                try .json(["city": records.relation.city, "partner": records.relation.partner, "kind": "friendship", "signed": "2007"], parameters: ["id": records.relation.id])
            },
            Probe(.badRequest, "no kind") { records in
                try .json(["city": records.relation.city, "partner": records.relation.partner], parameters: ["id": records.relation.id])
            },
            Probe(.unauthorized, "no token") { records in try .json(["kind": "friendship"], parameters: ["id": records.relation.id], authorised: false) },
            Probe(.notFound, "an unknown id") { _ in try .json(["city": "iran-2018:tehran", "partner": "iran-2018:yazd", "kind": "friendship"], parameters: ["id": "nowhere:none"]) },
            Probe(.conflict, "the pair and kind of another relation") { records in
                let other = records.relations[1]
                return try .json(["city": other.city, "partner": other.partner, "kind": other.kind], parameters: ["id": records.relation.id])
            },
            Probe(.contentTooLarge, "a body over the limit") { records in .oversized(parameters: ["id": records.relation.id]) },
            Probe(.forbidden, "a record of the bundled sample") { _ in try .json([:], parameters: ["id": ProbeRequest.bundled("r1")]) },
            Probe(.unsupportedMediaType, "a body declared as text") { records in .plainText(parameters: ["id": records.relation.id]) },
        ],
        .init("DELETE /relations/{id}"): [
            Probe(.forbidden, "a record of the bundled sample") { _ in ProbeRequest(parameters: ["id": ProbeRequest.bundled("r1")], authorised: true) },
            Probe(.unauthorized, "no token") { records in ProbeRequest(parameters: ["id": records.relation.id]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"], authorised: true) },
            Probe(.noContent, "a seeded relation") { records in ProbeRequest(parameters: ["id": records.relation.id], authorised: true) },
        ],
        .init("GET /memberships/{id}"): [
            Probe(.ok, "a seeded membership") { records in ProbeRequest(parameters: ["id": records.membership.id]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
        ],
        .init("PUT /memberships/{id}"): [
            Probe(.ok, "a role") { records in
                try .json(["city": records.membership.city, "network": records.membership.network, "role_en": "founder", "role_fa": "بنیان‌گذار"], parameters: ["id": records.membership.id])
            },
            Probe(.badRequest, "a date that is not one") { records in
                try .json(["city": records.membership.city, "network": records.membership.network, "since": "the spring"], parameters: ["id": records.membership.id])
            },
            Probe(.unauthorized, "no token") { records in try .json(["role_en": "x"], parameters: ["id": records.membership.id], authorised: false) },
            Probe(.notFound, "an unknown id") { records in
                try .json(["city": records.membership.city, "network": records.membership.network], parameters: ["id": "nowhere:none"])
            },
            Probe(.conflict, "into a network the city is already in") { records in
                try .json(["city": records.memberships[1].city, "network": records.memberships[0].network], parameters: ["id": records.memberships[1].id])
            },
            Probe(.contentTooLarge, "a body over the limit") { records in .oversized(parameters: ["id": records.membership.id]) },
            Probe(.forbidden, "a record of the bundled sample") { _ in try .json([:], parameters: ["id": ProbeRequest.bundled("m1")]) },
            Probe(.unsupportedMediaType, "a body declared as text") { records in .plainText(parameters: ["id": records.relation.id]) },
        ],
        .init("DELETE /memberships/{id}"): [
            Probe(.forbidden, "a record of the bundled sample") { _ in ProbeRequest(parameters: ["id": ProbeRequest.bundled("m1")], authorised: true) },
            Probe(.unauthorized, "no token") { records in ProbeRequest(parameters: ["id": records.membership.id]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"], authorised: true) },
            Probe(.noContent, "a seeded membership") { records in ProbeRequest(parameters: ["id": records.membership.id], authorised: true) },
        ],
        .init("GET /events/{id}"): [
            Probe(.ok, "a seeded event") { records in ProbeRequest(parameters: ["id": records.event]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
        ],
        .init("PUT /events/{id}"): [
            Probe(.ok, "a new title") { records in
                try .json(["city": "iran-2018:tehran", "kind": "sports_games", "title_en": "Asian Games", "year": 1974], parameters: ["id": records.event])
            },
            Probe(.badRequest, "a record cannot move to another dataset") { records in
                try .json(["dataset": "hostile", "city": "iran-2018:tehran", "kind": "sports_games", "title_en": "Asian Games", "year": 1974], parameters: ["id": records.event])
            },
            Probe(.unauthorized, "no token") { records in try .json(["year": 1974], parameters: ["id": records.event], authorised: false) },
            Probe(.notFound, "an unknown id") { _ in
                try .json(["city": "iran-2018:tehran", "kind": "sports_games", "title_en": "Asian Games", "year": 1974], parameters: ["id": "nowhere:none"])
            },
            Probe(.contentTooLarge, "a body over the limit") { records in .oversized(parameters: ["id": records.event]) },
            Probe(.forbidden, "a record of the bundled sample") { _ in try .json([:], parameters: ["id": ProbeRequest.bundled("e1")]) },
            Probe(.unsupportedMediaType, "a body declared as text") { records in .plainText(parameters: ["id": records.relation.id]) },
        ],
        .init("DELETE /events/{id}"): [
            Probe(.forbidden, "a record of the bundled sample") { _ in ProbeRequest(parameters: ["id": ProbeRequest.bundled("e1")], authorised: true) },
            Probe(.unauthorized, "no token") { records in ProbeRequest(parameters: ["id": records.event]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"], authorised: true) },
            Probe(.noContent, "a seeded event") { records in ProbeRequest(parameters: ["id": records.event], authorised: true) },
        ],
        .init("GET /sources/{id}"): [
            Probe(.ok, "a cited source") { records in ProbeRequest(parameters: ["id": records.citedSource]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"]) },
        ],
        .init("PUT /sources/{id}"): [
            Probe(.ok, "a new title") { records in try .json(["title": "Retitled", "url": "https://example.org/a"], parameters: ["id": records.citedSource]) },
            Probe(.badRequest, "a URL that is not http") { records in try .json(["title": "x", "url": "javascript:alert(1)"], parameters: ["id": records.citedSource]) },
            Probe(.unauthorized, "no token") { records in try .json(["title": "x"], parameters: ["id": records.citedSource], authorised: false) },
            Probe(.notFound, "an unknown id") { _ in try .json(["title": "x"], parameters: ["id": "nowhere:none"]) },
            Probe(.contentTooLarge, "a body over the limit") { records in .oversized(parameters: ["id": records.citedSource]) },
            Probe(.forbidden, "a record of the bundled sample") { _ in try .json([:], parameters: ["id": ProbeRequest.bundled("s1")]) },
            Probe(.unsupportedMediaType, "a body declared as text") { records in .plainText(parameters: ["id": records.relation.id]) },
        ],
        .init("DELETE /sources/{id}"): [
            Probe(.forbidden, "a record of the bundled sample") { _ in ProbeRequest(parameters: ["id": ProbeRequest.bundled("s1")], authorised: true) },
            Probe(.unauthorized, "no token") { records in ProbeRequest(parameters: ["id": records.uncitedSource]) },
            Probe(.notFound, "an unknown id") { _ in ProbeRequest(parameters: ["id": "nowhere:none"], authorised: true) },
            Probe(.conflict, "a source records cite") { records in ProbeRequest(parameters: ["id": records.citedSource], authorised: true) },
            Probe(.noContent, "a source no record cites") { records in ProbeRequest(parameters: ["id": records.uncitedSource], authorised: true) },
        ],
        .init("POST /sources"): [
            Probe(.created, "a source") { _ in
                try .json(["dataset": "iran-2018", "title": "Tabriz municipality news", "url": "https://tabriz.ir/news/1", "language": "fa", "accessed": "1403-01-15 SH"])
            },
            Probe(.badRequest, "a language that is not ISO 639-1") { _ in try .json(["dataset": "iran-2018", "title": "x", "language": "Farsi"]) },
            Probe(.unauthorized, "no token") { _ in try .json(["dataset": "iran-2018", "title": "x"], authorised: false) },
            Probe(.contentTooLarge, "a body over the limit") { _ in .oversized() },
            Probe(.forbidden, "into the bundled sample") { _ in try .json(["dataset": ObservatoryFixture.bundledSample, "title": "x"]) },
            Probe(.notFound, "a dataset there is not") { _ in try .json(["dataset": "nowhere", "title": "x"]) },
            Probe(.unsupportedMediaType, "a body declared as text") { _ in .plainText() },
        ],
        .init("GET /changes"): [
            Probe(.ok, "the log (the probes' own source is in it)"),
            Probe(.ok, "paged") { _ in ProbeRequest(query: "limit=1&offset=0") },
            Probe(.badRequest, "a limit of 0") { _ in ProbeRequest(query: "limit=0") },
        ],
    ].merging(documentProbes) { first, _ in first }

    static let exportProbes: [Probe] = [
        Probe(.ok, "the study's relations") { _ in ProbeRequest(query: "dataset=iran-2018") },
        Probe(.ok, "filtered by city, kind and year") { _ in ProbeRequest(query: "city=iran-2018:tehran&kind=sister_city&from=1990") },
        Probe(.notFound, "a country that is neither a code nor a name") { _ in ProbeRequest(query: "country=Narnia") },
        Probe(.notFound, "an unknown dataset") { _ in ProbeRequest(query: "dataset=nowhere") },
        Probe(.badRequest, "a kind neither known nor held by any record") { _ in ProbeRequest(query: "kind=foo") },
    ]
}
