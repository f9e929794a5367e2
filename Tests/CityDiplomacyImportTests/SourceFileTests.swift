import CityDiplomacyImport
import Foundation
import Testing

@Suite("The file named for an import is read, or the error says what the path is")
struct SourceFileTests {
    @Test("A folder given as the file is refused by name, not with a Foundation error code")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: SourceFileError.isFolder(path: folder.path)) { try SourceFile.read(atPath: folder.path) }
        #expect(SourceFileError.isFolder(path: folder.path).description == "'\(folder.path)' is a folder: give a file")
    }

    @Test("A path that names nothing is refused as missing")
    func missing() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-none-\(UUID().uuidString).csv").path
        #expect(throws: SourceFileError.missing(path: path)) { try SourceFile.read(atPath: path) }
    }

    @Test("A file is read byte for byte")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-\(UUID().uuidString).csv")
        let bytes = Data("city1,country1\nTehran,Iran\n".utf8)
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SourceFile.read(atPath: url.path) == bytes)
    }
}
