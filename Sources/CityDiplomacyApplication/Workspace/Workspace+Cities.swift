import CityDiplomacyCore

extension Workspace {
    /// Everything known about the city with id `id`, or a not-found error; with `aggregateParts`,
    /// its parts' relations, memberships and events counted as its own (see ``countingParts(_:)``).
    public func cityProfile(id: String, aggregateParts: Bool = false) async throws -> CityProfileView {
        guard let profile = try await registry.profile(ofCity: id) else {
            throw ApplicationError.notFound("id", "unknown city '\(id)': no city has that id (ids look like iran-2018:tehran)")
        }
        return aggregateParts ? try await countingParts(profile) : CityProfileView(profile)
    }

    /// Every city `name` names (in any language, optionally within one dataset), with all that is
    /// known about it, its parts counted with it when `aggregateParts`.
    public func cityProfiles(named name: String, dataset: String?, aggregateParts: Bool = false) async throws -> [CityProfileView] {
        if let dataset { _ = try await requireDataset(dataset) }
        let cities = try await registry.findCities(named: name, datasetID: dataset)
        guard !cities.isEmpty else { throw unknownCity(name, dataset: dataset) }
        var profiles: [CityProfileView] = []
        for city in cities {
            if let profile = try await registry.profile(ofCity: city.id) {
                profiles.append(aggregateParts ? try await countingParts(profile) : CityProfileView(profile))
            }
        }
        return profiles
    }

    /// `profile` with its parts counted with it: the dataset aggregated with the city kept whole
    /// (so that a district asked about is itself, with its own parts), and its records read from
    /// that — its partners' districts are their cities too, as in every aggregated count.
    public func countingParts(_ profile: CityProfile) async throws -> CityProfileView {
        let id = profile.city.id
        let content = try await partFamilyContent(of: profile)
        let (counted, summary) = content.aggregatingParts(keepingWhole: [id])
        let cities = counted.citiesByID, networks = counted.networksByID
        var aggregated = profile
        aggregated.relations = counted.relations.filter { $0.involves(id) }.compactMap { relation in
            cities[relation.partner(of: id)].map { (relation, $0) }
        }
        aggregated.memberships = counted.memberships.filter { $0.cityID == id }.compactMap { membership in
            networks[membership.networkID].map { (membership, $0) }
        }
        aggregated.events = counted.events.filter { $0.cityID == id }
        let own = summary.restricted(toCity: id, relationIDs: Set(aggregated.relations.map(\.relation.id)),
                                     membershipIDs: Set(aggregated.memberships.map(\.membership.id)))
        return CityProfileView(aggregated, aggregation: PartAggregationView(own, scope: .city))
    }

    /// The records of `profile`'s dataset that counting its city with its parts reads: the city,
    /// its parts at every level with their relations, memberships and events, the cities those
    /// relations reach with the chains they are part of, and the dataset's networks (see
    /// Workspace+PartFamily.swift) — not the whole dataset, which this read at a million relations.
    func partFamilyContent(of profile: CityProfile) async throws -> DatasetContent {
        let datasetID = profile.dataset.id
        let parts = try await partsAtEveryLevel(of: [profile.city], dataset: datasetID, knownParts: [profile.city.id: profile.parts])
        let family = Set([profile.city.id] + parts.map(\.id))
        var involved = Dictionary(([profile.city] + parts).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var relations = profile.relations.map(\.relation)
        for (relation, partner) in profile.relations { involved[relation.partner(of: profile.city.id)] = partner }
        var seen = Set(relations.map(\.id))
        for part in parts {
            let selection = try await registry.relations(matching: RelationQuery(datasetID: datasetID, city: part.id))
            involved.merge(selection.cities) { first, _ in first }
            // The part's own: a city filter also matches another city whose name reads as this id.
            for relation in selection.relations where relation.involves(part.id) && seen.insert(relation.id).inserted {
                relations.append(relation)
            }
        }
        relations.sort { ($0.datasetID, $0.position) < ($1.datasetID, $1.position) }
        // Memberships and events of the dataset are few (a city's, a network's); they are read
        // whole and kept for the family.
        return DatasetContent(
            dataset: profile.dataset,
            cities: try await withWholes(involved, dataset: datasetID).values.sorted { $0.id < $1.id },
            relations: relations,
            networks: try await registry.networks(datasetID: datasetID),
            memberships: try await registry.memberships(datasetID: datasetID).filter { family.contains($0.cityID) },
            events: try await registry.events(datasetID: datasetID).filter { family.contains($0.cityID) })
    }

    func unknownCity(_ name: String, dataset: String?) -> ApplicationError {
        .notFound("city", "unknown city '\(name)': no city of that name\(dataset.map { " in dataset \($0)" } ?? "") (names in English or Persian, or an id such as \(defaults.datasetID):tehran)")
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
/// events, the city it is part of and its parts: `{"city", "dataset", "relations", "memberships",
/// "events", "part_of", "parts", "aggregated_parts"}` in JSON, in the CLI's `show --format json`
/// and at `/api/v1/cities/{id}` alike. `part_of` is that city whole (or `null`), `parts` the
/// places that are part of this one; `aggregated_parts` says what counting them with it changed,
/// `null` when they are counted apart.
public struct CityProfileView: Encodable, Sendable {
    public struct Membership: Encodable, Sendable {
        public var membership: MembershipView
        public var network: NetworkView
    }

    /// The domain profile, for renderings that need more than the JSON (Markdown, pages).
    public var profile: CityProfile
    /// What counting the city's parts with it changed; `nil` when they are counted apart.
    public var aggregation: PartAggregationView?

    public init(_ profile: CityProfile, aggregation: PartAggregationView? = nil) {
        self.profile = profile
        self.aggregation = aggregation
    }

    /// Every source cited in the profile, in order of first citation.
    public var sources: [SourceCitation] {
        var seen: Set<String> = []
        let all = profile.relations.flatMap(\.relation.sources) + profile.memberships.flatMap(\.membership.sources) + profile.events.flatMap(\.sources)
        return all.filter { seen.insert($0.id).inserted }
    }

    enum CodingKeys: String, CodingKey { case city, dataset, relations, memberships, events, partOf = "part_of", parts, aggregatedParts = "aggregated_parts" }

    public func encode(to encoder: any Encoder) throws {
        var cities = Dictionary(profile.relations.map { ($0.partner.id, $0.partner) }, uniquingKeysWith: { first, _ in first })
        cities[profile.city.id] = profile.city
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CityView(profile.city), forKey: .city)
        try container.encode(profile.dataset.id, forKey: .dataset)
        try container.encode(profile.relations.map { RelationView($0.relation, cities: cities) }, forKey: .relations)
        try container.encode(profile.memberships.map { Membership(membership: MembershipView($0.membership), network: NetworkView($0.network)) }, forKey: .memberships)
        try container.encode(profile.events.map(EventView.init), forKey: .events)
        try container.encodeIfPresent(profile.whole.map(CityView.init), forKey: .partOf)
        try container.encode(profile.parts.map(CityView.init), forKey: .parts)
        try container.encodeIfPresent(aggregation, forKey: .aggregatedParts)
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

extension Workspace {
    /// Where the relations of `country`'s cities go, in every dataset, counted through the
    /// registry's indexes without reading a relation's record: what a country's page charts.
    public func countryRelationCounts(_ country: CountryCode) async throws -> CountryRelationCounts {
        try await registry.countryRelationCounts(country)
    }
}
