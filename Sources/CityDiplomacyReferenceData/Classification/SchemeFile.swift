import CityDiplomacyCore
import Foundation

/// Reads a classification scheme file (`citydiplomacy-scheme/1`, YAML; see `Docs/scheme-format.md`).
///
/// A country code that is not ISO 3166-1 (or XK), a country listed twice, a category or group that
/// is not defined, or an unknown key is refused with file, line, field and value.
///
/// ```swift
/// let regions = try SchemeFile.load(contentsOf: url, countries: try CountryDirectory.bundled())
/// ```
public enum SchemeFile {
    static let formatIdentifier = "citydiplomacy-scheme/1"

    struct Document: Decodable {
        var format: String
        var id: String
        var title: LocalizedText
        var source: TextInBothLanguages
        var groups: [Label]?
        var categories: [CategoryEntry]
        var countries: [AssignmentEntry]
        var reading: ReadingEntry?
        var readings: [ReadingEntry]?

        enum CodingKeys: String, CodingKey, CaseIterable { case format, id, title, source, groups, categories, countries, reading, readings }

        /// A grouping of the categories: `reading` names the one `categories[].group` gives;
        /// each of `readings` gives every category's family in `families`.
        struct ReadingEntry: Decodable {
            var id: String
            var title: LocalizedText
            var rule: LocalizedText?
            var groups: [Label]?
            var families: [String: String]?
            enum CodingKeys: String, CodingKey, CaseIterable { case id, title, rule, groups, families }
        }

        struct Label: Decodable {
            var id: String
            var en: String
            var fa: String?
            enum CodingKeys: String, CodingKey, CaseIterable { case id, en, fa }
        }

        struct CategoryEntry: Decodable {
            var id: String
            var en: String
            var fa: String?
            var group: String?
            var tags: [String]?
            enum CodingKeys: String, CodingKey, CaseIterable { case id, en, fa, group, tags }
        }

        struct AssignmentEntry: Decodable {
            var country: String
            var category: String
            var since: PartialDate?
            var note: String?
            enum CodingKeys: String, CodingKey, CaseIterable { case country, category, since, note }
        }

        static let allowedKeys: [String: Set<String>] = [
            "": Set(CodingKeys.allCases.map(\.rawValue)),
            "groups": Set(Label.CodingKeys.allCases.map(\.rawValue)),
            "categories": Set(CategoryEntry.CodingKeys.allCases.map(\.rawValue)),
            "countries": Set(AssignmentEntry.CodingKeys.allCases.map(\.rawValue)),
            "reading": Set(ReadingEntry.CodingKeys.allCases.map(\.rawValue)),
            "readings": Set(ReadingEntry.CodingKeys.allCases.map(\.rawValue)),
        ]
    }

    public static func load(contentsOf url: URL, countries: CountryDirectory) throws(DataFileError) -> ClassificationScheme {
        try load(data: YAMLDocumentReader.read(contentsOf: url), fileName: url.lastPathComponent, countries: countries)
    }

