import CityDiplomacyCore
import Foundation

/// A whole import from bytes to a dataset and its quality report: read the format, map the
/// columns, check every row, resolve the places. Nothing is stored here; the caller stores the
/// result in one transaction, so a file that fails leaves the database as it was.
///
/// ```swift
/// let result = try ImportPipeline(format: .wikipediaCSV).run(data, fileName: "twin_cities.csv",
///                                                            dataset: "wikipedia-2026", resolver: resolver)
/// ```
public struct ImportPipeline: Sendable {
    public var format: ImportFormat
    public var mappings: [String]
    public var delimiter: UInt8?

    public init(format: ImportFormat, mappings: [String] = [], delimiter: UInt8? = nil) {
        self.format = format
        self.mappings = mappings
        self.delimiter = delimiter
    }

    /// The delimiter named on the command line: comma, tab, semicolon, or a single character;
    /// not a quote or a line end, which a row cannot be cut by (`nil`).
    public static func delimiter(named name: String) -> UInt8? {
        switch name.lowercased() {
        case "comma", ",": UInt8(ascii: ",")
        case "tab", "\\t", "\t": UInt8(ascii: "\t")
        case "semicolon", ";": UInt8(ascii: ";")
        case "pipe", "|": UInt8(ascii: "|")
        default:
            name.utf8.count == 1 && ![UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(name.utf8.first!) ? name.utf8.first : nil
        }
    }

    public func run(
        _ data: Data, fileName: String, dataset: String, resolver: PlaceResolver,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(DataFileError) -> RelationImporter.Result {
        let records = try records(data, fileName: fileName)
        return resolve(records, data: data, fileName: fileName, dataset: dataset, resolver: resolver, progress: progress)
    }

    /// The first half of an import, which needs no gazetteer: read, map and check every row.
    /// Callers may load the gazetteer meanwhile.
    public func records(_ data: Data, fileName: String) throws(DataFileError) -> [ImportRecord] {
        var table = try SourceTable.read(data, format: format, fileName: fileName, delimiter: delimiter)
        let map = try FieldMap(header: table.header, format: format, overrides: mappings, fileName: fileName)
        let records = try ImportRecord.read(table, map: map, fileName: fileName)
        // The table's rows (two arrays and a string a field each) are freed on another thread:
        // here they were millions of frees on the path every later stage waits for, while the
        // other core has finished loading the gazetteer.
        let rows = table.rows
        table.rows = []
        Background.release(consume rows)
        return records
    }

    /// The second half: resolve the places and build the dataset and its report.
    public func resolve(
        _ records: [ImportRecord], data: Data, fileName: String, dataset: String, resolver: PlaceResolver,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> RelationImporter.Result {
        RelationImporter(resolver: resolver).run(
            records, dataset: dataset, fileName: fileName, contentHash: ContentHash.sha256Hex(of: data), format: format, progress: progress)
    }

    /// ``resolve(_:data:fileName:dataset:resolver:progress:)`` with the report made and its JSON
    /// encoded on another thread (``RelationImporter/start(_:dataset:fileName:contentHash:format:progress:)``).
    public func start(
        _ records: [ImportRecord], data: Data, fileName: String, dataset: String, resolver: PlaceResolver,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> RelationImporter.Started {
        RelationImporter(resolver: resolver).start(
            records, dataset: dataset, fileName: fileName, contentHash: ContentHash.sha256Hex(of: data), format: format, progress: progress)
    }
}
