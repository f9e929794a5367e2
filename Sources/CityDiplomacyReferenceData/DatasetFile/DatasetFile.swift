import CityDiplomacyCore
import Crypto
import Foundation
import Yams

/// Reads a dataset file (`citydiplomacy-dataset/1`, YAML) into the records of one dataset.
///
/// Loading checks everything a person can get wrong and reports it with file, line and column:
/// unknown keys, a country code that is not ISO 3166-1, a reference to a city, network or source
/// the file does not define, an id used twice, the same pair of cities listed twice with the same
/// kind. Names are normalised (Persian letter variants, digits, ZWNJ) as they are read.
///
/// ```swift
/// let content = try DatasetFile.load(contentsOf: url, countries: CountryDirectory.bundled())
/// content.relations.count   // 70 for iran-2018
/// ```
public enum DatasetFile {
    /// Loads and checks a dataset file.
    public static func load(
        contentsOf url: URL, countries: CountryDirectory, isBundled: Bool = false
    ) throws(DatasetFileError) -> DatasetContent {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DatasetFileError(file: name, field: "", problem: "cannot be read: \(error.localizedDescription)")
        }
        return try load(data: data, fileName: name, countries: countries, isBundled: isBundled)
    }

    /// Loads and checks a dataset from bytes; `fileName` is used in messages and provenance.
    public static func load(
        data: Data, fileName: String, countries: CountryDirectory, isBundled: Bool = false
    ) throws(DatasetFileError) -> DatasetContent {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DatasetFileError(file: fileName, field: "", problem: "is not valid UTF-8 text")
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw DatasetFileError(file: fileName, line: 1, field: "", problem: "is empty: expected a dataset document")
            }
            root = composed
        } catch let error as DatasetFileError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, fileName: fileName)
        } catch {
            throw DatasetFileError(file: fileName, field: "", problem: "is not valid YAML: \(error)")
        }
        let locator = NodeLocator(root: root, fileName: fileName)
        try locator.rejectUnknownKeys()
        let document: DatasetDocument
        do {
            document = try YAMLDecoder().decode(DatasetDocument.self, from: root)
        } catch let error as DecodingError {
            throw locator.error(for: error)
        } catch {
            throw DatasetFileError(file: fileName, field: "", problem: "\(error)")
        }
        let hash = contentHash(of: data)
        var builder = DatasetBuilder(document: document, locator: locator, countries: countries)
        return try builder.build(fileName: fileName, contentHash: hash, isBundled: isBundled)
    }

    /// The SHA-256 of a file's bytes, in hex: the dataset's `contentHash`.
    public static func contentHash(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private static func syntaxError(_ error: YamlError, fileName: String) -> DatasetFileError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            DatasetFileError(file: fileName, line: mark.line, column: mark.column, field: "", problem: "is not valid YAML: \(problem)")
        default:
            DatasetFileError(file: fileName, field: "", problem: "is not valid YAML: \(error)")
        }
    }
}

/// Finds the line and column of a field in the composed YAML, for messages.
struct NodeLocator {
    let root: Node
    let fileName: String

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

    func error(at path: [PathComponent], value: String?, problem: String) -> DatasetFileError {
        // Point at the deepest node that exists: a missing key is reported at its record.
        var prefix = path
        var found = node(at: prefix)
        while found == nil, !prefix.isEmpty {
            prefix.removeLast()
            found = node(at: prefix)
        }
        return DatasetFileError(
            file: fileName, line: found?.mark?.line, column: found?.mark?.column,
            field: PathComponent.describe(path), value: value, problem: problem
        )
    }

    func error(for decodingError: DecodingError) -> DatasetFileError {
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
            return DatasetFileError(file: fileName, field: "", problem: "\(decodingError)")
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

    /// Rejects keys the format does not define, so that a misspelt field is not silently ignored.
    func rejectUnknownKeys() throws(DatasetFileError) {
        try check(root, section: "", path: [])
        for section in ["sources", "cities", "relations", "networks", "memberships", "events"] {
            guard let items = root[section]?.sequence else { continue }
            for (index, item) in items.enumerated() {
                try check(item, section: section, path: [.key(section), .index(index)])
            }
        }
        if let header = root["dataset"] {
            try check(header, section: "dataset", path: [.key("dataset")])
        }
    }

    private func check(_ node: Node, section: String, path: [PathComponent]) throws(DatasetFileError) {
        guard let mapping = node.mapping, let allowed = DatasetDocument.allowedKeys[section] else { return }
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw DatasetFileError(
                    file: fileName, line: key.mark?.line, column: key.mark?.column,
                    field: PathComponent.describe(path + [.key(name)]), value: nil,
                    problem: "is not a field of \(section.isEmpty ? "a dataset file" : section): expected one of \(allowed.sorted().joined(separator: ", "))"
                )
            }
            if DatasetDocument.localizedFields.contains(name), let texts = value.mapping {
                for (languageKey, _) in texts where !["en", "fa"].contains(languageKey.string ?? "") {
                    throw DatasetFileError(
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
