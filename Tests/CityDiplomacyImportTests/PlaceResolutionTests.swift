import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import Foundation
import Testing

/// The rules of place resolution, each on rows of the Wikipedia file (a few rows cut from
/// `twin_cities.csv`, MIT licence, © 2026 Erik Hekman; see Fixtures/twin_cities_sample.LICENSE).
@Suite("Places resolve by coordinates, within their country, and districts stay districts")
struct PlaceResolutionTests {
    let resolver = sharedResolver

    private func run(_ rows: [String]) throws(DataFileError) -> RelationImporter.Result {
        let text = ImportPipelineTests.header + rows.joined(separator: "\n") + "\n"
        return try ImportPipeline(format: .wikipediaCSV).run(Data(text.utf8), fileName: "test.csv", dataset: "test", resolver: resolver)
    }

    private func city(_ result: RelationImporter.Result, named name: String) -> City? {
        result.content.cities.first { $0.name.en == name || $0.aliases.contains(name) }
    }

    // MARK: Coordinates decide

    @Test("A place of the name farther than 25 km from the given coordinates is never taken, but offered")
    func farNamesakeIsACandidate() throws {
        // Shōwa, Tokyo: the file's coordinates are 108 km from the only Shōwa of the gazetteer.
        let place = resolver.place(name: "Shōwa", country: "Japan", coordinates: try Coordinates(latitude: 35.5065, longitude: 139.7241))
        #expect(place.resolution.entry == nil)
        #expect(place.resolution.candidates.contains { $0.name == "Shōwa" })
        #expect(place.resolution.reason.contains("more than 25 km"))
    }

    @Test("Same-named places of one country are told apart by coordinates", arguments: [
        (50.1833, 8.4667, "Königstein im Taunus"), (50.9185, 14.0732, "Königstein"),
        (36.6207, 138.5961, "Kusatsu"), (35.0132, 135.9599, "Kusatsu"),
    ])
    func namesakes(latitude: Double, longitude: Double, expected: String) throws {
        let given = try Coordinates(latitude: latitude, longitude: longitude)
        let name = expected == "Kusatsu" ? "Kusatsu" : "Königstein"
        let country = expected == "Kusatsu" ? "Japan" : "Germany"
        let entry = try #require(resolver.place(name: name, country: country, coordinates: given).resolution.entry)
        #expect(entry.coordinates.kilometres(to: given) <= 25)
        #expect(entry.name == expected)
    }

    @Test("Kusatsu, Gunma and Kusatsu, Shiga are two cities, not one")
    func kusatsu() throws {
        let result = try run([
            "Hayama,Japan,35.2719,139.5861,\"Kusatsu, Gunma\",Japan,36.6207,138.5961",
            "Bietigheim-Bissingen,Germany,48.9494,9.1361,Kusatsu,Japan,35.0132,135.9599",
        ])
        let ids = Set(result.content.relations.map(\.partnerID))
        #expect(ids.count == 2)
        #expect(result.content.cities.filter { $0.name.en == "Kusatsu" }.count == 2)
    }

    @Test("Without coordinates a name several places of the country bear stays ambiguous, with candidates")
    func ambiguousWithoutCoordinates() {
        let place = resolver.place(name: "Königstein", country: "Germany")
        guard case let .ambiguous(candidates, reason) = place.resolution else {
            Issue.record("expected ambiguous, got \(place.resolution)")
            return
        }
        #expect(candidates.count >= 2)
        #expect(reason.contains("no coordinates"))
    }

    @Test("Same-named unresolved towns the file places more than 25 km apart are different cities")
    func unresolvedNamesakesApart() throws {
        let result = try run([
            "Kórnik,Poland,52.2367,17.0986,Nowhereburg,Germany,50.10,8.40",
            "Deszk,Hungary,46.2167,20.25,Nowhereburg,Germany,53.50,10.00",
            "Trmice,Czech Republic,50.6433,13.9992,Nowhereburg,Germany,50.12,8.42",
        ])
        let partners = result.content.relations.map(\.partnerID)
        #expect(Set(partners).count == 2)
        #expect(partners[0] == partners[2])
        #expect(result.content.relations.allSatisfy { !$0.flags.contains(.selfPair) })
    }

    // MARK: The country bounds the search

    @Test("An unknown country never widens the search to the world")
    func unknownCountry() {
        let place = resolver.place(name: "Palestine", country: "Hyperborea")
        #expect(place.resolution.entry == nil)
        #expect(place.resolution.candidates.isEmpty)
        #expect(place.resolution.reason.contains("unknown"))
    }

