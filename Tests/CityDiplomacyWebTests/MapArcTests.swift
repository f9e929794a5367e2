import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyWeb

@Suite("Relations are great-circle arcs, broken at the antimeridian")
struct MapArcTests {
    @Test("Seoul to Los Angeles crosses the Pacific: it leaves by the east edge and comes back by the west at the same latitude")
    func antimeridian() throws {
        let runs = WorldMap.greatCircle(from: MapFixture.place(37.5665, 126.978), to: MapFixture.place(34.0522, -118.2437))
        #expect(runs.count == 2)
        let end = try #require(runs.first?.last), start = try #require(runs.last?.first)
        #expect(end.longitude == 180 && start.longitude == -180)
        #expect(abs(end.latitude - start.latitude) < 1e-9 && end.latitude > 40)
        for run in runs {
            #expect(zip(run, run.dropFirst()).allSatisfy { abs($0.longitude - $1.longitude) < 10 })
        }
        let d = WorldMap.pathData(WorldMap.projectedArc(from: MapFixture.place(37.5665, 126.978), to: MapFixture.place(34.0522, -118.2437)))
        #expect(d.filter { $0 == "M" }.count == 2)
        // Equal Earth's edge curves in away from the equator: the arc meets it inside the canvas's side.
        #expect(!d.contains("L1000.0 ") && !d.contains("M0.0 "))
    }

    @Test("Isfahan to Florence is one unbroken arc, bowed north of the straight line, meeting both points")
    func unbroken() throws {
        let runs = WorldMap.projectedArc(from: MapFixture.isfahan, to: MapFixture.place(43.7696, 11.2558))
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.first == EqualEarth.project(MapFixture.isfahan) && run.last == EqualEarth.project(MapFixture.place(43.7696, 11.2558)))
        let middle = run[run.count / 2], chord = (run.first!.y + run.last!.y) / 2
        #expect(middle.y < chord)
    }
}
