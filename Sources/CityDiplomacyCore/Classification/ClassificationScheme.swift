/// A classification of countries into categories: regions, civilisational affiliations,
/// memberships of an organisation.
///
/// Schemes are data (`Resources/schemes/*.yaml`, or a user's own file): the study's categories are
/// one scheme among others, and any analysis can be repeated under another. Categories may belong
/// to a group (a region's continent, an affiliation's family) and carry tags (`islamic`) that
/// claims can count by. A country missing from a scheme is *unclassified* — reported, never dropped.
///
/// ```swift
/// let regions: ClassificationScheme = …                     // study-regions
/// regions.category(of: CountryCode(unchecked: "IQ"))?.label.en   // "Middle East and West Asia"
/// ```
public struct ClassificationScheme: Identifiable, Hashable, Sendable {
    public struct Group: Hashable, Sendable {
        public var id: String
        public var label: LocalizedText

        public init(id: String, label: LocalizedText) {
            self.id = id
            self.label = label
        }
    }

    public struct Category: Hashable, Sendable {
        public var id: String
        public var label: LocalizedText
        public var groupID: String?
        public var tags: Set<String>

        public init(id: String, label: LocalizedText, groupID: String? = nil, tags: Set<String> = []) {
            self.id = id
            self.label = label
            self.groupID = groupID
            self.tags = tags
        }
    }

    /// A country's place in the scheme, with the date it took effect where that matters
    /// (the year a state joined the OIC, an EU accession date).
    public struct Assignment: Hashable, Sendable {
        public var country: CountryCode
        public var categoryID: String
        public var since: PartialDate?
        public var note: String?

        public init(country: CountryCode, categoryID: String, since: PartialDate? = nil, note: String? = nil) {
            self.country = country
            self.categoryID = categoryID
            self.since = since
            self.note = note
        }
    }

    /// One way of grouping the scheme's categories into families, where more than one is
    /// defensible (the study's mixed labels "Islamic-Christian-Turkic", "Slavic (Islamic-Christian)":
    /// Islamic, or with their region, or a family of their own?). Each reading is one complete,
    /// documented table: every category's family.
    public struct Reading: Hashable, Sendable {
        public var id: String
        /// The reading in a few words ("mixed labels by region"), as a scheme's title names it.
        public var title: LocalizedText
        /// The rule in full, for the scheme's source note.
        public var rule: LocalizedText?
        /// Families only this reading uses (a family of mixed labels).
        public var groups: [Group]
        /// Every category's family under this reading, by category id.
        public var families: [String: String]

        public init(id: String, title: LocalizedText, rule: LocalizedText? = nil, groups: [Group] = [], families: [String: String]) {
            self.id = id
            self.title = title
            self.rule = rule
            self.groups = groups
            self.families = families
        }
    }

    public var id: String
    public var title: LocalizedText
    /// Where the classification comes from: a table of a study, an organisation's member list.
    public var sourceNote: LocalizedText
    public var groups: [Group]
    public var categories: [Category]
    /// The countries in the scheme's own order (the order of the study's table, for study schemes).
    public var assignments: [Assignment]
    /// How ``groups`` reads the categories, where the scheme offers other ``readings``; `nil` for a
    /// scheme with one obvious grouping.
    public var defaultReading: Reading? = nil
    /// Other defensible groupings of the same categories. ``read(as:)`` gives the scheme under one
    /// of them, as a scheme of its own (`study-civilisations:by-region`) that any count can use.
    public var readings: [Reading] = []
    /// The scheme a derived scheme reads, and the reading.
    public struct ReadingOf: Hashable, Sendable {
        public var scheme: String
        public var reading: Reading
    }

    /// For a scheme derived by ``read(as:)``: the scheme it reads and the reading; `nil` otherwise.
    public var readingOf: ReadingOf? = nil

    private var categoryIndex: [String: Category]
    private var assignmentIndex: [CountryCode: Assignment]

    public init(id: String, title: LocalizedText, sourceNote: LocalizedText, groups: [Group] = [], categories: [Category], assignments: [Assignment]) {
        self.id = id
        self.title = title
        self.sourceNote = sourceNote
        self.groups = groups
        self.categories = categories
        self.assignments = assignments
        categoryIndex = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        assignmentIndex = Dictionary(assignments.map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func assignment(of country: CountryCode) -> Assignment? {
        assignmentIndex[country]
    }

    /// The country's category, or `nil` where the scheme does not classify it.
    public func category(of country: CountryCode) -> Category? {
        assignmentIndex[country].flatMap { categoryIndex[$0.categoryID] }
    }

    public func category(id: String) -> Category? {
        categoryIndex[id]
    }

    public func group(id: String) -> Group? {
        groups.first { $0.id == id }
    }

    /// The countries assigned to a category, in the scheme's order.
    public func countries(in categoryID: String) -> [CountryCode] {
        assignments.filter { $0.categoryID == categoryID }.map(\.country)
    }

    /// Whether the country's category carries `tag`.
    public func country(_ country: CountryCode, hasTag tag: String) -> Bool {
        category(of: country)?.tags.contains(tag) == true
    }

    public static func == (lhs: ClassificationScheme, rhs: ClassificationScheme) -> Bool {
        lhs.id == rhs.id && lhs.categories == rhs.categories && lhs.assignments == rhs.assignments
            && lhs.groups == rhs.groups && lhs.title == rhs.title && lhs.sourceNote == rhs.sourceNote
            && lhs.defaultReading == rhs.defaultReading && lhs.readings == rhs.readings && lhs.readingOf == rhs.readingOf
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(assignments)
    }
}

extension ClassificationScheme {
    /// The separator of a derived scheme's id: `study-civilisations:by-region`.
    public static let readingSeparator: Character = ":"

    /// The scheme under `reading`: the same categories and countries, each category in the family
    /// the reading gives it. A tag named like a family (`islamic`) follows the family, so that
    /// "tagged Islamic" and "in the Islamic family" never disagree within one reading.
    public func read(as reading: Reading) -> ClassificationScheme {
        let familyIDs = Set(groups.map(\.id) + reading.groups.map(\.id))
        let familyTags = Set(categories.flatMap(\.tags)).intersection(familyIDs)
        let regrouped = categories.map { category -> Category in
            var category = category
            category.groupID = reading.families[category.id] ?? category.groupID
            category.tags = category.tags.subtracting(familyTags)
            if let family = category.groupID, familyTags.contains(family) { category.tags.insert(family) }
            return category
        }
        var scheme = ClassificationScheme(
            id: "\(id)\(Self.readingSeparator)\(reading.id)",
            title: .message("scheme.reading.title", localized: ["scheme": title, "reading": reading.title]),
            sourceNote: .message("scheme.reading.source", localized: ["source": sourceNote, "reading": reading.rule ?? reading.title]),
            groups: groups + reading.groups, categories: regrouped, assignments: assignments)
        scheme.readingOf = ReadingOf(scheme: id, reading: reading)
        return scheme
    }

    /// The scheme itself followed by the scheme under each of its other readings.
    public var withReadings: [ClassificationScheme] {
        [self] + readings.map(read(as:))
    }

    /// The reading this scheme's grouping follows: its own default, or the reading it was derived by.
    public var currentReading: Reading? { readingOf?.reading ?? defaultReading }

    /// How people read a tag of a scheme's categories (`islamic`, `oic-member`): the catalogue's
    /// `tag.ID`, else the tag itself.
    public static func tagLabel(_ tag: String) -> LocalizedText {
        MessageCatalogue.messages["tag.\(tag)"] ?? LocalizedText(en: tag)
    }
}
