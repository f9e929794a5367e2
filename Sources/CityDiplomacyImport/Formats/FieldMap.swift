import CityDiplomacyCore

/// Which column holds which canonical field.
///
/// Built from the column names (a column named like a field holds it; Wikidata's usual names are
/// tried too) and from the user's `--map FIELD=COLUMN`, which wins. A `--map` naming a field that
/// does not exist, or a column the file does not have, is an error.
public struct FieldMap: Sendable {
    public let columns: [CanonicalField: Int]
    /// ``columns`` by each field's ``CanonicalField/ordinal``: a row's reading asks for some
    /// fifteen fields, and hashing each in the dictionary was a sixth of that reading (perf,
    /// 1,000,000 rows).
    private let positions: [Int?]

    public init(header: [String], format: ImportFormat, overrides: [String], fileName: String) throws(DataFileError) {
        var columns: [CanonicalField: Int] = [:]
        let lowered = header.map { $0.lowercased() }
        for field in CanonicalField.allCases {
            let names = format == .wikidataJSON || format == .wikidataTSV ? field.wikidataNames : [field.rawValue]
            if let index = names.lazy.compactMap({ lowered.firstIndex(of: $0.lowercased()) }).first {
                columns[field] = index
            }
        }
        for mapping in overrides {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw DataFileError(file: fileName, field: "--map", value: mapping, problem: "expected FIELD=COLUMN, e.g. city1=name_a")
            }
            guard let field = CanonicalField(rawValue: parts[0].trimmingCharacters(in: .whitespaces)) else {
                throw DataFileError(file: fileName, field: "--map", value: parts[0], problem: "is not a field: expected one of \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let column = parts[1].trimmingCharacters(in: .whitespaces)
            guard let index = header.firstIndex(of: column) ?? lowered.firstIndex(of: column.lowercased()) ?? Int(column).flatMap({ $0 >= 1 && $0 <= header.count ? $0 - 1 : nil }) else {
                throw DataFileError(file: fileName, line: 1, field: "--map \(field.rawValue)", value: column, problem: "is not a column of the file: its columns are \(header.joined(separator: ", "))")
            }
            columns[field] = index
        }
        guard columns[.city1] != nil, columns[.city2] != nil else {
            throw DataFileError(file: fileName, line: 1, problem: "has no column for city1 and city2: name them so, or map them with --map city1=COLUMN --map city2=COLUMN (columns: \(header.joined(separator: ", ")))")
        }
        if format == .wikipediaCSV {
            let expected = ["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"]
            let missing = expected.filter { name in columns[CanonicalField(rawValue: name)!] == nil }
            if !missing.isEmpty {
                throw DataFileError(file: fileName, line: 1, problem: "is not a wikipedia-csv file: the header lacks \(missing.joined(separator: ", ")) (expected \(expected.joined(separator: ",")))")
            }
        }
        self.columns = columns
        positions = Self.positions(of: columns)
    }

    public subscript(field: CanonicalField) -> Int? {
        positions[field.ordinal]
    }

    private static func positions(of columns: [CanonicalField: Int]) -> [Int?] {
        var positions = [Int?](repeating: nil, count: CanonicalField.allCases.count)
        for (field, column) in columns { positions[field.ordinal] = column }
        return positions
    }
}
