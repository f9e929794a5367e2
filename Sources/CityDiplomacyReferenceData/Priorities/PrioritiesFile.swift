import CityDiplomacyCore
import Foundation

/// Reads a priorities file (`citydiplomacy-priorities/1`, YAML; see `Docs/priorities.md`): groups
/// of countries with weights, each given by a classification scheme's groups, categories or tags,
/// by explicit country codes, or both.
///
/// Every problem is a ``DataFileError`` naming the file, line, field and value: an unknown key, a
/// scheme, group, category or country the catalogue does not know, a weight that is not a
/// positive number, a group that names no country, an id used twice.
///
/// ```swift
/// let priorities = try PrioritiesFile.load(contentsOf: URL(fileURLWithPath: "examples/priorities-iran.yaml"),
///                                          schemes: catalogue.schemes, countries: try CountryDirectory.bundled())
/// priorities.groups.map(\.id)   // ["neighbours", "islamic-world", "east"]
/// ```
public enum PrioritiesFile {
    public static let formatIdentifier = "citydiplomacy-priorities/1"

    struct Document: Decodable {
        var format: String
        var id: String
        var title: LocalizedText
        var source: TextInBothLanguages?
        var priorities: [Entry]

        enum CodingKeys: String, CodingKey, CaseIterable { case format, id, title, source, priorities }

        struct Entry: Decodable {
            var id: String
            var label: LocalizedText
            var weight: Double
            var scheme: String?
            var groups: [String]?
            var categories: [String]?
            var tags: [String]?
            var countries: [String]?

            enum CodingKeys: String, CodingKey, CaseIterable { case id, label, weight, scheme, groups, categories, tags, countries }
        }

        static let allowedKeys: [String: Set<String>] = [
            "": Set(CodingKeys.allCases.map(\.rawValue)),
            "priorities": Set(Entry.CodingKeys.allCases.map(\.rawValue)),
        ]
    }

    public static func load(contentsOf url: URL, schemes: [String: ClassificationScheme], countries: CountryDirectory) throws(DataFileError) -> PartnerPriorities {
        try load(data: YAMLDocumentReader.read(contentsOf: url), fileName: url.lastPathComponent, schemes: schemes, countries: countries)
    }

    public static func load(data: Data, fileName: String, schemes: [String: ClassificationScheme], countries: CountryDirectory) throws(DataFileError) -> PartnerPriorities {
        let reader = try YAMLDocumentReader(data: data, fileName: fileName, expecting: "a priorities file")
        try reader.rejectUnknownKeys(allowed: Document.allowedKeys, localizedFields: ["title", "label", "source"])
        let document = try reader.decode(Document.self)
        guard document.format == formatIdentifier else {
            throw reader.error(at: [.key("format")], value: document.format, problem: "is not a format this version reads: expected \(formatIdentifier)")
        }
        guard !document.priorities.isEmpty else {
            throw reader.error(at: [.key("priorities")], value: nil, problem: "is empty: expected at least one group of countries with its weight")
        }
        // The file's id is cited by outputs and the API like a group's: the same rule, no blank.
        guard document.id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw reader.error(at: [.key("id")], value: document.id, problem: "is not a priorities id: expected lower-case letters, digits and hyphens")
        }
        var groups: [PartnerPriorities.Group] = []
        for (index, entry) in document.priorities.enumerated() {
            let path: [PathComponent] = [.key("priorities"), .index(index)]
            guard entry.id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is not a group id: expected lower-case letters, digits and hyphens")
            }
            guard !groups.contains(where: { $0.id == entry.id }) else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is used by an earlier group: ids must be unique")
            }
            guard entry.weight.isFinite, entry.weight > 0 else {
                throw reader.error(at: path + [.key("weight")], value: reader.node(at: path + [.key("weight")])?.scalar?.string ?? String(entry.weight), problem: "is not a positive number: a weight says how much a partner in the group counts")
            }
            let members = try members(of: entry, at: path, reader: reader, schemes: schemes, directory: countries)
            groups.append(PartnerPriorities.Group(id: entry.id, label: entry.label.fa.map { LocalizedText(en: entry.label.en, fa: PersianText.normalized($0)) } ?? entry.label,
                                                  weight: entry.weight, countries: members))
        }
        let source = document.source.map { LocalizedText(en: $0.en, fa: $0.fa.map { PersianText.normalized($0) }) }
        return PartnerPriorities(id: document.id, title: document.title, groups: groups, fileName: fileName, source: source)
    }

    /// The countries of one group: those of its scheme in the named groups, categories or with
    /// the named tags, and the explicit ones.
    private static func members(of entry: Document.Entry, at path: [PathComponent], reader: YAMLDocumentReader,
                                  schemes: [String: ClassificationScheme], directory: CountryDirectory) throws(DataFileError) -> Set<CountryCode> {
        var members: Set<CountryCode> = []
        let selectors = [("groups", entry.groups), ("categories", entry.categories), ("tags", entry.tags)]
        if let schemeID = entry.scheme {
            guard let scheme = schemes[schemeID] else {
                throw reader.error(at: path + [.key("scheme")], value: schemeID, problem: "is not a known scheme: expected \(schemes.keys.sorted().joined(separator: ", "))")
            }
            guard selectors.contains(where: { $0.1?.isEmpty == false }) else {
                throw reader.error(at: path + [.key("scheme")], value: schemeID, problem: "names a scheme but none of its groups, categories or tags: add groups, categories or tags")
            }
            let knownGroups = Set(scheme.groups.map(\.id)), knownCategories = Set(scheme.categories.map(\.id))
            let knownTags = Set(scheme.categories.flatMap(\.tags))
            for (field, values) in selectors {
                let known = field == "groups" ? knownGroups : field == "categories" ? knownCategories : knownTags
                for (position, value) in (values ?? []).enumerated() where !known.contains(value) {
                    throw reader.error(at: path + [.key(field), .index(position)], value: value,
                                       problem: known.isEmpty ? "is not in scheme \(schemeID), which has no \(field)"
                                           : "is not one of the \(field) of scheme \(schemeID): expected one of \(known.sorted().joined(separator: ", "))")
                }
            }
            let groupSet = Set(entry.groups ?? []), categorySet = Set(entry.categories ?? []), tagSet = Set(entry.tags ?? [])
            for assignment in scheme.assignments {
                guard let category = scheme.category(id: assignment.categoryID) else { continue }
                if categorySet.contains(category.id) || category.groupID.map(groupSet.contains) == true || !category.tags.isDisjoint(with: tagSet) {
                    members.insert(assignment.country)
                }
            }
        } else if let (field, _) = selectors.first(where: { $0.1 != nil }) {
            throw reader.error(at: path + [.key(field)], value: nil, problem: "needs the scheme it is read in: add scheme")
        }
        for (position, text) in (entry.countries ?? []).enumerated() {
            // ZZ is the importers' mark of a place whose country is unknown: not a country a group can name.
            guard text.count == 2, text.uppercased() != "ZZ", let country = directory.country(code: text), country.code.rawValue != "ZZ" else {
                throw reader.error(at: path + [.key("countries"), .index(position)], value: text,
                                   problem: "is not a known country code: expected ISO 3166-1 alpha-2 such as IR, or XK")
            }
            members.insert(country.code)
        }
        guard !members.isEmpty else {
            throw reader.error(at: path, value: entry.id, problem: "names no country: expected scheme with groups, categories or tags, or countries")
        }
        return members
    }
}
