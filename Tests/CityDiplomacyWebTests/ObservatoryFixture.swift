import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import CityDiplomacyWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The observatory over an in-memory registry holding the study's dataset and a small hostile one
/// (a city named like a script) for the escaping tests.
enum ObservatoryFixture {
    static let hostileName = "<script>alert(1)</script>"

    /// How many cities of the study's dataset are in `country`, counted from the bundled file.
    static func studyCities(in country: String) throws -> Int {
        let content = try #require(try BundledDatasets.load(id: "iran-2018", countries: CountryDirectory.bundled()))
        return content.cities.filter { $0.country.rawValue == country }.count
    }

    /// With `editableStudy`, the study's records are stored as a dataset of the reader's own
    /// (not bundled, as `citydip copy-dataset` would make it, but under the same id), so that the
    /// editing tests can change records the other tests know; without it the study is bundled and
    /// read-only, as `citydip init` stores it.
    static func registry(editableStudy: Bool = false) async throws -> SQLiteRegistry {
        let countries = try CountryDirectory.bundled()
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        var study = try #require(try BundledDatasets.load(id: "iran-2018", countries: countries))
        study.dataset.isBundled = !editableStudy
        try await registry.store(study)
        let source = SourceCitation(id: "hostile:src", title: "A \"quoted\" <b>source</b>", url: "https://example.org/?a=1&b=<2>")
        let scriptLink = SourceCitation(id: "hostile:js", title: "click me", url: "javascript:alert(1)")
        let hostile = try City(id: "hostile:x", name: LocalizedText(en: hostileName, fa: hostileName), country: CountryCode(unchecked: "FR"),
                               coordinates: Coordinates(latitude: 48.85, longitude: 2.35))
        let lyon = try City(id: "hostile:lyon", name: LocalizedText(en: "Lyon", fa: "لیون"), country: CountryCode(unchecked: "FR"),
                            coordinates: Coordinates(latitude: 45.76, longitude: 4.84))
        try await registry.store(DatasetContent(
            dataset: Dataset(id: "hostile", title: LocalizedText(en: "Hostile names")),
            sources: [source, scriptLink], cities: [hostile, lyon],
            relations: [BilateralRelation(id: "hostile:r1", datasetID: "hostile", cityID: "hostile:x", partnerID: "hostile:lyon",
                                          kind: .sisterCity, sources: [source, scriptLink])]))
        return registry
    }

    /// The id of ``storeBundledSample(into:)``'s dataset, and its records' ids under it.
    static let bundledSample = "reference-sample"

    /// A small dataset marked bundled, as `citydip init` stores the reference datasets — a record
    /// of each kind, which the API's conformance probes try to write to provoke the 403 a
    /// read-only dataset answers — stored beside the others (its city, Sampleton, names no other).
    static func storeBundledSample(into registry: SQLiteRegistry) async throws {
        let id = bundledSample
        let source = SourceCitation(id: "\(id):s1", title: "A reference source")
        let town = try City(id: "\(id):sampleton", name: LocalizedText(en: "Sampleton"), country: CountryCode(unchecked: "FR"))
        let other = try City(id: "\(id):otherton", name: LocalizedText(en: "Otherton"), country: CountryCode(unchecked: "DE"))
        var dataset = Dataset(id: id, title: LocalizedText(en: "A reference sample"))
        dataset.isBundled = true
        try await registry.store(DatasetContent(
            dataset: dataset, sources: [source], cities: [town, other],
            relations: [BilateralRelation(id: "\(id):r1", datasetID: id, cityID: town.id, partnerID: other.id, kind: .sisterCity, sources: [source])],
            networks: [CityNetwork(id: "\(id):n1", datasetID: id, name: LocalizedText(en: "Sample League"), scope: .global)],
            memberships: [NetworkMembership(id: "\(id):m1", datasetID: id, cityID: town.id, networkID: "\(id):n1")],
            events: [InternationalEvent(id: "\(id):e1", datasetID: id, cityID: town.id, kind: .summit, title: LocalizedText(en: "Sample Summit"), year: 2020)],
            documents: [AgreementDocument(id: "\(id):doc/d1", datasetID: id, attachedTo: RecordReference(kind: .relation, id: "\(id):r1"),
                                          title: LocalizedText(en: "A sample charter"), language: "en", source: LocalizedText(en: "A citation"),
                                          format: "text", text: "Cultural exchange between the two towns.")],
            segments: [CodedSegment(id: "\(id):doc/d1/1", documentID: "\(id):doc/d1", datasetID: id, theme: "culture", range: 0..<8,
                                    coder: SeededRecords.tokens.values.first ?? "conformance")]))
    }

    /// Two codings of the study's Florence passage in the editable study, one by the probes' coder
    /// and one by another, for the probes of deleting a segment (one's own: 204; another's: 409).
    static func storeCodingsForProbes(into registry: SQLiteRegistry) async throws {
        let document = "iran-2018:doc/s51-isfahan-florence"
        _ = try await registry.apply([
            .saveSegment(CodedSegment(id: "\(document)/90", documentID: document, datasetID: "iran-2018", theme: "culture", range: 0..<4,
                                      coder: SeededRecords.tokens.values.first ?? "conformance")),
            .saveSegment(CodedSegment(id: "\(document)/91", documentID: document, datasetID: "iran-2018", theme: "culture", range: 0..<4, coder: "another-coder")),
        ], by: "fixture")
    }

    /// Runs `body` against the observatory in process (no socket), with caching off so that every
    /// request reaches the registry.
    static func withClient(
        writeTokens: [String: String] = [:], cacheLifetime: Double = 0, secureCookies: Bool = false, maxBodySize: Int = WebConfiguration().maxBodySize,
        editableStudy: Bool = false, registry given: SQLiteRegistry? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let registry = if let given { given } else { try await registry(editableStudy: editableStudy) }
        let app = try await buildApplication(WebConfiguration(writeTokens: writeTokens, maxBodySize: maxBodySize, cacheLifetime: cacheLifetime, secureCookies: secureCookies), registry: registry)
        try await app.test(.router) { client in try await body(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
