import CityDiplomacyAnalysis
import CityDiplomacyCore
import Testing

/// Berlin with its districts Mitte and Pankow, Gesundbrunnen a part of Mitte (a chain), Seoul
/// with Gangnam, two places whose links go round in a cycle and one whose link names no city.
enum PartsFixture {
    static let dataset = Dataset(id: "parts", title: LocalizedText(en: "Parts"))

    static func city(_ slug: String, _ name: String, _ country: String, partOf: String? = nil) -> City {
        City(id: "parts:\(slug)", name: LocalizedText(en: name), country: CountryCode(unchecked: country), partOf: partOf.map { "parts:\($0)" })
    }

    static func source(_ slug: String) -> SourceCitation {
        SourceCitation(id: "parts:\(slug)", title: slug)
    }

    static func relation(_ number: Int, _ city: String, _ partner: String, _ kind: RelationKind = .sisterCity, signed: String? = nil, row: Int? = nil) throws -> BilateralRelation {
        BilateralRelation(
            id: "parts:r\(number)", datasetID: "parts", cityID: "parts:\(city)", partnerID: "parts:\(partner)", kind: kind,
            signed: try signed.map { try PartialDate(parsing: $0) }, sources: [source("s\(number)")], position: number,
            importRows: [row ?? number])
    }

    static func content() throws -> DatasetContent {
        let cities = [
            city("berlin", "Berlin", "DE"), city("mitte", "Mitte", "DE", partOf: "berlin"), city("pankow", "Pankow", "DE", partOf: "berlin"),
            city("gesundbrunnen", "Gesundbrunnen", "DE", partOf: "mitte"),
            city("seoul", "Seoul", "KR"), city("gangnam", "Gangnam", "KR", partOf: "seoul"),
            city("paris", "Paris", "FR"), city("moscow", "Moscow", "RU"),
            city("east", "East", "XX", partOf: "west"), city("west", "West", "XX", partOf: "east"),
            city("lost", "Lost", "XX", partOf: "nowhere"),
        ]
        let relations = [
            try relation(1, "berlin", "paris", signed: "1987"),
            try relation(2, "paris", "mitte", signed: "1965"),             // the same pair once Mitte is Berlin: merges, earlier date
            try relation(3, "mitte", "berlin", .partnership),              // a district and its city: internal
            try relation(4, "pankow", "moscow", .friendship),
            try relation(5, "gesundbrunnen", "paris"),                     // through a chain: merges too
            try relation(6, "berlin", "paris", .partnership),              // another kind: kept apart
            try relation(7, "east", "paris"), try relation(8, "west", "paris"),
            try relation(9, "lost", "paris"),
            try relation(10, "gangnam", "mitte", signed: "2005"),          // Seoul–Berlin
            try relation(11, "mitte", "pankow", .partnership),             // two districts of one city: internal
        ]
        let network = CityNetwork(id: "parts:eurocities", datasetID: "parts", name: LocalizedText(en: "Eurocities"), scope: .regional)
        let memberships = [
            NetworkMembership(id: "parts:m1", datasetID: "parts", cityID: "parts:berlin", networkID: network.id, sources: [source("s1")]),
            NetworkMembership(id: "parts:m2", datasetID: "parts", cityID: "parts:mitte", networkID: network.id, since: try PartialDate(parsing: "1990"), sources: [source("s2")]),
        ]
        let event = InternationalEvent(id: "parts:e1", datasetID: "parts", cityID: "parts:pankow", kind: .exhibition, title: LocalizedText(en: "Fair"), year: 2000)
        return DatasetContent(dataset: dataset, sources: (1...11).map { source("s\($0)") }, cities: cities, relations: relations,
                              networks: [network], memberships: memberships, events: [event])
    }
}

@Suite("A district is its own place, counted with its city only when parts are aggregated")
struct PartAggregationTests {
    @Test("Links are followed up their chain; a dangling or cyclic link leaves the city as itself")
    func hierarchy() throws {
        let hierarchy = PartHierarchy(cities: try PartsFixture.content().cities)
        #expect(hierarchy.whole(of: "parts:gesundbrunnen") == "parts:berlin")
        #expect(hierarchy.whole(of: "parts:mitte") == "parts:berlin")
        #expect(hierarchy.whole(of: "parts:berlin") == "parts:berlin")
        #expect(hierarchy.parts(of: "parts:berlin") == ["parts:mitte", "parts:pankow", "parts:gesundbrunnen"])
        #expect(hierarchy.danglingLinks == ["parts:lost"])
        #expect(hierarchy.cyclicLinks == ["parts:east", "parts:west"])
        #expect(hierarchy.whole(of: "parts:east") == "parts:east")
        #expect(hierarchy.whole(of: "parts:lost") == "parts:lost")
    }

    @Test("A place that is its own part is a cycle of one")
    func selfLink() {
        let hierarchy = PartHierarchy(cities: [PartsFixture.city("loop", "Loop", "XX", partOf: "loop")])
        #expect(hierarchy.cyclicLinks == ["parts:loop"])
        #expect(hierarchy.wholeOfPart.isEmpty)
    }

