import CityDiplomacyCore
import CityDiplomacyImport
import Foundation
import Testing

@Suite("Documents are read as the words a coder reads, from text, Markdown, HTML and PDF")
struct DocumentTextTests {
    private func extract(_ text: String, _ format: DocumentText.Format) throws(DataFileError) -> DocumentText.Extracted {
        try DocumentText.extract(Data(text.utf8), format: format, fileName: "d")
    }

    @Test("HTML: tags, scripts, styles and comments out, entities decoded, blocks apart")
    func html() throws {
        let page = """
        <html><head><title>x</title><style>p{}</style></head><body>
        <h1>Memorandum</h1><!-- draft --><p>Isfahan &amp; Florence,&nbsp;1998:
           restore the <b>church</b>.<br>Second line &#1575;&#x628;</p>
        <script>alert("no")</script><ul><li>culture</li><li>tourism</li></ul></body></html>
        """
        let text = try extract(page, .html).text
        #expect(text == "Memorandum\n\nIsfahan & Florence,\u{A0}1998: restore the church.\nSecond line \u{0627}\u{0628}\n\nculture\ntourism")
    }

    @Test("Markdown: its words, without its marks")
    func markdown() throws {
        let text = try extract("# Agreement\n\nThe cities **agree** to [cooperate](http://x.org) on *culture*.\n\n- sport\n- economy\n", .markdown).text
        #expect(text == "Agreement\n\nThe cities agree to cooperate on culture.\n\nsport\neconomy")
    }

    @Test("Plain text: CRLF and byte-order mark gone, control characters out and counted, Persian as written")
    func plain() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("\u{0645}\u{064A}\u{200C}\u{0634}\u{0648}\u{062F}\r\nline\u{1B}[2J two\r\n\r\n\r\n\r\nend\n".utf8))
        let extracted = try DocumentText.extract(data, format: .text, fileName: "d.txt")
        #expect(extracted.text == "\u{0645}\u{064A}\u{200C}\u{0634}\u{0648}\u{062F}\nline[2J two\n\nend")
        #expect(extracted.removedControlCharacters == 1)
    }

    @Test("Invalid UTF-8, an empty document and an unknown extension are refused by name")
    func refused() throws {
        #expect(throws: DataFileError.self) { try DocumentText.extract(Data([0x61, 0xFF]), format: .text, fileName: "d") }
        #expect(throws: DataFileError.self) { try extract("<p> </p>", .html) }
        #expect(DocumentText.Format(fileExtension: "docx") == nil)
        #expect(DocumentText.Format(fileExtension: "MD") == .markdown)
    }

    @Test("PDF through pdftotext where installed (CI installs it), else a clear error naming the package")
    func pdf() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doc-\(UUID().uuidString).pdf")
        try Self.minimalPDF(text: "Isfahan Florence 1998").write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let extracted = try DocumentText.extract(contentsOf: url)
            #expect(extracted.format == .pdf)
            #expect(extracted.text.contains("Isfahan Florence 1998"))
        } else {
            #expect {
                try DocumentText.extract(contentsOf: url)
            } throws: { error in
                "\(error)".contains("poppler-utils")
            }
        }
    }

    /// A one-page PDF with one line of Helvetica text, its cross-reference offsets computed.
    static func minimalPDF(text: String) -> Data {
        let stream = "BT /F1 18 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}
