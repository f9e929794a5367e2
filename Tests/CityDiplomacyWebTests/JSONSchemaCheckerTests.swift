import Foundation
import OpenAPIKit
import Testing
import Yams

/// The checker the OpenAPI conformance suite relies on, held to small schemas with values that
/// conform and values that do not — so that the suite cannot pass by a checker that accepts all.
@Suite("The OpenAPI JSON-Schema checker finds each violation, at its path")
struct JSONSchemaCheckerTests {
    /// Components as a document would have them, for `$ref`.
    static let components = """
        schemas:
          Text:
            type: object
            additionalProperties: false
            required: [en, fa]
            properties:
              en: {type: string}
              fa: {type: [string, "null"]}
          City:
            type: object
            additionalProperties: false
            required: [id, name, latitude]
            properties:
              id: {type: string, pattern: "^[a-z0-9-]+:[a-z0-9-]+$"}
              name: {$ref: '#/components/schemas/Text'}
              latitude: {type: [number, "null"], minimum: -90, maximum: 90}
              population: {type: [integer, "null"], minimum: 0}
        """

    static func violations(_ schema: String, _ json: String) throws -> [String] {
        let components = try YAMLDecoder().decode(OpenAPI.Components.self, from: Self.components)
        let decoded = try YAMLDecoder().decode(JSONSchema.self, from: schema)
        return JSONSchemaChecker(components: components).violations(of: try JSONInstance(parsing: Data(json.utf8)), against: decoded).map(\.description)
    }

    @Test("A value that conforms has no violation")
    func conforming() throws {
        let page = """
            type: object
            required: [total, items]
            properties:
              total: {type: integer, minimum: 0}
              items: {type: array, items: {$ref: '#/components/schemas/City'}}
            """
        #expect(try Self.violations(page, #"{"total": 1, "items": [{"id": "iran-2018:tehran", "name": {"en": "Tehran", "fa": null}, "latitude": 35.7, "population": 8693706}]}"#) == [])
        #expect(try Self.violations(page, #"{"total": 0, "items": [{"id": "a:b", "name": {"en": "B", "fa": "ب"}, "latitude": null}]}"#) == [])
    }

    @Test("Types: integer is not number, null only where the schema allows it, and the path says where")
    func types() throws {
        let page = #"{type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/City'}}}}"#
        let city = #"{"id": "a:b", "name": {"en": "B", "fa": null}, "latitude": 1}"#
        #expect(try Self.violations(page, #"{"items": [\#(city), {"id": "a:c", "name": {"en": "C", "fa": null}, "latitude": "35.7"}]}"#)
                == [#"$.items[1].latitude: expected number or null, got string"#])
        #expect(try Self.violations("{type: integer}", "2.5") == ["$: expected integer, got number"])
        #expect(try Self.violations("{type: integer}", "2") == [])
        #expect(try Self.violations("{type: number}", "2") == [])
        #expect(try Self.violations("{type: string}", "null") == ["$: expected string, got null"])
        #expect(try Self.violations("{type: [string, \"null\"]}", "null") == [])
        #expect(try Self.violations("{type: boolean}", "1") == ["$: expected boolean, got integer"])
        #expect(try Self.violations("{type: integer}", "true") == ["$: expected integer, got boolean"])
        #expect(try Self.violations("{type: array, items: {type: integer}}", #"[1, "2", 3]"#) == ["$[1]: expected integer, got string"])
        #expect(try Self.violations("{type: object}", "[]") == ["$: expected object, got array"])
        #expect(try Self.violations("{type: \"null\"}", "0") == ["$: expected null, got integer"])
    }

    @Test("Required properties, and additionalProperties false, true or a schema")
    func properties() throws {
        #expect(try Self.violations(#"{$ref: '#/components/schemas/City'}"#, #"{"id": "a:b", "name": {"en": "B", "fa": null}}"#)
                == ["$: missing required property 'latitude'"])
        #expect(try Self.violations(#"{$ref: '#/components/schemas/City'}"#, #"{"id": "a:b", "name": {"en": "B", "fa": null, "de": "B"}, "latitude": 0, "elevation": 3}"#)
                == ["$.elevation: property not declared by the schema (additionalProperties: false)",
                    "$.name.de: property not declared by the schema (additionalProperties: false)"])
        #expect(try Self.violations("{type: object, properties: {a: {type: string}}}", #"{"b": 1}"#) == [])
        #expect(try Self.violations("{type: object, additionalProperties: true, properties: {a: {type: string}}}", #"{"b": 1}"#) == [])
        #expect(try Self.violations("{type: object, additionalProperties: {type: integer}}", #"{"match": 3, "scheme-dependent": "many"}"#)
                == [#"$["scheme-dependent"]: expected integer, got string"#])
        #expect(try Self.violations("{type: object, required: [a]}", "{}") == ["$: missing required property 'a'"])
    }

