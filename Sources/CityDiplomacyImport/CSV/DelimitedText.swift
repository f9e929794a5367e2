import CityDiplomacyCore
import Foundation

/// A delimited text file (CSV, TSV) read into a header and rows, every row with its line number.
///
/// Written here rather than taken from SwiftCSV or CSV.swift: an import must say *where* a file
/// is broken — line and column of an unbalanced quote, of invalid UTF-8, of a row with the wrong
/// number of fields, of an oversized field — and neither library reports positions. Working on
/// UTF-8 bytes also keeps the 25,917-row Wikipedia file well inside its time budget.
///
/// ```swift
/// let table = try DelimitedText.parse(data, fileName: "twin_cities.csv", delimiter: nil)
/// table.header        // ["city1", "country1", …]
/// table.rows[0].line  // 2
/// ```
public struct DelimitedText: Sendable {
    public struct Row: Sendable {
        /// The line the row starts on (1-based; the header is line 1).
        public var line: Int
        public var fields: [String]
        /// The column (1-based, in characters) each field starts at, for messages.
        public var columns: [Int]
    }

    public var header: [String]
    public var rows: [Row]
    public var delimiter: UInt8

    /// Fields longer than this are refused: a real field never is, a broken quote often makes one.
    public static var maximumFieldBytes: Int { ImportLimits.maximumFieldBytes }

