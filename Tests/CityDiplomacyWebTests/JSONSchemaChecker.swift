import Foundation
import OpenAPIKit

/// One way a JSON value breaks its schema, at the JSON path where it does.
struct SchemaViolation: Equatable, Sendable, CustomStringConvertible {
    /// `$` for the whole value, then `.name` and `[index]`: `$.items[3].city.latitude`.
    var path: String
    var message: String

    var description: String { "\(path): \(message)" }
}

/// Holds JSON values to the schemas of an OpenAPI 3.1 document, as OpenAPIKit reads them, and
/// says where each value breaks its schema.
///
/// ```swift
/// let checker = JSONSchemaChecker(components: document.components)
/// let violations = checker.violations(of: try JSONInstance(parsing: body), against: schema)
/// // ["$.items[3].city.latitude: expected number or null, got string"]
/// ```
///
/// It checks what this project's document uses — `type` (with `null` as nullable), `properties`,
/// `required`, `additionalProperties` (false, true or a schema), `items`, `enum`/`const`,
/// `oneOf`/`anyOf`/`allOf`/`not`, `$ref` into the components, integer against number,
/// `minimum`/`maximum`, string lengths, `pattern` and the `date-time` format — and nothing it
/// cannot check silently: a `$ref` that does not resolve is a violation, not a pass.
///
/// Hand-written because no JSON-Schema validator for Swift reads OpenAPIKit's `JSONSchema`, and
/// the API's schemas are small enough that this subset is all of what they say.
struct JSONSchemaChecker {
    let components: OpenAPI.Components

    func violations(of value: JSONInstance, against schema: JSONSchema) -> [SchemaViolation] {
        check(value, schema, at: "$", following: [])
    }

    // MARK: Dispatch

    private func check(_ value: JSONInstance, _ schema: JSONSchema, at path: String, following refs: [String]) -> [SchemaViolation] {
        if value == .null, schema.nullable { return [] }
        var found = allowedValues(value, schema, at: path)
        switch schema.value {
        case .null:
            if value != .null { found.append(mismatch(path, expected: "null", value)) }
        case .boolean:
            if case .boolean = value {} else { found.append(mismatch(path, expected: "boolean", schema, value)) }
        case let .integer(_, context):
            found += integer(value, context, schema, at: path)
        case let .number(_, context):
            found += number(value, context, schema, at: path)
        case let .string(core, context):
            found += string(value, core, context, schema, at: path)
        case let .object(_, context):
            found += object(value, context, schema, at: path, following: refs)
        case let .array(_, context):
            found += array(value, context, schema, at: path, following: refs)
        case let .all(of: schemas, core: _):
            for subschema in schemas { found += check(value, subschema, at: path, following: refs) }
        case let .one(of: schemas, core: _):
            found += oneOf(value, schemas, at: path, following: refs)
        case let .any(of: schemas, core: _):
            let outcomes = schemas.map { check(value, $0, at: path, following: refs) }
            if !outcomes.contains(where: \.isEmpty) {
                found.append(SchemaViolation(path: path, message: "matches none of anyOf: " + summary(outcomes)))
            }
        case let .not(excluded, core: _):
            if check(value, excluded, at: path, following: refs).isEmpty {
                found.append(SchemaViolation(path: path, message: "matches the schema under not"))
            }
        case let .reference(reference, _):
            found += resolve(value, reference, at: path, following: refs)
        case .fragment:
            break
        }
        return found
    }

    // MARK: Keywords

    private func allowedValues(_ value: JSONInstance, _ schema: JSONSchema, at path: String) -> [SchemaViolation] {
        guard let allowed = schema.allowedValues?.map(JSONInstance.init), !allowed.contains(value) else { return [] }
        let listed = allowed.map(\.description).joined(separator: ", ")
        return [SchemaViolation(path: path, message: allowed.count == 1 ? "expected \(listed), got \(value)" : "expected one of \(listed), got \(value)")]
    }

