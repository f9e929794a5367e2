import CityDiplomacyCore
import CityDiplomacyImport
import Foundation
import Testing

@Suite("Delimited text is read with exact positions for every error")
struct DelimitedTextTests {
    private func parse(_ text: String, delimiter: UInt8? = nil) throws(DataFileError) -> DelimitedText {
        try DelimitedText.parse(Data(text.utf8), fileName: "t.csv", delimiter: delimiter)
    }

    private func failure(_ text: String) -> DataFileError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test("Quoted fields may hold commas, quotes and line breaks")
    func quoting() throws {
        let table = try parse("a,b\n\"Sarajevo, Stari Grad\",\"He said \"\"hi\"\"\"\n\"two\nlines\",x\n")
        #expect(table.rows.map(\.fields) == [["Sarajevo, Stari Grad", "He said \"hi\""], ["two\nlines", "x"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test("A byte-order mark and CRLF line ends are not errors")
    func bomAndCRLF() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("city1,city2\r\nTehran,Seoul\r\n\"Yazd\",Nizwa\r\n".utf8))
        let table = try DelimitedText.parse(data, fileName: "t.csv", delimiter: nil)
        #expect(table.header == ["city1", "city2"])
        #expect(table.rows.map(\.fields) == [["Tehran", "Seoul"], ["Yazd", "Nizwa"]])
    }

    @Test("The delimiter is detected: tab and semicolon")
    func delimiters() throws {
        #expect(try parse("a\tb\nx\ty\n").rows[0].fields == ["x", "y"])
        #expect(try parse("a;b\nx;y\n").rows[0].fields == ["x", "y"])
    }

    @Test("An unbalanced quote names the line and column where the field opens")
    func unbalancedQuote() throws {
        let error = try #require(failure("a,b\nx,\"never closed\n"))
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.problem.contains("never closed"))
    }

    @Test("A row with the wrong number of fields names its line")
    func wrongColumnCount() throws {
        let error = try #require(failure("a,b,c\n1,2,3\n1,2\n"))
        #expect(error.line == 3)
        #expect(error.problem.contains("has 2 fields, expected 3"))
    }

    @Test("Fields are read whole with their columns in characters: Persian letters, a carriage return inside a field, empty fields, no final line end")
    func unquotedFields() throws {
        let table = try parse("a,b,c\r\nتهران,Se\roul,\n,,\r\nx,y,z")
        #expect(table.rows.map(\.fields) == [["تهران", "Se\roul", ""], ["", "", ""], ["x", "y", "z"]])
        #expect(table.rows.map(\.columns) == [[1, 7, 14], [1, 2, 3], [1, 3, 5]])
        #expect(table.rows.map(\.line) == [2, 3, 4])
        // The column of a field past the header's, after Persian letters counted one each.
        let error = try #require(failure("city1,city2,country\nتهران,Seoul,IR,extra\n"))
        #expect(error.line == 2)
        #expect(error.column == 16)
    }

    @Test("Invalid UTF-8 names its line and column")
    func invalidUTF8() throws {
        var data = Data("a,b\nTehran,Se".utf8)
        data.append(0xFF)
        data.append(Data("oul\n".utf8))
        #expect {
            try DelimitedText.parse(data, fileName: "t.csv", delimiter: nil)
        } throws: { error in
            let error = error as? DataFileError
            return error?.line == 2 && error?.column == 10 && error?.problem.contains("UTF-8") == true
        }
    }

    @Test("A NUL character names its line and column, after Persian letters counted as one column each")
    func nulCharacter() throws {
        let error = try #require(failure("a,b\nتهران,Se\u{0}oul\n"))
        #expect(error.line == 2)
        #expect(error.column == 9)
        #expect(error.value == "U+0000")
    }

    @Test("An empty file is an error")
    func empty() {
        #expect(failure("")?.problem.contains("empty") == true)
        #expect(failure("\n\n")?.problem.contains("empty") == true)
    }

    @Test("A 10 MB field is refused")
    func hugeField() throws {
        let huge = "a,b\n\"" + String(repeating: "x", count: 10 << 20) + "\",y\n"
        let error = try #require(failure(huge))
        #expect(error.line == 2)
        #expect(error.problem.contains("longer than"))
    }

    @Test("Text after a closing quote is refused")
    func textAfterQuote() throws {
        let error = try #require(failure("a,b\n\"x\"y,z\n"))
        #expect(error.line == 2)
    }
}

@Suite("The importer refuses what it cannot hold, before it starts")
struct ImportLimitTests {
    private func failure(_ data: Data) -> DataFileError? {
        do { _ = try DelimitedText.parse(data, fileName: "t.csv", delimiter: nil); return nil } catch { return error }
    }

    @Test("A header with no rows is refused, as an empty file is", arguments: ["city1,city2\n", "city1,city2", "city1,city2\n\n\n"])
    func headerOnly(text: String) throws {
        let error = try #require(failure(Data(text.utf8)))
        #expect(error.line == 2)
        #expect(error.problem.contains("no rows"))
    }

    @Test("A header of more columns than the limit is refused at the first column past it, its rows unread")
    func tooManyColumns() throws {
        let header = (0..<5000).map { "c\($0)" }.joined(separator: "\t")
        // The second line is broken: it is never reached, since the header already fails.
        let error = try #require(failure(Data((header + "\nx\t\"never closed\n").utf8)))
        #expect(error.line == 1)
        #expect(error.problem.contains("5000 columns, more than the \(ImportLimits.maximumColumns)"))
        #expect(error.description.count <= FileProblem.maximumLength + 40)
    }

    @Test("A row error quotes a long header in part, and the line stays short")
    func longHeaderQuoted() throws {
        let header = (0..<200).map { "column\($0)" }.joined(separator: ",")
        let error = try #require(failure(Data((header + "\n1,2\n").utf8)))
        #expect(error.problem.contains("column0,column1"))
        #expect(error.problem.contains("and 192 more"))
        #expect(error.description.count <= FileProblem.maximumLength + 40)
    }

    @Test("A file larger than the limit is refused before it is read")
    func fileTooLarge() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(UUID().uuidString).csv").path
        try Data(repeating: UInt8(ascii: "a"), count: 4096).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SourceFileError.tooLarge(path: path, bytes: 4096, limit: 1024)) {
            try SourceFile.read(atPath: path, maximumBytes: 1024)
        }
        #expect(try SourceFile.read(atPath: path, maximumBytes: 4096).count == 4096)
    }

    @Test("SPARQL JSON with no results is refused")
    func emptyBindings() throws {
        let json = #"{"head": {"vars": ["city1", "city2"]}, "results": {"bindings": []}}"#
        #expect(throws: DataFileError.self) {
            try ImportPipeline(format: .wikidataJSON).records(Data(json.utf8), fileName: "q.json")
        }
    }
}
