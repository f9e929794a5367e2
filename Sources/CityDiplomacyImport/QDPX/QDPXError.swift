import Foundation

/// Why a `.qdpx` file could not be read or written, naming the part of the project, the element
/// and the value, so that the file can be mended.
///
/// ```swift
/// do { _ = try QDPXProject.read(data) } catch let error as QDPXError { print(error) }
/// // project.qde, line 12: PlainTextSelection 5f1c…: startPosition 'x' is not a whole number
/// ```
public struct QDPXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file in the project the error is in: `project.qde`, `sources/GUID.txt`, or the zip itself.
    public var file: String
    /// The line of `project.qde`, where known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ", line \($0)" } ?? ""): \(message)"
    }
}