    /// Chooses the delimiter among comma, tab and semicolon by their count on the first line.
    public static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
        return candidates.max { lhs, rhs in
            firstLine.lazy.filter { $0 == lhs }.count < firstLine.lazy.filter { $0 == rhs }.count
        } ?? UInt8(ascii: ",")
    }

    /// Parses a file. A byte-order mark and CRLF line ends are accepted; every row must have as
    /// many fields as the header. Without `quoting` (SPARQL TSV, whose terms start with `"`),
    /// quotes are ordinary characters.
    public static func parse(_ data: Data, fileName: String, delimiter: UInt8?, quoting: Bool = true) throws(DataFileError) -> DelimitedText {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The header's width is checked first, before the scans of the whole file below: a file of
        // thousands of columns is refused at once. A header that does not parse is left to those
        // scans, whose messages say more (not UTF-8, a NUL).
        let separator = delimiter ?? detectDelimiter(bytes[...])
        let wideHeader = bytes.withUnsafeBufferPointer { buffer in
            var headerParser = Parser(bytes: buffer, delimiter: separator, fileName: fileName, quoting: quoting)
            return (try? headerParser.record()).flatMap { $0.fields.count > ImportLimits.maximumColumns ? $0 : nil }
        }
        if let wideHeader { throw tooManyColumns(wideHeader, fileName: fileName) }
        // The standard library's validation first, which is many times faster than the scan that
        // counts lines and columns to say where a file is not UTF-8.
        if String(validating: bytes, as: UTF8.self) == nil, let (line, column) = firstInvalidUTF8(bytes) {
            throw DataFileError(file: fileName, line: line, column: column, problem: "is not valid UTF-8 here: save the file as UTF-8")
        }
        // SQLite would store a NUL, but text is read back only up to it: refused rather than cut.
        if let offset = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: offset, in: bytes)
            throw DataFileError(file: fileName, line: line, column: column, value: "U+0000",
                              problem: "has a NUL character, which text does not contain: is this a UTF-16 or binary file saved as CSV?")
        }
        guard bytes.contains(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: " ") }) else {
            throw DataFileError(file: fileName, line: 1, problem: "is empty: expected a header line naming the columns")
        }
        // The header is read and checked first: a file of thousands of columns is refused before
        // its rows take memory.
        let (headerRecord, rowsStart, rowsLine) = try bytes.withUnsafeBufferPointer { buffer throws(DataFileError) in
            var parser = Parser(bytes: buffer, delimiter: separator, fileName: fileName, quoting: quoting)
            return (try parser.record(), parser.index, parser.line)
        }
        guard headerRecord.fields.count <= ImportLimits.maximumColumns else { throw tooManyColumns(headerRecord, fileName: fileName) }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let pieces = try Self.records(
            in: bytes, from: rowsStart, line: rowsLine, delimiter: separator, fileName: fileName, quoting: quoting,
            pieces: bytes.count - rowsStart >= Self.bytesForPieces ? ProcessInfo.processInfo.activeProcessorCount : 1)
        var rows: [Row] = []
        rows.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for record in pieces.joined() {
            if record.fields.count == 1, record.fields[0].isEmpty { continue }  // a blank line
            guard record.fields.count == header.count else {
                let column = record.fields.count > header.count ? record.columns[header.count] : record.columns.last ?? 1
                throw DataFileError(
                    file: fileName, line: record.line, column: column,
                    problem: "has \(record.fields.count) fields, expected \(header.count) like the header (\(Self.listing(header, separator: separator)))\(record.fields.count > header.count ? "; is a field with a delimiter missing its quotes?" : "")")
            }
            rows.append(Row(line: record.line, fields: record.fields, columns: record.columns))
        }
        // A header alone is no dataset, and an import of it would make an empty one: refused as
        // an empty file is.
        guard !rows.isEmpty else {
            throw DataFileError(file: fileName, line: headerRecord.line + 1, problem: "has a header and no rows: expected at least one row below the header")
        }
        return DelimitedText(header: header, rows: rows, delimiter: separator)
    }

    /// The size of file's rows below which they are read on one core: the pieces' threads cost more
    /// than they save.
    static let bytesForPieces = 1 << 20

    /// The records from `start`, where one begins on `line`, to the end of `bytes`: read in
    /// `pieces` runs of whole lines at once, one a core, each from its own first line.
    ///
    /// Reading the rows was two of the seconds a 1,000,000-row import spent on one core (perf,
    /// 2026-12-02). A line's end ends a record unless it lies inside a quoted field, which cannot
    /// be told for sure from the bytes near it (a quote inside an unquoted field is an ordinary
    /// character), so a piece's first line is only a guess, made where the quotes before it are
    /// even in number (``quoteBalancedRuns(of:in:count:)``); it is known right once the piece
    /// before it is read to its last byte without error, for the reader takes no decision on a
    /// byte past a line's end. Where a piece fails, the file is read again on one core from that
    /// piece's first line, which is right, to say what the failure is: a real error (the same as
    /// read whole) or a piece that ended inside a quoted field. A line-end delimiter would make the
    /// reader decide at a piece's end (after a closing quote it looks for the delimiter first); a
    /// file with a line-end or quote delimiter, which the command line refuses, is read whole.
    static func records(
        in bytes: [UInt8], from start: Int, line: Int, delimiter: UInt8, fileName: String, quoting: Bool, pieces: Int
    ) throws(DataFileError) -> [[Record]] {
        /// The records of `range`, which starts a record on `line`.
        @Sendable func piece(_ range: Range<Int>, line: Int) throws(DataFileError) -> [Record] {
            try bytes.withUnsafeBufferPointer { buffer throws(DataFileError) in
                var parser = Parser(bytes: buffer, delimiter: delimiter, fileName: fileName, quoting: quoting, range: range, line: line)
                return try parser.records()
            }
        }
        // Without quoting every line end ends a record, and the quotes are not counted (SPARQL
        // TSV escapes a quote inside a term as \", which leaves them odd).
        let cutsSafely = ![Parser.newline, Parser.carriageReturn, Parser.quote].contains(delimiter)
        let ranges = !cutsSafely ? [start..<bytes.count]
            : quoting ? quoteBalancedRuns(of: start..<bytes.count, in: bytes, count: pieces)
            : bytes.lineRuns(of: start..<bytes.count, count: pieces)
        guard ranges.count > 1 else { return [try piece(start..<bytes.count, line: line)] }
        // The line each piece starts on: that of the piece before it, and the line ends in it.
        let lineEnds = ranges.concurrentMap { range in
            bytes.withUnsafeBufferPointer { bytes in bytes[range].count(where: { $0 == Parser.newline }) }
        }
        var lines = [line]
        for count in lineEnds.dropLast() { lines.append(lines.last! + count) }
        var read = Array(zip(ranges, lines)).concurrentMap { range in
            Result { () throws(DataFileError) in try piece(range.0, line: range.1) }
        }
        var records: [[Record]] = []
        records.reserveCapacity(read.count)
        // By index: a loop over `read.enumerated()` would hold the array, and the pieces removed
        // below would stay in memory while the file is read again.
        for number in read.indices {
            switch read[number] {
            case let .success(piece): records.append(piece)
            case .failure where number < read.count - 1:
                // The pieces after it, read from guesses, are freed before the file is read again.
                read.removeSubrange(number...)
                records.append(try piece(ranges[number].lowerBound..<bytes.count, line: lines[number]))
                return records
            case let .failure(error): throw error
            }
        }
        return records
    }

    /// `range` cut into about `count` runs of whole lines, each but the first starting after an
    /// even number of quotes: in a file whose quotes are all paired, as they are but for a quote
    /// inside an unquoted field, at a record's first line rather than inside a quoted field that
    /// spans lines, where a piece would fail and the file be read again from it on one core.
    static func quoteBalancedRuns(of range: Range<Int>, in bytes: [UInt8], count: Int) -> [Range<Int>] {
        let runs = bytes.lineRuns(of: range, count: count)
        guard runs.count > 1 else { return runs }
        let quotes = runs.concurrentMap { run in
            bytes.withUnsafeBufferPointer { bytes in bytes[run].count(where: { $0 == Parser.quote }) }
        }
        var cuts: [Int] = []
        var oddBefore = false  // whether the quotes before the run's end are odd in number
        var lastCut = range.lowerBound
        for (number, run) in runs.dropLast().enumerated() {
            oddBefore = oddBefore != !quotes[number].isMultiple(of: 2)
            // A cut moved forward past this run's end: the next is looked for after it.
            guard run.upperBound > lastCut else { continue }
            var cut = run.upperBound
            if oddBefore {
                // On to the first line end after an even number of quotes, within the next run;
                // where there is none (a quote inside an unquoted field before it makes them odd
                // all the way), the run's end is kept, a guess the reading checks.
                cut = bytes.withUnsafeBufferPointer { bytes in
                    var (index, odd) = (run.upperBound, true)
                    while index < runs[number + 1].upperBound {
                        if bytes[index] == Parser.quote { odd.toggle() } else if bytes[index] == Parser.newline, !odd { return index + 1 }
                        index += 1
                    }
                    return run.upperBound
                }
            }
            if cut < range.upperBound { cuts.append(cut) }
            lastCut = cut
        }
        var start = range.lowerBound
        return (cuts + [range.upperBound]).map { end in
            defer { start = end }
            return start..<end
        }
    }

    static func tooManyColumns(_ header: Record, fileName: String) -> DataFileError {
        DataFileError(
            file: fileName, line: header.line, column: header.columns[ImportLimits.maximumColumns],
            problem: "has \(header.fields.count) columns, more than the \(ImportLimits.maximumColumns) an import reads: is the delimiter right (see --delimiter)?")
    }

    /// The header as a message quotes it: its first eight columns, then how many more.
    static func listing(_ header: [String], separator: UInt8) -> String {
        let shown = header.prefix(8).joined(separator: String(UnicodeScalar(separator)))
        return header.count > 8 ? shown + "… and \(header.count - 8) more" : shown
    }

    /// The line and column (in characters, from 1) of a byte of valid UTF-8.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Where the first byte that is not valid UTF-8 is, as line and column.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count else { return (line, column) }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return (line, column)
            }
            if length == 3, (byte == 0xE0 && bytes[index + 1] < 0xA0) || (byte == 0xED && bytes[index + 1] > 0x9F) { return (line, column) }
            if length == 4, (byte == 0xF0 && bytes[index + 1] < 0x90) || (byte == 0xF4 && bytes[index + 1] > 0x8F) { return (line, column) }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    struct Record {
        var line: Int
        var fields: [String]
        var columns: [Int]
    }

    /// A reader of records from bytes it does not keep: the caller's array, lent for the
    /// reading (`withUnsafeBufferPointer`).
    ///
    /// Not the array itself: every field read through it retained and released the array's
    /// buffer, and the pieces of a large file, read side by side, retained and released the same
    /// buffer, each write to its count taking the count's cache line from the other core. That was
    /// 45% of the samples of the reading of the 1,000,000-row synthetic file, 0.6 s of CPU time
    /// (perf, 2026-12-04).
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        let fileName: String
        let quoting: Bool
        /// Where the reading stops: the end of the file, or of a piece of it.
        let end: Int
        var index: Int
        var line: Int
        var column = 1
        /// How many fields the last record read had: the next one's arrays are made that large at
        /// once. Grown an append at a time, each of a row's two arrays of eight was allocated four
        /// times and freed three (perf, 1,000,000 rows: allocation was a quarter of the reading).
        var width = 0

        /// A reader of `range` of `bytes` (all of them by default), which starts a record on `line`.
        init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, fileName: String, quoting: Bool, range: Range<Int>? = nil, line: Int = 1) {
            self.bytes = bytes
            self.delimiter = delimiter
            self.fileName = fileName
            self.quoting = quoting
            precondition((range?.upperBound ?? 0) <= bytes.count && (range?.lowerBound ?? 0) >= 0, "a range within the bytes lent")
            self.index = range?.lowerBound ?? 0
            self.end = range?.upperBound ?? bytes.count
            self.line = line
        }

        static let quote = UInt8(ascii: "\"")
        static let newline = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")

        /// Moves past one byte, counting lines and characters (continuation bytes are not characters).
        mutating func advance() {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }

        mutating func records() throws(DataFileError) -> [Record] {
            var records: [Record] = []
            while index < end {
                records.append(try record())
            }
            return records
        }

        mutating func record() throws(DataFileError) -> Record {
            var fields: [String] = []
            var columns: [Int] = []
            // No more than a header may have: a row wider than that is refused after the parse,
            // and must not make the rows after it as large.
            fields.reserveCapacity(min(width, ImportLimits.maximumColumns))
            columns.reserveCapacity(min(width, ImportLimits.maximumColumns))
            let startLine = line
            while true {
                columns.append(column)
                let (field, ended) = try field()
                fields.append(field)
                if ended { break }
            }
            width = fields.count
            return Record(line: startLine, fields: fields, columns: columns)
        }

        /// Reads one field; `ended` says whether it closed the record.
        mutating func field() throws(DataFileError) -> (String, ended: Bool) {
            let startLine = line
            let startColumn = column
            var buffer: [UInt8] = []
            if quoting, index < end, bytes[index] == Self.quote {
                advance()
                while true {
                    guard index < end else {
                        throw DataFileError(file: fileName, line: startLine, column: startColumn, problem: "has a quoted field that is never closed: a \" is missing")
                    }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < end, bytes[index + 1] == Self.quote {
                            buffer.append(Self.quote)
                            advance(); advance()
                            continue
                        }
                        advance()
                        break
                    }
                    buffer.append(byte)
                    advance()
                    if buffer.count > DelimitedText.maximumFieldBytes { throw tooLong(startLine, startColumn) }
                }
                // After the closing quote only a delimiter or the end of the line may come.
                if index < end, bytes[index] == Self.carriageReturn { advance() }
                if index >= end { return (string(buffer), true) }
                if bytes[index] == delimiter { advance(); return (string(buffer), false) }
                if bytes[index] == Self.newline { advance(); return (string(buffer), true) }
                throw DataFileError(file: fileName, line: line, column: column, value: string(buffer),
                                  problem: "has text after a closing quote: a \" inside a quoted field must be doubled (\"\")")
            }
            // An unquoted field is found whole, then made a string from where it lies: byte by
            // byte through a buffer it was most of the parsing of a file (perf, 1,000,000 rows).
            var stop = index
            while stop < end, bytes[stop] != delimiter, bytes[stop] != Self.newline { stop += 1 }
            guard stop - index <= DelimitedText.maximumFieldBytes else { throw tooLong(startLine, startColumn) }
            // Characters, for the columns of the fields after it: continuation bytes are none.
            for byte in bytes[index..<stop] where byte & 0xC0 != 0x80 { column += 1 }
            var last = stop
            let ended = stop == end || bytes[stop] == Self.newline
            if ended, last > index, bytes[last - 1] == Self.carriageReturn { last -= 1 }
            let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<last]), as: UTF8.self)
            index = stop
            if index < end { advance() }
            return (field, ended)
        }

        func tooLong(_ line: Int, _ column: Int) -> DataFileError {
            DataFileError(file: fileName, line: line, column: column,
                        problem: "has a field longer than \(DelimitedText.maximumFieldBytes / 1024) KB: is a quote left open?")
        }

        func string(_ buffer: [UInt8]) -> String {
            String(decoding: buffer, as: UTF8.self)
        }
    }
}
