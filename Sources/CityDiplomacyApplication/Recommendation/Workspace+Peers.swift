import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork

extension Workspace {
    /// The cities of the network most like `request.city` by ``PeerSimilarity`` (cosine over
    /// size, activity, country group and partner profile), most alike first.
    public func peers(_ request: PeersRequest) async throws -> PeersResult {
        try request.validate()
        let scheme = try classifications.scheme(request.scheme ?? NetworkRequest.defaultScheme, field: "scheme")
        let ids = try await datasets(forCity: request.city, request.datasets)
        let context = try await cityNetworkContext(ids)
        let node = try await node(ofCity: request.city, in: context)
        let columns = Self.profileColumns(scheme)
        let columnIndex = Dictionary(columns.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let columnOfCountry = context.countries.map { code -> Int? in
            guard let category = scheme.category(of: code) else { return nil }
            return columnIndex[scheme.groups.isEmpty ? category.id : (category.groupID ?? "")]
        }
        let graph = context.graph
        let maximumDegree = (0..<graph.nodeCount).map(graph.degree(of:)).max() ?? 0
        func features(_ v: Int) -> PeerFeatures {
            var shares = [Double](repeating: 0, count: columns.count)
            let degree = graph.degree(of: v)
            for w in graph.neighbours(of: v) {
                if let column = columnOfCountry[Int(context.group[Int(w)])] { shares[column] += 1 / Double(degree) }
            }
            return PeerFeatures(population: context.cities.city(at: v).population, degree: degree, maximumDegree: maximumDegree,
                                ownGroup: columnOfCountry[Int(context.group[v])], partnerShares: shares)
        }
        let own = features(node)
        var scored: [(node: Int, similarity: Double, sizeCompared: Bool, features: PeerFeatures)] = []
        // Every candidate is compared on the same blocks: where the city's population is known, a
        // candidate without one would be scored on three blocks against the others' four, so it is
        // left out and counted; where the city's is unknown, size is compared with no one.
        let focusSized = (own.population ?? 0) > 0
        var excludedWithoutPopulation = 0
        for v in 0..<graph.nodeCount where v != node {
            let f = features(v)
            if focusSized, (f.population ?? 0) <= 0 {
                excludedWithoutPopulation += 1
                continue
            }
            let (similarity, sizeCompared) = PeerSimilarity.cosine(own, f)
            scored.append((v, similarity, sizeCompared, f))
        }
        let withoutSize = scored.filter { !$0.sizeCompared }.count
        scored.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.node < $1.node }
        let peers = scored.prefix(request.top).map { entry in
            PeersResult.Peer(city: context.cities.city(at: entry.node), similarity: entry.similarity, sizeCompared: entry.sizeCompared,
                             degree: entry.features.degree, group: entry.features.ownGroup.map { columns[$0].label },
                             mainPartnerGroup: Self.mainGroup(entry.features.partnerShares, columns))
        }
        return PeersResult(request: request, datasets: context.datasets, city: context.cities.city(at: node), degree: own.degree,
                           group: own.ownGroup.map { columns[$0].label }, mainPartnerGroup: Self.mainGroup(own.partnerShares, columns),
                           scheme: scheme, compared: scored.count, comparedWithoutSize: withoutSize,
                           excludedWithoutPopulation: excludedWithoutPopulation, peers: Array(peers),
                           countryNames: countriesByCode.mapValues(\.name))
    }

    /// The scheme's groups, or its categories where it has none (UN M49's regions, not its sub-regions).
    static func profileColumns(_ scheme: ClassificationScheme) -> [(id: String, label: LocalizedText)] {
        scheme.groups.isEmpty ? scheme.categories.map { ($0.id, $0.label) } : scheme.groups.map { ($0.id, $0.label) }
    }

    static func mainGroup(_ shares: [Double], _ columns: [(id: String, label: LocalizedText)]) -> LocalizedText? {
        guard let best = shares.indices.max(by: { shares[$0] < shares[$1] }), shares[best] > 0 else { return nil }
        return columns[best].label
    }
}

/// The cities most like one city: what `citydip peers` prints (``document``, ``table``, ``view``).
public struct PeersResult: Sendable {
    public struct Peer: Sendable {
        public var city: City
        public var similarity: Double
        /// Whether both populations were known, so that size was compared.
        public var sizeCompared: Bool
        public var degree: Int
        /// The group of the peer's country in the scheme.
        public var group: LocalizedText?
        /// The group most of its partners are in.
        public var mainPartnerGroup: LocalizedText?
    }

