import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyStorage
import Foundation
import Testing

/// A small Wikipedia-format file imported as `citydip import` imports it — resolved against the
/// bundled gazetteer, with its quality report — once per test process, then stored into any
/// registry a test asks for. It holds more unresolved places than a page of the quality report
/// shows (100), a city named like a script, an unknown country, a self-pair and coordinates far
/// from the place they name, so that every part of the report has something to show.
enum ImportedDatasetFixture {
    static let id = "imported-sample"
    /// Made-up towns, each unresolved, in pairs within Germany.
    static let madeUpTowns = 120

    static var file: String {
        var rows = [
            "city1,country1,lat1,lng1,city2,country2,lat2,lng2",
            "Isfahan,Iran,32.65,51.67,Florence,Italy,43.77,11.25",
            "Kyoto,Japan,35.01,135.77,Florence,Italy,,",
            "Paris,France,-33.92,18.42,Kyoto,Japan,,",
            "Atlantis City,Atlantis,,,Isfahan,Iran,,",
            "\(ObservatoryFixture.hostileName),France,,,Florence,Italy,,",
            "Kyoto,Japan,,,Kyoto,Japan,,",
        ]
        let towns = (0..<madeUpTowns).map { "Quxbergen \(letters($0))" }
        for index in stride(from: 0, to: towns.count, by: 2) {
            rows.append("\(towns[index]),Germany,,,\(towns[index + 1]),Germany,,")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// `aa`, `ab`, … — names without digits, which the resolver reads as numbered places.
    private static func letters(_ index: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        return String([alphabet[index / 26 % 26], alphabet[index % 26]]).capitalized
    }

    /// The imported dataset and the countries its registry needed, made once.
    private static let imported = Task<(content: DatasetContent, countries: [Country]), any Error> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-web-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\(id).csv").path
        try file.write(toFile: path, atomically: true, encoding: .utf8)
        let scratch = try SQLiteRegistry()
        _ = try await DatasetImport.run(ImportRequest(path: path, format: .wikipediaCSV), into: scratch)
        let content = try #require(try await scratch.content(ofDataset: id))
        return (content, try await scratch.countries())
    }

    /// Stores the imported dataset into `registry`.
    static func store(into registry: SQLiteRegistry) async throws {
        let imported = try await imported.value
        try await registry.store(imported.content, countries: imported.countries, progress: nil)
    }
}

extension ObservatoryFixture {
    /// The fixture's registry with the imported dataset beside the study's and the hostile one.
    static func registryWithImport(editableStudy: Bool = false) async throws -> SQLiteRegistry {
        let registry = try await registry(editableStudy: editableStudy)
        try await ImportedDatasetFixture.store(into: registry)
        return registry
    }
}
