import CityDiplomacyCore
import Foundation

extension Gazetteer {
    /// The bundled GeoNames extract (`Resources/gazetteer/cities15000.tsv`, derived by
    /// `scripts/derive-gazetteer.py`; GeoNames, CC BY 4.0): 34,006 cities with population ≥ 15,000.
    public static func bundled() throws(ReferenceDataError) -> Gazetteer {
        try load(contentsOf: BundledResource.url(named: "cities15000.tsv", in: "gazetteer"))
    }

    /// Reads a gazetteer in the format of `cities15000.tsv`.
    public static func load(contentsOf url: URL) throws(ReferenceDataError) -> Gazetteer {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReferenceDataError(file: url.lastPathComponent, line: nil, problem: "cannot be read: \(error.localizedDescription)")
        }
        var entries: [GazetteerEntry] = []
        entries.reserveCapacity(34_100)
        var sawHeader = false
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard sawHeader else { sawHeader = true; continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 8, let id = Int(fields[0]), let latitude = Double(fields[2]), let longitude = Double(fields[3]),
                  let coordinates = try? Coordinates(latitude: latitude, longitude: longitude)
            else {
                throw ReferenceDataError(file: url.lastPathComponent, line: lineNumber, problem: "expected 8 tab-separated fields: geonameid, name, latitude, longitude, country, admin1, population, alternate_names")
            }
            entries.append(GazetteerEntry(
                geonameID: id, name: String(fields[1]), coordinates: coordinates,
                country: CountryCode(unchecked: String(fields[4])), admin1: String(fields[5]),
                population: Int(fields[6]) ?? 0,
                alternateNames: fields[7].isEmpty ? [] : fields[7].split(separator: "|").map(String.init)))
        }
        return Gazetteer(entries: entries)
    }
}