    public let request: PeersRequest
    public let datasets: [Dataset]
    public let city: City
    public let degree: Int
    public let group: LocalizedText?
    public let mainPartnerGroup: LocalizedText?
    public let scheme: ClassificationScheme
    /// Cities compared, and those of them compared without size (a population unknown).
    public let compared: Int
    public let comparedWithoutSize: Int
    /// Cities left out because their population is unknown while the city's is known.
    public let excludedWithoutPopulation: Int
    public let peers: [Peer]
    let countryNames: [CountryCode: LocalizedText]

    public var notes: [LocalizedText] {
        var notes: [LocalizedText] = [.message("peers.measure", localized: ["scheme": scheme.title], ["compared": String(compared)])]
        if city.population == nil {
            notes.append(.message("peers.city-no-population", localized: ["city": city.name]))
        } else if excludedWithoutPopulation > 0 {
            notes.append(.message("peers.excluded-no-population", localized: ["city": city.name], ["count": String(excludedWithoutPopulation)]))
        }
        return notes
    }

    public var table: Tabulation {
        Tabulation(
            title: .message("peers.table", localized: ["city": city.name]),
            columns: [.init(key: "rank", title: .message("network.rank")), .init(key: "city_id", title: .message("column.id")),
                      .init(key: "city", title: .message("web.city")), .init(key: "country_iso2", title: .message("web.country")),
                      .init(key: "similarity", title: .message("peers.column.similarity")),
                      .init(key: "size_compared", title: .message("peers.column.size-compared")),
                      .init(key: "population", title: .message("recommend.column.population")),
                      .init(key: "partners", title: .message("recommend.column.partners")),
                      .init(key: "group", title: .message("peers.column.group")),
                      .init(key: "main_partner_group", title: .message("peers.column.main-partner-group"))],
            rows: peers.enumerated().map { rank, peer in
                [.number(rank + 1), .identifier(peer.city.id), .text(peer.city.name),
                 .code(peer.city.country.rawValue, label: countryNames[peer.city.country] ?? LocalizedText(en: peer.city.country.rawValue)),
                 .decimal(peer.similarity, places: 4),
                 .code(peer.sizeCompared ? "yes" : "no", label: .message(peer.sizeCompared ? "peers.yes" : "peers.no")),
                 .number(peer.city.population), .number(peer.degree), peer.group.map(Tabulation.Cell.text) ?? .empty,
                 peer.mainPartnerGroup.map(Tabulation.Cell.text) ?? .empty]
            })
    }

    public var document: ReportDocument {
        let own: LocalizedText = .message("peers.city", localized: ["city": city.name, "group": group ?? .message("peers.unclassified"),
                                                                    "partnerGroup": mainPartnerGroup ?? .message("peers.unclassified")],
                                          ["partners": String(degree), "population": city.population.map(String.init) ?? "—"])
        return ReportDocument(title: .message("peers.title", localized: ["city": city.name]),
                              sections: [.init(heading: .message("peers.section"), paragraphs: [own] + notes, tables: [table])])
    }

    public var view: PeersView { PeersView(self) }
}

/// `{"city", "datasets", "measure", "scheme", "compared", "compared_without_size", "peers"}`.
public struct PeersView: Encodable, Sendable {
    struct Peer: Encodable {
        var rank: Int
        var city: SuggestedCityView
        var similarity: Double
        var sizeCompared: Bool
        var population: Int?
        var partners: Int
        enum CodingKeys: String, CodingKey { case rank, city, similarity, sizeCompared = "size_compared", population, partners }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(city, forKey: .city)
            try c.encode(similarity, forKey: .similarity)
            try c.encode(sizeCompared, forKey: .sizeCompared)
            try c.encode(population, forKey: .population)
            try c.encode(partners, forKey: .partners)
        }
    }

    var city: SuggestedCityView
    var datasets: [String]
    var measure: String
    var scheme: String
    var compared: Int
    var comparedWithoutSize: Int
    var excludedWithoutPopulation: Int
    var peers: [Peer]

    enum CodingKeys: String, CodingKey { case city, datasets, measure, scheme, compared, comparedWithoutSize = "compared_without_size",
                                       excludedWithoutPopulation = "excluded_without_population", peers }

    init(_ r: PeersResult) {
        city = SuggestedCityView(r.city)
        datasets = r.datasets.map(\.id)
        measure = "cosine similarity of [log10(population)/7, ln(1+degree)/ln(1+max degree), own country's group (one-hot), partner shares by group (unit length)]"
        scheme = r.scheme.id
        compared = r.compared
        comparedWithoutSize = r.comparedWithoutSize
        excludedWithoutPopulation = r.excludedWithoutPopulation
        peers = r.peers.enumerated().map { rank, p in
            Peer(rank: rank + 1, city: SuggestedCityView(p.city), similarity: p.similarity, sizeCompared: p.sizeCompared, population: p.city.population, partners: p.degree)
        }
    }
}
