import Foundation

/// A named collection of records with its provenance: the study's transcription, an imported
/// Wikipedia scrape, an office's own registry.
///
/// Every city, relation, network, membership, event and source belongs to exactly one dataset,
/// so that datasets can be compared, replaced or removed as wholes.
///
/// ```swift
/// let study = Dataset(id: "iran-2018", title: LocalizedText(en: "City diplomacy of Iran (2018)"))
/// ```
public struct Dataset: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    /// How to cite the work the dataset transcribes or was derived from.
    public var citation: String?
    public var description: String?
    /// Where the records came from and how they were made.
    public var provenance: String?
    /// How the records were compiled (the study's content analysis, an import's rules), in both
    /// languages, for readers who cite the dataset.
    public var method: LocalizedText?
    /// The licence under which the records may be used (`CC BY 4.0`), as its holder names it;
    /// `nil` where none is stated.
    public var licence: String?
    /// The file the dataset was loaded from, and a SHA-256 of its bytes.
    public var sourceFile: String?
    public var contentHash: String?
    /// Whether the dataset ships with the product (and may be refreshed by `citydip init --refresh`).
    public var isBundled: Bool
    /// The quality report of the import that made the dataset, as JSON, for `citydip quality`.
    public var importReport: String?
    /// The citation, description and provenance in Persian, where the dataset gives them: Persian
    /// output uses these, never the English.
    public var citationFa: String?
    public var descriptionFa: String?
    public var provenanceFa: String?

    public init(
        id: String, title: LocalizedText, citation: String? = nil, description: String? = nil,
        provenance: String? = nil, sourceFile: String? = nil, contentHash: String? = nil,
        isBundled: Bool = false, importReport: String? = nil, method: LocalizedText? = nil, licence: String? = nil
    ) {
        self.id = id
        self.title = title
        self.citation = citation
        self.description = description
        self.provenance = provenance
        self.sourceFile = sourceFile
        self.contentHash = contentHash
        self.isBundled = isBundled
        self.importReport = importReport
        self.method = method
        self.licence = licence
    }

    /// The provenance, citation and description in both languages (English where no Persian is recorded).
    public var provenanceText: LocalizedText? { provenance.map { LocalizedText(en: $0, fa: provenanceFa ?? $0) } }
    public var citationText: LocalizedText? { citation.map { LocalizedText(en: $0, fa: citationFa ?? $0) } }
    public var descriptionText: LocalizedText? { description.map { LocalizedText(en: $0, fa: descriptionFa ?? $0) } }
}

/// All records of one dataset, as values: the unit in which datasets are loaded and stored.
public struct DatasetContent: Hashable, Sendable, Codable {
    public var dataset: Dataset
    /// The dataset's bibliography: every source, cited by a record or not (a study's footnote on
    /// a claim rather than a record is kept too).
    public var sources: [SourceCitation]
    public var cities: [City]
    public var relations: [BilateralRelation]
    public var networks: [CityNetwork]
    public var memberships: [NetworkMembership]
    public var events: [InternationalEvent]
    /// Texts attached to the dataset's records, in the dataset's order.
    public var documents: [AgreementDocument]
    /// Passages of those documents coded with themes (and suggestions rejected), in order.
    public var segments: [CodedSegment]

    public init(
        dataset: Dataset, sources: [SourceCitation] = [], cities: [City] = [], relations: [BilateralRelation] = [],
        networks: [CityNetwork] = [], memberships: [NetworkMembership] = [], events: [InternationalEvent] = [],
        documents: [AgreementDocument] = [], segments: [CodedSegment] = []
    ) {
        self.dataset = dataset
        self.sources = sources
        self.cities = cities
        self.relations = relations
        self.networks = networks
        self.memberships = memberships
        self.events = events
        self.documents = documents
        self.segments = segments
    }

    private enum CodingKeys: String, CodingKey {
        case dataset, sources, cities, relations, networks, memberships, events, documents, segments
    }

    /// Reads a dataset written before documents were kept as one without them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            dataset: try container.decode(Dataset.self, forKey: .dataset),
            sources: try container.decode([SourceCitation].self, forKey: .sources),
            cities: try container.decode([City].self, forKey: .cities),
            relations: try container.decode([BilateralRelation].self, forKey: .relations),
            networks: try container.decode([CityNetwork].self, forKey: .networks),
            memberships: try container.decode([NetworkMembership].self, forKey: .memberships),
            events: try container.decode([InternationalEvent].self, forKey: .events),
            documents: try container.decodeIfPresent([AgreementDocument].self, forKey: .documents) ?? [],
            segments: try container.decodeIfPresent([CodedSegment].self, forKey: .segments) ?? [])
    }

    /// The dataset's cities by id.
    public var citiesByID: [String: City] {
        Dictionary(cities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The dataset's networks by id.
    public var networksByID: [String: CityNetwork] {
        Dictionary(networks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Dataset {
    /// The format an import's report (``importReport``) names, or `nil` where it names none.
    /// Only that field is decoded, though the decoder still scans the whole text.
    public static func importFormat(ofReport report: String) -> String? {
        struct Format: Decodable { var format: String }
        return try? JSONDecoder().decode(Format.self, from: Data(report.utf8)).format
    }
}
