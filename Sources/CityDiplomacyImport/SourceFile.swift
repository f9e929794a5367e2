import Foundation

/// Reading the file a person names for an import, with an error that says what is wrong with the
/// path rather than Foundation's "NSCocoaErrorDomain error 256".
///
/// ```swift
/// let data = try SourceFile.read(atPath: "twin_cities.csv")
/// let result = try ImportPipeline(format: .wikipediaCSV).run(data, fileName: "twin_cities.csv", …)
/// ```
public enum SourceFile {
    public static func read(atPath path: String) throws(SourceFileError) -> Data {
        let expanded = (path as NSString).expandingTildeInPath
        var isFolder: ObjCBool = false
        // Checked before reading: reading a folder fails with a code, not a reason.
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            throw .missing(path: path)
        }
        if isFolder.boolValue { throw .isFolder(path: path) }
        guard FileManager.default.isReadableFile(atPath: expanded) else { throw .unreadable(path: path, reason: "permission denied") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: expanded))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }
}

/// The path given for an import names no file that can be read.
public enum SourceFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case isFolder(path: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path): "'\(path)' does not exist: give the path of a file"
        case let .isFolder(path): "'\(path)' is a folder: give a file"
        case let .unreadable(path, reason): "cannot read '\(path)': \(reason)"
        }
    }
}