    @Test("A name whose country is not given takes it from the name", arguments: ["Varna, Bulgaria"])
    func countryInTheName(name: String) throws {
        let entry = try #require(resolver.place(name: name, country: "", coordinates: try Coordinates(latitude: 43.2167, longitude: 27.9167)).resolution.entry)
        #expect(entry.country.rawValue == "BG")
    }

    // MARK: Districts

    @Test("A district is its own place, linked to its city, whichever form the source used")
    func districtForms() throws {
        let result = try run([
            "Tourcoing,France,50.7239,3.1612,Mitte (Berlin),Germany,52.5302,13.3852",
            "Berlin – Mitte,Germany,52.5332,13.3598,Bottrop,Germany,51.5247,6.9228",
            "Berlin,Germany,52.52,13.405,Budapest,Hungary,47.4925,19.0514",
            "Woluwe-Saint-Pierre,Belgium,50.8333,4.4667,Gangnam (Seoul),South Korea,37.5177,127.0473",
            "Krujë,Albania,41.5108,19.7925,Stari Grad (Sarajevo),Bosnia and Herzegovina,43.9931,18.3359",
            "Sarajevo – Stari Grad,Bosnia and Herzegovina,43.8598,18.4278,Budva,Montenegro,42.2881,18.8425",
        ])
        let berlin = try #require(result.content.cities.first { $0.geonamesID == 2950159 })
        let mitte = try #require(city(result, named: "Mitte (Berlin)"))
        #expect(city(result, named: "Berlin – Mitte")?.id == mitte.id)
        #expect(mitte.partOf == berlin.id)
        #expect(mitte.id != berlin.id)
        #expect(berlin.partOf == nil)
        let starigrad = try #require(city(result, named: "Stari Grad (Sarajevo)"))
        #expect(city(result, named: "Sarajevo – Stari Grad")?.id == starigrad.id)
        let sarajevo = try #require(result.content.cities.first { $0.geonamesID == 3191281 })
        #expect(starigrad.partOf == sarajevo.id)
        #expect(sarajevo.notes?.contains("added as the city of a district") == true)
        let gangnam = try #require(city(result, named: "Gangnam (Seoul)"))
        #expect(result.content.cities.first { $0.id == gangnam.partOf }?.geonamesID == 1835848)
        // Berlin's own partner is Budapest; Mitte's are Tourcoing and Bottrop.
        #expect(result.content.relations.filter { $0.cityID == berlin.id || $0.partnerID == berlin.id }.count == 1)
        #expect(result.content.relations.filter { $0.cityID == mitte.id || $0.partnerID == mitte.id }.count == 2)
    }

    @Test("Numbered districts, comma forms and Gmina X", arguments: [
        ("Budapest XIII", "Hungary", 47.53, 19.07, 3054643),
        ("Gangnam-gu, Seoul", "South Korea", 37.5177, 127.0473, 1835848),
        ("Prague 1 (Prague)", "Czech Republic", 50.088, 14.42, 3067696),
    ])
    func numberedAndComma(name: String, country: String, latitude: Double, longitude: Double, city: Int) throws {
        let place = resolver.place(name: name, country: country, coordinates: try Coordinates(latitude: latitude, longitude: longitude))
        #expect(place.parent?.geonameID == city, "\(name): \(place)")
        #expect(place.resolution.entry?.geonameID != city)
    }

    @Test("A district of a city is not merged with the city, nor with another district")
    func newBelgrade() throws {
        let result = try run([
            "Banja Luka,Bosnia and Herzegovina,44.7725,17.1925,Belgrade,Serbia,44.8178,20.4569",
            "Banja Luka,Bosnia and Herzegovina,44.7725,17.1925,New Belgrade (Belgrade),Serbia,44.832,20.4028",
            "Banja Luka,Bosnia and Herzegovina,44.7725,17.1925,Zemun (Belgrade),Serbia,44.9,20.2862",
        ])
        #expect(result.content.relations.count == 3)
        #expect(Set(result.content.relations.map(\.partnerID)).count == 3)
    }

    @Test("A partner of both a district and its city: two relations, and the report says so")
    func districtAndCity() throws {
        let result = try run([
            "Savonlinna,Finland,61.8686,28.8858,Budapest,Hungary,47.4925,19.0514",
            "Budavár (Budapest),Hungary,47.4969,19.0398,Savonlinna,Finland,61.8686,28.8858",
        ])
        #expect(result.content.relations.count == 2)
        let note = try #require(result.report.districtAndCityPairs.first)
        #expect(note.partner == "Savonlinna")
        #expect(note.district == "Budavár (Budapest)")
        #expect(note.city == "Budapest")
        #expect((note.line, note.cityLine) == (3, 2))
    }

