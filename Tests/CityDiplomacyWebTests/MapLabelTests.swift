import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyWeb

@Suite("Names are written beside their points without overlapping")
struct MapLabelTests {
    /// Twenty cities of Western Europe, close enough on a world-wide frame to crowd each other.
    static let crowd: [(String, Coordinates)] = [
        ("Paris", MapFixture.place(48.85, 2.35)), ("Lyon", MapFixture.place(45.76, 4.84)), ("Brussels", MapFixture.place(50.85, 4.35)), ("Amsterdam", MapFixture.place(52.37, 4.90)),
        ("Cologne", MapFixture.place(50.94, 6.96)), ("Frankfurt", MapFixture.place(50.11, 8.68)), ("Strasbourg", MapFixture.place(48.57, 7.75)), ("Geneva", MapFixture.place(46.20, 6.14)),
        ("Zurich", MapFixture.place(47.37, 8.54)), ("Milan", MapFixture.place(45.46, 9.19)), ("Turin", MapFixture.place(45.07, 7.69)), ("Marseille", MapFixture.place(43.30, 5.37)),
        ("Barcelona", MapFixture.place(41.39, 2.17)), ("London", MapFixture.place(51.51, -0.13)), ("Munich", MapFixture.place(48.14, 11.58)), ("Luxembourg", MapFixture.place(49.61, 6.13)),
        ("Rotterdam", MapFixture.place(51.92, 4.48)), ("Bern", MapFixture.place(46.95, 7.45)), ("Lille", MapFixture.place(50.63, 3.06)), ("Düsseldorf", MapFixture.place(51.23, 6.78)),
    ]

    func crowdedMap(rightToLeft: Bool) -> WorldMap {
        var map = WorldMap(title: "Crowd", legendWords: MapFixture.words, rightToLeft: rightToLeft)
        map.points = Self.crowd.enumerated().map { index, city in .init(coordinates: city.1, label: city.0, href: "/c/\(index)", emphasised: index == 0) }
        map.points.append(.init(coordinates: MapFixture.place(35.7, 51.4), label: "Tehran", href: "/c/tehran"))
        map.arcs = map.points.dropFirst().map { .init(from: map.points[0].coordinates, to: $0.coordinates, kind: .sisterCity) }
        return map
    }

    @Test("In a crowd, no two names kept overlap, none covers a point or the legend, none leaves the frame; the rest are left off", arguments: [false, true])
    func noOverlap(rightToLeft: Bool) throws {
        let map = crowdedMap(rightToLeft: rightToLeft)
        let frame = MapFrame.enclosing(map.points.map { EqualEarth.project($0.coordinates) })
        let labels = MapLabels(frame: frame, pixel: frame.width / WorldMap.displayWidth, rightToLeft: rightToLeft)
        let requests = map.points.map { MapLabels.Request(text: $0.label, href: $0.href, point: EqualEarth.project($0.coordinates), radius: 3.5 * labels.pixel) }
        let legend = MapFrame(x: frame.x, y: frame.y, width: frame.width / 4, height: frame.height / 5)
        let (kept, dropped) = labels.place(requests, avoiding: [legend])
        #expect(kept.count + dropped.count == requests.count)
        #expect(!dropped.isEmpty, "the crowd is meant to be too dense to name every city")
        #expect(kept.count >= 8)
        for (index, label) in kept.enumerated() {
            #expect(frame.contains(label.box), "\(label.text) leaves the frame")
            #expect(!label.box.intersects(legend), "\(label.text) covers the legend")
            for other in kept[(index + 1)...] {
                #expect(!label.box.intersects(other.box), "\(label.text) overlaps \(other.text)")
            }
            for request in requests {
                // The box's nearest point to the dot's centre lies outside the dot.
                let nearest = MapPoint(x: min(max(request.point.x, label.box.x), label.box.maxX), y: min(max(request.point.y, label.box.y), label.box.maxY))
                let distance = ((nearest.x - request.point.x) * (nearest.x - request.point.x) + (nearest.y - request.point.y) * (nearest.y - request.point.y)).squareRoot()
                #expect(distance >= request.radius, "\(label.text) covers the point of \(request.text)")
            }
        }
    }

    @Test("The drawn map names the points it can and counts the ones it cannot")
    func view() {
        let view = crowdedMap(rightToLeft: false).view
        #expect(view.labels.count + view.unlabelled == view.points.count)
        #expect(view.labels.first?.text == "Paris" && view.labels.first?.home == true)
    }

    @Test("A lone name goes to the right of its point in English and to the left in Persian, anchored in coordinates")
    func mirrored() throws {
        let point = EqualEarth.project(MapFixture.isfahan)
        let frame = MapFrame.enclosing([point])
        let request = MapLabels.Request(text: "Isfahan", href: nil, point: point, radius: 3)
        let ltr = try #require(MapLabels(frame: frame, pixel: 0.2, rightToLeft: false).place([request]).kept.first)
        let rtl = try #require(MapLabels(frame: frame, pixel: 0.2, rightToLeft: true).place([request]).kept.first)
        #expect(ltr.anchor == .start && ltr.x > point.x && ltr.box.x > point.x)
        #expect(rtl.anchor == .end && rtl.x < point.x && rtl.box.maxX < point.x)
        #expect(abs((ltr.x - point.x) + (rtl.x - point.x)) < 1e-9)
        #expect(ltr.y == rtl.y)
    }

    @Test("A Persian name is estimated no wider than its letters need, joiners and vowel marks adding nothing")
    func widths() {
        let joined = MapLabels.estimatedWidth("\u{0646}\u{06CC}\u{200C}\u{0633}", fontSize: 10)
        #expect(abs(joined - 3 * 0.5 * 10) < 1e-9)
        #expect(MapLabels.estimatedWidth("Lyon", fontSize: 10) < MapLabels.estimatedWidth("Luxembourg", fontSize: 10))
    }
}
