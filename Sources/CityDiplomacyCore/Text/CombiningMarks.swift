/// Runs of combining marks: how long the longest is, and the limit a value read from outside is
/// held to.
///
/// No script writes more than a few marks on one letter; Unicode's stream-safe text format
/// (UAX #15) allows 30 in a row. A longer run is not a name but an attack on whoever normalises
/// it: the standard library (hashing a `String`, comparing two) and Foundation put a run's marks in
/// canonical order by a sort whose time grows with the square of the run's length — two values of
/// 32,000 marks held an import of a three-line file for 17 s, a 1 MiB value would hold it for
/// minutes. Values are therefore measured here, by one pass over their scalars that normalises
/// nothing, and refused past the limit where they enter: an imported file's column names and the
/// values it reads, a SPARQL JSON file before it is parsed, the fields of a record or document
/// edited through the web or the API.
///
/// ```swift
/// CombiningMarks.longestRun(in: "Zu\u{308}rich")                         // 1
/// CombiningMarks.longestRun(in: "a" + String(repeating: "\u{301}", count: 40))   // 40
/// ```
public enum CombiningMarks {
    /// The longest run a value may hold: the stream-safe format's.
    public static let limit = 30

    /// The number of scalars in the longest run of non-starters (canonical combining class other
    /// than 0, or a letter whose decomposition begins with one) in `text`, as it will be once what
    /// input removes is removed: a control or bidirectional character, a ZWNJ, a tatweel or a
    /// Quranic sign between two runs does not end the first, since taking it out joins them.
    public static func longestRun(in text: String) -> Int {
        // No scalar below U+0300 (UTF-8 bytes below 0xCC) is a non-starter: most values end here,
        // their bytes read where they lie (an import asks this of every value of every row).
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0xCC } }) ?? text.utf8.allSatisfy({ $0 < 0xCC }) { return 0 }
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            if isNonStarter(scalar) {
                run += 1
                longest = max(longest, run)
            } else if !isRemovedOnInput(scalar) {
                run = 0
            }
        }
        return longest
    }

    /// The longest run in JSON text, counting the scalars its `\\uXXXX` escapes write as well as
    /// those written as they are, and the line it ends on: for a JSON document to be measured
    /// before a parser hashes its keys.
    public static func longestRun(inJSON json: String) -> (length: Int, line: Int) {
        guard !json.utf8.allSatisfy({ $0 < 0xCC && $0 != UInt8(ascii: "\\") }) else { return (0, 1) }
        let scalars = json.unicodeScalars
        // The code unit a `\\uXXXX` at `start` writes, and where the escape ends; `nil` if none is there.
        func escape(at start: String.UnicodeScalarView.Index) -> (unit: UInt32, end: String.UnicodeScalarView.Index)? {
            var index = start
            for expected: Unicode.Scalar in ["\\", "u"] {
                guard index < scalars.endIndex, scalars[index] == expected else { return nil }
                index = scalars.index(after: index)
            }
            var unit: UInt32 = 0
            for _ in 0..<4 {
                guard index < scalars.endIndex, let digit = Int(String(scalars[index]), radix: 16) else { return nil }
                unit = unit << 4 | UInt32(digit)
                index = scalars.index(after: index)
            }
            return (unit, index)
        }
        var longest = (length: 0, line: 1), run = 0, line = 1
        var index = scalars.startIndex
        while index < scalars.endIndex {
            var scalar = scalars[index]
            if let (unit, end) = escape(at: index) {
                index = end
                var value = unit
                // A surrogate pair: the low half follows as a second escape.
                if (0xD800...0xDBFF).contains(unit), let (low, lowEnd) = escape(at: index), (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    index = lowEnd
                }
                scalar = Unicode.Scalar(value) ?? "?"
            } else if scalar == "\\" {
                // \n, \", \\ …: the escape and the character it escapes, a starter.
                index = scalars.index(after: index)
                if index < scalars.endIndex { index = scalars.index(after: index) }
                scalar = "?"
            } else {
                if scalar == "\n" { line += 1 }
                index = scalars.index(after: index)
            }
            if isNonStarter(scalar) {
                run += 1
                if run > longest.length { longest = (run, line) }
            } else if !isRemovedOnInput(scalar) {
                run = 0
            }
        }
        return longest
    }

    /// Scalars that input takes out of a value (``ControlCharacters``, ``PersianText/normalized(_:)``).
    static func isRemovedOnInput(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.isControl(scalar) || scalar == "\u{200C}" || PersianText.isIgnorableMark(scalar)
    }

    /// Whether `text` holds a run longer than ``limit``.
    public static func exceedsLimit(_ text: String) -> Bool {
        longestRun(in: text) > limit
    }

    /// The problem a message names for `text`, or `nil` if its runs are within the limit.
    public static func problem(in text: String) -> String? {
        problem(forRun: longestRun(in: text))
    }

    /// The problem a message names for a run of `run` marks, or `nil` if it is within the limit.
    public static func problem(forRun run: Int) -> String? {
        guard run > limit else { return nil }
        return "holds \(run) combining marks in a row, more than the \(limit) Unicode's stream-safe text allows: no text is written so"
    }

    static func isNonStarter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        // Three Tibetan vowel signs of class 0 decompose into marks of other classes (Unicode
        // 14's data; a test checks them against Foundation's decompositions).
        return scalar.properties.canonicalCombiningClass != .notReordered
            || scalar.value == 0x0F73 || scalar.value == 0x0F75 || scalar.value == 0x0F81
    }
}
