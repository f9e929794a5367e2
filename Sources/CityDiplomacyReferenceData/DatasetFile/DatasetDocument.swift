import CityDiplomacyCore

/// The dataset file format `citydiplomacy-dataset/1`, as decoded from YAML.
///
/// These types mirror the file one to one; ``DatasetFile`` checks references and turns them into
/// the domain's records. The format is documented in `Docs/dataset-format.md`.
struct DatasetDocument: Decodable {
    static let formatIdentifier = "citydiplomacy-dataset/1"

    var format: String
    var dataset: Header
    var sources: [Source]?
    var cities: [CityEntry]?
    var relations: [Relation]?
    var networks: [Network]?
    var memberships: [Membership]?
    var events: [Event]?
    var documents: [Document]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, dataset, sources, cities, relations, networks, memberships, events, documents
    }

    struct Header: Decodable {
        var id: String
        var title: LocalizedText
        var citation: TextInBothLanguages?
        var description: TextInBothLanguages?
        var provenance: TextInBothLanguages?
        var method: LocalizedText?
        var licence: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, citation, description, provenance, method, licence
        }
    }

    struct Source: Decodable {
        var id: String
        var title: TextInBothLanguages
        var url: String?
        var publisher: TextInBothLanguages?
        var language: String?
        var published: PartialDate?
        var accessed: PartialDate?
        var locator: TextInBothLanguages?
        /// `true` for a source the dataset's editors add beside the publication it transcribes.
        var supplement: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, url, publisher, language, published, accessed, locator, supplement
        }
    }

    struct CityEntry: Decodable {
        var id: String
        var en: String
        var fa: String?
        var country: String
        var aliases: [String]?
        var latitude: Double?
        var longitude: Double?
        var population: Int?
        var geonames: Int?
        var wikidata: String?
        var notes: TextInBothLanguages?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, en, fa, country, aliases, latitude, longitude, population, geonames, wikidata, notes
        }
    }

    struct Relation: Decodable {
        var city: String
        var partner: String
        var kind: String
        var status: String?
        var signed: PartialDate?
        var themes: [String]?
        var notes: TextInBothLanguages?
        var sources: [String]
        var periods: [String: String]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case city, partner, kind, status, signed, themes, notes, sources, periods
        }
    }

    struct Network: Decodable {
        var id: String
        var name: LocalizedText
        var acronym: String?
        var scope: String
        var category: String?
        var founded: PartialDate?
        var seat: TextInBothLanguages?
        var description: LocalizedText?
        /// The id of the network of this file that this one is a section of.
        var partOf: String?
        var sources: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, acronym, scope, category, founded, seat, description, sources
            case partOf = "part_of"
        }
    }

    struct Membership: Decodable {
        var city: String
        var network: String
        var role: LocalizedText?
        var since: PartialDate?
        var notes: TextInBothLanguages?
        var sources: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case city, network, role, since, notes, sources
        }
    }

    struct Event: Decodable {
        var id: String
        var city: String
        var kind: String
        var title: LocalizedText
        var year: Int
        var awardingBody: TextInBothLanguages?
        var notes: TextInBothLanguages?
        var sources: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, city, kind, title, year, notes, sources
            case awardingBody = "awarding_body"
        }
    }

    /// A text attached to a record, with the passages of it coded with themes.
    struct Document: Decodable {
        var id: String
        /// One key, the kind of record (`relation`, `city`, `membership`, `event`), whose value is
        /// the record's id within the file: `yazd/jaszbereny/sister_city`, `tehran`.
        var attachedTo: [String: String]
        var title: LocalizedText
        var kind: String?
        var language: String
        var date: PartialDate?
        var source: TextInBothLanguages
        var locator: TextInBothLanguages?
        var text: String
        var codings: [Coding]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, kind, language, date, source, locator, text, codings
            case attachedTo = "attached_to"
        }
    }

    /// A passage of a document coded with a theme, given by a quotation of it (its first
    /// occurrence in the text is the passage).
    struct Coding: Decodable {
        var theme: String
        var quote: String
        var coder: String
        var memo: String?
    }

    /// The keys each kind of mapping may have, for rejecting misspelt keys instead of ignoring them.
    static let allowedKeys: [String: Set<String>] = [
        "": Set(CodingKeys.allCases.map(\.rawValue)),
        "dataset": Set(Header.CodingKeys.allCases.map(\.rawValue)),
        "sources": Set(Source.CodingKeys.allCases.map(\.rawValue)),
        "cities": Set(CityEntry.CodingKeys.allCases.map(\.rawValue)),
        "relations": Set(Relation.CodingKeys.allCases.map(\.rawValue)),
        "networks": Set(Network.CodingKeys.allCases.map(\.rawValue)),
        "memberships": Set(Membership.CodingKeys.allCases.map(\.rawValue)),
        "events": Set(Event.CodingKeys.allCases.map(\.rawValue)),
        "documents": Set(Document.CodingKeys.allCases.map(\.rawValue)),
    ]

    /// Fields whose value is a ``LocalizedText`` mapping.
    static let localizedFields: Set<String> = [
        "title", "name", "description", "role", "citation", "provenance", "publisher", "locator", "notes", "seat", "awarding_body",
        "method",
    ]
}
