/// An association of cities (UCLG, Metropolis, CityNet, a UNESCO network) or a state-level
/// programme that cities benefit from (the World Heritage List, ISESCO's capitals).
///
/// ```swift
/// let citynet = CityNetwork(id: "iran-2018:citynet", datasetID: "iran-2018",
///     name: LocalizedText.message("core.citynet"), scope: .regional)
/// ```
public struct CityNetwork: Identifiable, Hashable, Sendable, Codable {
    /// Whether the network's activity is worldwide or confined to a region.
    public enum Scope: String, Sendable, Codable, CaseIterable {
        case global, regional

        public var label: LocalizedText {
            switch self {
            case .global: LocalizedText.message("core.global")
            case .regional: LocalizedText.message("core.regional")
            }
        }
    }

    /// Whether cities join the body themselves, or benefit from a programme run by states.
    public enum Category: String, Sendable, Codable, CaseIterable {
        case cityNetwork = "city_network"
        case stateProgramme = "state_programme"

        public var label: LocalizedText { LocalizedText.message("network.category.\(rawValue)") }
    }

    public var id: String
    public var datasetID: String
    public var name: LocalizedText
    public var acronym: String?
    public var scope: Scope
    public var category: Category
    public var founded: PartialDate?
    public var seat: String?
    /// The seat in Persian, where given.
    public var seatFa: String?
    public var description: LocalizedText?
    /// The network this one is a section of (Metropolis is UCLG's metropolitan section), as a
    /// network id of the same dataset; `nil` for a network of its own.
    public var partOf: String?
    public var sources: [SourceCitation]
    public var position: Int

    public init(
        id: String, datasetID: String, name: LocalizedText, acronym: String? = nil, scope: Scope,
        category: Category = .cityNetwork, founded: PartialDate? = nil, seat: String? = nil,
        description: LocalizedText? = nil, sources: [SourceCitation] = [], position: Int = 0
    ) {
        self.id = id
        self.datasetID = datasetID
        self.name = name
        self.acronym = acronym
        self.scope = scope
        self.category = category
        self.founded = founded
        self.seat = seat
        self.description = description
        self.sources = sources
        self.position = position
    }

    public func seat(in language: Language) -> String? {
        language == .fa ? seatFa ?? seat : seat
    }
}

/// A city's membership of a network, or its part in a state-level programme.
///
/// ```swift
/// NetworkMembership(id: "iran-2018:yazd@silk-road", datasetID: "iran-2018",
///     cityID: "iran-2018:yazd", networkID: "iran-2018:silk-road",
///     role: LocalizedText(en: "Member of the central council (four years)"))
/// ```
public struct NetworkMembership: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var datasetID: String
    public var cityID: String
    public var networkID: String
    /// The city's role in the network as the source words it ("member", "central council").
    public var role: LocalizedText?
    public var since: PartialDate?
    public var notes: String?
    /// The notes in Persian, where given.
    public var notesFa: String?
    public var sources: [SourceCitation]
    public var position: Int

    public init(
        id: String, datasetID: String, cityID: String, networkID: String, role: LocalizedText? = nil,
        since: PartialDate? = nil, notes: String? = nil, sources: [SourceCitation] = [], position: Int = 0
    ) {
        self.id = id
        self.datasetID = datasetID
        self.cityID = cityID
        self.networkID = networkID
        self.role = role
        self.since = since
        self.notes = notes
        self.sources = sources
        self.position = position
    }

    public func notes(in language: Language) -> String? {
        language == .fa ? notesFa ?? notes : notes
    }
}
