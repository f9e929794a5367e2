/// One attribute of every node (or every edge) of an exported graph, typed, so that Gephi,
/// networkx or yEd read a population as a number and a country code as text.
///
/// A value may be missing: `nil`, or NaN in a column of doubles (as unknown coordinates are);
/// the file then says nothing for that node, which is how GraphML and GEXF mark "unknown".
///
/// ```swift
/// let country = GraphAttributeColumn("country", strings: ["IR", "FR", nil])
/// let population = GraphAttributeColumn("population", ints: [9_000_000, 2_100_000, nil])
/// let latitude = GraphAttributeColumn("latitude", doubles: [35.69, 48.86, .nan])
/// ```
public struct GraphAttributeColumn: Sendable {
    /// The values, one per node or edge, of one of the three types both formats share.
    public enum Values: Sendable {
        case string([String?])
        case int([Int?])
        case double([Double?])
    }

    public let name: String
    public let values: Values

    public init(_ name: String, strings: [String?]) { self.name = name; values = .string(strings) }
    public init(_ name: String, ints: [Int?]) { self.name = name; values = .int(ints) }
    public init(_ name: String, doubles: [Double?]) { self.name = name; values = .double(doubles) }

    /// The number of values.
    public var count: Int {
        switch values {
        case let .string(v): v.count
        case let .int(v): v.count
        case let .double(v): v.count
        }
    }

    /// The type's name in both formats: 64-bit integers are `long` in GraphML and GEXF alike.
    var typeName: String {
        switch values {
        case .string: "string"
        case .int: "long"
        case .double: "double"
        }
    }

    /// Value `i` as the file writes it, unescaped; nil when missing.
    func text(at i: Int) -> String? {
        switch values {
        case let .string(v): v[i]
        case let .int(v): v[i].map(String.init)
        case let .double(v): v[i].flatMap(GraphAttributeColumn.text(of:))
        }
    }

    /// A double in XML Schema's lexical form (`INF`, `-INF`; NaN is missing), shortest digits
    /// that read back to the same value.
    static func text(of value: Double) -> String? {
        if value.isNaN { return nil }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        return value.description
    }
}

/// An attribute of the graph as a whole: where it came from, when, under which scheme.
///
/// ```swift
/// GraphProperty("source", .string("CityDiplomacy registry, dataset wikidata-2025"))
/// GraphProperty("year", .int(2025))
/// ```
public struct GraphProperty: Sendable {
    public enum Value: Sendable {
        case string(String)
        case int(Int)
        case double(Double)
    }

    public let name: String
    public let value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    var typeName: String {
        switch value {
        case .string: "string"
        case .int: "long"
        case .double: "double"
        }
    }

    var text: String? {
        switch value {
        case let .string(s): s
        case let .int(i): String(i)
        case let .double(d): GraphAttributeColumn.text(of: d)
        }
    }
}
