import CityDiplomacyCore
import Foundation

extension CountryDirectory {
    /// The bundled reference list, read once a process (every command reads it at its start).
    public static func bundled() throws(ReferenceDataError) -> CountryDirectory {
        try bundledList.get()
    }

    private static let bundledList = Result { () throws(ReferenceDataError) -> CountryDirectory in
        try load(contentsOf: try BundledResource.url(named: "countries.tsv"))
    }

    /// The columns of `countries.tsv`, in order.
    static let columns = ["iso2", "iso3", "numeric", "name_en", "name_fa", "aliases", "sovereign", "historical_states",
                          "unrecognised_states", "state_since", "predecessor_en", "predecessor_fa"]

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
            guard fields.count == columns.count else {
                throw ReferenceDataError(file: url.lastPathComponent, line: offset + 1, problem: "has \(fields.count) fields: expected \(columns.count) (\(columns.joined(separator: ", ")))")
            }
            func names(_ field: String) -> [String] { field.split(separator: "|").map(String.init) }
            let (stateSince, predecessor) = try statehood(fields, file: url.lastPathComponent, line: offset + 1)
            countries.append(Country(
                code: CountryCode(unchecked: fields[0]), alpha3: fields[1],
                name: LocalizedText(en: fields[3], fa: fields[4]),
                aliases: names(fields[5]),
                sovereign: fields[6].isEmpty ? nil : CountryCode(unchecked: fields[6]),
                historicalStates: names(fields[7]), unrecognisedStates: names(fields[8]),
                stateSince: stateSince, predecessor: predecessor
            ))
        }
        return CountryDirectory(countries: countries)
    }

    /// A row's `state_since` (a Gregorian `YYYY-MM-DD`) and predecessor (`predecessor_en`,
    /// `predecessor_fa`): both empty for a country not formed out of another state since 1945,
    /// all three filled for one that was.
    private static func statehood(_ fields: [String], file: String, line: Int) throws(ReferenceDataError) -> (PartialDate?, LocalizedText?) {
        let (since, english, persian) = (fields[9], fields[10], fields[11])
        if since.isEmpty, english.isEmpty, persian.isEmpty { return (nil, nil) }
        let date: PartialDate
        do {
            date = try PartialDate(parsing: since)
        } catch {
            throw ReferenceDataError(file: file, line: line, field: "state_since", value: since, problem: "is not a date: expected \(error.expected)")
        }
        guard date.calendar == .gregorian, date.precision == .day, date.description == since else {
            throw ReferenceDataError(file: file, line: line, field: "state_since", value: since, problem: "is not a date written YYYY-MM-DD (Gregorian)")
        }
        for (field, value) in [("predecessor_en", english), ("predecessor_fa", persian)] where value.isEmpty {
            throw ReferenceDataError(file: file, line: line, field: field, value: value, problem: "is empty: a state with a state_since names its predecessor in English and Persian")
        }
        return (date, LocalizedText(en: english, fa: persian))
    }
}

/// Reference data shipped with the product that cannot be read; a defect of the installation.
public struct ReferenceDataError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The column whose value is wrong, when one is (`state_since`).
    public var field: String?
    /// The value found there.
    public var value: String?
    public var problem: String

    public init(file: String, line: Int?, field: String? = nil, value: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.value = value
        self.problem = problem
    }

    /// `countries.tsv:12: state_since '1991-13-01': is not a date: …`, as ``FileProblem`` writes errors about files.
    public var description: String {
        FileProblem.message(file: file, line: line, column: nil, field: field, value: value, problem: problem)
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
