import CityDiplomacyCore
import Foundation
import Synchronization

/// A place as a row of an imported file names it.
public struct PlaceMention: Hashable, Sendable {
    public var name: String
    public var country: String?
    public var coordinates: Coordinates?
    public var wikidataID: String?
}

/// One row of an imported file, checked and normalised: two places, a kind, a date, a source.
public struct ImportRecord: Sendable {
    public var line: Int
    public var city1: PlaceMention
    public var city2: PlaceMention
    public var kind: RelationKind
    public var date: PartialDate?
    public var source: String?
    /// Control and bidirectional characters taken out of the row's values (see
    /// ``ControlCharacters``), for the quality report; empty for nearly every row.
    public var removedCharacters: [RemovedCharacters] = []

    /// The characters taken out of one field of a row.
    public struct RemovedCharacters: Hashable, Sendable {
        /// The field as the file names it (`city1`, or `city1 (column Stadt)`).
        public var field: String
        public var characters: [Unicode.Scalar]
    }
}

extension ImportRecord {
    /// Reads every row of a table through a field map, refusing bad values with line and column.
    ///
    /// Rows are read on every core (each on its own: checked, its characters taken out and
    /// normalised), and the first row in the file's order that is refused is the error, as when
    /// they were read one after another — which took 2.3 s of one core for the 1,000,000-row
    /// synthetic file, the other idle; 1 s on two (perf).
    ///
    /// The records are the map's output itself, a refused row leaving an empty record in its place
    /// and its error aside: mapped to results first and then unwrapped one by one, every record
    /// was copied and every result released (a dozen strings each) on one core while the other
    /// waited, a quarter of a second of the 1,000,000-row file (perf, 2026-12-04). Lines grow
    /// with the rows, so the refusal of the lowest line is the first in the file's order.
    public static func read(_ table: SourceTable, map: FieldMap, fileName: String) throws(DataFileError) -> [ImportRecord] {
        let header = table.header
        let refusals = Mutex<[(line: Int, error: DataFileError)]>([])
        let records = table.rows.concurrentMap { row in
            do throws(DataFileError) {
                return try read(row, header: header, map: map, fileName: fileName)
            } catch {
                refusals.withLock { $0.append((row.line, error)) }
                return ImportRecord(line: row.line, city1: PlaceMention(name: ""), city2: PlaceMention(name: ""), kind: .sisterCity)
            }
        }
        if let first = refusals.withLock({ $0.min { $0.line < $1.line } }) { throw first.error }
        return records
    }

