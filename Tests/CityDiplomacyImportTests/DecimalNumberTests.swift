@testable import CityDiplomacyImport
import Testing

/// Coordinates are read by an exact path of their own where they have at most 15 digits and no
/// exponent; whatever the path, the number must be the one `strtod` reads, bit for bit.
@Suite("Decimal degrees are read as strtod reads them")
struct DecimalNumberTests {
    /// The bits of `text` as `Double(String)` reads it, if it reads it.
    private func expected(_ text: String) -> UInt64? {
        Double(text).map(\.bitPattern)
    }

    @Test("Every form a file writes gives strtod's double, signed zeros included", arguments: [
        "0", "-0", "+0", "0.0", "-0.0", ".5", "-.5", "12.", "+3", "35.6892", "-73.9280", "121.3747",
        "0.1", "0.7", "-8.4400", "179.9999999", "89.123456789012", "123456789012345", "1234567890123456",
        "0.000000000000001", "0.0000000000000001234", "3.56892e1", "-1E-3", "1e22", "9007199254740993",
        "00000000000000035.5", "180", "-90", "45.000000000000000000001",
    ])
    func forms(_ text: String) {
        #expect(DecimalNumber.parse(text).map(\.bitPattern) == expected(text), "\(text)")
    }

    @Test("Random coordinates of up to seventeen digits read as strtod reads them")
    func randomCoordinates() {
        var generator = SplitMix(seed: 20_261_204)  // seeded: a failure names a coordinate every run draws
        for _ in 0..<20_000 {
            let integer = Int.random(in: 0...180, using: &generator)
            let fraction = (0..<Int.random(in: 0...14, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let sign = ["", "-", "+"].randomElement(using: &generator)!
            let text = sign + String(integer) + (fraction.isEmpty && Bool.random(using: &generator) ? "" : "." + fraction)
            #expect(DecimalNumber.parse(text).map(\.bitPattern) == expected(text), "\(text)")
        }
    }

    @Test("What is no decimal number is refused", arguments: ["", "-", ".", "+.", "1e", "1e+", "0x1p3", "inf", "nan", "1.2.3", "--1", "1-", " 1", "1,5"])
    func refused(_ text: String) {
        #expect(DecimalNumber.parse(text) == nil, "\(text)")
    }
}