    private func integer(_ value: JSONInstance, _ context: JSONSchema.IntegerContext, _ schema: JSONSchema, at path: String) -> [SchemaViolation] {
        let number: Double
        switch value {
        case let .integer(integer): number = Double(integer)
        // JSON Schema counts 2.0 as an integer; 2.5 is not one.
        case let .number(double) where double.rounded() == double: number = double
        default: return [mismatch(path, expected: "integer", schema, value)]
        }
        return bounds(number, minimum: context.minimum.map { (Double($0.value), $0.exclusive) },
                      maximum: context.maximum.map { (Double($0.value), $0.exclusive) }, at: path)
    }

    private func number(_ value: JSONInstance, _ context: JSONSchema.NumericContext, _ schema: JSONSchema, at path: String) -> [SchemaViolation] {
        let number: Double
        switch value {
        case let .integer(integer): number = Double(integer)
        case let .number(double): number = double
        default: return [mismatch(path, expected: "number", schema, value)]
        }
        return bounds(number, minimum: context.minimum.map { ($0.value, $0.exclusive) },
                      maximum: context.maximum.map { ($0.value, $0.exclusive) }, at: path)
    }

    private func bounds(_ number: Double, minimum: (Double, Bool)?, maximum: (Double, Bool)?, at path: String) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        if let (bound, exclusive) = minimum, exclusive ? number <= bound : number < bound {
            found.append(SchemaViolation(path: path, message: "expected \(exclusive ? "more than" : "at least") \(Self.format(bound)), got \(Self.format(number))"))
        }
        if let (bound, exclusive) = maximum, exclusive ? number >= bound : number > bound {
            found.append(SchemaViolation(path: path, message: "expected \(exclusive ? "less than" : "at most") \(Self.format(bound)), got \(Self.format(number))"))
        }
        return found
    }

    private func string(
        _ value: JSONInstance, _ core: JSONSchema.CoreContext<JSONTypeFormat.StringFormat>, _ context: JSONSchema.StringContext,
        _ schema: JSONSchema, at path: String
    ) -> [SchemaViolation] {
        guard case let .string(text) = value else { return [mismatch(path, expected: "string", schema, value)] }
        var found: [SchemaViolation] = []
        if text.count < context.minLength {
            found.append(SchemaViolation(path: path, message: "expected at least \(context.minLength) characters, got \(text.count)"))
        }
        if let maxLength = context.maxLength, text.count > maxLength {
            found.append(SchemaViolation(path: path, message: "expected at most \(maxLength) characters, got \(text.count)"))
        }
        if let pattern = context.pattern {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    found.append(SchemaViolation(path: path, message: "expected a match of /\(pattern)/, got \(value)"))
                }
            } else {
                found.append(SchemaViolation(path: path, message: "the schema's pattern /\(pattern)/ is not a regular expression"))
            }
        }
        if core.format == .dateTime, ISO8601DateFormatter().date(from: text) == nil {
            found.append(SchemaViolation(path: path, message: "expected an RFC 3339 date-time, got \(value)"))
        }
        return found
    }

    private func object(
        _ value: JSONInstance, _ context: JSONSchema.ObjectContext, _ schema: JSONSchema, at path: String, following refs: [String]
    ) -> [SchemaViolation] {
        guard case let .object(members) = value else { return [mismatch(path, expected: "object", schema, value)] }
        var found: [SchemaViolation] = []
        // OpenAPIKit keeps `required` on each property (a name listed only under `required` becomes
        // an inferred property), so both the listed and the inferred ones are checked here.
        for (name, property) in context.properties where property.required && members[name] == nil {
            found.append(SchemaViolation(path: path, message: "missing required property '\(name)'"))
        }
        for name in members.keys.sorted() {
            let member = members[name]!
            let memberPath = Self.path(path, property: name)
            if let property = context.properties[name] {
                found += check(member, property, at: memberPath, following: refs)
                continue
            }
            switch context.additionalProperties {
            case .a(false)?: found.append(SchemaViolation(path: memberPath, message: "property not declared by the schema (additionalProperties: false)"))
            case let .b(additional)?: found += check(member, additional, at: memberPath, following: refs)
            default: break // absent or true: any other property is allowed
            }
        }
        // OpenAPIKit counts required properties into minProperties; those are reported above, by name.
        if context.minProperties > context.requiredProperties.count, members.count < context.minProperties {
            found.append(SchemaViolation(path: path, message: "expected at least \(context.minProperties) properties, got \(members.count)"))
        }
        if let maxProperties = context.maxProperties, members.count > maxProperties {
            found.append(SchemaViolation(path: path, message: "expected at most \(maxProperties) properties, got \(members.count)"))
        }
        return found
    }

    private func array(
        _ value: JSONInstance, _ context: JSONSchema.ArrayContext, _ schema: JSONSchema, at path: String, following refs: [String]
    ) -> [SchemaViolation] {
        guard case let .array(items) = value else { return [mismatch(path, expected: "array", schema, value)] }
        var found: [SchemaViolation] = []
        if items.count < context.minItems {
            found.append(SchemaViolation(path: path, message: "expected at least \(context.minItems) items, got \(items.count)"))
        }
        if let maxItems = context.maxItems, items.count > maxItems {
            found.append(SchemaViolation(path: path, message: "expected at most \(maxItems) items, got \(items.count)"))
        }
        if context.uniqueItems, Set(items.map(\.description)).count != items.count {
            found.append(SchemaViolation(path: path, message: "expected unique items"))
        }
        if let itemSchema = context.items {
            for (index, item) in items.enumerated() {
                found += check(item, itemSchema, at: "\(path)[\(index)]", following: refs)
            }
        }
        return found
    }

    private func oneOf(_ value: JSONInstance, _ schemas: [JSONSchema], at path: String, following refs: [String]) -> [SchemaViolation] {
        let outcomes = schemas.map { check(value, $0, at: path, following: refs) }
        switch outcomes.filter(\.isEmpty).count {
        case 1: return []
        case 0: return [SchemaViolation(path: path, message: "matches none of oneOf: " + summary(outcomes))]
        case let count: return [SchemaViolation(path: path, message: "matches \(count) schemas of oneOf, expected exactly one")]
        }
    }

    /// Checks against the component a `$ref` names. A reference met again at the same path without
    /// the value having been descended into would loop for ever, so it is a violation.
    private func resolve(_ value: JSONInstance, _ reference: JSONReference<JSONSchema>, at path: String, following refs: [String]) -> [SchemaViolation] {
        let target = reference.absoluteString
        let visit = "\(path) \(target)"
        guard !refs.contains(visit) else { return [SchemaViolation(path: path, message: "$ref \(target) refers to itself")] }
        guard let name = reference.name, reference.absoluteString.hasPrefix("#/components/schemas/"),
              let key = OpenAPI.ComponentKey(rawValue: name), let schema = components.schemas[key] else {
            return [SchemaViolation(path: path, message: "$ref \(target) does not resolve in the document's components")]
        }
        return check(value, schema, at: path, following: refs + [visit])
    }

    // MARK: Messages

    private func mismatch(_ path: String, expected: String, _ schema: JSONSchema, _ value: JSONInstance) -> SchemaViolation {
        mismatch(path, expected: schema.nullable ? "\(expected) or null" : expected, value)
    }

    private func mismatch(_ path: String, expected: String, _ value: JSONInstance) -> SchemaViolation {
        SchemaViolation(path: path, message: "expected \(expected), got \(value.typeName)")
    }

    private func summary(_ outcomes: [[SchemaViolation]]) -> String {
        outcomes.enumerated().map { index, violations in
            "[\(index)] " + (violations.first.map { "\($0.path): \($0.message)" } ?? "matches")
        }.joined(separator: "; ")
    }

    static func path(_ parent: String, property name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? "\(parent).\(name)" : "\(parent)[\"\(name)\"]"
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
