import Foundation

/// Reading the file a person names for an import, with an error that says what is wrong with the
/// path rather than Foundation's "NSCocoaErrorDomain error 256".
///
/// ```swift
/// let data = try SourceFile.read(atPath: "twin_cities.csv")
/// let result = try ImportPipeline(format: .wikipediaCSV).run(data, fileName: "twin_cities.csv", …)
/// ```
public enum SourceFile {
    /// Reads the whole file; one larger than `maximumBytes` (``ImportLimits/maximumFileBytes``
    /// unless given) is refused before it is read.
    public static func read(atPath path: String, maximumBytes: Int = ImportLimits.maximumFileBytes) throws(SourceFileError) -> Data {
        let expanded = (path as NSString).expandingTildeInPath
        var isFolder: ObjCBool = false
        // Checked before reading: reading a folder fails with a code, not a reason.
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            throw .missing(path: path)
        }
        if isFolder.boolValue { throw .isFolder(path: path) }
        guard FileManager.default.isReadableFile(atPath: expanded) else { throw .unreadable(path: path, reason: "permission denied") }
        // Checked before reading, so that a file an import could not hold is refused at once.
        if let size = (try? FileManager.default.attributesOfItem(atPath: expanded))?[.size] as? Int, size > maximumBytes {
            throw .tooLarge(path: path, bytes: size, limit: maximumBytes)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: expanded))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        // A file that grew between the check and the read (a pipe, a log being written).
        guard data.count <= maximumBytes else { throw .tooLarge(path: path, bytes: data.count, limit: maximumBytes) }
        return data
    }
}

/// The path given for an import names no file that can be read.
public enum SourceFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case isFolder(path: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    public var description: String {
        switch self {
        case let .missing(path): "'\(path)' does not exist: give the path of a file"
        case let .isFolder(path): "'\(path)' is a folder: give a file"
        case let .unreadable(path, reason): "cannot read '\(path)': \(reason)"
        case let .tooLarge(path, bytes, limit):
            "'\(path)' is \(Self.megabytes(bytes)), more than the \(Self.megabytes(limit)) an import reads: split it into files of fewer rows, or import only the columns it needs"
        }
    }
}
