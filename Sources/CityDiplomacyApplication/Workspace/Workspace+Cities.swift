import CityDiplomacyCore

extension Workspace {
    /// Everything known about the city with id `id`, or a not-found error.
    public func cityProfile(id: String) async throws -> CityProfileView {
        guard let profile = try await registry.profile(ofCity: id) else {
            throw ApplicationError.notFound("id", "unknown city '\(id)': no city has that id (ids look like iran-2018:tehran)")
        }
        return CityProfileView(profile)
    }

    /// Every city `name` names (in any language, optionally within one dataset), with all that is known about it.
    public func cityProfiles(named name: String, dataset: String?) async throws -> [CityProfileView] {
        if let dataset { _ = try await requireDataset(dataset) }
        let cities = try await registry.findCities(named: name, datasetID: dataset)
        guard !cities.isEmpty else { throw unknownCity(name, dataset: dataset) }
        var profiles: [CityProfileView] = []
        for city in cities {
            if let profile = try await registry.profile(ofCity: city.id) { profiles.append(CityProfileView(profile)) }
        }
        return profiles
    }

    func unknownCity(_ name: String, dataset: String?) -> ApplicationError {
        .invalid("city", "unknown city '\(name)': no city of that name\(dataset.map { " in dataset \($0)" } ?? "") (names in English or Persian, or an id such as \(defaults.datasetID):tehran)")
    }

    /// A network with its member cities, or a not-found error.
    public func networkProfile(id: String) async throws -> NetworkProfileView {
        guard let profile = try await registry.networkProfile(ofNetwork: id) else {
            throw ApplicationError.notFound("id", "unknown network '\(id)'")
        }
        return NetworkProfileView(profile)
    }
}

/// A city with its relations (each partner inline), memberships (each with its network) and
/// events: `{"city", "dataset", "relations", "memberships", "events"}` in JSON, in the CLI's
/// `show --format json` and at `/api/v1/cities/{id}` alike.
public struct CityProfileView: Encodable, Sendable {
    public struct Membership: Encodable, Sendable {
        public var membership: MembershipView
        public var network: NetworkView
    }

    /// The domain profile, for renderings that need more than the JSON (Markdown, pages).
    public var profile: CityProfile

    public init(_ profile: CityProfile) {
        self.profile = profile
    }

    /// Every source cited in the profile, in order of first citation.
    public var sources: [SourceCitation] {
        var seen: Set<String> = []
        let all = profile.relations.flatMap(\.relation.sources) + profile.memberships.flatMap(\.membership.sources) + profile.events.flatMap(\.sources)
        return all.filter { seen.insert($0.id).inserted }
    }

    enum CodingKeys: String, CodingKey { case city, dataset, relations, memberships, events }

    public func encode(to encoder: any Encoder) throws {
        var cities = Dictionary(profile.relations.map { ($0.partner.id, $0.partner) }, uniquingKeysWith: { first, _ in first })
        cities[profile.city.id] = profile.city
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CityView(profile.city), forKey: .city)
        try container.encode(profile.dataset.id, forKey: .dataset)
        try container.encode(profile.relations.map { RelationView($0.relation, cities: cities) }, forKey: .relations)
        try container.encode(profile.memberships.map { Membership(membership: MembershipView($0.membership), network: NetworkView($0.network)) }, forKey: .memberships)
        try container.encode(profile.events.map(EventView.init), forKey: .events)
    }
}

/// A network with its members: `{"network", "members": [{"membership", "city"}]}`.
public struct NetworkProfileView: Encodable, Sendable {
    public struct Member: Encodable, Sendable {
        public var membership: MembershipView
        public var city: CityView?
    }

    public var profile: NetworkProfile

    public init(_ profile: NetworkProfile) {
        self.profile = profile
    }

    enum CodingKeys: String, CodingKey { case network, members }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(NetworkView(profile.network), forKey: .network)
        try container.encode(profile.memberships.map { Member(membership: MembershipView($0), city: profile.cities[$0.cityID].map(CityView.init)) }, forKey: .members)
    }
}
