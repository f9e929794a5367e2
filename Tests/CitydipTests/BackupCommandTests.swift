import Foundation
import Testing

@Suite("citydip backup, and what the terminal is shown of hostile values")
struct BackupCommandTests {
    @Test("backup writes a copy that another command reads, and refuses to write over it")
    func backupAndReuse() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        #expect(try citydip.run(["datasets"]).status == 0)
        let copy = citydip.database.deletingLastPathComponent().appendingPathComponent("copy.sqlite").path
        let made = try citydip.run(["backup", copy])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("1 datasets (`iran-2018`)"))
        let table = try citydip.run(["tables", "--table", "1", "--format", "csv", "--db", copy])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").count == 71)
        let again = try citydip.run(["backup", copy])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }

    @Test("copy from a database that is not there is refused, and creates nothing")
    func copyFromNowhere() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let missing = folder.appendingPathComponent("mistyped.sqlite").path, target = folder.appendingPathComponent("out.sqlite").path
        let result = try citydip.run(["copy", "--from", missing, "--to", target])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: target))
        let same = try citydip.run(["copy", "--from", target, "--to", target])
        #expect(same.status == 1)
        #expect(same.stderr.contains("same database"))
    }

    @Test("copy into a database opened once (seeded with the same bundled dataset) copies the rest")
    func copyIntoSeeded() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("mine.csv")
        try Data("city1,country1,city2,country2\nTehran,Iran,Seoul,South Korea\n".utf8).write(to: file)
        #expect(try citydip.run(["import", file.path, "--format", "csv", "--dataset", "mine"]).status == 0)
        let target = folder.appendingPathComponent("target.sqlite").path
        #expect(try citydip.run(["datasets", "--db", target]).status == 0)
        let copied = try citydip.run(["copy", "--from", citydip.database.path, "--to", target])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("`mine`"))
        let listed = try citydip.run(["datasets", "--db", target, "--format", "csv"])
        #expect(listed.stdout.contains("mine"))
        #expect(listed.stdout.contains("iran-2018"))
    }

    @Test("A notice quoting the database's path shows its control characters")
    func escapedNotice() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let folder = citydip.database.deletingLastPathComponent()
        let hostile = folder.appendingPathComponent("a\u{1B}[31mb.sqlite").path
        let result = try citydip.run(["datasets"], environment: ["CITYDIP_DB": hostile])
        #expect(result.status == 0)
        #expect(result.stderr.contains("a<U+001B>[31mb.sqlite"))
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
    }

    @Test("backup of a database server points to its own tools")
    func serverBackup() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["backup", "/tmp/x.sqlite", "--db", "postgres://citydip@127.0.0.1:1/none"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("pg_dump") || result.stderr.contains("postgres"))
    }

    @Test("An error quoting a value with terminal escapes shows them, not obeys them")
    func escapedError() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["relations", "--dataset", "x\u{1B}]0;owned\u{07}\u{202E}"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("x<U+001B>]0;owned<U+0007><U+202E>"))
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
    }

    @Test("An imported file's control characters are not stored, and the quality report says so")
    func importStrips() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let file = citydip.database.deletingLastPathComponent().appendingPathComponent("hostile.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("city1,country1,city2,country2\nTe\u{1B}[2Jhran,Iran,Seoul\u{202E},South Korea\n".utf8).write(to: file)
        let imported = try citydip.run(["import", file.path, "--format", "csv", "--dataset", "hostile"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try citydip.run(["relations", "--dataset", "hostile", "--format", "csv"])
        #expect(listed.status == 0)
        #expect(!listed.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        let quality = try citydip.run(["quality", "--dataset", "hostile"])
        #expect(quality.stdout.contains("`U+001B` in `city1`"))
        #expect(quality.stdout.contains("`U+202E` in `city2`"))
    }
}
