import CityDiplomacyCore
import Foundation

/// Reads a codebook file (`citydiplomacy-codebook/1`, YAML; see `Docs/codebook.md`) into a
/// ``Codebook``, and the bundled one: the study's themes.
///
/// Every problem is a ``DataFileError`` naming the file, line, field and value: an unknown key, a
/// theme id that is malformed or used twice, a parent that is not an earlier theme (so that the
/// hierarchy has no cycle), a name or definition missing in one of the two languages, keywords
/// in a language other than English and Persian, an empty keyword.
///
/// ```swift
/// let codebook = try CodebookFile.load(contentsOf: URL(fileURLWithPath: "my-codebook.yaml"))
/// let study = try CodebookFile.bundled()
/// ```
public enum CodebookFile {
    public static let formatIdentifier = "citydiplomacy-codebook/1"

    struct Document: Decodable {
        var format: String
        var id: String
        var title: LocalizedText
        var source: LocalizedText?
        var themes: [Entry]

        enum CodingKeys: String, CodingKey, CaseIterable { case format, id, title, source, themes }

        struct Entry: Decodable {
            var id: String
            var parent: String?
            var name: LocalizedText
            var definition: LocalizedText
            var include: LocalizedText?
            var exclude: LocalizedText?
            var examples: [LocalizedText]?
            var keywords: [String: [String]]?

            enum CodingKeys: String, CodingKey, CaseIterable { case id, parent, name, definition, include, exclude, examples, keywords }
        }

        static let allowedKeys: [String: Set<String>] = [
            "": Set(CodingKeys.allCases.map(\.rawValue)),
            "themes": Set(Entry.CodingKeys.allCases.map(\.rawValue)),
        ]
    }

    /// The study's themes (section 5-1), bundled with citydip: read once a process, not at every
    /// page or command that shows them.
    public static func bundled() throws(DataFileError) -> Codebook {
        try bundledCodebook.get()
    }

    private static let bundledCodebook = Result { () throws(DataFileError) -> Codebook in
        guard let url = Bundle.module.url(forResource: "study-themes", withExtension: "yaml", subdirectory: "Resources/codebooks") else {
            throw DataFileError(file: "study-themes.yaml", problem: "is missing from this build's resources")
        }
        return try load(contentsOf: url)
    }

    public static func load(contentsOf url: URL) throws(DataFileError) -> Codebook {
        try load(data: YAMLDocumentReader.read(contentsOf: url), fileName: url.lastPathComponent)
    }

    public static func load(data: Data, fileName: String) throws(DataFileError) -> Codebook {
        let reader = try YAMLDocumentReader(data: data, fileName: fileName, expecting: "a codebook")
        try reader.rejectUnknownKeys(allowed: Document.allowedKeys,
                                     localizedFields: ["title", "source", "name", "definition", "include", "exclude", "keywords"])
        let document = try reader.decode(Document.self)
        guard document.format == formatIdentifier else {
            throw reader.error(at: [.key("format")], value: document.format, problem: "is not a format this version reads: expected \(formatIdentifier)")
        }
        let idPattern = "^[a-z][a-z0-9_-]*$"
        guard document.id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw reader.error(at: [.key("id")], value: document.id, problem: "is not a codebook id: expected lower-case letters, digits and hyphens")
        }
        guard !document.themes.isEmpty else {
            throw reader.error(at: [.key("themes")], value: nil, problem: "is empty: expected at least one theme")
        }
        var themes: [Codebook.Theme] = []
        for (index, entry) in document.themes.enumerated() {
            let path: [PathComponent] = [.key("themes"), .index(index)]
            guard entry.id.range(of: idPattern, options: .regularExpression) != nil else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is not a theme id: expected lower-case letters, digits, _ and -, starting with a letter")
            }
            guard !themes.contains(where: { $0.id == entry.id }) else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is used by an earlier theme: ids must be unique")
            }
            if let parent = entry.parent, !themes.contains(where: { $0.id == parent }) {
                throw reader.error(at: path + [.key("parent")], value: parent,
                                   problem: document.themes.contains { $0.id == parent } ? "is listed after this theme: a parent comes before its children"
                                       : "is not a theme of this codebook: expected the id of an earlier theme")
            }
            for (field, text) in [("name", entry.name), ("definition", entry.definition)] {
                guard !text.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw reader.error(at: path + [.key(field), .key("en")], value: nil, problem: "is empty: a theme's \(field) is given in English and Persian")
                }
                guard let fa = text.fa, !fa.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw reader.error(at: path + [.key(field), .key("fa")], value: nil, problem: "is missing: a theme's \(field) is given in English and Persian")
                }
            }
            var keywords: [Language: [String]] = [:]
            for (code, words) in entry.keywords ?? [:] {
                guard let language = Language(rawValue: code) else {
                    throw reader.error(at: path + [.key("keywords"), .key(code)], value: code, problem: "is not a language of the format: expected en or fa")
                }
                for (position, word) in words.enumerated() where PersianText.normalized(word).isEmpty {
                    throw reader.error(at: path + [.key("keywords"), .key(code), .index(position)], value: word, problem: "is empty: a keyword is a word or phrase")
                }
                keywords[language] = words.map { PersianText.normalized($0) }
            }
            // Names, definitions and examples are shown as written (normalising would drop the
            // ezafe's hamza, U+0654, and harakat a definition may need); keywords are matched, and
            // kept normalised.
            themes.append(Codebook.Theme(
                id: entry.id, parent: entry.parent, name: entry.name, definition: entry.definition,
                include: entry.include, exclude: entry.exclude, examples: entry.examples ?? [], keywords: keywords))
        }
        return Codebook(id: document.id, title: document.title, source: document.source, themes: themes)
    }
}
