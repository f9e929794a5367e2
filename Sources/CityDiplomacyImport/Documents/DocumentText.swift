import CityDiplomacyCore
import Foundation
import Ink

/// The text of a document to code — an agreement, a memorandum, a news item, council minutes —
/// from the file it comes in: plain text, Markdown, HTML, or PDF through Debian's `pdftotext`
/// (package `poppler-utils`) where it is installed.
///
/// The text is what coders read and what passages' offsets count in: line ends as `\n`, no
/// byte-order mark, no control or bidirectional characters (``ControlCharacters``; how many were
/// taken out is said), Markdown and HTML reduced to their words with a line between blocks.
/// Persian is kept as written: searching folds it (``TextMatcher``), the text itself is not
/// changed.
///
/// ```swift
/// let extracted = try DocumentText.extract(contentsOf: URL(fileURLWithPath: "isfahan-florence.html"))
/// extracted.format            // .html
/// extracted.text              // "Memorandum of understanding\n\nThe cities of Isfahan and Florence …"
/// ```
public enum DocumentText {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html, pdf

        /// The format a file's extension names: `.txt`, `.md`/`.markdown`, `.html`/`.htm`, `.pdf`.
        public init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "txt", "text": self = .text
            case "md", "markdown": self = .markdown
            case "html", "htm", "xhtml": self = .html
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    public struct Extracted: Hashable, Sendable {
        public var format: Format
        public var text: String
        /// Control and bidirectional characters taken out of the text.
        public var removedControlCharacters: Int
    }

    /// The largest document read, like an import's file: a longer one is refused before reading.
    public static let maximumBytes = 32 << 20

    public static func extract(contentsOf url: URL, format given: Format? = nil) throws(DataFileError) -> Extracted {
        let name = url.lastPathComponent
        guard let format = given ?? Format(fileExtension: url.pathExtension) else {
            throw DataFileError(file: name, problem: "is not a format documents are read from: expected .txt, .md, .html or .pdf (or name the format)")
        }
        let data: Data
        do {
            data = try SourceFile.read(atPath: url.path, maximumBytes: maximumBytes)
        } catch {
            throw DataFileError(file: name, problem: error.description)
        }
        if format == .pdf { return try finish(pdfText(url, fileName: name), format: .pdf, fileName: name) }
        return try extract(data, format: format, fileName: name)
    }

    public static func extract(_ data: Data, format: Format, fileName: String) throws(DataFileError) -> Extracted {
        guard format != .pdf else { throw DataFileError(file: fileName, problem: "is a PDF: read it from its file, through pdftotext") }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let (line, column) = DelimitedText.firstInvalidUTF8(bytes) {
            throw DataFileError(file: fileName, line: line, column: column, problem: "is not valid UTF-8 here: save the file as UTF-8")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch format {
        case .text: return try finish(text, format: format, fileName: fileName)
        case .html: return try finish(HTMLText.text(of: text), format: format, fileName: fileName)
        case .markdown: return try finish(HTMLText.text(of: MarkdownParser().html(from: text)), format: format, fileName: fileName)
        case .pdf: fatalError("handled above")
        }
    }

    /// Line ends as `\n`, controls out, blank runs at most one empty line, no blank edges.
    private static func finish(_ raw: String, format: Format, fileName: String = "") throws(DataFileError) -> Extracted {
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let (clean, removed) = ControlCharacters.stripping(unified)
        var lines: [Substring] = []
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }.isEmpty ? Substring("") : line
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let text = lines.joined(separator: "\n")
        guard !text.isEmpty else { throw DataFileError(file: fileName, problem: "holds no text") }
        return Extracted(format: format, text: text, removedControlCharacters: removed.count)
    }

    /// The text of a PDF, by `pdftotext` in reading order, UTF-8.
    private static func pdfText(_ url: URL, fileName: String) throws(DataFileError) -> String {
        let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw DataFileError(file: fileName, problem: "is a PDF, and pdftotext is not installed to read it: install Debian's poppler-utils (apt-get install poppler-utils), or give the text as .txt")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-q", url.path, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DataFileError(file: fileName, problem: "cannot be read: pdftotext did not start (\(error.localizedDescription))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DataFileError(file: fileName, problem: "cannot be read as a PDF (pdftotext: \(message.isEmpty ? "exit \(process.terminationStatus)" : message.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        // pdftotext ends pages with a form feed, a control character the text does not keep.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
    }
}
