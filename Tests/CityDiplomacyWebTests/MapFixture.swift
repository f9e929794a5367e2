import CityDiplomacyCore
@testable import CityDiplomacyWeb

/// Places and words the map tests draw with.
enum MapFixture {
    /// A place given in degrees.
    static func place(_ latitude: Double, _ longitude: Double) -> Coordinates {
        try! Coordinates(latitude: latitude, longitude: longitude)
    }

    static let isfahan = place(32.6572, 51.6776)
    /// Isfahan's partners in the study's Table 1 (approximate coordinates).
    static let isfahanPartners = [
        place(34.2658, 108.9541), place(3.1390, 101.6869), place(47.9990, 7.8421), place(43.7696, 11.2558), place(47.1585, 27.6014),
        place(41.3874, 2.1686), place(40.1792, 44.4991), place(29.3759, 47.9774), place(23.1136, -82.3666), place(31.5204, 74.3587),
        place(59.9311, 30.3609), place(14.7167, -17.4677), place(34.0047, 36.2110), place(35.8562, 129.2247),
    ]
    static let words = WorldMap.LegendWords(home: "This city", otherKinds: "Other kinds", kind: { $0.label.en })
}
