import CityDiplomacyCore
import Foundation
import Yams

/// Reads a YAML data file and reports problems at their line and column.
///
/// Shared by every data file format (datasets, schemes, periodisations, published values): it
/// composes the document, refuses keys the format does not define — so that a misspelt field is
/// an error rather than silently ignored — decodes it, and turns decoding errors into
/// ``DataFileError``s that name the file, line, column, field and value.
struct YAMLDocumentReader {
    let root: Node
    let fileName: String

    init(data: Data, fileName: String, expecting: String) throws(DataFileError) {
        self.fileName = fileName
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: fileName, field: "", problem: "is not valid UTF-8 text")
        }
        do {
            guard let composed = try Yams.compose(yaml: text, Self.resolver) else {
                throw DataFileError(file: fileName, line: 1, field: "", problem: "is empty: expected \(expecting)")
            }
            root = composed
        } catch let error as DataFileError {
            throw error
        } catch let error as YamlError {
            throw Self.syntaxError(error, fileName: fileName)
        } catch {
            throw DataFileError(file: fileName, field: "", problem: "is not valid YAML: \(error)")
        }
    }

    /// The implicit tags the formats' decoding depends on: `bool` (Yams decodes a `Bool` only from
    /// a scalar resolved as one), and the merge key `<<` and `=`, which its decoder flattens.
    /// Numbers and nulls are read by Yams from the scalar's text whatever its tag, so the default
    /// resolver's `int`, `float`, `null` and `timestamp` rules decided no value here. They did
    /// decide whether two keys are one: Yams compares keys by text and tag, so `1` and `"1"` were
    /// two keys, and a lookup of the key "1" (a lookup's key is resolved as if written plain)
    /// missed a quoted `"1":`; now both are the key "1", and a mapping that gives it twice is
    /// refused (``syntaxError(_:fileName:)``). Every key looked up in a mapping is a new node whose
    /// tag is resolved by running the rules' regular expressions in turn until one matches, all
    /// seven for a word: a fifth of decoding the bundled schemes and published values at every
    /// command's start (perf, 2026-11-30).
    ///
    /// Made from those three rules (in the default's order) rather than from the default less the
    /// others, whose regular expressions would be compiled all the same.
    static let resolver = Resolver.basic.appending(.bool).appending(.merge).appending(.value)

    static func read(contentsOf url: URL) throws(DataFileError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: url.lastPathComponent, field: "", problem: "cannot be read: \(error.localizedDescription)")
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws(DataFileError) -> T {
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw self.error(for: error)
        } catch {
            throw DataFileError(file: fileName, field: "", problem: "\(error)")
        }
    }

    private static func syntaxError(_ error: YamlError, fileName: String) -> DataFileError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return DataFileError(file: fileName, line: mark.line, column: mark.column, field: "", problem: "is not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams's own message repeats the document; this names the keys, and the place where the
            // first of them (in alphabetical order) is first given. Keys are compared as text,
            // but for the words of `bool` (see `resolver`): `1` and `"1"` are one key.
            let keys = duplicates.sorted().map { "'\($0)'" }
            let problem = keys.count == 1
                ? "the key \(keys[0]) is given more than once in one mapping (here first)"
                : "the keys \(keys.joined(separator: ", ")) are each given more than once in one mapping (the first of them here first)"
            return DataFileError(file: fileName, line: context.mark.line, column: context.mark.column, field: "",
                                 problem: "is not valid YAML: " + problem)
        default:
            return DataFileError(file: fileName, field: "", problem: "is not valid YAML: \(error)")
        }
    }

    /// The node at a path such as `["relations", 3, "partner"]`.
    func node(at path: [PathComponent]) -> Node? {
        var current: Node? = root
        for component in path {
            switch component {
            case let .key(key): current = current?[key]
            case let .index(index): current = current?.sequence.flatMap { index < $0.count ? $0[index] : nil }
            }
        }
        return current
    }

    func error(at path: [PathComponent], value: String?, problem: String) -> DataFileError {
        // Point at the deepest node that exists: a missing key is reported at its record.
        var prefix = path
        var found = node(at: prefix)
        while found == nil, !prefix.isEmpty {
            prefix.removeLast()
            found = node(at: prefix)
        }
        return DataFileError(
            file: fileName, line: found?.mark?.line, column: found?.mark?.column,
            field: PathComponent.describe(path), value: value, problem: problem
        )
    }

    func error(for decodingError: DecodingError) -> DataFileError {
        switch decodingError {
        case let .keyNotFound(key, context):
            let path = PathComponent.from(context.codingPath)
            return error(at: path + [.key(key.stringValue)], value: nil, problem: "is missing")
        case let .typeMismatch(type, context):
            let path = PathComponent.from(context.codingPath)
            return error(at: path, value: node(at: path)?.scalar?.string, problem: "has the wrong form: expected \(Self.describe(type))")
        case let .valueNotFound(type, context):
            let path = PathComponent.from(context.codingPath)
            return error(at: path, value: nil, problem: "is empty: expected \(Self.describe(type))")
        case let .dataCorrupted(context):
            let path = PathComponent.from(context.codingPath)
            let problem = (context.underlyingError as? InvalidValue).map { "expected \($0.expected)" }
                ?? context.debugDescription
            return error(at: path, value: node(at: path)?.scalar?.string, problem: problem)
        @unknown default:
            return DataFileError(file: fileName, field: "", problem: "\(decodingError)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "text"
        case is [String].Type: "a list such as [a, b]"
        default: "\(type)".contains("Array") ? "a list" : "a mapping of fields"
        }
    }

    /// Rejects keys the format does not define. `allowed` maps a section (`""` for the top level,
    /// `"dataset"` for a mapping, `"relations"` for each item of a list) to its keys.
    func rejectUnknownKeys(allowed: [String: Set<String>], localizedFields: Set<String>) throws(DataFileError) {
        for (section, keys) in allowed {
            if section.isEmpty {
                try check(root, section: section, keys: keys, localizedFields: localizedFields, path: [])
            } else if let items = root[section]?.sequence {
                for (index, item) in items.enumerated() {
                    try check(item, section: section, keys: keys, localizedFields: localizedFields, path: [.key(section), .index(index)])
                }
            } else if let mapping = root[section], mapping.mapping != nil {
                try check(mapping, section: section, keys: keys, localizedFields: localizedFields, path: [.key(section)])
            }
        }
    }

    private func check(_ node: Node, section: String, keys allowed: Set<String>, localizedFields: Set<String>, path: [PathComponent]) throws(DataFileError) {
        guard let mapping = node.mapping else { return }
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw DataFileError(
                    file: fileName, line: key.mark?.line, column: key.mark?.column,
                    field: PathComponent.describe(path + [.key(name)]), value: nil,
                    problem: "is not a field of \(section.isEmpty ? "the document" : section): expected one of \(allowed.sorted().joined(separator: ", "))"
                )
            }
            if localizedFields.contains(name), let texts = value.mapping {
                for (languageKey, _) in texts where !["en", "fa"].contains(languageKey.string ?? "") {
                    throw DataFileError(
                        file: fileName, line: languageKey.mark?.line, column: languageKey.mark?.column,
                        field: PathComponent.describe(path + [.key(name), .key(languageKey.string ?? "")]),
                        problem: "is not a language of the format: expected en or fa"
                    )
                }
            }
        }
    }
}

/// One step of a path into the document.
enum PathComponent: Hashable {
    case key(String)
    case index(Int)

    static func from(_ codingPath: [any CodingKey]) -> [PathComponent] {
        codingPath.map { key in key.intValue.map(PathComponent.index) ?? .key(key.stringValue) }
    }

    /// `relations[3].partner`
    static func describe(_ path: [PathComponent]) -> String {
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += text.isEmpty ? key : ".\(key)"
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }
}
