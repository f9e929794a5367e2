import CityDiplomacyCore
import Foundation

/// Reads the published values of a study (`citydiplomacy-published/1`, YAML) for the audit.
public enum PublishedStudyFile {
    static let formatIdentifier = "citydiplomacy-published/1"

    struct Document: Decodable {
        var format: String
        var dataset: String
        var citation: LocalizedText
        var regionScheme: String
        var affiliationScheme: String
        var periodisation: String
        var table2: [CountryEntry]
        var table2Totals: [String: Int]
        var table3: [PeriodEntry]
        var table4: [NetworkEntry]
        var claims: [ClaimEntry]
        var publication: PublicationEntry?
        var table1: [CityEntry]?
        var table4Sources: [String]?
        var errata: [ErratumEntry]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case format, dataset, citation, periodisation, table1, table2, table3, table4, claims, publication, errata
            case table4Sources = "table4_sources"
            case regionScheme = "region_scheme"
            case affiliationScheme = "affiliation_scheme"
            case table2Totals = "table2_totals"
        }

        /// The study as a publication, for citations.
        struct PublicationEntry: Decodable {
            var key: String
            var type: String
            var language: String?
            var authors: [Author]
            var title: LocalizedText
            var journal: LocalizedText?
            var publisher: LocalizedText?
            var volume: String?
            var issue: String?
            var pages: String?
            var issued: PartialDate
            var issuedAsPrinted: PartialDate?
            var received: PartialDate?
            var accepted: PartialDate?
            var url: String?

            enum CodingKeys: String, CodingKey, CaseIterable {
                case key, type, language, authors, title, journal, publisher, volume, issue, pages, issued, received, accepted, url
                case issuedAsPrinted = "issued_as_printed"
            }

            struct Author: Decodable {
                var family: LocalizedText
                var given: LocalizedText
            }
        }

        struct CityEntry: Decodable {
            var city: String
            var partnerStates: [CountryCode]
            var events: [String]?
            var networks: [String]?
            enum CodingKeys: String, CodingKey, CaseIterable {
                case city, events, networks
                case partnerStates = "partner_states"
            }
        }

        struct ErratumEntry: Decodable {
            var id: String
            var scheme: String
            var country: CountryCode
            var note: LocalizedText
            var sources: [String]
            enum CodingKeys: String, CodingKey, CaseIterable { case id, scheme, country, note, sources }
        }

        struct CountryEntry: Decodable {
            var region: String
            var country: CountryCode
            var affiliation: String?
            var relations: Int
            enum CodingKeys: String, CodingKey, CaseIterable { case region, country, affiliation, relations }
        }

        struct PeriodEntry: Decodable {
            var period: String
            var relations: Int
            var countries: [CountryCode]
            enum CodingKeys: String, CodingKey, CaseIterable { case period, relations, countries }
        }

        struct NetworkEntry: Decodable {
            var network: String
            var scope: CityNetwork.Scope
            var members: [String]
            enum CodingKeys: String, CodingKey, CaseIterable { case network, scope, members }
        }

        struct ClaimEntry: Decodable {
            var id: String
            var text: LocalizedText
            var check: CheckEntry
            enum CodingKeys: String, CodingKey, CaseIterable { case id, text, check }
        }

        struct CheckEntry: Decodable {
            var kind: String
            var relationKind: RelationKind?
            var published: PublishedValue?
            var city: String?
            var country: CountryCode?
            var comparison: String?
            var variants: [Variant]?
            var scheme: String?
            var group: String?
            var ranks: [[String]]?
            var category: CityNetwork.Category?
            var kinds: [EventKind]?
            var comparedWith: Figure?

            enum CodingKeys: String, CodingKey {
                case kind, published, city, country, comparison, variants, scheme, group, ranks, category, kinds
                case relationKind = "relation_kind"
                case comparedWith = "compared_with"
            }

            struct Figure: Decodable {
                var city: String
                var country: CountryCode
                var published: Int
            }

            struct Variant: Decodable {
                var scheme: String
                var tags: [String]
            }
        }

