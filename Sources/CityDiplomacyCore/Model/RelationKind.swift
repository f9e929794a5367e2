/// What kind of bilateral relation two cities have.
///
/// ```swift
/// RelationKind.sisterCity.label[.fa]                 // the Persian term, from the catalogue
/// try RelationKind(validating: "cooperation-mou")    // .cooperationMemorandum
/// ```
public struct RelationKind: VocabularyTerm {
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// A twinning (sister-city) agreement.
    public static let sisterCity = RelationKind(unchecked: "sister_city")
    /// A memorandum of understanding on cooperation, short of twinning.
    public static let cooperationMemorandum = RelationKind(unchecked: "cooperation_mou")
    /// A friendship-city agreement (common in Chinese and Japanese practice).
    public static let friendship = RelationKind(unchecked: "friendship")
    /// A partnership or cooperation agreement not called twinning.
    public static let partnership = RelationKind(unchecked: "partnership")

    public static let fieldName = "kind"
    public static let knownTerms: [(term: RelationKind, label: LocalizedText)] = [
        (.sisterCity, LocalizedText.message("core.sister-city")),
        (.cooperationMemorandum, LocalizedText.message("core.cooperation-memorandum")),
        (.friendship, LocalizedText.message("core.friendship-city")),
        (.partnership, LocalizedText.message("core.partnership")),
    ]
}

/// Whether a relation is in force, as far as the sources say.
public struct RelationStatus: VocabularyTerm {
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static let active = RelationStatus(unchecked: "active")
    public static let suspended = RelationStatus(unchecked: "suspended")
    public static let ended = RelationStatus(unchecked: "ended")
    /// The sources do not say; the default for transcribed records.
    public static let unknown = RelationStatus(unchecked: "unknown")

    public static let fieldName = "status"
    public static let knownTerms: [(term: RelationStatus, label: LocalizedText)] = [
        (.active, LocalizedText.message("core.active")),
        (.suspended, LocalizedText.message("core.suspended")),
        (.ended, LocalizedText.message("core.ended")),
        (.unknown, LocalizedText.message("core.unknown")),
    ]
}

/// What an agreement is about, as its clauses or the sources describe it.
public struct Theme: VocabularyTerm {
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static let culture = Theme(unchecked: "culture")
    public static let history = Theme(unchecked: "history")
    public static let heritage = Theme(unchecked: "heritage")
    public static let tourism = Theme(unchecked: "tourism")
    public static let economy = Theme(unchecked: "economy")
    public static let sport = Theme(unchecked: "sport")
    public static let education = Theme(unchecked: "education")
    public static let environment = Theme(unchecked: "environment")
    public static let religion = Theme(unchecked: "religion")
    /// Political aims or values (democratisation, human rights).
    public static let politicalValues = Theme(unchecked: "political_values")
    /// An explicit clause of non-interference in each other's internal affairs.
    public static let nonInterference = Theme(unchecked: "non_interference")

    public static let fieldName = "theme"
    public static let knownTerms: [(term: Theme, label: LocalizedText)] = [
        (.culture, LocalizedText.message("core.culture")),
        (.history, LocalizedText.message("core.history")),
        (.heritage, LocalizedText.message("core.heritage")),
        (.tourism, LocalizedText.message("core.tourism")),
        (.economy, LocalizedText.message("core.economy")),
        (.sport, LocalizedText.message("core.sport")),
        (.education, LocalizedText.message("core.education")),
        (.environment, LocalizedText.message("core.environment")),
        (.religion, LocalizedText.message("core.religion")),
        (.politicalValues, LocalizedText.message("core.political-aims-and-values")),
        (.nonInterference, LocalizedText.message("core.non-interference")),
    ]
}
