import CityDiplomacyCore
import Foundation

/// The file formats `citydip import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// `city1,country1,lat1,lng1,city2,country2,lat2,lng2` — the scraped Wikipedia twin-cities lists.
    case wikipediaCSV = "wikipedia-csv"
    /// SPARQL JSON results of a Wikidata query over P190 (twinned administrative body).
    case wikidataJSON = "wikidata-json"
    /// SPARQL TSV results of such a query.
    case wikidataTSV = "wikidata-tsv"
    /// Any CSV or TSV whose columns are named by, or mapped to, the canonical fields.
    case csv
}

/// The fields an import understands; columns are mapped to them by name or with `--map`.
public enum CanonicalField: String, CaseIterable, Sendable {
    case city1, country1, lat1, lng1, city2, country2, lat2, lng2, kind, date, source
    /// Wikidata items (`Q3616` or its IRI) and WKT points (`Point(lon lat)`).
    case qid1, qid2, coord1, coord2

    /// The field's place among ``allCases``, from 0: a field map keeps its columns in an array
    /// by it (``FieldMap``).
    var ordinal: Int {
        switch self {
        case .city1: 0
        case .country1: 1
        case .lat1: 2
        case .lng1: 3
        case .city2: 4
        case .country2: 5
        case .lat2: 6
        case .lng2: 7
        case .kind: 8
        case .date: 9
        case .source: 10
        case .qid1: 11
        case .qid2: 12
        case .coord1: 13
        case .coord2: 14
        }
    }

    /// Column names a Wikidata query commonly gives each field, tried in order when no `--map` is given.
    var wikidataNames: [String] {
        switch self {
        case .city1: ["city1Label", "cityLabel", "itemLabel", "city1", "city"]
        case .city2: ["city2Label", "twinLabel", "partnerLabel", "twinnedLabel", "city2", "twin"]
        case .country1: ["country1Label", "countryLabel", "country1"]
        case .country2: ["country2Label", "twinCountryLabel", "partnerCountryLabel", "country2"]
        case .qid1: ["city1", "city", "item"]
        case .qid2: ["city2", "twin", "partner", "twinned"]
        case .coord1: ["coord1", "coords1", "location1", "coord", "location"]
        case .coord2: ["coord2", "coords2", "location2", "twinCoord", "partnerCoord"]
        case .date: ["start", "startTime", "start_time", "date", "since"]
        case .lat1, .lng1, .lat2, .lng2, .kind, .source: [rawValue]
        }
    }
}

/// A file's contents as named columns and rows, whatever its format.
public struct SourceTable: Sendable {
    public struct Row: Sendable {
        /// The line (delimited text) or result number (JSON) of the row.
        public var line: Int
        public var values: [String]
        /// The column each value starts at, where the format has columns.
        public var columns: [Int]?
    }

    public var header: [String]
    public var rows: [Row]
}

extension SourceTable {
    /// Reads a file of the given format. A column name with a run of combining marks longer than
    /// ``CombiningMarks/limit`` is refused before any name is compared (see ``CombiningMarks``).
    public static func read(_ data: Data, format: ImportFormat, fileName: String, delimiter: UInt8?) throws(DataFileError) -> SourceTable {
        let table = try readColumns(data, format: format, fileName: fileName, delimiter: delimiter)
        for name in table.header {
            if let problem = CombiningMarks.problem(in: name) {
                throw DataFileError(file: fileName, line: format == .wikidataJSON ? nil : 1,
                                    field: format == .wikidataJSON ? "head.vars" : "header", value: name, problem: problem)
            }
        }
        return table
    }

    private static func readColumns(_ data: Data, format: ImportFormat, fileName: String, delimiter: UInt8?) throws(DataFileError) -> SourceTable {
        switch format {
        case .wikipediaCSV, .csv:
            let text = try DelimitedText.parse(data, fileName: fileName, delimiter: format == .wikipediaCSV ? (delimiter ?? UInt8(ascii: ",")) : delimiter)
            return SourceTable(header: text.header, rows: text.rows.map { Row(line: $0.line, values: $0.fields, columns: $0.columns) })
        case .wikidataTSV:
            let text = try DelimitedText.parse(data, fileName: fileName, delimiter: delimiter ?? UInt8(ascii: "\t"), quoting: false)
            return SourceTable(
                header: text.header.map { $0.hasPrefix("?") ? String($0.dropFirst()) : $0 },
                rows: text.rows.map { Row(line: $0.line, values: $0.fields.map(RDFTerm.value), columns: $0.columns) })
        case .wikidataJSON:
            return try readSPARQLJSON(data, fileName: fileName)
        }
    }

    static func readSPARQLJSON(_ data: Data, fileName: String) throws(DataFileError) -> SourceTable {
        guard !data.isEmpty else { throw DataFileError(file: fileName, line: 1, problem: "is empty: expected SPARQL JSON results") }
        // Before the parser hashes the keys (see `CombiningMarks`), escaped marks counted too.
        let run = CombiningMarks.longestRun(inJSON: String(decoding: data, as: UTF8.self))
        if let problem = CombiningMarks.problem(forRun: run.length) { throw DataFileError(file: fileName, line: run.line, problem: problem) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DataFileError(file: fileName, problem: "is not valid JSON: \((error as NSError).localizedDescription)")
        }
        guard let root = object as? [String: Any], let head = root["head"] as? [String: Any], let vars = head["vars"] as? [String],
              let results = root["results"] as? [String: Any], let bindings = results["bindings"] as? [[String: Any]]
        else {
            throw DataFileError(file: fileName, problem: "is not SPARQL JSON results: expected {\"head\": {\"vars\": […]}, \"results\": {\"bindings\": […]}}")
        }
        guard vars.count <= ImportLimits.maximumColumns else {
            throw DataFileError(file: fileName, field: "head.vars",
                                problem: "names \(vars.count) variables, more than the \(ImportLimits.maximumColumns) columns an import reads")
        }
        guard !bindings.isEmpty else {
            throw DataFileError(file: fileName, field: "results.bindings", problem: "is empty: the query returned no rows to import")
        }
        var rows: [Row] = []
        rows.reserveCapacity(bindings.count)
        for (index, binding) in bindings.enumerated() {
            let values = vars.map { name -> String in
                guard let term = binding[name] as? [String: Any], let value = term["value"] else { return "" }
                return "\(value)"
            }
            rows.append(Row(line: index + 1, values: values, columns: nil))
        }
        return SourceTable(header: vars, rows: rows)
    }
}

/// Values of SPARQL TSV results are RDF terms: `<IRI>`, `"text"@en`, `"…"^^<type>`, or bare numbers.
enum RDFTerm {
    static func value(_ term: String) -> String {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">") { return String(trimmed.dropFirst().dropLast()) }
        guard trimmed.hasPrefix("\""), let close = trimmed.lastIndex(of: "\""), close > trimmed.startIndex else { return trimmed }
        let body = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        return body.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\t", with: "\t")
            .replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
