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
