import CityDiplomacyCore
@testable import CityDiplomacyImport
import Foundation
import Testing

/// The rows of a large file are read in pieces, one a core, each from a line end that may lie
/// inside a quoted field. Whatever the cuts, the records and the errors must be those of the file
/// read whole on one core.
@Suite("Delimited text read in pieces gives what it gives read whole")
struct DelimitedTextPiecesTests {
    /// The records of `text` (its first line being a header) in `pieces`, or the error.
    private func read(
        _ text: String, pieces: Int, delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true
    ) -> Result<[[String]], DataFileError> {
        let bytes = Array(text.utf8)
        return Result { () throws(DataFileError) in
            let (start, line) = try bytes.withUnsafeBufferPointer { buffer throws(DataFileError) in
                var header = DelimitedText.Parser(bytes: buffer, delimiter: delimiter, fileName: "t.csv", quoting: quoting)
                _ = try header.record()
                return (header.index, header.line)
            }
            let read = try DelimitedText.records(
                in: bytes, from: start, line: line, delimiter: delimiter, fileName: "t.csv", quoting: quoting, pieces: pieces)
            return read.joined().map { record in ["\(record.line)"] + record.fields + record.columns.map(String.init) }
        }
    }

    @Test("A line end inside a quoted field, after a quote inside an unquoted one, is no row's end")
    func quoteInsideUnquotedField() throws {
        // Counting quotes would take the line end after `ab"c` as inside quotes, and the one
        // inside "multi…line" as a row's end.
        let text = "h1,h2\nx,ab\"c\ny,\"multi\nline\"\nz,\"a\"\"b\nc\"\n" + String(repeating: "p,q\n", count: 5)
        let whole = read(text, pieces: 1)
        #expect(try whole.get().count == 8)
        for pieces in 2...12 {
            #expect(read(text, pieces: pieces) == whole, "in \(pieces) pieces")
        }
    }

    @Test("An error in a later piece is the error read whole gives: its line, column and problem")
    func errorsInLaterPieces() throws {
        let rows = String(repeating: "Tehran,تهران\n", count: 20)
        for broken in ["x,\"never closed\n", "x,\"closed\"then text\n", "x,\"a\nb\"c\n"] {
            let text = "h1,h2\n" + rows + broken + rows
            let whole = read(text, pieces: 1)
            guard case .failure = whole else { Issue.record("\(broken) was read"); continue }
            for pieces in 2...8 {
                #expect(read(text, pieces: pieces) == whole, "\(broken) in \(pieces) pieces")
            }
        }
    }

    @Test("Random texts of quotes, delimiters, line ends and Persian letters read alike in any number of pieces")
    func randomTexts() throws {
        // A small linear congruential generator: the same texts on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = ["a", "b", "\"", "\"", ",", "\t", "\n", "\n", "\r\n", "\r", "ی", " "]
        // Commas and tabs with quoting, and tabs without it (SPARQL TSV); then delimiters the
        // command line refuses, which are read whole.
        let readings: [(delimiter: UInt8, quoting: Bool)] = [
            (UInt8(ascii: ","), true), (UInt8(ascii: "\t"), true), (UInt8(ascii: "\t"), false),
            (UInt8(ascii: "\n"), true), (UInt8(ascii: "\r"), true), (UInt8(ascii: "\""), true),
        ]
        var read = 0, failed = 0
        for round in 0..<600 {
            let body = (0..<(20 + next(200))).map { _ in alphabet[next(alphabet.count)] }.joined()
            let (delimiter, quoting) = readings[round % readings.count]
            let text = "h1\(Character(Unicode.Scalar(delimiter)))h2\n" + body
            let whole = self.read(text, pieces: 1, delimiter: delimiter, quoting: quoting)
            if case .success = whole { read += 1 } else { failed += 1 }
            for pieces in [2, 3, 5, 9] {
                #expect(self.read(text, pieces: pieces, delimiter: delimiter, quoting: quoting) == whole,
                        "\(text.debugDescription) in \(pieces) pieces, delimiter \(delimiter), quoting \(quoting)")
            }
        }
        // Both kinds of text were tried.
        #expect(read > 20 && failed > 20, "\(read) read, \(failed) failed")
    }

    @Test("A file of more than a megabyte is read in pieces, and its rows and lines are those read whole")
    func largeFile() throws {
        let row = "\"Sarajevo, Stari Grad\",\"two\nlines\",Yazd\n"
        let text = "a,b,c\n" + String(repeating: row, count: 40_000)
        #expect(text.utf8.count > DelimitedText.bytesForPieces)
        let table = try DelimitedText.parse(Data(text.utf8), fileName: "t.csv", delimiter: nil)
        #expect(table.rows.count == 40_000)
        #expect(table.rows.last?.line == 2 + 39_999 * 2)
        #expect(table.rows.allSatisfy { $0.fields == ["Sarajevo, Stari Grad", "two\nlines", "Yazd"] })
        #expect(table.rows.allSatisfy { $0.columns == [1, 24, 8] })
        // In pieces whatever the cores, against the file read whole.
        let whole = read(text, pieces: 1)
        for pieces in [2, 4, 16] { #expect(read(text, pieces: pieces) == whole) }
    }

    @Test("Pieces start after an even number of quotes, not inside a field that spans lines, and cover the file")
    func cutsOutsideQuotes() throws {
        let row = "\"Sarajevo, Stari Grad\",\"two\nlines\",Yazd\n"
        let bytes = Array(("a,b,c\n" + String(repeating: row, count: 5_000)).utf8)
        for count in [2, 3, 7, 16] {
            let runs = DelimitedText.quoteBalancedRuns(of: 6..<bytes.count, in: bytes, count: count)
            #expect(runs.count > 1)
            #expect(runs.first?.lowerBound == 6 && runs.last?.upperBound == bytes.count)
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
            for run in runs.dropFirst() {
                #expect(bytes[..<run.lowerBound].count(where: { $0 == UInt8(ascii: "\"") }).isMultiple(of: 2))
                #expect(bytes[run.lowerBound] == UInt8(ascii: "\""))  // a row's first field, not "lines"
            }
        }
        // A quote inside an unquoted field makes every count after it odd: the cuts are then the
        // line ends they would have been, which the reading checks, rather than none.
        let stray = Array(("a,b\nO\"Brien,x\n" + String(repeating: "Tehran,Yazd\n", count: 2_000)).utf8)
        #expect(DelimitedText.quoteBalancedRuns(of: 4..<stray.count, in: stray, count: 4).count == 4)
    }

    @Test("A quote or a line end is refused as a delimiter on the command line")
    func delimitersRefused() {
        for name in ["\"", "\n", "\r"] { #expect(ImportPipeline.delimiter(named: name) == nil, "\(name.debugDescription)") }
        #expect(ImportPipeline.delimiter(named: ":") == UInt8(ascii: ":"))
        #expect(ImportPipeline.delimiter(named: "tab") == UInt8(ascii: "\t"))
    }
}

/// Results compared in the tests above: equal records, or equal errors.
extension Result: @retroactive Equatable where Success: Equatable, Failure: Equatable {}
