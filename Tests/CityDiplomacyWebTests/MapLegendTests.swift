import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyWeb

@Suite("The map's legend tells the kinds of relation apart, on the reading-start side")
struct MapLegendTests {
    func map(rightToLeft: Bool) -> WorldMapView {
        var map = WorldMap(title: "Isfahan", legendWords: MapFixture.words, rightToLeft: rightToLeft)
        map.points = [.init(coordinates: MapFixture.isfahan, label: "Isfahan", emphasised: true)] + MapFixture.isfahanPartners.map { .init(coordinates: $0, label: "P") }
        map.arcs = MapFixture.isfahanPartners.enumerated().map { .init(from: MapFixture.isfahan, to: $1, kind: $0 % 3 == 0 ? .cooperationMemorandum : .sisterCity) }
        return map.view
    }

    @Test("Arcs are styled by kind: sister cities solid, memoranda dashed, a kind the product does not know in its own style")
    func styles() throws {
        #expect(ArcStyle(.sisterCity) == .sisterCity)
        #expect(ArcStyle(.cooperationMemorandum) == .memorandum)
        #expect(ArcStyle(RelationKind(unchecked: "cultural_twinning")) == .otherKind)
        let rules = try Assets.text("style.css").split(separator: "\n")
        func rule(_ style: ArcStyle) throws -> Substring { try #require(rules.first { $0.hasPrefix("svg.map path.\(style.rawValue) {") }) }
        #expect(try !rule(.sisterCity).contains("dasharray") && rule(.memorandum).contains("dasharray"))
        #expect(try rule(.sisterCity).contains("stroke: #d95f02") && rule(.memorandum).contains("stroke: #1b9e77"))
        for style in ArcStyle.allCases { _ = try rule(style) }
    }

    @Test("It lists the home marker, then each kind drawn, in the vocabulary's order")
    func entries() throws {
        let legend = try #require(map(rightToLeft: false).legend)
        #expect(legend.rows.map(\.text) == ["This city", "Sister city", "Cooperation memorandum"])
        #expect(legend.rows[0].marker != nil && legend.rows[0].sample == nil)
        #expect(legend.rows.dropFirst().map { $0.sample?.kind } == ["sister-city", "memorandum"])
    }

    @Test("Left in English, right in Persian, its rows mirrored")
    func side() throws {
        let ltr = map(rightToLeft: false), rtl = map(rightToLeft: true)
        let frame = try #require(Self.frame(ltr.viewBox))
        let left = try #require(ltr.legend), right = try #require(rtl.legend)
        #expect(Double(left.x)! < frame.x + frame.width / 4)
        #expect(Double(right.x)! + Double(right.width)! > frame.maxX - frame.width / 4)
        #expect(left.rows.allSatisfy { $0.anchor == "start" } && right.rows.allSatisfy { $0.anchor == "end" })
        // The sample sits before the words in reading order: left of them in English, right in Persian.
        let ltrRow = left.rows[1], rtlRow = right.rows[1]
        #expect(try Self.startX(#require(ltrRow.sample)) < Double(ltrRow.textX)!)
        #expect(try Self.startX(#require(rtlRow.sample)) > Double(rtlRow.textX)!)
    }

    static func frame(_ viewBox: String) -> MapFrame? {
        let n = viewBox.split(separator: " ").compactMap { Double($0) }
        return n.count == 4 ? MapFrame(x: n[0], y: n[1], width: n[2], height: n[3]) : nil
    }

    static func startX(_ sample: WorldMapView.Arc) -> Double {
        Double(sample.d.dropFirst().split(separator: " ")[0]) ?? .nan
    }
}
