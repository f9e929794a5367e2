/// A relation between two cities: a twinning agreement, a cooperation memorandum, a friendship.
///
/// A relation is unordered — Tehran–Seoul is Seoul–Tehran — but keeps the order in which its
/// source lists it: ``cityID`` is the city whose record lists the relation (the row of the study's
/// Table 1), ``partnerID`` the other.
///
/// ```swift
/// let relation = BilateralRelation(
///     id: "iran-2018:tehran/seoul", datasetID: "iran-2018",
///     cityID: "iran-2018:tehran", partnerID: "iran-2018:seoul", kind: .sisterCity,
///     signed: try PartialDate(parsing: "1963"), sources: [studyRow])
/// ```
public struct BilateralRelation: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var datasetID: String
    public var cityID: String
    public var partnerID: String
    public var kind: RelationKind
    public var status: RelationStatus
    /// When the agreement was signed, to the precision the sources give; `nil` where they give none.
    public var signed: PartialDate?
    public var themes: [Theme]
    public var notes: String?
    /// The notes in Persian, where given.
    public var notesFa: String?
    public var sources: [SourceCitation]
    /// Placements of the record in periodisations, decided by the dataset's author where the date
    /// alone cannot decide (keyed by periodisation id, valued by period id).
    public var periodPlacements: [String: String]
    /// The record's position in its dataset, which keeps the order of the source's tables.
    public var position: Int
    /// What an import noticed about the record (``RelationFlag``): kept, and said.
    public var flags: [RelationFlag]
    /// The rows of the imported file the record was read from (several where duplicates merged).
    public var importRows: [Int]

    public init(
        id: String, datasetID: String, cityID: String, partnerID: String, kind: RelationKind,
        status: RelationStatus = .unknown, signed: PartialDate? = nil, themes: [Theme] = [],
        notes: String? = nil, sources: [SourceCitation] = [], periodPlacements: [String: String] = [:],
        position: Int = 0, flags: [RelationFlag] = [], importRows: [Int] = []
    ) {
        self.id = id
        self.datasetID = datasetID
        self.cityID = cityID
        self.partnerID = partnerID
        self.kind = kind
        self.status = status
        self.signed = signed
        self.themes = themes
        self.notes = notes
        self.sources = sources
        self.periodPlacements = periodPlacements
        self.position = position
        self.flags = flags
        self.importRows = importRows
    }

    /// The notes in `language` (English where no Persian is recorded).
    public func notes(in language: Language) -> String? {
        language == .fa ? notesFa ?? notes : notes
    }

    /// Whether the relation joins `cityID`, at either end.
    public func involves(_ cityID: String) -> Bool {
        self.cityID == cityID || partnerID == cityID
    }

    /// The other end of the relation, seen from `cityID`.
    public func partner(of cityID: String) -> String {
        self.cityID == cityID ? partnerID : self.cityID
    }
}

/// Something an import noticed about a relation, kept with it rather than dropped.
public enum RelationFlag: String, Hashable, Sendable, Codable, CaseIterable {
    /// Both ends are the same city.
    case selfPair = "self_pair"
    /// Both ends are in the same country.
    case domestic
    /// An end could not be resolved to a gazetteer place.
    case unresolvedCity = "unresolved_city"
    /// Given coordinates are far from the place the name resolved to.
    case coordinatesDisagree = "coordinates_disagree"
}
