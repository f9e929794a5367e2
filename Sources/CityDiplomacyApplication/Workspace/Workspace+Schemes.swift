import CityDiplomacyCore

/// One classification scheme as a reader checks it: every category with its countries and its
/// family under each reading of the scheme, the one table a count by the scheme applies (#13).
/// `citydip schemes --scheme ID` prints it, `/schemes/{id}` shows it and `/api/v1/schemes/{id}`
/// answers it.
///
/// A reading's id (`study-civilisations:by-region`) gives the table of the scheme it reads — the
/// same table, whose columns are the readings — with ``selected`` naming the column the id uses.
///
/// ```swift
/// let table = try workspace.schemeTable("study-civilisations")
/// table.readings.map(\.id)      // ["names-islam", "by-region", "islam-alone"]
/// table.family(of: "islamic-christian-turkic", in: table.readings[2])?.id   // "islamic-christian-mixed"
/// ```
public struct SchemeTable: Sendable {
    /// The id asked for: a scheme's, or one of its readings' (`study-civilisations:by-region`).
    public var id: String
    /// The title of what the id names (a reading's id: the scheme read that way).
    public var title: LocalizedText
    /// The scheme whose table this is: the one asked for, or the one a reading's id reads.
    public var scheme: ClassificationScheme
    /// The scheme's groupings, its own first; empty for a scheme with one obvious grouping.
    public var readings: [ClassificationScheme.Reading]
    /// The reading the id groups by: the scheme's own for the scheme's id, the one named for a
    /// reading's id; `nil` for a scheme with one grouping.
    public var selected: ClassificationScheme.Reading?
    /// Every family a column may name: the scheme's groups, then those only a reading uses.
    public var groups: [ClassificationScheme.Group]
    /// One row per category in the scheme's order: id, label, countries, then the family under
    /// each reading (one `group` column where the scheme has no readings); each reading's rule
    /// as a note.
    public var table: Tabulation

    /// Whether the id names one of the scheme's other readings rather than the scheme.
    public var selectsReading: Bool { id != scheme.id }

    /// The id that selects `reading` wherever a scheme is named: the scheme's own for its
    /// default reading, `SCHEME:READING` for the others.
    public func schemeID(of reading: ClassificationScheme.Reading) -> String {
        reading.id == scheme.defaultReading?.id ? scheme.id : "\(scheme.id)\(ClassificationScheme.readingSeparator)\(reading.id)"
    }

    /// The family `reading` gives the category (its group where the scheme has no readings).
    public func family(of categoryID: String, in reading: ClassificationScheme.Reading?) -> ClassificationScheme.Group? {
        let groupID = reading.flatMap { $0.families[categoryID] } ?? scheme.category(id: categoryID)?.groupID
        return groupID.flatMap { id in groups.first { $0.id == id } }
    }

    /// The column title of a reading: its short title (written to follow a scheme's title, so
    /// capitalised here), the default marked as such.
    public func title(of reading: ClassificationScheme.Reading) -> LocalizedText {
        var title = reading.title
        title.en = title.en.prefix(1).uppercased() + title.en.dropFirst()
        return reading.id == scheme.defaultReading?.id ? .message("scheme.page.default-reading", localized: ["reading": title]) : title
    }
}

extension Workspace {
    /// The table of scheme `id` (or of the scheme a reading's id reads), or a not-found error
    /// naming the schemes there are. `field` names the parameter in the message (`scheme` on the
    /// command line, `id` on the web).
    public func schemeTable(_ id: String, field: String = "scheme") throws(ApplicationError) -> SchemeTable {
        guard let asked = classifications.schemes[id] else {
            throw .notFound(field, "unknown scheme '\(id)' for \(parameter: field): expected \(classifications.schemes.keys.sorted().orList()) (or add one with a scheme file)")
        }
        let scheme = asked.readingOf.flatMap { classifications.schemes[$0.scheme] } ?? asked
        let readings = scheme.defaultReading.map { [$0] + scheme.readings } ?? []
        let selected = asked.currentReading
        var groups = scheme.groups
        for group in readings.flatMap(\.groups) where !groups.contains(where: { $0.id == group.id }) { groups.append(group) }
        var result = SchemeTable(id: id, title: asked.title, scheme: scheme, readings: readings, selected: selected, groups: groups,
                                 table: Tabulation(title: .message("scheme.page.table-title"), columns: [], rows: []))
        result.table = schemeTabulation(result)
        return result
    }

    private func schemeTabulation(_ table: SchemeTable) -> Tabulation {
        let scheme = table.scheme
        var columns: [Tabulation.Column] = [
            .titled("id"),
            .init(key: "label", title: .message("column.category")),
            .titled("countries"),
        ]
        let groupings: [ClassificationScheme.Reading?] = table.readings.isEmpty ? [nil] : table.readings
        if table.readings.isEmpty {
            columns.append(.titled("group"))
        } else {
            columns += table.readings.map { .init(key: "family:\($0.id)", title: table.title(of: $0)) }
        }
        let rows: [[Tabulation.Cell]] = scheme.categories.map { category in
            let countries = scheme.countries(in: category.id).map { code in
                Tabulation.Cell.code(code.rawValue, label: countriesByCode[code]?.name ?? LocalizedText(en: code.rawValue))
            }
            let families = groupings.map { reading -> Tabulation.Cell in
                table.family(of: category.id, in: reading).map { .code($0.id, label: $0.label) } ?? .empty
            }
            return [.identifier(category.id), .text(category.label), .list(countries)] + families
        }
        let notes: [LocalizedText] = table.readings.compactMap { reading in
            reading.rule.map { .message("scheme.page.rule", localized: ["reading": table.title(of: reading), "rule": $0]) }
        }
        return Tabulation(title: .message(table.readings.isEmpty ? "scheme.page.table-title" : "scheme.page.table-title.readings"),
                          columns: columns, rows: rows, notes: notes)
    }
}
