import CityDiplomacyCore
import Foundation
import GRDB

// Rows of the registry's tables. Each is a plain value type mapped by Codable; the
// `+Domain` extensions in this folder convert between rows and the domain's records.

/// Columns are snake_case in SQL and camelCase in Swift.
protocol StoredRecord: Codable, FetchableRecord, PersistableRecord {}

extension StoredRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

struct CountryRow: StoredRecord {
    static let databaseTableName = "country"
    var code: String
    var alpha3: String
    var nameEn: String
    var nameFa: String?
    var aliases: [String]
}

struct DatasetRow: StoredRecord {
    static let databaseTableName = "dataset"
    var id: String
    var titleEn: String
    var titleFa: String?
    var citation: String?
    var description: String?
    var provenance: String?
    var sourceFile: String?
    var contentHash: String?
    var isBundled: Bool
    var importReport: String?
    var storedAt: Date
    var citationFa: String?
    var descriptionFa: String?
    var provenanceFa: String?
    var methodEn: String?
    var methodFa: String?
    var licence: String?

    /// Every column but the import report, which reads as `NULL`: for the look-ups that never show
    /// a report (a city's profile, lists of datasets), since an import of a million rows keeps a
    /// report of tens of megabytes. A column added to the table must be added here too.
    static let columnsWithoutReport = """
        id, title_en, title_fa, citation, description, provenance, source_file, content_hash, is_bundled,
        NULL AS import_report, stored_at, citation_fa, description_fa, provenance_fa, method_en, method_fa, licence
        """
}

struct SourceRow: StoredRecord {
    static let databaseTableName = "source"
    var id: String
    var datasetId: String
    var title: String
    var url: String?
    var publisher: String?
    var language: String?
    var published: String?
    var accessed: String?
    var locator: String?
    var titleFa: String?
    var publisherFa: String?
    var locatorFa: String?
    var supplement: Bool?
}

struct CityRow: StoredRecord {
    static let databaseTableName = "city"
    var id: String
    var datasetId: String
    var nameEn: String
    var nameFa: String?
    var aliases: [String]
    var countryCode: String
    var latitude: Double?
    var longitude: Double?
    var population: Int?
    var geonamesId: Int?
    var wikidataId: String?
    var partOf: String?
    var notes: String?
    var notesFa: String?
}

struct RelationRow: StoredRecord {
    static let databaseTableName = "relation"
    var id: String
    var datasetId: String
    var cityId: String
    var partnerId: String
    var kind: String
    var status: String
    var signed: String?
    var signedYearMin: Int?
    var signedYearMax: Int?
    var notes: String?
    var notesFa: String?
    var periodPlacements: [String: String]
    var position: Int
    var flags: [String]
    var importRows: [Int]
}

struct RelationThemeRow: StoredRecord {
    static let databaseTableName = "relation_theme"
    var relationId: String
    var theme: String
    var position: Int
}

struct NetworkRow: StoredRecord {
    static let databaseTableName = "network"
    var id: String
    var datasetId: String
    var nameEn: String
    var nameFa: String?
    var acronym: String?
    var scope: String
    var category: String
    var founded: String?
    var seat: String?
    var seatFa: String?
    var descriptionEn: String?
    var descriptionFa: String?
    var position: Int
    var partOf: String?
}

struct MembershipRow: StoredRecord {
    static let databaseTableName = "membership"
    var id: String
    var datasetId: String
    var cityId: String
    var networkId: String
    var roleEn: String?
    var roleFa: String?
    var since: String?
    var notes: String?
    var position: Int
    var notesFa: String?
}

struct EventRow: StoredRecord {
    static let databaseTableName = "event"
    var id: String
    var datasetId: String
    var cityId: String
    var kind: String
    var titleEn: String
    var titleFa: String?
    var year: Int
    var awardingBody: String?
    var notes: String?
    var position: Int
    var awardingBodyFa: String?
    var notesFa: String?
}

/// Which kind of record a citation belongs to.
enum CitingRecordKind: String, Codable, DatabaseValueConvertible {
    case relation, network, membership, event
}