    static func read(_ row: SourceTable.Row, header: [String], map: FieldMap, fileName: String) throws(DataFileError) -> ImportRecord {
        var removed: [ImportRecord.RemovedCharacters] = []
        // Before any value is normalised, hashed or compared (see `CombiningMarks`).
        // Columns the import does not read are not refused.
        for (index, text) in row.values.enumerated() where CombiningMarks.exceedsLimit(text) {
            if let field = CanonicalField.allCases.first(where: { map[$0] == index }), let problem = CombiningMarks.problem(in: text) {
                throw DataFileError(file: fileName, line: row.line, column: row.columns?[index],
                                    field: header[index] == field.rawValue ? field.rawValue : "\(field.rawValue) (column \(header[index]))",
                                    value: text, problem: problem)
            }
        }
        func value(_ field: CanonicalField) -> String? {
            guard let index = map[field] else { return nil }
            var raw = row.values[index]
            // Nothing to take out or to normalise in settled ASCII.
            if PersianText.isSettledASCII(raw) { return raw.isEmpty ? nil : raw }
            // Control and bidirectional characters would drive a terminal or reorder what a
            // reader sees; no name holds them. Taken out, and said in the quality report.
            if ControlCharacters.contains(in: raw) {
                let (kept, characters) = ControlCharacters.stripping(raw)
                let name = header[index] == field.rawValue ? field.rawValue : "\(field.rawValue) (column \(header[index]))"
                if !removed.contains(where: { $0.field == name }) { removed.append(.init(field: name, characters: characters)) }
                raw = kept
            }
            let text = PersianText.normalized(raw)
            return text.isEmpty ? nil : text
        }
        func fail(_ field: CanonicalField, _ value: String?, _ problem: String) -> DataFileError {
            let index = map[field]
            return DataFileError(file: fileName, line: row.line, column: index.flatMap { row.columns?[$0] },
                               field: index.map { header[$0] == field.rawValue ? field.rawValue : "\(field.rawValue) (column \(header[$0]))" } ?? field.rawValue,
                               value: value, problem: problem)
        }
        func number(_ field: CanonicalField, range: ClosedRange<Double>, what: String) throws(DataFileError) -> Double? {
            guard let text = value(field) else { return nil }
            // The Arabic decimal separator (U+066B) of Persian-digit coordinates is a point; the
            // digits are ASCII by now. Replaced only where it is there, and not by Foundation's
            // `replacingOccurrences`, which went through NSString for every coordinate: 8% of the
            // CPU time of an import of 250,000 rows (perf, 2026-11-30).
            // Its UTF-8 ends in the byte AB, which text without it (every ASCII coordinate) lacks:
            // looked for among the bytes where they lie first.
            let mayHoldSeparator = text.utf8.withContiguousStorageIfAvailable { $0.contains(0xAB) } ?? true
            let decimal = mayHoldSeparator && text.unicodeScalars.contains("\u{066B}")
                ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{066B}" ? "." : $0 })) : text
            guard let number = DecimalNumber.parse(decimal) else {
                throw fail(field, text, "expected a number (decimal degrees, e.g. 35.6892)")
            }
            guard range.contains(number) else { throw fail(field, text, "expected a \(what) from \(Int(range.lowerBound)) to \(Int(range.upperBound))") }
            return number
        }
        func coordinates(_ lat: CanonicalField, _ lng: CanonicalField, _ wkt: CanonicalField) throws(DataFileError) -> Coordinates? {
            if let latitude = try number(lat, range: -90...90, what: "latitude") {
                guard let longitude = try number(lng, range: -180...180, what: "longitude") else {
                    throw fail(lng, nil, "is missing: a latitude is given, so a longitude is expected too")
                }
                return try? Coordinates(latitude: latitude, longitude: longitude)
            }
            if try number(lng, range: -180...180, what: "longitude") != nil {
                throw fail(lat, nil, "is missing: a longitude is given, so a latitude is expected too")
            }
            guard let text = value(wkt) else { return nil }
            guard let point = WKTPoint.parse(text) else { throw fail(wkt, text, "expected a WKT point such as Point(51.389 35.689) (longitude first)") }
            guard (-90...90).contains(point.latitude), (-180...180).contains(point.longitude) else {
                throw fail(wkt, text, "expected longitude from -180 to 180 and latitude from -90 to 90")
            }
            return try? Coordinates(latitude: point.latitude, longitude: point.longitude)
        }
        func place(_ name: CanonicalField, _ country: CanonicalField, _ lat: CanonicalField, _ lng: CanonicalField, _ wkt: CanonicalField, _ qid: CanonicalField) throws(DataFileError) -> PlaceMention {
            let wikidata = value(qid).flatMap(WikidataID.parse)
            guard let text = value(name) ?? wikidata else {
                throw fail(name, nil, "is empty: every row names two places")
            }
            return PlaceMention(name: text, country: value(country), coordinates: try coordinates(lat, lng, wkt), wikidataID: wikidata)
        }
        let kind: RelationKind
        if let text = value(.kind) {
            do {
                kind = try RelationKind(validating: text)
            } catch {
                throw fail(.kind, text, "expected \(error.expected)")
            }
        } else {
            kind = .sisterCity
        }
        var date: PartialDate?
        if let text = value(.date) {
            date = WikidataTime.date(text)
            if date == nil {
                do {
                    date = try PartialDate(parsing: text)
                } catch {
                    throw fail(.date, text, "expected \(error.expected)")
                }
            }
        }
        var record = ImportRecord(
            line: row.line,
            city1: try place(.city1, .country1, .lat1, .lng1, .coord1, .qid1),
            city2: try place(.city2, .country2, .lat2, .lng2, .coord2, .qid2),
            kind: kind, date: date, source: value(.source))
        record.removedCharacters = removed
        return record
    }
}

