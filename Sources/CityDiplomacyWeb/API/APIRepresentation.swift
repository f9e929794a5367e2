import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// Records as the edit endpoints answer them: the application's views, encoded as the rest of
/// the API encodes them.
enum APIRepresentation {
    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    static func relation(_ relation: BilateralRelation, cities: [String: City]) throws -> JSONValue {
        try OrderedJSONEncoder().encode(RelationView(relation, cities: cities))
    }

    static func membership(_ membership: NetworkMembership) throws -> JSONValue {
        try OrderedJSONEncoder().encode(MembershipView(membership))
    }

    static func event(_ event: InternationalEvent) throws -> JSONValue {
        try OrderedJSONEncoder().encode(EventView(event))
    }

    static func source(_ source: SourceCitation) throws -> JSONValue {
        try OrderedJSONEncoder().encode(SourceView(source))
    }
}
