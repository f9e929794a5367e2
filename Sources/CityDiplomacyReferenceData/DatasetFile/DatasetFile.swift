import CityDiplomacyCore
import Foundation

/// Reads a dataset file (`citydiplomacy-dataset/1`, YAML) into the records of one dataset.
///
/// Loading checks everything a person can get wrong and reports it with file, line and column:
/// unknown keys, a country code that is not ISO 3166-1, a reference to a city, network or source
/// the file does not define, an id used twice, the same pair of cities listed twice with the same
/// kind. Names are normalised (Persian letter variants, digits, ZWNJ) as they are read.
///
/// ```swift
/// let content = try DatasetFile.load(contentsOf: url, countries: CountryDirectory.bundled())
/// content.relations.count   // 70 for iran-2018
/// ```
public enum DatasetFile {
    /// Loads and checks a dataset file.
    public static func load(
        contentsOf url: URL, countries: CountryDirectory, isBundled: Bool = false
    ) throws(DataFileError) -> DatasetContent {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: name, field: "", problem: "cannot be read: \(error.localizedDescription)")
        }
        return try load(data: data, fileName: name, countries: countries, isBundled: isBundled)
    }

    /// Loads and checks a dataset from bytes; `fileName` is used in messages and provenance.
    public static func load(
        data: Data, fileName: String, countries: CountryDirectory, isBundled: Bool = false
    ) throws(DataFileError) -> DatasetContent {
        let reader = try YAMLDocumentReader(data: data, fileName: fileName, expecting: "a dataset document")
        try reader.rejectUnknownKeys(allowed: DatasetDocument.allowedKeys, localizedFields: DatasetDocument.localizedFields)
        let document = try reader.decode(DatasetDocument.self)
        let hash = ContentHash.sha256Hex(of: data)
        var builder = DatasetBuilder(document: document, locator: reader, countries: countries)
        return try builder.build(fileName: fileName, contentHash: hash, isBundled: isBundled)
    }}