/// `Point(lon lat)`, as Wikidata writes coordinates.
enum WKTPoint {
    static func parse(_ text: String) -> (latitude: Double, longitude: Double)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("point("), trimmed.hasSuffix(")") else { return nil }
        let inner = trimmed.dropFirst(6).dropLast().split(separator: " ", omittingEmptySubsequences: true)
        guard inner.count == 2, let longitude = DecimalNumber.parse(inner[0]), let latitude = DecimalNumber.parse(inner[1]) else { return nil }
        return (latitude, longitude)
    }
}

/// A number as files write decimal degrees: `35.6892`, `-0.5`, `.5`, `12`, or with an exponent
/// (`3.56892e1`). `Double.init` takes more — hexadecimal (`0x1p3` is 8), `inf`, `nan` — which no
/// file means as a coordinate, so those are refused here.
enum DecimalNumber {
    static func parse<Text: StringProtocol>(_ text: Text) -> Double? {
        var digits = 0
        var state = 0  // 0 sign or integer part, 1 fraction, 2 exponent sign or digits, 3 exponent digits
        var exponentDigits = 0
        // The digits as an integer and how many follow the point, for the exact path below.
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var negative = false
        // The first byte told by a flag, not by `enumerated()`, which perf showed as a call per
        // byte (5–7% of the samples while a million-row file's rows were checked).
        var first = true
        for byte in text.utf8 {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard (state == 0 && first) || (state == 2 && exponentDigits == 0) else { return nil }
                if state == 2 { state = 3 } else { negative = byte == UInt8(ascii: "-") }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if state >= 2 {
                    state = 3
                    exponentDigits += 1
                } else {
                    digits += 1
                    if digits <= Self.exactDigits {
                        mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                        if state == 1 { fractionDigits += 1 }
                    }
                }
            case UInt8(ascii: "."):
                guard state == 0 else { return nil }
                state = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard state < 2, digits > 0 else { return nil }
                state = 2
            default:
                return nil
            }
        }
        guard digits > 0, state != 2, state != 3 || exponentDigits > 0 else { return nil }
        // At most 15 digits and no exponent (every coordinate a file gives): the digits and the
        // power of ten are both exact doubles, and their quotient, rounded once, is the number
        // correctly rounded, as `strtod` gives it (Clinger's fast path). `Double(String)`, which
        // copies the text into a C string for `strtod`, was a quarter of the time rows were
        // read (perf, 1,000,000 rows, 2026-12-04).
        if state < 2, digits <= Self.exactDigits {
            let magnitude = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -magnitude : magnitude
        }
        guard let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// Digits that an integer below 2⁵³ always holds.
    static let exactDigits = 15
    /// 10⁰ through 10¹⁵, each exact as a double.
    static let powersOfTen: [Double] = (0...exactDigits).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}

/// `Q3616`, or an entity IRI ending in it.
enum WikidataID {
    static func parse(_ text: String) -> String? {
        let last = text.split(separator: "/").last.map(String.init) ?? text
        guard last.first == "Q", last.dropFirst().allSatisfy(\.isNumber), last.count > 1 else { return nil }
        return last
    }
}

/// Wikidata times (`2000-01-01T00:00:00Z`): 1 January at midnight usually means "the year".
enum WikidataTime {
    static func date(_ text: String) -> PartialDate? {
        guard text.count >= 20, text.hasSuffix("Z"), text.contains("T") else { return nil }
        let day = text.prefix(10)
        guard let parsed = try? PartialDate(parsing: String(day)) else { return nil }
        if day.hasSuffix("-01-01") { return try? PartialDate(year: parsed.year) }
        return parsed
    }
}
