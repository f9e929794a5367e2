import CityDiplomacyCore
import Foundation

/// The datasets that ship with the product and seed a new database: today the study's own,
/// `iran-2018`, in `Resources/datasets/`.
///
/// ```swift
/// let countries = try CountryDirectory.bundled()
/// for content in try BundledDatasets.load(countries: countries) {
///     try await registry.store(content)
/// }
/// ```
public enum BundledDatasets {
    /// The ids of the bundled datasets (the file names without `.yaml`).
    public static var ids: [String] {
        BundledResource.urls(in: "datasets", withExtension: "yaml").map { $0.deletingPathExtension().lastPathComponent }
    }

    /// Loads every bundled dataset.
    public static func load(countries: CountryDirectory) throws(DataFileError) -> [DatasetContent] {
        var contents: [DatasetContent] = []
        for url in BundledResource.urls(in: "datasets", withExtension: "yaml") {
            contents.append(try DatasetFile.load(contentsOf: url, countries: countries, isBundled: true))
        }
        return contents
    }

    /// Loads one bundled dataset by id, or `nil` if none has that id.
    public static func load(id: String, countries: CountryDirectory) throws(DataFileError) -> DatasetContent? {
        guard let url = BundledResource.urls(in: "datasets", withExtension: "yaml")
            .first(where: { $0.deletingPathExtension().lastPathComponent == id })
        else { return nil }
        return try DatasetFile.load(contentsOf: url, countries: countries, isBundled: true)
    }
}

extension BundledDatasets {
    /// The SHA-256 of each bundled dataset file, by id: compared with a database's copy to tell
    /// whether it is out of date, without parsing the files.
    public static func contentHashes() -> [String: String] {
        var hashes: [String: String] = [:]
        for url in BundledResource.urls(in: "datasets", withExtension: "yaml") {
            guard let data = try? Data(contentsOf: url) else { continue }
            hashes[url.deletingPathExtension().lastPathComponent] = ContentHash.sha256Hex(of: data)
        }
        return hashes
    }
}
