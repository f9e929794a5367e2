/// An international event a city hosted, or a title it held: a cultural capital year, a games.
///
/// ```swift
/// InternationalEvent(id: "iran-2018:tehran-asian-games-1974", datasetID: "iran-2018",
///     cityID: "iran-2018:tehran", kind: .sportsGames,
///     title: LocalizedText(en: "7th Asian Games"), year: 1974)
/// ```
public struct InternationalEvent: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var datasetID: String
    public var cityID: String
    public var kind: EventKind
    public var title: LocalizedText
    public var year: Int
    public var awardingBody: String?
    /// The awarding body's Persian name, where given.
    public var awardingBodyFa: String?

    public func awardingBody(in language: Language) -> String? {
        language == .fa ? awardingBodyFa ?? awardingBody : awardingBody
    }
    public var notes: String?
    /// The notes in Persian, where given.
    public var notesFa: String?
    public var sources: [SourceCitation]
    public var position: Int

    public init(
        id: String, datasetID: String, cityID: String, kind: EventKind, title: LocalizedText,
        year: Int, awardingBody: String? = nil, notes: String? = nil, sources: [SourceCitation] = [],
        position: Int = 0
    ) {
        self.id = id
        self.datasetID = datasetID
        self.cityID = cityID
        self.kind = kind
        self.title = title
        self.year = year
        self.awardingBody = awardingBody
        self.notes = notes
        self.sources = sources
        self.position = position
    }

    public func notes(in language: Language) -> String? {
        language == .fa ? notesFa ?? notes : notes
    }

    /// Whether the event was added by the dataset's editors rather than the publication the
    /// dataset transcribes: every source it cites is a supplement.
    public var isSupplement: Bool { !sources.isEmpty && sources.allSatisfy(\.isSupplement) }
}

/// What kind of international event or title.
public struct EventKind: VocabularyTerm {
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static let culturalCapital = EventKind(unchecked: "cultural_capital")
    public static let tourismCapital = EventKind(unchecked: "tourism_capital")
    public static let sportsGames = EventKind(unchecked: "sports_games")
    /// A continental or world championship of one sport (the AFC Asian Cup).
    public static let sportsChampionship = EventKind(unchecked: "sports_championship")
    public static let summit = EventKind(unchecked: "summit")
    public static let exhibition = EventKind(unchecked: "exhibition")

    public static let fieldName = "event kind"
    public static let knownTerms: [(term: EventKind, label: LocalizedText)] = [
        (.culturalCapital, LocalizedText.message("core.cultural-capital")),
        (.tourismCapital, LocalizedText.message("core.tourism-capital")),
        (.sportsGames, LocalizedText.message("core.sports-games")),
        (.sportsChampionship, LocalizedText.message("core.sports-championship")),
        (.summit, LocalizedText.message("core.summit")),
        (.exhibition, LocalizedText.message("core.exhibition")),
    ]
}
