import CityDiplomacyCore
import Foundation
import Hummingbird

/// The fields of a record as an editor sent them: a JSON object from the API, or a form.
/// Lists (`themes`, `sources`) are JSON arrays, or in a form comma- or line-separated.
struct EditInput: Sendable {
    private var strings: [String: String] = [:]
    private var lists: [String: [String]] = [:]

    /// Every field name the record kinds know; any other is refused, never ignored.
    static let knownFields: Set<String> = [
        "id", "dataset", "city", "partner", "kind", "status", "signed", "themes", "notes", "sources",
        "network", "role_en", "role_fa", "since", "title_en", "title_fa", "year", "awarding_body",
        "title", "url", "publisher", "language", "published", "accessed", "locator",
        "notes_fa", "title_fa_source", "publisher_fa", "locator_fa", "awarding_body_fa", "supplement",
    ]

    /// From a JSON object body, read with `Decodable`: each field a string, a number, an array
    /// of strings or null.
    init(json data: Data) throws(WebError) {
        let object: [String: Value]
        do {
            object = try JSONDecoder().decode([String: Value].self, from: data)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let name = context.codingPath[0].stringValue
            throw .badRequest("field '\(name)' has a value of the wrong type: \(context.debugDescription)", field: name)
        } catch {
            throw .badRequest("the body is not a JSON object", field: "body")
        }
        for (name, value) in object {
            guard Self.knownFields.contains(name) else { throw .badRequest("unknown field '\(name)'", field: name) }
            switch value {
            case .number where !Self.numberFields.contains(name):
                throw .badRequest("field '\(name)' has a value of the wrong type: expected a string, not a number", field: name)
            case .flag where !Self.flagFields.contains(name):
                throw .badRequest("field '\(name)' has a value of the wrong type: expected a string, not true or false", field: name)
            case let .text(text), let .number(text), let .flag(text): strings[name] = try Self.checked(text, field: name)
            case let .list(items): lists[name] = try items.map { item throws(WebError) in try Self.checked(item, field: name) }
            case .null: continue
            }
        }
    }

    /// The value with its line ends as `\n`, refused if it holds a control or bidirectional
    /// character (ESC, BEL, U+202E…), which no record holds and which would drive a terminal that
    /// later prints it (an export, a citation): said, not silently dropped; or more than 30
    /// combining marks in a row.
    static func checked(_ value: String, field: String) throws(WebError) -> String {
        // Before the value is compared or hashed (see `CombiningMarks`).
        if let problem = CombiningMarks.problem(in: value) { throw .badRequest("field '\(field)' \(problem)", field: field) }
        let lines = value.contains("\r") ? value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : value
        let (_, removed) = ControlCharacters.stripping(lines)
        guard let first = removed.first else { return lines }
        throw .badRequest("field '\(field)' holds the control character \(ControlCharacters.codePoint(first)), which no record may hold: remove it", field: field)
    }

    /// The fields a JSON number may give (`"year": 2018`); any other wants a string.
    static let numberFields: Set<String> = ["year", "since"]
    /// The fields `true` or `false` may give (`"supplement": true`); any other wants a string,
    /// so that `"title_en": false` is refused rather than stored as the title "false".
    static let flagFields: Set<String> = ["supplement"]

    /// A field's value in a JSON body. Numbers and booleans are kept as their text, for the fields
    /// that take them, and anything else (an object, an array of non-strings) is refused, not
    /// ignored; a field that wants neither refuses the text in its turn.
    enum Value: Decodable {
        case text(String)
        case number(String)
        case flag(String)
        case list([String])
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let flag = try? container.decode(Bool.self) {
                self = .flag(flag ? "true" : "false")
            } else if let whole = try? container.decode(Int.self) {
                self = .number(String(whole))
            } else if let number = try? container.decode(Double.self) {
                self = .number(String(number))
            } else if let items = try? container.decode([String].self) {
                self = .list(items)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a string, a number, a boolean, an array of strings or null")
            }
        }
    }

    /// From a form (fields other than the record's — `csrf`, `lang` — are the caller's).
    init(form: FormFields, ignoring: Set<String> = ["csrf", "lang"]) throws(WebError) {
        for name in form.names {
            // Before the name is hashed (see `CombiningMarks`).
            if let problem = CombiningMarks.problem(in: name) { throw .badRequest("a field's name \(problem)", field: "body") }
            guard !ignoring.contains(name) else { continue }
            guard Self.knownFields.contains(name) else { throw .badRequest("unknown field '\(name)'", field: name) }
            strings[name] = try Self.checked(form.all(name).last ?? "", field: name)
        }
    }

    /// A text field, trimmed and normalised (Arabic letter variants, ZWNJ, digits kept as typed);
    /// `nil` when absent or blank.
    func text(_ name: String) -> String? {
        guard let raw = strings[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return PersianText.normalized(raw)
    }

    /// A list field: a JSON array, or text separated by commas or new lines.
    func list(_ name: String) -> [String] {
        let items = lists[name] ?? strings[name].map { $0.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\u{060C}" }).map(String.init) } ?? []
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// What was sent, for a form shown again with its errors.
    func raw(_ name: String) -> String {
        lists[name]?.joined(separator: ", ") ?? strings[name] ?? ""
    }
}

/// Errors found in an edit, by field, shown next to each field in forms.
struct FieldErrors: Error, Sendable {
    var messages: [(field: String, message: String)] = []
    /// The fields whose value is well formed but names no record (an unknown dataset, city,
    /// network or source): with nothing else wrong, the edit is a 404 rather than a 400, as a
    /// query naming an unknown dataset is.
    private var unknownRecords: Set<String> = []

    mutating func add(_ field: String, _ message: String) {
        messages.append((field, message))
    }

    /// A field that names no record of the registry.
    mutating func addUnknown(_ field: String, _ message: String) {
        add(field, message)
        unknownRecords.insert(field)
    }

    subscript(field: String) -> String? {
        messages.first { $0.field == field }?.message
    }

    var isEmpty: Bool { messages.isEmpty }

    /// The first error, as the API answers it (with every error listed under `errors`): a 404 when
    /// every field at fault names an unknown record, a 400 otherwise.
    var webError: WebError {
        let status: HTTPResponse.Status = !messages.isEmpty && messages.allSatisfy({ unknownRecords.contains($0.field) }) ? .notFound : .badRequest
        var error = WebError(status, messages.first?.message ?? "invalid input", field: messages.first?.field ?? "body")
        error.details = messages
        return error
    }
}
