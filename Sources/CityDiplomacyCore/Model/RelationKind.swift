/// What kind of bilateral relation two cities have.
///
/// ```swift
/// RelationKind.sisterCity.label[.fa]                 // "خواهرخواندگی"
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
        (.sisterCity, LocalizedText(en: "Sister city", fa: "خواهرخواندگی")),
        (.cooperationMemorandum, LocalizedText(en: "Cooperation memorandum", fa: "تفاهم‌نامه همکاری")),
        (.friendship, LocalizedText(en: "Friendship city", fa: "شهر دوست")),
        (.partnership, LocalizedText(en: "Partnership", fa: "همکاری مشترک")),
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
        (.active, LocalizedText(en: "Active", fa: "فعال")),
        (.suspended, LocalizedText(en: "Suspended", fa: "معلق")),
        (.ended, LocalizedText(en: "Ended", fa: "پایان‌یافته")),
        (.unknown, LocalizedText(en: "Unknown", fa: "نامعلوم")),
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
        (.culture, LocalizedText(en: "Culture", fa: "فرهنگ")),
        (.history, LocalizedText(en: "History", fa: "تاریخ")),
        (.heritage, LocalizedText(en: "Heritage", fa: "میراث")),
        (.tourism, LocalizedText(en: "Tourism", fa: "گردشگری")),
        (.economy, LocalizedText(en: "Economy", fa: "اقتصاد")),
        (.sport, LocalizedText(en: "Sport", fa: "ورزش")),
        (.education, LocalizedText(en: "Education", fa: "آموزش")),
        (.environment, LocalizedText(en: "Environment", fa: "محیط زیست")),
        (.religion, LocalizedText(en: "Religion", fa: "دین")),
        (.politicalValues, LocalizedText(en: "Political aims and values", fa: "سیاسی و ارزشی")),
        (.nonInterference, LocalizedText(en: "Non-interference", fa: "عدم مداخله")),
    ]
}
