import CityDiplomacyCore
import Testing

@Suite("The gazetteer finds places by name and by position")
struct GazetteerTests {
    private func entry(_ id: Int, _ name: String, _ latitude: Double, _ longitude: Double, _ country: String, population: Int = 20_000) throws -> GazetteerEntry {
        GazetteerEntry(geonameID: id, name: name, coordinates: try Coordinates(latitude: latitude, longitude: longitude),
                       country: CountryCode(unchecked: country), admin1: "", population: population, alternateNames: [])
    }

    @Test("Near the pole a place 29 km east is found, though it lies several degrees of longitude away")
    func highLatitude() throws {
        let gazetteer = Gazetteer(entries: [try entry(1, "Far North", 78.2, 18.6, "SJ")])
        let point = try Coordinates(latitude: 78.2, longitude: 17.35)
        let found = try #require(gazetteer.nearest(to: point, withinKilometres: 30))
        #expect(found.entry.geonameID == 1)
        #expect(found.kilometres < 30)
    }

    @Test("Across the antimeridian")
    func antimeridian() throws {
        let gazetteer = Gazetteer(entries: [try entry(2, "East", -17.0, 179.9, "FJ")])
        let found = gazetteer.nearest(to: try Coordinates(latitude: -17.0, longitude: -179.95), withinKilometres: 25)
        #expect(found?.entry.geonameID == 2)
    }

    @Test("No place lies within a negative or NaN distance, every place within an infinite one")
    func oddLimits() throws {
        let gazetteer = Gazetteer(entries: [try entry(4, "Near", 36.0, 51.0, "IR"), try entry(5, "Far", -35.0, -129.0, "CL")])
        let point = try Coordinates(latitude: 36.0, longitude: 51.0)
        for limit in [-1, -0.5, -.infinity, .nan] {
            #expect(gazetteer.nearest(to: point, withinKilometres: limit) == nil, "\(limit)")
            #expect(!gazetteer.hasPlace(near: point, withinKilometres: limit), "\(limit)")
        }
        #expect(gazetteer.nearest(to: point, withinKilometres: 0)?.entry.geonameID == 4)
        #expect(gazetteer.hasPlace(near: point, withinKilometres: 0))
        #expect(!gazetteer.hasPlace(near: point, withinKilometres: 0, in: CountryCode(unchecked: "CL")))
        for limit in [Double.infinity, 1e300, 20_015.09, 19_904] {
            #expect(gazetteer.nearest(to: point, withinKilometres: limit, in: CountryCode(unchecked: "CL"))?.entry.geonameID == 5, "\(limit)")
            #expect(gazetteer.hasPlace(near: point, withinKilometres: limit, in: CountryCode(unchecked: "CL")), "\(limit)")
        }
    }

    @Test("Namesakes come most populous first")
    func namesakes() throws {
        let gazetteer = Gazetteer(entries: [try entry(3, "Perth", -31.95, 115.86, "AU", population: 2_000_000), try entry(4, "Perth", 56.4, -3.43, "GB", population: 47_000)])
        #expect(gazetteer.entries(named: "perth").map(\.geonameID) == [3, 4])
    }
}
