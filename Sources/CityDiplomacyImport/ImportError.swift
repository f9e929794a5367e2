import CityDiplomacyCore

/// A file that cannot be imported, with where and why: `twin.csv:12:31: lat1 '91.5': expected a
/// latitude from -90 to 90`. An import that meets one stores nothing.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The field (canonical name or column) the value was in, if any.
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