    public static func load(data: Data, fileName: String, countries: CountryDirectory) throws(DataFileError) -> ClassificationScheme {
        let reader = try YAMLDocumentReader(data: data, fileName: fileName, expecting: "a classification scheme")
        try reader.rejectUnknownKeys(allowed: Document.allowedKeys, localizedFields: ["title", "source", "rule"])
        let document = try reader.decode(Document.self)
        guard document.format == formatIdentifier else {
            throw reader.error(at: [.key("format")], value: document.format, problem: "is not a format this version reads: expected \(formatIdentifier)")
        }
        // A scheme's readings are schemes named `ID:READING`: a file's own id may not look like one.
        guard document.id.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
            throw reader.error(at: [.key("id")], value: document.id, problem: "is not a scheme id: expected letters, digits, '.', '_' and '-' (':' marks a reading)")
        }
        if document.readings?.isEmpty == false, document.reading == nil {
            throw reader.error(at: [.key("reading")], value: nil, problem: "is missing: a scheme with other readings names the reading its own groups follow")
        }
        let groups = (document.groups ?? []).map {
            ClassificationScheme.Group(id: $0.id, label: LocalizedText(en: $0.en, fa: $0.fa.map(PersianText.normalized)))
        }
        let groupIDs = Set(groups.map(\.id))
        var categories: [ClassificationScheme.Category] = []
        for (index, entry) in document.categories.enumerated() {
            let path: [PathComponent] = [.key("categories"), .index(index)]
            guard !categories.contains(where: { $0.id == entry.id }) else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is used by an earlier category: ids must be unique")
            }
            if let group = entry.group, !groupIDs.contains(group) {
                throw reader.error(at: path + [.key("group")], value: group, problem: "is not a group of this scheme: expected one of \(groupIDs.sorted().joined(separator: ", "))")
            }
            categories.append(ClassificationScheme.Category(
                id: entry.id, label: LocalizedText(en: entry.en, fa: entry.fa.map(PersianText.normalized)),
                groupID: entry.group, tags: Set(entry.tags ?? [])))
        }
        let categoryIDs = Set(categories.map(\.id))
        var assignments: [ClassificationScheme.Assignment] = []
        var seen: [CountryCode: Int] = [:]
        for (index, entry) in document.countries.enumerated() {
            let path: [PathComponent] = [.key("countries"), .index(index)]
            guard let country = countries.country(code: entry.country), entry.country.count == 2 else {
                throw reader.error(at: path + [.key("country")], value: entry.country, problem: "is not a known country code: expected ISO 3166-1 alpha-2 such as IR, or XK")
            }
            if let earlier = seen[country.code] {
                throw reader.error(at: path + [.key("country")], value: entry.country, problem: "is listed twice (first as countries[\(earlier)]): a scheme puts each country in one category")
            }
            seen[country.code] = index
            guard categoryIDs.contains(entry.category) else {
                throw reader.error(at: path + [.key("category")], value: entry.category, problem: "is not a category of this scheme: expected one of \(categories.map(\.id).joined(separator: ", "))")
            }
            assignments.append(ClassificationScheme.Assignment(country: country.code, categoryID: entry.category, since: entry.since, note: entry.note))
        }
        var scheme = ClassificationScheme(
            id: document.id, title: document.title, sourceNote: LocalizedText(en: document.source.en, fa: document.source.fa), groups: groups,
            categories: categories, assignments: assignments)
        if let entry = document.reading {
            guard entry.id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
                throw reader.error(at: [.key("reading"), .key("id")], value: entry.id, problem: "is not a reading id: expected lower-case letters, digits and hyphens")
            }
            if entry.families != nil || entry.groups != nil {
                throw reader.error(at: [.key("reading"), .key(entry.families != nil ? "families" : "groups")], value: nil,
                                   problem: "is not read here: `reading` only names the grouping `categories` give; other groupings go under `readings`")
            }
            scheme.defaultReading = ClassificationScheme.Reading(id: entry.id, title: entry.title, rule: entry.rule, families: Dictionary(uniqueKeysWithValues: categories.compactMap { c in c.groupID.map { (c.id, $0) } }))
        }
        var readingIDs = Set(scheme.defaultReading.map { [$0.id] } ?? [])
        for (index, entry) in (document.readings ?? []).enumerated() {
            let path: [PathComponent] = [.key("readings"), .index(index)]
            guard entry.id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is not a reading id: expected lower-case letters, digits and hyphens")
            }
            guard readingIDs.insert(entry.id).inserted else {
                throw reader.error(at: path + [.key("id")], value: entry.id, problem: "is used by another reading: ids must be unique")
            }
            let added = (entry.groups ?? []).map {
                ClassificationScheme.Group(id: $0.id, label: LocalizedText(en: $0.en, fa: $0.fa.map(PersianText.normalized)))
            }
            var seenGroups = groupIDs
            for (groupIndex, group) in added.enumerated() where !seenGroups.insert(group.id).inserted {
                throw reader.error(at: path + [.key("groups"), .index(groupIndex), .key("id")], value: group.id,
                                   problem: "is already a group of this scheme or of this reading: a reading's own groups need new ids")
            }
            let families = entry.families ?? [:]
            let known = groupIDs.union(added.map(\.id))
            for category in categories {
                guard let family = families[category.id] else {
                    throw reader.error(at: path + [.key("families")], value: category.id,
                                       problem: "is a category without a family in this reading: a reading gives every category's family")
                }
                guard known.contains(family) else {
                    throw reader.error(at: path + [.key("families"), .key(category.id)], value: family,
                                       problem: "is not a group of this scheme or of the reading: expected one of \(known.sorted().joined(separator: ", "))")
                }
            }
            if let stray = families.keys.sorted().first(where: { !categoryIDs.contains($0) }) {
                throw reader.error(at: path + [.key("families"), .key(stray)], value: stray, problem: "is not a category of this scheme")
            }
            scheme.readings.append(ClassificationScheme.Reading(id: entry.id, title: entry.title, rule: entry.rule, groups: added, families: families))
        }
        return scheme
    }
}