        /// A published value: a number or a name.
        enum PublishedValue: Decodable {
            case number(Int)
            case name(String)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) {
                    self = .number(number)
                } else {
                    self = .name(try container.decode(String.self))
                }
            }
        }
    }

    public static func load(contentsOf url: URL) throws(DataFileError) -> PublishedStudy {
        try load(data: YAMLDocumentReader.read(contentsOf: url), fileName: url.lastPathComponent)
    }

    public static func load(data: Data, fileName: String) throws(DataFileError) -> PublishedStudy {
        let reader = try YAMLDocumentReader(data: data, fileName: fileName, expecting: "a study's published values")
        try reader.rejectUnknownKeys(allowed: [
            "": Set(Document.CodingKeys.allCases.map(\.rawValue)),
            "table2": Set(Document.CountryEntry.CodingKeys.allCases.map(\.rawValue)),
            "table3": Set(Document.PeriodEntry.CodingKeys.allCases.map(\.rawValue)),
            "table4": Set(Document.NetworkEntry.CodingKeys.allCases.map(\.rawValue)),
            "claims": Set(Document.ClaimEntry.CodingKeys.allCases.map(\.rawValue)),
            "publication": Set(Document.PublicationEntry.CodingKeys.allCases.map(\.rawValue)),
            "table1": Set(Document.CityEntry.CodingKeys.allCases.map(\.rawValue)),
            "errata": Set(Document.ErratumEntry.CodingKeys.allCases.map(\.rawValue)),
        ], localizedFields: ["text", "title", "journal", "publisher", "citation", "note"])
        let document = try reader.decode(Document.self)
        guard document.format == formatIdentifier else {
            throw reader.error(at: [.key("format")], value: document.format, problem: "is not a format this version reads: expected \(formatIdentifier)")
        }
        var claims: [PublishedStudy.Claim] = []
        for (index, entry) in document.claims.enumerated() {
            let path: [PathComponent] = [.key("claims"), .index(index), .key("check")]
            claims.append(PublishedStudy.Claim(id: entry.id, text: entry.text, check: try check(entry.check, reader: reader, path: path)))
        }
        var study = PublishedStudy(
            datasetID: document.dataset, citation: document.citation, regionScheme: document.regionScheme,
            affiliationScheme: document.affiliationScheme, periodisation: document.periodisation,
            table2: document.table2.map { .init(region: $0.region, country: $0.country, affiliation: $0.affiliation, relations: $0.relations) },
            table2Totals: document.table2Totals,
            table3: document.table3.map { .init(period: $0.period, relations: $0.relations, countries: $0.countries) },
            table4: document.table4.map { .init(network: $0.network, scope: $0.scope, members: $0.members) },
            claims: claims, publication: try document.publication.map { entry throws(DataFileError) in try publication(entry, reader: reader) })
        study.table1 = (document.table1 ?? []).map {
            .init(city: $0.city, partnerStates: $0.partnerStates, events: $0.events ?? [], networks: $0.networks ?? [])
        }
        study.table4Sources = Set(document.table4Sources ?? [])
        study.errata = (document.errata ?? []).map {
            .init(id: $0.id, scheme: $0.scheme, country: $0.country, note: $0.note, sources: $0.sources)
        }
        return study
    }

    private static func publication(_ entry: Document.PublicationEntry, reader: YAMLDocumentReader) throws(DataFileError) -> BibliographicRecord {
        guard let type = BibliographicRecord.WorkType(rawValue: entry.type) else {
            throw reader.error(at: [.key("publication"), .key("type")], value: entry.type,
                               problem: "is not a kind of work: expected \(BibliographicRecord.WorkType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard entry.key == BibliographicRecord.key(entry.key) else {
            throw reader.error(at: [.key("publication"), .key("key")], value: entry.key,
                               problem: "is not a citation key: expected lower-case letters, digits and hyphens")
        }
        var notes: [LocalizedText] = []
        if let received = entry.received, let accepted = entry.accepted {
            // As the article prints them: year/month/day in the calendar of the journal.
            func printed(_ date: PartialDate) -> String {
                [String(date.year), date.month.map { String(format: "%02d", $0) }, date.day.map { String(format: "%02d", $0) }]
                    .compactMap { $0 }.joined(separator: "/")
            }
            notes.append(.message(received.calendar == .solarHijri ? "cite.note.received-accepted-sh" : "cite.note.received-accepted",
                                  ["received": printed(received), "accepted": printed(accepted)]))
        }
        var record = BibliographicRecord(
            key: entry.key, type: type,
            authors: entry.authors.map { .person(family: $0.family, given: $0.given) },
            title: entry.title, language: entry.language, container: entry.journal, publisher: entry.publisher,
            volume: entry.volume, issue: entry.issue, pages: entry.pages, issued: entry.issued,
            issuedAsPrinted: entry.issuedAsPrinted, url: entry.url, notes: notes)
        record.receivedAndAccepted = notes.first
        return record
    }

    private static func check(_ entry: Document.CheckEntry, reader: YAMLDocumentReader, path: [PathComponent]) throws(DataFileError) -> PublishedStudy.Check {
        func missing(_ field: String) -> DataFileError {
            reader.error(at: path + [.key(field)], value: nil, problem: "is missing: a \(entry.kind) check needs it")
        }
        func number() throws(DataFileError) -> Int {
            guard case let .number(value)? = entry.published else { throw missing("published") }
            return value
        }
        switch entry.kind {
        case "relation-count":
            return .relationCount(kind: entry.relationKind, published: try number())
        case "dated-count", "undated-count":
            return .datedCount(dated: entry.kind == "dated-count", published: try number())
        case "city-partners":
            guard let city = entry.city else { throw missing("city") }
            guard let country = entry.country else { throw missing("country") }
            return .cityPartners(city: city, country: country, published: try number())
        case "tagged-count":
            guard let variants = entry.variants, !variants.isEmpty else { throw missing("variants") }
            guard let comparison = PublishedStudy.Comparison(rawValue: entry.comparison ?? "equal") else {
                throw reader.error(at: path + [.key("comparison")], value: entry.comparison, problem: "expected equal, more-than or fewer-than")
            }
            return .taggedCount(variants: variants.map { .init(scheme: $0.scheme, tags: Set($0.tags)) }, comparison: comparison, published: try number())
        case "group-count":
            guard let scheme = entry.scheme else { throw missing("scheme") }
            guard let group = entry.group else { throw missing("group") }
            return .groupCount(scheme: scheme, group: group, published: try number())
        case "group-ranking":
            guard let scheme = entry.scheme else { throw missing("scheme") }
            guard let ranks = entry.ranks else { throw missing("ranks") }
            return .groupRanking(scheme: scheme, published: ranks)
        case "network-count":
            guard let category = entry.category else { throw missing("category") }
            return .networkCount(category: category, published: try number())
        case "largest-network":
            guard case let .name(network)? = entry.published else { throw missing("published") }
            return .largestNetwork(published: network)
        case "event-count":
            guard let kinds = entry.kinds else { throw missing("kinds") }
            return .eventCount(kinds: kinds, published: try number())
        case "partner-city-count":
            return .partnerCityCount(kind: entry.relationKind, published: try number(),
                                     comparedWith: entry.comparedWith.map { .init(city: $0.city, country: $0.country, published: $0.published) })
        default:
            throw reader.error(at: path + [.key("kind")], value: entry.kind, problem: "is not a kind of check: expected relation-count, dated-count, undated-count, city-partners, tagged-count, group-count, group-ranking, network-count, largest-network, event-count or partner-city-count")
        }
    }
}

extension BundledClassifications {
    /// The published values of the study behind a bundled dataset, if the product ships them.
    ///
    /// Each file is read once a process: the study's (its claims and tables, 17 KB of YAML)
    /// was read again for every page about its dataset, and decoding it through Yams was two
    /// thirds of a warm dashboard (perf, 2026-11-30).
    public static func publishedStudy(forDataset id: String) throws(DataFileError) -> PublishedStudy? {
        try bundledPublishedStudies[id]?.get()
    }

    /// The bundled published studies by dataset id, each read or failed on its own.
    static let bundledPublishedStudies: [String: Result<PublishedStudy, DataFileError>] = {
        var studies: [String: Result<PublishedStudy, DataFileError>] = [:]
        for url in BundledResource.urls(in: "published", withExtension: "yaml") {
            studies[url.deletingPathExtension().lastPathComponent] = Result { () throws(DataFileError) -> PublishedStudy in
                try PublishedStudyFile.load(contentsOf: url)
            }
        }
        return studies
    }()
}
