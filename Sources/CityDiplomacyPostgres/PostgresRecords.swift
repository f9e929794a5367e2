import CityDiplomacyCore
import Foundation
import PostgresNIO

/// A row of the `record` table: one record of any kind as JSON, with the columns reads filter
/// and order on taken from it.
///
/// ```swift
/// let row = RecordRow(relation, position: relation.position)
/// ```
struct RecordRow {
    enum Kind: String {
        case city, relation, network, membership, event, source, document, segment
    }

    var kind: Kind
    var id: String
    var datasetID: String
    var position: Int
    var data: String
    var cityID: String?
    var partnerID: String?
    var networkID: String?
    var relationKind: String?
    var yearMin: Int?
    var yearMax: Int?
    var countryCode: String?
    var nameEn: String?
    var partOf: String?
    var attachedKind: String?
    var attachedID: String?
    var documentID: String?

    init(kind: Kind, id: String, datasetID: String, position: Int, data: String) {
        (self.kind, self.id, self.datasetID, self.position, self.data) = (kind, id, datasetID, position, data)
    }

    init(_ city: City, datasetID: String, position: Int) throws {
        self.init(kind: .city, id: city.id, datasetID: datasetID, position: position, data: try RecordJSON.encode(city))
        countryCode = city.country.rawValue
        nameEn = city.name.en
        partOf = city.partOf
    }

    init(_ relation: BilateralRelation) throws {
        self.init(kind: .relation, id: relation.id, datasetID: relation.datasetID, position: relation.position, data: try RecordJSON.encode(relation))
        cityID = relation.cityID
        partnerID = relation.partnerID
        relationKind = relation.kind.rawValue
        let years = relation.signed?.gregorianYears
        yearMin = years?.lowerBound
        yearMax = years?.upperBound
    }

    init(_ network: CityNetwork) throws {
        self.init(kind: .network, id: network.id, datasetID: network.datasetID, position: network.position, data: try RecordJSON.encode(network))
        partOf = network.partOf
    }

    init(_ membership: NetworkMembership) throws {
        self.init(kind: .membership, id: membership.id, datasetID: membership.datasetID, position: membership.position,
                  data: try RecordJSON.encode(membership))
        cityID = membership.cityID
        networkID = membership.networkID
    }

    init(_ event: InternationalEvent) throws {
        self.init(kind: .event, id: event.id, datasetID: event.datasetID, position: event.position, data: try RecordJSON.encode(event))
        cityID = event.cityID
    }

    init(_ source: SourceCitation, datasetID: String, position: Int) throws {
        self.init(kind: .source, id: source.id, datasetID: datasetID, position: position, data: try RecordJSON.encode(source))
    }

    /// A document's row keeps it in the form ``DocumentRecordCoding`` writes, as the SQLite
    /// registry and the change log of both do.
    init(_ document: AgreementDocument) throws {
        self.init(kind: .document, id: document.id, datasetID: document.datasetID, position: document.position,
                  data: try DocumentRecordCoding.encode(document))
        attachedKind = document.attachedTo.kind.rawValue
        attachedID = document.attachedTo.id
    }

    init(_ segment: CodedSegment) throws {
        self.init(kind: .segment, id: segment.id, datasetID: segment.datasetID, position: segment.position,
                  data: try DocumentRecordCoding.encode(segment))
        documentID = segment.documentID
    }

    static let columns = "kind, id, dataset_id, position, data, city_id, partner_id, network_id, relation_kind, year_min, year_max, country_code, name_en, part_of, attached_kind, attached_id, document_id"
    static let columnCount = 17

    func bind(into bindings: inout PostgresBindings) {
        bindings.append(kind.rawValue)
        bindings.append(id)
        bindings.append(datasetID)
        bindings.append(Int64(position))
        bindings.append(data)
        bindings.append(cityID)
        bindings.append(partnerID)
        bindings.append(networkID)
        bindings.append(relationKind)
        bindings.append(yearMin.map(Int32.init))
        bindings.append(yearMax.map(Int32.init))
        bindings.append(countryCode)
        bindings.append(nameEn)
        bindings.append(partOf)
        bindings.append(attachedKind)
        bindings.append(attachedID)
        bindings.append(documentID)
    }

    /// Inserts rows many at a time (PostgreSQL takes at most 65,535 parameters a statement).
    /// With `replacing`, a row of the same kind and id takes the place of the one there, keeping its order.
    static func insert(_ rows: [RecordRow], replacing: Bool = false, in transaction: PostgresTransaction) async throws {
        let perStatement = 65_535 / columnCount
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            var bindings = PostgresBindings(capacity: chunk.count * columnCount)
            var values: [String] = []
            values.reserveCapacity(chunk.count)
            for row in chunk {
                let first = bindings.count + 1
                row.bind(into: &bindings)
                values.append("(" + (first..<first + columnCount).map { "$\($0)" }.joined(separator: ",") + ")")
            }
            var sql = "INSERT INTO record (\(columns)) VALUES " + values.joined(separator: ",")
            if replacing {
                sql += """
                     ON CONFLICT (kind, id) DO UPDATE SET dataset_id = excluded.dataset_id, position = excluded.position, data = excluded.data,
                     city_id = excluded.city_id, partner_id = excluded.partner_id, network_id = excluded.network_id,
                     relation_kind = excluded.relation_kind, year_min = excluded.year_min, year_max = excluded.year_max,
                     country_code = excluded.country_code, name_en = excluded.name_en, part_of = excluded.part_of,
                     attached_kind = excluded.attached_kind, attached_id = excluded.attached_id, document_id = excluded.document_id
                    """
            }
            try await transaction.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
        }
    }
}

/// Records to JSON and back, in one form: keys sorted, slashes as they are (the form the change
/// log writes records in, as the SQLite registry's does).
enum RecordJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// A statement put together from parts, each value bound as a parameter (`$1`, `$2`, …).
struct SQLBuilder {
    var sql = ""
    var bindings = PostgresBindings()

    /// Binds `value` and gives its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        bindings.append(value)
        return "$\(bindings.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}
