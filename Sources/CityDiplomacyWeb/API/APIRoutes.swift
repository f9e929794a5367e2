import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Hummingbird

/// The JSON API under `/api/v1`, as `openapi.yaml` describes it.
struct APIRoutes {
    let observatory: Observatory

    func register(on router: Router<ObservatoryContext>) {
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response.body(try Assets.text("openapi.yaml"), contentType: "application/yaml; charset=utf-8")
        }
        api.get("datasets") { request, _ in
            try await cachedJSON(request) {
                .array(try await observatory.registry.datasets().map(APIRepresentation.dataset))
            }
        }
        api.get("countries") { request, _ in
            try await cachedJSON(request) { .array(observatory.countries.map(APIRepresentation.country)) }
        }
        api.get("countries/:code") { request, context in
            let code = try PageRoutes.parameter("code", context)
            guard let country = observatory.countriesByCode[CountryCode(unchecked: code.uppercased())] else {
                throw WebError.notFound("country '\(code)'", field: "code")
            }
            let total = try await observatory.registry.countRelations(matching: RelationQuery(country: country.code))
            let cities = try await observatory.registry.countCities(matching: CityQuery(country: country.code))
            return Response.json(JSONValue.object([("country", APIRepresentation.country(country)), ("relations", .number(total)), ("cities", .number(cities))]))
        }
        api.get("cities") { request, _ in
            try await cachedJSON(request) {
                let filters = Filters(request.uri.query)
                let (limit, offset) = try filters.paging(defaultLimit: 100)
                let query = CityQuery(datasetID: filters.text("dataset"), country: try filters.country(), name: filters.text("name"), limit: limit, offset: offset)
                let cities = try await observatory.registry.cities(matching: query)
                let total = try await observatory.registry.countCities(matching: query)
                return APIRepresentation.page(cities.map(APIRepresentation.city), total: total, limit: limit, offset: offset)
            }
        }
        api.get("cities/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await cachedJSON(request) {
                guard let profile = try await observatory.registry.profile(ofCity: id) else { throw WebError.notFound("city '\(id)'", field: "id") }
                let partners = Dictionary(profile.relations.map { ($0.partner.id, $0.partner) }, uniquingKeysWith: { first, _ in first })
                    .merging([profile.city.id: profile.city], uniquingKeysWith: { first, _ in first })
                return .object([
                    ("city", APIRepresentation.city(profile.city)),
                    ("dataset", .string(profile.dataset.id)),
                    ("relations", .array(profile.relations.map { APIRepresentation.relation($0.relation, cities: partners) })),
                    ("memberships", .array(profile.memberships.map { .object([("membership", APIRepresentation.membership($0.membership)), ("network", APIRepresentation.network($0.network))]) })),
                    ("events", .array(profile.events.map(APIRepresentation.event))),
                ])
            }
        }
        api.get("relations") { request, _ in
            try await cachedJSON(request) {
                let filters = Filters(request.uri.query)
                let (limit, offset) = try filters.paging(defaultLimit: 100)
                let query = try filters.relationQuery(limit: limit, offset: offset)
                let selection = try await observatory.registry.relations(matching: query)
                let total = try await observatory.registry.countRelations(matching: query)
                return APIRepresentation.page(selection.relations.map { APIRepresentation.relation($0, cities: selection.cities) },
                                              total: total, limit: limit, offset: offset)
            }
        }
        api.get("networks") { request, _ in
            try await cachedJSON(request) {
                .array(try await observatory.registry.networks(datasetID: Filters(request.uri.query).text("dataset")).map(APIRepresentation.network))
            }
        }
        api.get("networks/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await cachedJSON(request) {
                guard let profile = try await observatory.registry.networkProfile(ofNetwork: id) else { throw WebError.notFound("network '\(id)'", field: "id") }
                return .object([
                    ("network", APIRepresentation.network(profile.network)),
                    ("members", .array(profile.memberships.map { membership in
                        .object([("membership", APIRepresentation.membership(membership)),
                                 ("city", profile.cities[membership.cityID].map(APIRepresentation.city) ?? .null)])
                    })),
                ])
            }
        }
        api.get("memberships") { request, _ in
            try await cachedJSON(request) {
                .array(try await observatory.registry.memberships(datasetID: Filters(request.uri.query).text("dataset")).map(APIRepresentation.membership))
            }
        }
        api.get("events") { request, _ in
            try await cachedJSON(request) {
                .array(try await observatory.registry.events(datasetID: Filters(request.uri.query).text("dataset")).map(APIRepresentation.event))
            }
        }
        api.get("tables/:number") { request, context in
            let raw = try PageRoutes.parameter("number", context)
            guard let number = Int(raw), Observatory.tableNumbers.contains(number) else {
                throw WebError.notFound("table '\(raw)' (the study has tables 1 to 4)", field: "number")
            }
            return try await cachedJSON(request) {
                let filters = Filters(request.uri.query)
                let language = try PageContext.language(filters)
                let table = try await observatory.studyTable(number, filters: filters)
                return .object([
                    ("table", .number(number)), ("title", .string(table.title[language])),
                    ("columns", .array(table.columns.map { .object([("key", .string($0.key)), ("title", .string($0.title[language]))]) })),
                    ("rows", TabulationRenderer(format: .json, language: language).jsonRows(table)),
                    ("notes", .array(table.notes.map { .string($0[language]) })),
                ])
            }
        }
        api.get("audit") { request, _ in
            try await cachedJSON(request) {
                let filters = Filters(request.uri.query)
                let (findings, title) = try await observatory.audit(dataset: filters.text("dataset"))
                let counts = AuditFinding.Status.allCases.map { status in (status.rawValue, JSONValue.number(findings.filter { $0.status == status }.count)) }
                let rendered = AuditRenderer(format: .json, language: try PageContext.language(filters)).json(findings)
                return .object([("title", .string(title.en)), ("summary", .object(counts)), ("findings", rendered)])
            }
        }
        api.get("statistics") { request, _ in
            try await cachedJSON(request) {
                let filters = Filters(request.uri.query)
                let top = try filters.integer("top", in: 1...1000) ?? 10
                let stats = try await observatory.statistics(dataset: filters.text("dataset"), top: top)
                return .object([
                    ("relations", .number(stats.relations)), ("cities", .number(stats.cities)), ("countries", .number(stats.countries)),
                    ("by_country", .object(stats.byCountry.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
                    ("top_cities", .array(stats.topCities.map { .object([("city", .string($0.city.name.en)), ("city_id", .string($0.city.id)), ("country_iso2", .string($0.city.country.rawValue)), ("degree", .number($0.degree))]) })),
                ])
            }
        }
        for (name, contentType) in [("relations.csv", "text/csv; charset=utf-8"), ("relations.geojson", "application/geo+json"), ("relations.graphml", "application/graphml+xml")] {
            api.get("export/\(name)") { request, _ in
                try await cached(request) {
                    let query = try Filters(request.uri.query).relationQuery(limit: nil, offset: 0)
                    let selection = try await observatory.registry.relations(matching: query)
                    let body = switch name {
                    case "relations.csv": Exports.csv(selection)
                    case "relations.geojson": Exports.geoJSON(selection)
                    default: Exports.graphML(selection)
                    }
                    return (body, contentType)
                }
            }
        }
    }

    private func cachedJSON(_ request: Request, _ make: () async throws -> JSONValue) async throws -> Response {
        try await cached(request) { (try await make().serialized(pretty: false) + "\n", "application/json; charset=utf-8") }
    }

    /// Serves a GET from the cache, or makes and keeps it.
    private func cached(_ request: Request, _ make: () async throws -> (body: String, contentType: String)) async throws -> Response {
        let key = request.uri.description
        let revision = observatory.cache.isEnabled ? try await observatory.cache.revision(asking: observatory.registry) : ""
        if case let .hit(entry) = observatory.cache.lookup(key, revision: revision) {
            return .body(entry.body, contentType: entry.contentType)
        }
        let body: String, contentType: String
        do {
            (body, contentType) = try await make()
        } catch {
            observatory.cache.abandon(key)
            throw error
        }
        observatory.cache.put(key, body: body, contentType: contentType, revision: revision)
        return .body(body, contentType: contentType)
    }
}
