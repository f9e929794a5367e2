import CityDiplomacyCore
import Foundation

/// The notes a large report holds by the hundred thousand — its places and its uncertain and
/// unresolved names — written as JSON by hand, byte for byte as the report's `JSONEncoder`
/// (sorted keys, slashes unescaped) writes them, which `ImportQualityReportTests` checks.
///
/// Written here rather than by the encoder for a measured reason: encoding the 330,000 places and
/// the names of a 1,000,000-row file's report took 3–4 s of both cores (perf), while the dataset
/// waited to be stored; by hand it takes a fraction of that. A note this writer cannot write as
/// the encoder would (a string with a control character other than tab, new line or carriage
/// return, which the encoder writes as `\b`, `\f` or `\u00XX`; a distance that is not finite) is
/// left to the encoder, so the text never depends on which wrote it.
enum ReportNoteJSON {
    /// Appends `notes` as the elements of a JSON array (without its brackets), separated by commas.
    static func appendElements<Note: Encodable>(_ notes: some Collection<Note>, to out: inout [UInt8], _ write: (Note, inout [UInt8]) -> Bool) {
        var first = true
        for note in notes {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            let mark = out.count
            if !write(note, &out) {
                out.removeSubrange(mark...)
                out.append(contentsOf: (try? encoder.encode(note)) ?? Data("null".utf8))
            }
        }
    }

    /// The report's encoder, for the notes written by it.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `{"candidates":[…],"city":…,"country":…,"geonamesID":…,"kilometres":…,"matched":…,"name":…,"partOf":…,"reason":…,"status":…}`,
    /// absent optionals left out, as the synthesized `Encodable` leaves them.
    static func place(_ note: ImportQualityReport.PlaceNote, _ out: inout [UInt8]) -> Bool {
        out.append(contentsOf: #"{"candidates":"#.utf8)
        guard strings(note.candidates, &out) else { return false }
        guard key("city", note.city, &out) else { return false }
        if let country = note.country { guard key("country", country, &out) else { return false } }
        if let id = note.geonamesID { out.append(contentsOf: #","geonamesID":"#.utf8); out.append(contentsOf: String(id).utf8) }
        if let kilometres = note.kilometres {
            guard kilometres.isFinite else { return false }
            out.append(contentsOf: #","kilometres":"#.utf8)
            number(kilometres, &out)
        }
        if let matched = note.matched { guard key("matched", matched, &out) else { return false } }
        guard key("name", note.name, &out) else { return false }
        if let partOf = note.partOf { guard key("partOf", partOf, &out) else { return false } }
        guard key("reason", note.reason, &out), key("status", note.status.rawValue, &out) else { return false }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// `{"candidates":[…],"country":…,"lines":[…],"name":…,"occurrences":…,"reason":…}`.
    static func name(_ note: ImportQualityReport.NameNote, _ out: inout [UInt8]) -> Bool {
        out.append(contentsOf: #"{"candidates":"#.utf8)
        guard strings(note.candidates, &out) else { return false }
        if let country = note.country { guard key("country", country, &out) else { return false } }
        out.append(contentsOf: #","lines":["#.utf8)
        for (index, line) in note.lines.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: String(line).utf8)
        }
        out.append(UInt8(ascii: "]"))
        guard key("name", note.name, &out) else { return false }
        out.append(contentsOf: #","occurrences":"#.utf8)
        out.append(contentsOf: String(note.occurrences).utf8)
        guard key("reason", note.reason, &out) else { return false }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// `,"key":"value"`.
    private static func key(_ key: String, _ value: String, _ out: inout [UInt8]) -> Bool {
        out.append(contentsOf: #",""#.utf8)
        out.append(contentsOf: key.utf8)
        out.append(contentsOf: #"":"#.utf8)
        return string(value, &out)
    }

    private static func strings(_ values: [String], _ out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard string(value, &out) else { return false }
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    /// A JSON string as the encoder writes it, or `false` for one with a control character the
    /// encoder writes otherwise than ``JSONString`` does.
    private static func string(_ value: String, _ out: inout [UInt8]) -> Bool {
        if value.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return false }
        JSONString.append(value, to: &out)
        return true
    }

    /// A finite number as the encoder writes it: its shortest description, without a trailing
    /// `.0` (12, 0.1, 1e-07).
    private static func number(_ value: Double, _ out: inout [UInt8]) {
        let text = value.description
        out.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }
}
