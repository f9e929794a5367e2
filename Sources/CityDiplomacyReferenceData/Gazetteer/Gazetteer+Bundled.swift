import CityDiplomacyCore
import Foundation

extension Gazetteer {
    /// The bundled GeoNames extract (`Resources/gazetteer/places1000.tsv`, derived by
    /// `scripts/derive-gazetteer.py`; GeoNames, CC BY 4.0): 170,391 populated places with
    /// population ≥ 1,000.
    public static func bundled() throws(ReferenceDataError) -> Gazetteer {
        try load(contentsOf: BundledResource.url(named: "places1000.tsv", in: "gazetteer"))
    }

    /// Reads a gazetteer in the format of `places1000.tsv`: `#` comments, a header, then nine
    /// tab-separated fields a line (geonameid, name, latitude, longitude, country, admin1,
    /// population, Persian name (may be empty), alternate names separated by `|`).
    public static func load(contentsOf url: URL) throws(ReferenceDataError) -> Gazetteer {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReferenceDataError(file: url.lastPathComponent, line: nil, problem: "cannot be read: \(error.localizedDescription)")
        }
        // Checked whole first: fields are decoded without validation, which would replace bad bytes.
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ReferenceDataError(file: url.lastPathComponent, line: nil, problem: "is not valid UTF-8")
        }
        return try GazetteerFile(bytes: Array(data), fileName: url.lastPathComponent).gazetteer()
    }
}

/// A gazetteer file, read on every core into ``GazetteerColumns`` that keep the file's bytes for
/// the places' texts.
///
/// Written on bytes rather than with `String.split`: splitting some 250,000 fields by `Character`
/// took about a third of a second, most of the time an import waited for the gazetteer. Numbers
/// are read from the bytes too (see ``GazetteerNumber``), and no field becomes a string but the
/// country code: the places' names are decoded only for the entries asked for.
struct GazetteerFile: Sendable {
    let bytes: [UInt8]
    let fileName: String

    static let fieldsExpected = "expected 9 tab-separated fields: geonameid, name, latitude, longitude, country, admin1, population, persian, alternate_names"

    func gazetteer() throws(ReferenceDataError) -> Gazetteer {
        // The header is the first line that is neither empty nor a comment; entries follow it.
        var lineStart = 0, lineNumber = 1
        while true {
            guard lineStart < bytes.count else { throw ReferenceDataError(file: fileName, line: nil, problem: "has no header line") }
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") {
                lineStart = lineEnd + 1
                break
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        let body = min(lineStart, bytes.count)..<bytes.count
        let chunks = bytes.lineRuns(of: body, count: ProcessInfo.processInfo.activeProcessorCount * 4)
        let parsed = chunks.concurrentMap { chunk in parse(chunk) }
        // The lines before a chunk are the header's and those of the chunks before it.
        var columns = GazetteerColumns(text: bytes, reservingCapacity: parsed.reduce(0) { $0 + $1.columns.count })
        var linesBefore = lineNumber
        for chunk in parsed {
            if let failedLine = chunk.failedLine {
                throw ReferenceDataError(file: fileName, line: linesBefore + failedLine, problem: Self.fieldsExpected)
            }
            columns.append(contentsOf: chunk.columns)
            linesBefore += chunk.lineCount
        }
        return Gazetteer(columns: columns)
    }

    /// The places of a run of whole lines; `failedLine` is the first malformed line, numbered
    /// from 1 within the run, and `lineCount` the run's lines.
    private struct Chunk: Sendable {
        var columns: GazetteerColumns
        var lineCount = 0
        var failedLine: Int?
    }

    private func parse(_ range: Range<Int>) -> Chunk {
        var chunk = Chunk(columns: GazetteerColumns(text: bytes, reservingCapacity: range.count / 80))
        var fields: [Range<Int>] = []
        fields.reserveCapacity(10)
        var alternates: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { bytes in
            var start = range.lowerBound
            while start < range.upperBound {
                var end = start
                while end < range.upperBound, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                chunk.lineCount += 1
                defer { start = end + 1 }
                guard end > start, bytes[start] != UInt8(ascii: "#") else { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                for offset in start..<end where bytes[offset] == UInt8(ascii: "\t") {
                    fields.append(fieldStart..<offset)
                    fieldStart = offset + 1
                    if fields.count > 8 { break }
                }
                fields.append(fieldStart..<end)
                guard fields.count == 9,
                      let id = GazetteerNumber.integer(bytes, fields[0]),
                      let latitude = GazetteerNumber.double(bytes, fields[2]),
                      let longitude = GazetteerNumber.double(bytes, fields[3]),
                      (try? Coordinates(latitude: latitude, longitude: longitude)) != nil
                else {
                    chunk.failedLine = chunk.lineCount
                    return
                }
                alternates.removeAll(keepingCapacity: true)
                let names = fields[8]
                var nameStart = names.lowerBound
                for offset in names where bytes[offset] == UInt8(ascii: "|") {
                    if offset > nameStart { alternates.append(nameStart..<offset) }
                    nameStart = offset + 1
                }
                if names.upperBound > nameStart { alternates.append(nameStart..<names.upperBound) }
                let persian = fields[7]
                chunk.columns.append(
                    geonameID: id, latitude: latitude, longitude: longitude,
                    country: CountryCode(unchecked: String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[4]]), as: UTF8.self)),
                    admin1: fields[5], population: GazetteerNumber.integer(bytes, fields[6]) ?? 0, name: fields[1],
                    persian: persian.isEmpty ? nil : persian, alternates: alternates)
            }
        }
        return chunk
    }
}

/// Numbers of a gazetteer file read from its bytes, giving exactly what `Int(String)` and
/// `Double(String)` give: the common forms are read directly (making a string of each of
/// 511,000 numbers cost more than reading them), anything else by those initialisers.
enum GazetteerNumber {
    /// Up to 18 ASCII digits directly; signs, longer numbers and anything else as `Int(String)` reads them.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return Int(text(bytes, range)) }
        var value = 0
        for offset in range {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return Int(text(bytes, range)) }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// `-ddd.ddddd` with at most 15 digits directly: the digits make an integer below 2^53 and the
    /// power of ten is exact, so one division gives the correctly rounded value, as `strtod`
    /// (behind `Double(String)`) does. Anything else (exponents, more digits, `nan`) as
    /// `Double(String)` reads it.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var offset = range.lowerBound
        let negative = offset < range.upperBound && bytes[offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        var mantissa: Int64 = 0
        var digits = 0, fractionDigits = 0, sawPoint = false
        while offset < range.upperBound {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                mantissa = mantissa * 10 + Int64(byte &- UInt8(ascii: "0"))
                digits += 1
                if sawPoint { fractionDigits += 1 }
                if digits > 15 { return Double(text(bytes, range)) }
            } else {
                return Double(text(bytes, range))
            }
            offset += 1
        }
        // "", "-", "." and "1." (a point without digits after it) are left to `Double(String)`.
        guard digits > 0, !sawPoint || fractionDigits > 0, digits > fractionDigits else { return Double(text(bytes, range)) }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// 10^0 … 10^15, each exactly a `Double` (products of exact values below 2^53).
    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { product, _ in product * 10 } }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
