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

/// The lines of a gazetteer file, parsed on every core.
///
/// Written on bytes rather than with `String.split`: splitting some 250,000 fields by `Character`
/// took about a third of a second, most of the time an import waited for the gazetteer.
struct GazetteerFile: Sendable {
    let bytes: [UInt8]
    let fileName: String

    /// Where each line starts and ends (without its line feed), numbered from 1.
    private var lines: [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 100)
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    func gazetteer() throws(ReferenceDataError) -> Gazetteer {
        let lines = self.lines
        // The header is the first line that is neither empty nor a comment; entries follow it.
        guard let header = lines.firstIndex(where: { !$0.isEmpty && bytes[$0.lowerBound] != UInt8(ascii: "#") }) else {
            throw ReferenceDataError(file: fileName, line: nil, problem: "has no header line")
        }
        let parsed = Array((header + 1)..<lines.count).concurrentMap { index -> Result<GazetteerEntry?, ReferenceDataError> in
            let line = lines[index]
            guard !line.isEmpty, bytes[line.lowerBound] != UInt8(ascii: "#") else { return .success(nil) }
            guard let entry = entry(in: line) else {
                return .failure(ReferenceDataError(
                    file: fileName, line: index + 1,
                    problem: "expected 9 tab-separated fields: geonameid, name, latitude, longitude, country, admin1, population, persian, alternate_names"))
            }
            return .success(entry)
        }
        var entries: [GazetteerEntry] = []
        entries.reserveCapacity(parsed.count)
        for result in parsed {
            switch result {
            case let .success(entry): if let entry { entries.append(entry) }
            case let .failure(error): throw error
            }
        }
        return Gazetteer(entries: entries)
    }

    private func entry(in line: Range<Int>) -> GazetteerEntry? {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(9)
        var start = line.lowerBound
        for offset in line where bytes[offset] == UInt8(ascii: "\t") {
            fields.append(start..<offset)
            start = offset + 1
        }
        fields.append(start..<line.upperBound)
        guard fields.count == 9, let id = Int(text(fields[0])), let latitude = Double(text(fields[2])),
              let longitude = Double(text(fields[3])),
              let coordinates = try? Coordinates(latitude: latitude, longitude: longitude)
        else { return nil }
        var alternateNames: [String] = []
        var nameStart = fields[8].lowerBound
        for offset in fields[8] where bytes[offset] == UInt8(ascii: "|") {
            if offset > nameStart { alternateNames.append(text(nameStart..<offset)) }
            nameStart = offset + 1
        }
        if fields[8].upperBound > nameStart { alternateNames.append(text(nameStart..<fields[8].upperBound)) }
        return GazetteerEntry(
            geonameID: id, name: text(fields[1]), coordinates: coordinates,
            country: CountryCode(unchecked: text(fields[4])), admin1: text(fields[5]),
            population: Int(text(fields[6])) ?? 0, persianName: fields[7].isEmpty ? nil : text(fields[7]),
            alternateNames: alternateNames)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