    @Test("enum, const, minimum, maximum, pattern and date-time")
    func values() throws {
        #expect(try Self.violations("{type: string, enum: [global, regional]}", #""local""#) == [#"$: expected one of "global", "regional", got "local""#])
        #expect(try Self.violations("{type: string, enum: [global, regional]}", #""global""#) == [])
        #expect(try Self.violations("{const: FeatureCollection}", #""Feature""#) == [#"$: expected "FeatureCollection", got "Feature""#])
        #expect(try Self.violations("{type: integer, minimum: 1, maximum: 4}", "5") == ["$: expected at most 4, got 5"])
        #expect(try Self.violations("{type: integer, minimum: 1, maximum: 4}", "0") == ["$: expected at least 1, got 0"])
        #expect(try Self.violations("{type: number, exclusiveMinimum: 0}", "0") == ["$: expected more than 0, got 0"])
        #expect(try Self.violations(#"{$ref: '#/components/schemas/City'}"#, #"{"id": "Tehran", "name": {"en": "T", "fa": null}, "latitude": 91}"#)
                == [#"$.id: expected a match of /^[a-z0-9-]+:[a-z0-9-]+$/, got "Tehran""#, "$.latitude: expected at most 90, got 91"])
        #expect(try Self.violations("{type: string, format: date-time}", #""2024-03-01T10:00:00Z""#) == [])
        #expect(try Self.violations("{type: string, format: date-time}", #""yesterday""#) == [#"$: expected an RFC 3339 date-time, got "yesterday""#])
    }

    @Test("oneOf needs exactly one match, anyOf one or more, allOf all, not none")
    func combinations() throws {
        let textOrNull = #"{oneOf: [{$ref: '#/components/schemas/Text'}, {type: "null"}]}"#
        #expect(try Self.violations(textOrNull, "null") == [])
        #expect(try Self.violations(textOrNull, #"{"en": "Metropolis", "fa": null}"#) == [])
        let none = try Self.violations(textOrNull, #""Metropolis""#)
        #expect(none.count == 1 && none[0].hasPrefix("$: matches none of oneOf"))
        #expect(try Self.violations("{oneOf: [{type: number}, {type: integer}]}", "3") == ["$: matches 2 schemas of oneOf, expected exactly one"])
        #expect(try Self.violations("{anyOf: [{type: number}, {type: integer}]}", "3") == [])
        #expect(try Self.violations("{anyOf: [{type: string}, {type: boolean}]}", "3").first?.hasPrefix("$: matches none of anyOf") == true)
        let page = #"{allOf: [{type: object, required: [items], properties: {items: {type: array}}}, {properties: {items: {items: {type: integer}}}}]}"#
        #expect(try Self.violations(page, #"{"items": [1, 2]}"#) == [])
        #expect(try Self.violations(page, #"{"items": [1, "two"]}"#) == ["$.items[1]: expected integer, got string"])
        #expect(try Self.violations(page, "{}") == ["$: missing required property 'items'"])
        #expect(try Self.violations("{not: {type: string}}", #""x""#) == ["$: matches the schema under not"])
    }

    @Test("A $ref that does not resolve is a violation, never a pass")
    func unresolvedReference() throws {
        #expect(try Self.violations(#"{$ref: '#/components/schemas/Nowhere'}"#, "{}") == ["$: $ref #/components/schemas/Nowhere does not resolve in the document's components"])
    }

    @Test("The empty schema accepts anything")
    func emptySchema() throws {
        #expect(try Self.violations("{}", #"{"anything": [1, "two", null]}"#) == [])
    }
}