    @Test("Gmina X is the municipality of X")
    func gmina() throws {
        let named = resolver.place(name: "Gmina Kórnik", country: "Poland", coordinates: try Coordinates(latitude: 52.2367, longitude: 17.0986))
        let plain = resolver.place(name: "Kórnik", country: "Poland", coordinates: try Coordinates(latitude: 52.2367, longitude: 17.0986))
        #expect(named.resolution.entry != nil)
        #expect(named.resolution.entry == plain.resolution.entry)
    }

    @Test("A district the file places at another city's coordinates is sought near the city its name gives")
    func districtAtWrongCoordinates() throws {
        let result = try run(["Konak,Turkey,38.4187,27.1283,Mitte (Hamburg),Germany,52.5167,13.3667"])
        let mitte = try #require(city(result, named: "Mitte (Hamburg)"))
        let hamburg = try #require(result.content.cities.first { $0.id == mitte.partOf })
        #expect(hamburg.geonamesID == 2911298)
        #expect(result.report.coordinateIssues.contains { $0.name == "Mitte (Hamburg)" && $0.problem.contains("Hamburg") })
        #expect(result.content.relations[0].flags.contains(.coordinatesDisagree))
    }

    @Test("An administrative area named as such is not taken for its seat", arguments: ["Bad Kreuznach (district)", "Anenii Noi District"])
    func administrativeArea(name: String) {
        let place = resolver.place(name: name, country: name.hasPrefix("Bad") ? "Germany" : "Moldova")
        #expect(place.resolution.entry == nil)
        #expect(place.parent == nil)
    }

    // MARK: Quality report

    @Test("The quality report gives each place's evidence and the counts, and resolvedTo only what was resolved")
    func evidence() throws {
        let result = try run([
            "Tourcoing,France,50.7239,3.1612,Mitte (Berlin),Germany,52.5302,13.3852",
            "Dujiangyan,China,31.0017,103.6053,Shōwa,Japan,35.5065,139.7241",
        ])
        let report = result.report
        #expect(report.places.count == 4)
        let tourcoing = try #require(report.places.first { $0.name == "Tourcoing" })
        #expect(tourcoing.status == .resolved)
        #expect(tourcoing.matched == "Tourcoing")
        #expect((tourcoing.kilometres ?? 99) < 25)
        let showa = try #require(report.places.first { $0.name == "Shōwa" })
        #expect(showa.status == .unresolved)
        #expect(!showa.candidates.isEmpty)
        let issue = try #require(report.coordinateIssues.first { $0.name == "Shōwa" })
        #expect(issue.resolvedTo == nil)
        #expect(issue.nearest.contains("Shōwa"))
        #expect(report.citiesResolved + report.citiesPartOf + report.citiesAmbiguous + report.citiesUnresolved == report.placeCount)
        #expect(report.distances.measured == report.places.filter { $0.kilometres != nil && ($0.status == .resolved || $0.status == .partResolved) }.count)
        // The report's Markdown, with its distances, is the application's (ImportQualityMarkdownTests).
        #expect(report.distances.measured > 0)
    }
}

@Suite("Reports stored by earlier versions still read")
struct StoredReportTests {
    @Test("A report stored before places had evidence reads, its new fields empty")
    func olderReport() throws {
        let json = """
        {"file":"a.csv","format":"csv","dataset":"a","content_hash":"00","rows_read":1,"relations_created":1,
         "duplicates_merged":0,"cities_created":2,"cities_resolved":1,"cities_unresolved":1,"self_pairs":[],
         "domestic_pairs":0,"domestic_by_country":{},"unresolved_names":[],"uncertain_names":[],
         "coordinate_issues":[{"line":2,"name":"Perth","given":"1, 2","resolvedTo":"Perth, AU (geonames 1, pop. 2)","kilometres":900,"problem":"far"}],
         "unknown_countries":[]}
        """
        let report = try #require(ImportQualityReport.decode(json: json))
        #expect(report.places.isEmpty)
        #expect(report.citiesPartOf == 0)
        #expect(report.coordinateIssues.first?.nearest == "Perth, AU (geonames 1, pop. 2)")
        #expect(report.coordinateIssues.first?.resolvedTo == nil)
    }
}
