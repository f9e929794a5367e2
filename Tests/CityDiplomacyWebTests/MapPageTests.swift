import CityDiplomacyCore
import Foundation
import Testing
@testable import CityDiplomacyWeb

@Suite("The city and country pages draw their maps in the page's language")
struct MapPageTests {
    @Test("Isfahan's map names its partners and has a legend, in English and in Persian, cropped to them")
    func cityPage() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/cities/iran-2018:isfahan", method: .get) { response in
                let map = try Self.map(response.text)
                #expect(map.contains("<image href=\"/assets/world-110m.svg?projection=equal-earth\" x=\"0\" y=\"0\" width=\"1000.0\" height=\"500.0\"/>"))
                #expect(!map.contains("viewBox=\"0.0 0.0 1000.0 500.0\""), "cropped, not the whole world")
                #expect(map.contains(">Florence</text>"))
                #expect(map.contains("<g class=\"legend\""))
                #expect(map.contains(">This city</text>") && map.contains(">Sister city</text>"))
                #expect(map.contains("class=\"sister-city\""))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                let map = try Self.map(response.text)
                #expect(map.contains("direction=\"ltr\""))
                #expect(map.contains(">\u{0641}\u{0644}\u{0648}\u{0631}\u{0627}\u{0646}\u{0633}</text>"), "Florence in Persian")
                #expect(map.contains(">\u{0627}\u{06CC}\u{0646} \u{0634}\u{0647}\u{0631}</text>"), "This city, in Persian")
                #expect(!map.contains(">Florence</text>") && !map.contains(">This city</text>"))
                // Names beside their points are anchored in coordinates, mirrored: Isfahan's own name to its left.
                #expect(map.contains("text-anchor=\"end\" class=\"home-city\""))
            }
        }
    }

    @Test("Tehran's map tells its sister cities from its memoranda")
    func kinds() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/cities/iran-2018:tehran", method: .get) { response in
                let map = try Self.map(response.text)
                #expect(map.contains("class=\"memorandum\"") && map.contains("class=\"sister-city\""))
                #expect(map.contains(">Cooperation memorandum</text>"))
            }
        }
    }

    @Test("The country page draws its cities and their partners, its cities marked as home")
    func countryPage() async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/countries/IR", method: .get) { response in
                let map = try Self.map(response.text)
                #expect(map.contains(">Cities of Iran</text>"))
                #expect(map.components(separatedBy: "class=\"home-city\"").count > 5)
                #expect(map.components(separatedBy: "<path d=\"M").count > 40)
            }
            try await client.execute(uri: "/countries/IR?lang=fa", method: .get) { response in
                let map = try Self.map(response.text)
                #expect(map.contains("text-anchor=\"end\""))
                #expect(!map.contains(">Cities of Iran</text>"))
            }
        }
    }

    /// The page's map, from `<svg class="map"` to its end.
    static func map(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<svg class=\"map\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }
}
