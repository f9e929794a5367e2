import Foundation

/// Coordinates of a drawing written with one decimal, as `String(format: "%.1f")` writes them,
/// whatever the locale.
///
/// Written by hand because a map of a city with thousands of partners writes hundreds of
/// thousands of coordinates, and `String(format:)` took a sixth of such a page's time (perf, a
/// city of 3,564 relations). A value whose tenths are not within a hair of a tie is rounded here,
/// with the same digits; a near tie, where the product by ten could round otherwise than
/// `printf`'s exact decimal expansion, and anything not finite or very large, goes to
/// `String(format:)`.
///
/// ```swift
/// Coordinate.text(12.345)   // "12.3"
/// Coordinate.text(-0.04)    // "-0.0", as printf writes it
/// ```
enum Coordinate {
    static func text(_ value: Double) -> String {
        let tenths = value * 10
        let rounded = tenths.rounded()
        guard value.isFinite, abs(tenths) < 1e15, abs(abs(tenths - rounded) - 0.5) > 1e-6 else {
            return String(format: "%.1f", value)
        }
        let magnitude = Int(abs(rounded))
        return (value.sign == .minus ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
