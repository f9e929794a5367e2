#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Distances along the Earth's surface between points given by latitude and longitude, on a
/// sphere of the mean Earth radius: how far apart two partner cities are.
///
/// The haversine formula (Sinnott 1984), which stays accurate for nearby cities where the
/// spherical law of cosines loses digits. The sphere's radius is the IUGG mean radius,
/// 6371.0088 km; on the WGS 84 ellipsoid a geodesic differs by up to about 0.5%, far less than
/// what separates a neighbouring city from a distant one.
///
/// ```swift
/// GreatCircle.kilometres(fromLatitude: 51.5074, longitude: -0.1278, toLatitude: 48.8566, longitude: 2.3522)
/// // 343.56: London to Paris
/// ```
public enum GreatCircle {
    /// The IUGG mean Earth radius, (2a + b) / 3 of the WGS 84 ellipsoid, in kilometres.
    public static let meanEarthRadius = 6371.0088

    /// The great-circle distance in kilometres between two points in decimal degrees.
    public static func kilometres(fromLatitude latitude1: Double, longitude longitude1: Double,
                                  toLatitude latitude2: Double, longitude longitude2: Double) -> Double {
        kilometres(Point(latitude: latitude1, longitude: longitude1), Point(latitude: latitude2, longitude: longitude2))
    }

    /// A point with what the formula needs of it computed once, for measuring many pairs.
    struct Point {
        let latitude: Double
        let longitude: Double
        let cosLatitude: Double

        init(latitude: Double, longitude: Double) {
            self.latitude = latitude * .pi / 180
            self.longitude = longitude * .pi / 180
            cosLatitude = cos(self.latitude)
        }
    }

    static func kilometres(_ p: Point, _ q: Point) -> Double {
        let sinHalfLatitude = sin((q.latitude - p.latitude) / 2)
        let sinHalfLongitude = sin((q.longitude - p.longitude) / 2)
        let h = sinHalfLatitude * sinHalfLatitude + p.cosLatitude * q.cosLatitude * sinHalfLongitude * sinHalfLongitude
        // Rounding can push h a hair above 1 for antipodes, where asin is undefined.
        return 2 * meanEarthRadius * asin(min(1, h.squareRoot()))
    }
}
