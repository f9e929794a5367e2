import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyWeb

@Suite("A page's map is cropped to its places")
struct MapFrameTests {
    @Test("Isfahan and its partners fill the frame: every point inside with a margin, the frame on the canvas")
    func isfahanFrame() {
        let points = ([MapFixture.isfahan] + MapFixture.isfahanPartners).map(EqualEarth.project)
        let frame = MapFrame.enclosing(points)
        #expect(frame.width < EqualEarth.canvas.width * 0.8 && frame.height < EqualEarth.canvas.height * 0.8)
        for point in points {
            #expect(point.x - frame.x >= MapFrame.minimumMargin && frame.maxX - point.x >= MapFrame.minimumMargin)
            #expect(point.y - frame.y >= MapFrame.minimumMargin && frame.maxY - point.y >= MapFrame.minimumMargin)
        }
        #expect(EqualEarth.world.contains(frame))
        #expect(MapFrame.aspectRatios.contains(frame.width / frame.height))
    }

    @Test("Two neighbouring cities are shown in a region, not a street map")
    func minimumSpan() {
        let frame = MapFrame.enclosing([MapFixture.place(48.85, 2.35), MapFixture.place(45.76, 4.84)].map(EqualEarth.project))
        #expect(frame.width >= MapFrame.minimumWidth - 1e-9)
        #expect(MapFrame.aspectRatios.contains(frame.width / frame.height))
    }

    @Test("A tall spread of places keeps a width a page can lay out, and never leaves the world", arguments: [
        [MapFixture.place(60, 20), MapFixture.place(-34, 18.5)], [MapFixture.place(89, 0), MapFixture.place(-89, 0)], [MapFixture.place(0, 179), MapFixture.place(0, -179), MapFixture.place(70, 0)], [MapFixture.place(-80, 170)],
    ])
    func aspectAndCanvas(places: [Coordinates]) {
        let points = places.map(EqualEarth.project)
        let frame = MapFrame.enclosing(points)
        #expect(EqualEarth.world.contains(frame))
        #expect(points.allSatisfy(frame.contains))
        #expect(MapFrame.aspectRatios.contains(frame.width / frame.height))
    }

    @Test("With no places the frame is the whole world, from pole to pole")
    func empty() {
        #expect(MapFrame.enclosing([]) == EqualEarth.world)
        #expect(abs(EqualEarth.world.y - (250 - 1.317362759 * EqualEarth.scale)) < 1e-6 && EqualEarth.world.width == 1000)
    }
}
