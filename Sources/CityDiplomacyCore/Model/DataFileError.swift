/// A file that cannot be read — a dataset, scheme or periodisation bundled or given, or another
/// source's file being imported — with where and why.
///
/// The message names the file, the line and column, the field and the value, and what would have
/// been accepted, so that a person (or an editor) can jump to the place:
/// `iran-2018.yaml:88:45: relations[3].partner: unknown city 'tehrn' (expected the id of a city listed under cities:)`,
/// `twin.csv:12:31: lat1 '91.5': expected a latitude from -90 to 90`. A load or an import that
/// meets one keeps nothing of the file.
///
/// ```swift
/// throw DataFileError(file: "twin.csv", line: 12, column: 31, field: "lat1", value: "91.5",
///                     problem: "expected a latitude from -90 to 90")
/// ```
public struct DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The field the value was in: a path within a document (`relations[3].partner`), or a column
    /// or canonical field of a table (`lat1`); `nil` when the problem is the whole file.
    public var field: String?
    public var value: String?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, value: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.problem = problem
    }

    public var description: String {
        FileProblem.message(file: file, line: line, column: column, field: field, value: value, problem: problem)
    }
}
