import CityDiplomacyCore

/// A data file (dataset, scheme, periodisation) that cannot be loaded, with where and why.
///
/// The message names the file, the line and column, the field and the value, and what would have
/// been accepted: `iran-2018.yaml:88:45: relations[3].partner: unknown city 'tehrn' (expected the id of a city listed under cities:)`.
public struct DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The path of the field within the document (`relations[3].partner`).
    public var field: String
    public var value: String?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String, value: String? = nil, problem: String) {
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
