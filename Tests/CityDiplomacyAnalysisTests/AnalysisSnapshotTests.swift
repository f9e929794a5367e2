import CityDiplomacyAnalysis
import CityDiplomacyCore
import Testing

@Suite("The analysis snapshot and the networks built on it")
struct AnalysisSnapshotTests {
    /// Two small datasets: Tabriz and Tehran are in both (one by the same GeoNames id, one by name),
    /// Tehran has a relation with itself, and Isfahan and Kyoto are joined twice (a twinning and a memorandum).
    static func datasets() throws -> [DatasetContent] {
        func city(_ id: String, _ name: String, _ country: String, geonames: Int? = nil) -> City {
            City(id: id, name: LocalizedText(en: name), country: CountryCode(unchecked: country), geonamesID: geonames)
        }
        func relation(_ id: String, _ dataset: String, _ a: String, _ b: String, _ kind: RelationKind = .sisterCity, year: String? = nil) -> BilateralRelation {
            BilateralRelation(id: id, datasetID: dataset, cityID: a, partnerID: b, kind: kind, signed: year.flatMap(PartialDate.init))
        }
        let first = DatasetContent(
            dataset: Dataset(id: "a", title: LocalizedText(en: "A")),
            cities: [city("a:tehran", "Tehran", "IR", geonames: 112931), city("a:isfahan", "Isfahan", "IR"), city("a:kyoto", "Kyoto", "JP"),
                     city("a:tabriz", "Tabriz", "IR"), city("a:lonely", "Lonely", "FR")],
            relations: [relation("a:1", "a", "a:isfahan", "a:kyoto", year: "2006"), relation("a:2", "a", "a:isfahan", "a:kyoto", .cooperationMemorandum),
                        relation("a:3", "a", "a:tehran", "a:tehran"), relation("a:4", "a", "a:tehran", "a:isfahan")])
        let second = DatasetContent(
            dataset: Dataset(id: "b", title: LocalizedText(en: "B")),
            cities: [city("b:teheran", "Tehran", "IR", geonames: 112931), city("b:tabriz", "Tabriz", "IR"), city("b:baku", "Baku", "AZ")],
            relations: [relation("b:1", "b", "b:tabriz", "b:baku", year: "1980"), relation("b:2", "b", "b:teheran", "b:baku")])
        return [first, second]
    }

    @Test("The snapshot holds every city and relation as integer arrays, undated relations marked")
    func arrays() throws {
        let snapshot = AnalysisSnapshot(contents: try Self.datasets())
        #expect(snapshot.cityCount == 8)
        #expect(snapshot.relationCount == 6)
        #expect(snapshot.cityIDs[Int(snapshot.relationCity[0])] == "a:isfahan")
        #expect(snapshot.countryCodes[Int(snapshot.cityCountry[Int(snapshot.relationPartner[0])])].rawValue == "JP")
        #expect(snapshot.relationYear[0] == 2006)
        #expect(snapshot.relationYear[1] == AnalysisSnapshot.undated)
        #expect(snapshot.kinds[Int(snapshot.relationKind[1])] == .cooperationMemorandum)
        #expect(snapshot.relationDataset.map { Int($0) } == [0, 0, 0, 0, 1, 1])
        #expect(snapshot.city(at: 5).id == "b:teheran")
    }

    @Test("Statistics read off the snapshot equal those counted from the records")
    func statisticsAgree() throws {
        for contents in [try Self.datasets(), [try StudyFixture().study]] {
            let fromRecords = RegistryStatistics(contents: contents, top: 5)
            let fromSnapshot = RegistryStatistics(snapshot: AnalysisSnapshot(contents: contents), top: 5)
            #expect(fromSnapshot.relations == fromRecords.relations)
            #expect(fromSnapshot.cities == fromRecords.cities)
            #expect(fromSnapshot.countries == fromRecords.countries)
            #expect(fromSnapshot.byCountry == fromRecords.byCountry)
            // Ties are broken by name, then by id, in both: the same cities in the same order.
            #expect(fromSnapshot.topCities.map(\.degree) == fromRecords.topCities.map(\.degree))
            #expect(fromSnapshot.topCities.map(\.city.id) == fromRecords.topCities.map(\.city.id))
        }
    }

    @Test("The city network: one node per place with a partner, repeated pairs one weighted edge, self-pairs counted apart, one place over two datasets one node")
    func cityNetwork() throws {
        let network = CityNetworkGraph(snapshot: AnalysisSnapshot(contents: try Self.datasets()))
        // Tehran (merged by GeoNames id), Isfahan, Kyoto, Tabriz (merged by name), Baku; Lonely has no relation.
        #expect(network.graph.nodeCount == 5)
        #expect(network.mergedRecords == 2)
        #expect(network.selfPairs == 1)
        #expect(network.graph.edgeCount == 4)
        #expect(network.relationCount == 5)
        let names = (0..<network.graph.nodeCount).map { network.city(at: $0).name.en }
        let isfahan = try #require(names.firstIndex(of: "Isfahan"))
        let kyoto = try #require(names.firstIndex(of: "Kyoto"))
        // A slice of the neighbour list keeps the list's indices: the position of the edge end.
        let position = try #require(network.graph.neighbours(of: isfahan).firstIndex(of: Int32(kyoto)))
        #expect(network.graph.weight(ofEdgeAt: position) == 2)
        let tehran = try #require(names.firstIndex(of: "Tehran"))
        #expect(network.graph.degree(of: tehran) == 2)
    }

    @Test("The country network weights country pairs by city pairs and keeps domestic pairs apart")
    func countryNetwork() throws {
        let countries = CountryNetworkGraph(cities: CityNetworkGraph(snapshot: AnalysisSnapshot(contents: try Self.datasets())))
        let iran = try #require(countries.countries.firstIndex(of: CountryCode(unchecked: "IR")))
        #expect(countries.graph.nodeCount == 3)
        #expect(countries.domesticPairs[iran] == 1)
        // Iran's city pairs: Tehran–Isfahan (domestic), Isfahan–Kyoto, Tabriz–Baku, Tehran–Baku.
        #expect(countries.pairs[iran] == 4)
        #expect(countries.graph.strength(of: iran) == 3)
    }
}
