import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyWeb

@Suite("The world map is drawn in Equal Earth")
struct EqualEarthTests {
    @Test("Greenwich on the equator is the centre of the canvas; the antimeridian on the equator its edges")
    func centre() {
        let centre = EqualEarth.project(MapFixture.place(0, 0))
        #expect(abs(centre.x - 500) < 1e-9 && abs(centre.y - 250) < 1e-9)
        #expect(abs(EqualEarth.project(MapFixture.place(0, 180)).x - 1000) < 1e-9)
        #expect(abs(EqualEarth.project(MapFixture.place(0, -180)).x) < 1e-9)
    }

    /// Computed with PROJ 9.5.1 (pyproj 3.7.2): `+proj=longlat +R=1` to `+proj=eqearth +R=1`.
    @Test("On a unit sphere the projection gives PROJ's values", arguments: [
        (0.0, 180.0, 2.706629984, 0.0), (90.0, 0.0, 0.0, 1.317362759), (90.0, 180.0, 1.603588648, 1.317362759),
        (32.6572, 51.6776, 0.717703276, 0.642395294), (23.1136, -82.3666, -1.190759507, 0.461523110),
        (37.5665, 126.978, 1.717328318, 0.731588709), (-30.0, -60.0, -0.843900559, -0.592935120),
    ])
    func reference(latitude: Double, longitude: Double, x: Double, y: Double) {
        let projected = EqualEarth.unitProjection(latitude: latitude * .pi / 180, longitude: longitude * .pi / 180)
        #expect(abs(projected.x - x) < 1e-8, "x of \(latitude), \(longitude)")
        #expect(abs(projected.y - y) < 1e-8, "y of \(latitude), \(longitude)")
    }

    @Test("East is right and north is up, everywhere: x grows with longitude, y falls with latitude")
    func monotonic() {
        for latitude in stride(from: -89.0, through: 89, by: 7) {
            let row = stride(from: -180.0, through: 180, by: 5).map { EqualEarth.project(MapFixture.place(latitude, $0)) }
            #expect(zip(row, row.dropFirst()).allSatisfy { $0.x < $1.x && abs($0.y - $1.y) < 1e-9 }, "parallel \(latitude)")
        }
        for longitude in stride(from: -180.0, through: 180, by: 15) {
            let column = stride(from: -90.0, through: 90, by: 3).map { EqualEarth.project(MapFixture.place($0, longitude)).y }
            #expect(zip(column, column.dropFirst()).allSatisfy { $0 > $1 }, "meridian \(longitude)")
        }
    }

    @Test("It keeps areas: a degree square near the pole covers what the sphere says it does")
    func equalArea() {
        func area(_ latitude: Double) -> Double {
            let corners = [(latitude, 10.0), (latitude, 11.0), (latitude + 1, 11.0), (latitude + 1, 10.0)].map { EqualEarth.project(MapFixture.place($0.0, $0.1)) }
            return abs(zip(corners, corners.dropFirst() + [corners[0]]).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }) / 2
        }
        let sphere = { (latitude: Double) in sin((latitude + 1) * .pi / 180) - sin(latitude * .pi / 180) }
        for latitude in [20.0, 45, 70, 85] {
            #expect(abs(area(latitude) / area(0) - sphere(latitude) / sphere(0)) < 1e-3, "at \(latitude)°")
        }
    }

    @Test("The inverse finds the place again, and nothing outside the world's outline")
    func inverse() throws {
        for latitude in stride(from: -88.0, through: 88, by: 8) {
            for longitude in stride(from: -179.0, through: 179, by: 17) {
                let back = try #require(EqualEarth.inverse(EqualEarth.project(MapFixture.place(latitude, longitude))))
                #expect(abs(back.latitude - latitude) < 1e-7 && abs(back.longitude - longitude) < 1e-7, "\(latitude), \(longitude)")
            }
        }
        #expect(EqualEarth.inverse(MapPoint(x: 2, y: 10)) == nil)
    }
}
