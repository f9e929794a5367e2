import CityDiplomacyCore
import Foundation

extension CountryDirectory {
    /// The bundled reference list.
    public static func bundled() throws(ReferenceDataError) -> CountryDirectory {
        let url = try BundledResource.url(named: "countries.tsv")
        return try load(contentsOf: url)
    }

    /// Reads a country table in the format of `countries.tsv`.
    public static func load(contentsOf url: URL) throws(ReferenceDataError) -> CountryDirectory {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReferenceDataError(file: url.lastPathComponent, line: nil, problem: "cannot be read: \(error.localizedDescription)")
        }
        var countries: [Country] = []
        var sawHeader = false
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard sawHeader else { sawHeader = true; continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 9 else {
                throw ReferenceDataError(file: url.lastPathComponent, line: offset + 1, problem: "has \(fields.count) fields: expected 9 (iso2, iso3, numeric, name_en, name_fa, aliases, sovereign, historical_states, unrecognised_states)")
            }
            func names(_ field: String) -> [String] { field.split(separator: "|").map(String.init) }
            countries.append(Country(
                code: CountryCode(unchecked: fields[0]), alpha3: fields[1],
                name: LocalizedText(en: fields[3], fa: fields[4]),
                aliases: names(fields[5]),
                sovereign: fields[6].isEmpty ? nil : CountryCode(unchecked: fields[6]),
                historicalStates: names(fields[7]), unrecognisedStates: names(fields[8])
            ))
        }
        return CountryDirectory(countries: countries)
    }
}

/// Reference data shipped with the product that cannot be read; a defect of the installation.
public struct ReferenceDataError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
    }
}

/// Files under `Resources/` of this module.
enum BundledResource {
    static func url(named name: String, in folder: String? = nil) throws(ReferenceDataError) -> URL {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        let subdirectory = ["Resources", folder].compactMap { $0 }.joined(separator: "/")
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: subdirectory) else {
            throw ReferenceDataError(file: name, line: nil, problem: "is missing from the installation (\(subdirectory))")
        }
        return url
    }

    static func urls(in folder: String, withExtension ext: String) -> [URL] {
        // Located through a file known to be there: `Bundle.resourceURL` differs between platforms.
        guard let anchor = Bundle.module.url(forResource: "countries", withExtension: "tsv", subdirectory: "Resources") else { return [] }
        let directory = anchor.deletingLastPathComponent().appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".\(ext)") }.sorted().map { directory.appendingPathComponent($0) }
    }
}
