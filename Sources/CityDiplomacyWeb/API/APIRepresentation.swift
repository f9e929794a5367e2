import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// Records as the edit endpoints answer them: the application's views, encoded as the rest of
/// the API encodes them.
enum APIRepresentation {
    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    static func relation(_ relation: BilateralRelation, cities: [String: City]) -> JSONValue {
        encoded(RelationView(relation, cities: cities))
    }

    static func membership(_ membership: NetworkMembership) -> JSONValue {
        encoded(MembershipView(membership))
    }

    static func event(_ event: InternationalEvent) -> JSONValue {
        encoded(EventView(event))
    }

    static func source(_ source: SourceCitation) -> JSONValue {
        encoded(SourceView(source))
    }

    /// The views hold only strings, numbers and arrays, which the encoder always writes.
    private static func encoded(_ value: some Encodable) -> JSONValue {
        (try? OrderedJSONEncoder().encode(value)) ?? .null
    }
}
