import Foundation

extension PartialDate: LosslessStringConvertible, Codable {
    /// The Persian letters of the markers, written as code points: SHEEN, HEH and TATWEEL.
    private static let sheen = "\u{0634}", heh = "\u{0647}", tatweel = "\u{0640}"

    /// Markers that say a date is Solar Hijri when written after it: `SH`, and the Persian
    /// abbreviations of "Hijri Shamsi" — sheen alone, heh-dot-sheen, with or without a tatweel.
    /// Longer markers come first so that `h.sh` is not read as `sh`.
    private static let solarHijriMarkers = ["h.sh", heh + tatweel + "." + sheen, heh + "." + sheen, heh + " " + sheen, "sh", sheen]

    /// Reads a date as a person writes it.
    ///
    /// Accepted: `1972`, `2006-05`, `2006-05-14`, `2006/05/14`, each optionally followed by a Solar
    /// Hijri marker (`1385/02/24 SH`, or a Persian one); Persian and Arabic-Indic digits are read as digits.
    /// Without a marker the date is Gregorian — years are never guessed to be Solar Hijri.
    public init(parsing text: String) throws(InvalidValue) {
        // A zero-width joiner may stand between heh and the dot (as Persian text writes the
        // marker): it carries nothing.
        let normalized = PersianText.normalized(text).lowercased().replacingOccurrences(of: "\u{200D}", with: "")
        var body = normalized
        var calendar = CalendarSystem.gregorian
        for marker in Self.solarHijriMarkers where body.hasSuffix(marker) {
            let stem = body.dropLast(marker.count)
            // A bare sheen must stand apart or follow a digit: it is a marker, not part of a word.
            guard marker != Self.sheen || stem.last.map({ $0 == " " || $0.isNumber }) == true else { continue }
            body = String(stem).trimmingCharacters(in: .whitespaces)
            calendar = .solarHijri
            break
        }
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        let numbers = parts.map { part in part.allSatisfy(\.isASCII) ? Int(part) : nil }
        guard (1...3).contains(parts.count), numbers.allSatisfy({ $0 != nil }), parts[0].count == 4 else {
            throw InvalidValue(
                field: "date", value: text,
                expected: "YYYY, YYYY-MM or YYYY-MM-DD (Gregorian), or the same followed by SH for Solar Hijri, e.g. 2006, 2006-05-14, 1385/02/24 SH"
            )
        }
        if calendar == .solarHijri, numbers[0]! > 1700 {
            throw InvalidValue(field: "date", value: text, expected: "a Solar Hijri year such as 1385 (a year above 1700 SH is in the future; was a Gregorian year marked SH?)")
        }
        try self.init(
            calendar: calendar,
            year: numbers[0]!,
            month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil
        )
    }

    public init?(_ description: String) {
        try? self.init(parsing: description)
    }

    /// The canonical written form, which ``init(parsing:)`` reads back: `2006`, `2006-05-14`,
    /// `1385-02-24 SH`.
    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return calendar == .solarHijri ? text + " SH" : text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let year = try? container.decode(Int.self) {
            try self.init(decoding: { () throws(InvalidValue) in try PartialDate(year: year) }, container)
        } else {
            let text = try container.decode(String.self)
            try self.init(decoding: { () throws(InvalidValue) in try PartialDate(parsing: text) }, container)
        }
    }

    /// Reports an invalid value as a decoding error at the container's path, keeping the details.
    private init(decoding make: () throws(InvalidValue) -> PartialDate, _ container: any SingleValueDecodingContainer) throws {
        do {
            self = try make()
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