    @Test("The summary says how many parts went into how many cities, what merged and what was left out")
    func summary() throws {
        let (_, summary) = try PartsFixture.content().aggregatingParts()
        #expect(summary.partsFolded == 4)
        #expect(summary.citiesWithParts == 2)
        #expect(summary.mergedRelations == ["parts:r2": "parts:r1", "parts:r5": "parts:r1"])
        #expect(summary.internalRelations == ["parts:r3": "parts:berlin", "parts:r11": "parts:berlin"])
        #expect(summary.mergedMemberships == ["parts:m2": "parts:m1"])
        #expect(summary.ignoredLinks == ["parts:lost", "parts:east", "parts:west"])
    }

    @Test("Each part's relations become its city's; a shared partner merges into the first relation, the earliest date kept")
    func relations() throws {
        let (content, _) = try PartsFixture.content().aggregatingParts()
        #expect(content.relations.map(\.id) == ["parts:r1", "parts:r4", "parts:r6", "parts:r7", "parts:r8", "parts:r9", "parts:r10"])
        let paris = try #require(content.relations.first)
        #expect(paris.cityID == "parts:berlin" && paris.partnerID == "parts:paris")
        #expect(paris.signed?.year == 1965)
        #expect(paris.sources.map(\.id) == ["parts:s1", "parts:s2", "parts:s5"])
        #expect(paris.importRows == [1, 2, 5])
        let moscow = try #require(content.relations.first { $0.id == "parts:r4" })
        #expect(moscow.cityID == "parts:berlin" && moscow.kind == .friendship)
        let seoul = try #require(content.relations.last)
        #expect(seoul.cityID == "parts:seoul" && seoul.partnerID == "parts:berlin")
        #expect(content.relations.filter { $0.involves("parts:east") || $0.involves("parts:west") || $0.involves("parts:lost") }.count == 3)
        #expect(content.cities.map(\.id) == ["parts:berlin", "parts:seoul", "parts:paris", "parts:moscow", "parts:east", "parts:west", "parts:lost"])
    }

    @Test("Memberships and events of a part are its city's; a network both are in is one membership")
    func membershipsAndEvents() throws {
        let (content, _) = try PartsFixture.content().aggregatingParts()
        #expect(content.memberships.count == 1)
        #expect(content.memberships[0].cityID == "parts:berlin")
        #expect(content.memberships[0].since?.year == 1990)
        #expect(content.memberships[0].sources.map(\.id) == ["parts:s1", "parts:s2"])
        #expect(content.events[0].cityID == "parts:berlin")
    }

    @Test("Berlin's partners: its own by default, its districts' too when aggregated")
    func degrees() throws {
        let original = try PartsFixture.content()
        let apart = RegistryStatistics(contents: [original], top: 20)
        #expect(apart.topCities.first { $0.city.name.en == "Berlin" }?.degree == 2)   // Paris, and Mitte (r3)
        #expect(apart.topCities.contains { $0.city.name.en == "Mitte" })
        let together = RegistryStatistics(contents: [original.aggregatingParts().content], top: 20)
        #expect(together.topCities.first { $0.city.name.en == "Berlin" }?.degree == 3)  // Paris, Moscow, Seoul
        #expect(!together.topCities.contains { $0.city.name.en == "Mitte" })
        #expect(together.relations == apart.relations - 4)
        #expect(together.cities == apart.cities - 4)
    }

    @Test("A district kept whole takes its own parts and stays apart from its city")
    func keepingWhole() throws {
        let (content, summary) = try PartsFixture.content().aggregatingParts(keepingWhole: ["parts:mitte"])
        #expect(summary.wholeOfPart == ["parts:gesundbrunnen": "parts:mitte", "parts:pankow": "parts:berlin", "parts:gangnam": "parts:seoul"])
        #expect(content.relations.contains { $0.id == "parts:r3" })
        // Gesundbrunnen–Paris is Mitte's; Mitte–Pankow is now Mitte–Berlin, merged with that one.
        #expect(summary.mergedRelations == ["parts:r5": "parts:r2", "parts:r11": "parts:r3"])
        #expect(summary.internalRelations.isEmpty)
    }

    @Test("A dataset without parts comes back as it was")
    func noParts() throws {
        var content = try PartsFixture.content()
        content.cities = content.cities.map { city in
            var city = city
            city.partOf = nil
            return city
        }
        let (aggregated, summary) = content.aggregatingParts()
        #expect(aggregated == content)
        #expect(summary.partsFolded == 0 && summary.relationsMerged == 0 && summary.internalRelationsLeftOut == 0)
    }

    @Test("Restricted to a city, the summary names its parts and the merges and internal relations it keeps")
    func restricted() throws {
        let (content, summary) = try PartsFixture.content().aggregatingParts()
        let berlin = Set(content.relations.filter { $0.involves("parts:berlin") }.map(\.id))
        let own = summary.restricted(toCity: "parts:berlin", relationIDs: berlin)
        #expect(own.partsFolded == 3)
        #expect(own.relationsMerged == 2)
        #expect(own.internalRelationsLeftOut == 2)
        let seoul = summary.restricted(toCity: "parts:seoul", relationIDs: Set(content.relations.filter { $0.involves("parts:seoul") }.map(\.id)))
        #expect(seoul.partsFolded == 1 && seoul.relationsMerged == 0 && seoul.internalRelationsLeftOut == 0)
    }
}
