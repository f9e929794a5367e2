import Foundation

extension DatasetContent {
    /// A SHA-256 of the dataset's records — its cities, relations, networks, memberships, events,
    /// sources, documents and coded segments — in lower-case hex: the version a citation of the dataset names.
    ///
    /// The records are written in one canonical form (each kind sorted by id, keys sorted, no
    /// white space), so the hash changes when a record does and not when the registry hands the
    /// records back in another order. The dataset's own description (title, provenance, licence)
    /// is not part of it: it says what the records are, it is not one of them. ``Dataset/contentHash``
    /// is another thing, the hash of the file the dataset was loaded from.
    ///
    /// ```swift
    /// let version = content.recordsHash          // "9c1d…", 64 hex digits
    /// DatasetContent.shortVersion(version)       // "9c1d5e7a0b42"
    /// ```
    public var recordsHash: String {
        ContentHash.sha256Hex(of: canonicalRecords)
    }

    /// The first twelve hex digits of a records hash: enough to tell versions apart in a citation.
    public static func shortVersion(_ hash: String) -> String {
        String(hash.prefix(12))
    }

    /// The records as canonical JSON.
    var canonicalRecords: Data {
        struct Records: Encodable {
            var sources: [SourceCitation]
            var cities: [City]
            var relations: [BilateralRelation]
            var networks: [CityNetwork]
            var memberships: [NetworkMembership]
            var events: [InternationalEvent]
            // Absent where the dataset has none, so that a dataset without documents keeps the
            // version it had before documents were kept.
            var documents: [AgreementDocument]?
            var segments: [CodedSegment]?
        }
        let records = Records(
            sources: sources.sorted { $0.id < $1.id }, cities: cities.sorted { $0.id < $1.id },
            relations: relations.sorted { $0.id < $1.id }, networks: networks.sorted { $0.id < $1.id },
            memberships: memberships.sorted { $0.id < $1.id }, events: events.sorted { $0.id < $1.id },
            documents: documents.isEmpty ? nil : documents.sorted { $0.id < $1.id },
            segments: segments.isEmpty ? nil : segments.sorted { $0.id < $1.id })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every record type is Codable with plain values; a failure here is a programming error.
        return (try? encoder.encode(records)) ?? Data()
    }
}
