import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation

/// Relations as files for other tools: CSV for spreadsheets, GeoJSON for GIS (cities as points,
/// relations as lines), GraphML for network analysis (Gephi, networkx).
///
/// Each is written piece by piece to `emit` (a city, a relation) rather than made whole: a
/// world-scale export is hundreds of megabytes, and ``ExportStream`` sends the pieces as they come
/// so that the server never holds the whole file.
enum Exports {
    typealias Emit = (String) async throws -> Void

    static let csvHeader = "id,dataset,city_id,city,city_country_iso2,partner_id,partner,partner_country_iso2,kind,status,signed,year_min,year_max,source_urls"

    static func csv(_ selection: RelationSelection, _ emit: Emit) async throws {
        try await emit(csvHeader + "\r\n")
        for relation in selection.relations {
            let city = selection.cities[relation.cityID]
            let partner = selection.cities[relation.partnerID]
            let years = relation.signed?.gregorianYears
            let fields = [
                relation.id, relation.datasetID, relation.cityID, city?.name.en ?? "", city?.country.rawValue ?? "",
                relation.partnerID, partner?.name.en ?? "", partner?.country.rawValue ?? "", relation.kind.rawValue,
                relation.status.rawValue, relation.signed?.description ?? "", years.map { String($0.lowerBound) } ?? "",
                years.map { String($0.upperBound) } ?? "", relation.sources.compactMap(\.url).joined(separator: " "),
            ]
            try await emit(fields.map(CSVField.quote).joined(separator: ",") + "\r\n")
        }
    }

    /// A FeatureCollection: a Point per city that can be placed, a LineString per relation whose
    /// two ends can. Cities are placed as the map pages place them — by their own coordinates, else
    /// by name in the gazetteer — and each point says which (`located`: `record` or `gazetteer`).
    /// Relations with an end that cannot be placed are counted in `skipped_relations`.
    static func geoJSON(_ selection: RelationSelection, locations: [String: CityLocator.Location], _ emit: Emit) async throws {
        let skipped = selection.relations.count { locations[$0.cityID] == nil || locations[$0.partnerID] == nil }
        try await emit("{\"type\":\"FeatureCollection\",\"skipped_relations\":\(skipped),\"features\":[")
        var first = true
        func feature(_ value: JSONValue) async throws {
            try await emit((first ? "" : ",") + value.serialized(pretty: false))
            first = false
        }
        func position(_ point: Coordinates) -> JSONValue { .array([.double(point.longitude), .double(point.latitude)]) }
        for city in selection.cities.values.sorted(by: { $0.id < $1.id }) {
            guard let location = locations[city.id] else { continue }
            try await feature(.object([
                ("type", .string("Feature")), ("id", .string(city.id)),
                ("geometry", .object([("type", .string("Point")), ("coordinates", position(location.coordinates))])),
                ("properties", .object([
                    ("kind", .string("city")), ("name", .string(city.name.en)), ("name_fa", city.name.fa.map(JSONValue.string) ?? .null),
                    ("country_iso2", .string(city.country.rawValue)), ("located", .string(location.method.rawValue)),
                ])),
            ]))
        }
        for relation in selection.relations {
            guard let a = locations[relation.cityID]?.coordinates, let b = locations[relation.partnerID]?.coordinates else { continue }
            try await feature(.object([
                ("type", .string("Feature")), ("id", .string(relation.id)),
                ("geometry", .object([("type", .string("LineString")), ("coordinates", .array([position(a), position(b)]))])),
                ("properties", .object([
                    ("kind", .string(relation.kind.rawValue)), ("city", .string(relation.cityID)), ("partner", .string(relation.partnerID)),
                    ("signed", relation.signed.map { .string($0.description) } ?? .null), ("dataset", .string(relation.datasetID)),
                ])),
            ]))
        }
        try await emit("]}\n")
    }

    /// An undirected graph: cities as nodes (name, Persian name, country, coordinates), relations
    /// as edges (kind, signing year).
    static func graphML(_ selection: RelationSelection, locations: [String: CityLocator.Location], _ emit: Emit) async throws {
        func xml(_ text: String) -> String { HTMLPage.escape(text) }
        try await emit("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="name" for="node" attr.name="name" attr.type="string"/>
              <key id="name_fa" for="node" attr.name="name_fa" attr.type="string"/>
              <key id="country" for="node" attr.name="country_iso2" attr.type="string"/>
              <key id="lat" for="node" attr.name="latitude" attr.type="double"/>
              <key id="lng" for="node" attr.name="longitude" attr.type="double"/>
              <key id="located" for="node" attr.name="located" attr.type="string"/>
              <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
              <key id="signed" for="edge" attr.name="signed" attr.type="string"/>
              <key id="dataset" for="edge" attr.name="dataset" attr.type="string"/>
              <graph id="relations" edgedefault="undirected">

            """)
        for city in selection.cities.values.sorted(by: { $0.id < $1.id }) {
            var out = "    <node id=\"\(xml(city.id))\"><data key=\"name\">\(xml(city.name.en))</data>"
            if let fa = city.name.fa { out += "<data key=\"name_fa\">\(xml(fa))</data>" }
            out += "<data key=\"country\">\(xml(city.country.rawValue))</data>"
            if let location = locations[city.id] {
                let point = location.coordinates
                out += "<data key=\"lat\">\(point.latitude)</data><data key=\"lng\">\(point.longitude)</data>"
                out += "<data key=\"located\">\(location.method.rawValue)</data>"
            }
            out += "</node>\n"
            try await emit(out)
        }
        for relation in selection.relations {
            var out = "    <edge id=\"\(xml(relation.id))\" source=\"\(xml(relation.cityID))\" target=\"\(xml(relation.partnerID))\"><data key=\"kind\">\(xml(relation.kind.rawValue))</data>"
            if let signed = relation.signed { out += "<data key=\"signed\">\(xml(signed.description))</data>" }
            out += "<data key=\"dataset\">\(xml(relation.datasetID))</data></edge>\n"
            try await emit(out)
        }
        try await emit("  </graph>\n</graphml>\n")
    }
}
