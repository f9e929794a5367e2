/// Runs of combining marks: how long the longest is, and the limit a value read from outside is
/// held to.
///
/// No script writes more than a few marks on one letter; Unicode's stream-safe text format
/// (UAX #15) allows 30 in a row. A longer run is not a name but an attack on whoever normalises
/// it: the standard library (hashing a `String`, comparing two) and Foundation put a run's marks in
/// canonical order by a sort whose time grows with the square of the run's length — two values of
/// 32,000 marks held an import of a three-line file for 17 s, a 1 MiB value would hold it for
/// minutes. Values are therefore measured here, by one pass over their scalars that normalises
/// nothing, before they are hashed or compared, and refused past the limit.
///
/// ```swift
/// CombiningMarks.longestRun(in: "Zu\u{308}rich")                         // 1
/// CombiningMarks.longestRun(in: "a" + String(repeating: "\u{301}", count: 40))   // 40
/// ```
public enum CombiningMarks {
    /// The longest run a value may hold: the stream-safe format's.
    public static let limit = 30

    /// The number of scalars in the longest run of non-starters (canonical combining class other
    /// than 0, or a letter whose decomposition begins with one) in `text`.
    public static func longestRun(in text: String) -> Int {
        // No scalar below U+0300 (UTF-8 bytes below 0xCC) is a non-starter: most values end here.
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return 0 }
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            if isNonStarter(scalar) {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return longest
    }

    /// Whether `text` holds a run longer than ``limit``.
    public static func exceedsLimit(_ text: String) -> Bool {
        longestRun(in: text) > limit
    }

    /// The problem a message names for `text`, or `nil` if its runs are within the limit.
    public static func problem(in text: String) -> String? {
        let run = longestRun(in: text)
        guard run > limit else { return nil }
        return "holds \(run) combining marks in a row, more than the \(limit) Unicode's stream-safe text allows: no name is written so"
    }

    static func isNonStarter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        // Three Tibetan vowel signs of class 0 decompose into marks of other classes (Unicode
        // 14's data; a test checks them against Foundation's decompositions).
        return scalar.properties.canonicalCombiningClass != .notReordered
            || scalar.value == 0x0F73 || scalar.value == 0x0F75 || scalar.value == 0x0F81
    }
}
