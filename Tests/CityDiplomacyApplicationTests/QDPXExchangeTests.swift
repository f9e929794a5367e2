import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyImport
import Foundation
import Testing

@Suite("A coded corpus moves to and from MAXQDA, ATLAS.ti and NVivo as a REFI-QDA project, all or nothing")
struct QDPXExchangeTests {
    /// "Tourism" and a memo in Persian, written with escapes: no Arabic script in Swift files.
    static let persianMemo = "\u{06CC}\u{0627}\u{062F}\u{062F}\u{0627}\u{0634}\u{062A}"

    /// A workspace with `mine`, a copy of the study with a second coder's memo and a rejected
    /// suggestion, and `fresh`, a copy with no documents.
    static func workspace() async throws -> Workspace {
        let workspace = try await WorkspaceFixture.workspace()
        _ = try await workspace.copyDataset("iran-2018", to: "mine")
        _ = try await workspace.copyDataset("iran-2018", to: "fresh")
        let document = try #require(try await workspace.registry.documents(matching: DocumentQuery(datasetID: "mine")).first)
        try await workspace.applyCoding([
            .saveSegment(CodedSegment(
                id: document.id + "/90", documentID: document.id, datasetID: "mine", theme: "tourism", range: 0..<10, coder: "sara",
                memo: "a memo, with \"quotes\"\nand \(persianMemo)", codedAt: Date(timeIntervalSince1970: 1_750_000_000))),
            .saveSegment(CodedSegment(
                id: document.id + "/91", documentID: document.id, datasetID: "mine", theme: "sport", range: 2..<6, coder: "sara",
                status: .rejected, keyword: "x")),
        ], by: "sara")
        let fresh = try #require(try await workspace.registry.content(ofDataset: "fresh"))
        try await workspace.applyCoding(fresh.segments.map { .deleteSegment(id: $0.id) } + fresh.documents.map { .deleteDocument(id: $0.id) }, by: "test")
        return workspace
    }

    static func file(_ data: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qdpx-\(UUID().uuidString).qdpx")
        try data.write(to: url)
        return url.path
    }

    static func request(_ path: String, into dataset: String = "fresh", attach: String? = nil, workspace: Workspace) throws -> QDPXImportRequest {
        QDPXImportRequest(path: path, dataset: dataset, attach: attach, codebook: try workspace.codebook(), actor: "test")
    }

    @Test("Export then import into a fresh copy gives back every document and coded segment, field by field")
    func roundTrip() async throws {
        let workspace = try await Self.workspace()
        let export = try await workspace.exportQDPX(dataset: "mine", codebook: try workspace.codebook())
        #expect(export.documents == 6 && export.segments == 18 && export.rejectedLeftOut == 1)
        #expect(try await workspace.exportQDPX(dataset: "mine", codebook: try workspace.codebook()).data == export.data)
        let result = try await workspace.importQDPX(try Self.request(try Self.file(export.data), workspace: workspace))
        #expect(result.documents.count == 6 && result.segments.count == 18)

        let mine = try #require(try await workspace.registry.content(ofDataset: "mine"))
        let fresh = try #require(try await workspace.registry.content(ofDataset: "fresh"))
        #expect(fresh.documents.count == mine.documents.count)
        for original in mine.documents {
            let copy = try #require(fresh.documents.first { $0.id == original.id.replacingOccurrences(of: "mine:", with: "fresh:") })
            #expect(copy.text == original.text)
            #expect(copy.title == original.title)
            #expect(copy.language == original.language)
            #expect(copy.date == original.date)
            #expect(copy.source == original.source)
            #expect(copy.locator == original.locator)
            #expect(copy.kind == original.kind)
            #expect(copy.format == original.format)
            #expect(copy.attachedTo == RecordReference(kind: original.attachedTo.kind, id: original.attachedTo.id.replacingOccurrences(of: "mine:", with: "fresh:")))
            #expect(copy.addedBy == original.addedBy)
            #expect(copy.addedAt == original.addedAt)
        }
        func key(_ segment: CodedSegment) -> String {
            "\(segment.documentID.split(separator: ":").last ?? "")|\(segment.start)|\(segment.end)|\(segment.theme)|\(segment.coder)|\(segment.memo ?? "-")|\(segment.codedAt?.timeIntervalSince1970 ?? -1)|\(segment.status)"
        }
        let coded = mine.segments.filter { $0.status == .coded }
        #expect(fresh.segments.map(key).sorted() == coded.map(key).sorted())
        #expect(fresh.segments.contains { $0.memo == "a memo, with \"quotes\"\nand \(Self.persianMemo)" && $0.coder == "sara" })
        // The relations' themes follow from the imported codings, in the same transaction.
        let relation = try #require(try await workspace.registry.relation(id: "fresh:isfahan/freiburg/sister_city"))
        #expect(relation.themes.map(\.rawValue).contains("political_values"))
    }

    /// A project as MAXQDA writes it: no citydip variables, a text with Windows line ends, a
    /// code named in Persian, a selection with no code.
    static func otherTool(code: String = "Tourism", end: Int = 12) throws -> Data {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project name="Interviews" origin="MAXQDA 24" xmlns="urn:QDA-XML:project:1.0">
              <Users><User guid="A0000000-0000-0000-0000-000000000001" name="Lena"/></Users>
              <CodeBook><Codes>
                <Code guid="C0000000-0000-0000-0000-000000000001" name="Themes" isCodable="false">
                  <Code guid="C0000000-0000-0000-0000-000000000002" name="\(code)" isCodable="true"/>
                </Code>
              </Codes></CodeBook>
              <Sources>
                <TextSource guid="50000000-0000-0000-0000-000000000001" name="Council minutes" plainTextPath="internal://50000000-0000-0000-0000-000000000001.txt" creatingUser="A0000000-0000-0000-0000-000000000001" creationDateTime="2024-03-01T09:30:00Z">
                  <PlainTextSelection guid="51000000-0000-0000-0000-000000000001" name="tourists" startPosition="6" endPosition="\(end)" creatingUser="A0000000-0000-0000-0000-000000000001" creationDateTime="2024-03-02T10:00:00.250Z">
                    <Description>Visitors from Freiburg</Description>
                    <Coding guid="52000000-0000-0000-0000-000000000001" creatingUser="A0000000-0000-0000-0000-000000000001"><CodeRef targetGUID="C0000000-0000-0000-0000-000000000002"/></Coding>
                  </PlainTextSelection>
                  <PlainTextSelection guid="51000000-0000-0000-0000-000000000002" startPosition="0" endPosition="4"/>
                </TextSource>
              </Sources>
            </Project>
            """
        return try QDPXProject.package(projectXML: xml, files: [
            ("sources/50000000-0000-0000-0000-000000000001.txt", Data("Line\r\n1 tourists came.\r\nEnd".utf8)),
        ])
    }

    @Test("A project made in another tool is imported with --attach, codes matched by name, offsets moved past \\r\\n")
    func fromAnotherTool() async throws {
        let workspace = try await Self.workspace()
        let path = try Self.file(try Self.otherTool(code: "  tourism "))
        let result = try await workspace.importQDPX(try Self.request(path, attach: "fresh:isfahan/freiburg/sister_city", workspace: workspace))
        #expect(result.uncodedSelections == 1)
        let document = try #require(result.documents.first)
        #expect(document.id == "fresh:doc/council-minutes")
        #expect(document.text == "Line\n1 tourists came.\nEnd")
        #expect(document.attachedTo == RecordReference(kind: .relation, id: "fresh:isfahan/freiburg/sister_city"))
        #expect(document.addedBy == "Lena" && document.language == "en")
        let segment = try #require(result.segments.first)
        #expect(result.segments.count == 1)
        #expect(document.passage(segment.range) == "1 tour")
        #expect(segment.theme == "tourism" && segment.coder == "Lena" && segment.memo == "Visitors from Freiburg")
        #expect(segment.codedAt == Date(timeIntervalSince1970: 1_709_373_600))
    }

    /// The error `body` throws, with the dataset checked unchanged.
    static func refusal(_ workspace: Workspace, dataset: String = "fresh", _ body: () async throws -> Void) async throws -> String {
        let before = try await workspace.registry.content(ofDataset: dataset)
        var message = ""
        do {
            try await body()
            Issue.record("no error")
        } catch let error as ApplicationError {
            message = error.message
        }
        #expect(try await workspace.registry.content(ofDataset: dataset) == before)
        return message
    }

    @Test("Each bad import is one clear error, and the dataset is left as it was")
    func errors() async throws {
        let workspace = try await Self.workspace()
        let attach = "fresh:isfahan/freiburg/sister_city"
        let unknown = try Self.file(try Self.otherTool(code: "Diaspora"))
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(try Self.request(unknown, attach: attach, workspace: workspace))
        }.contains("the code 'Diaspora' (C0000000-0000-0000-0000-000000000002) is no theme of the codebook"))
        let outside = try Self.file(try Self.otherTool(end: 99))
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(try Self.request(outside, attach: attach, workspace: workspace))
        }.contains("startPosition 6, endPosition 99 are not a passage of its text of 27 characters"))
        let notZip = try Self.file(Data("PK but not really".utf8))
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(try Self.request(notZip, attach: attach, workspace: workspace))
        }.contains("not a zip file"))
        let malformed = try Self.file(try QDPXProject.package(projectXML: "<Project name=\"x\"><Sources></Project>", files: []))
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(try Self.request(malformed, attach: attach, workspace: workspace))
        }.contains("malformed XML"))
        let good = try Self.otherTool()
        let missing = try Self.file(try QDPXProject.package(projectXML: String(decoding: try QDPXProjectReading.xml(of: good), as: UTF8.self), files: []))
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(try Self.request(missing, attach: attach, workspace: workspace))
        }.contains("50000000-0000-0000-0000-000000000001.txt is missing"))
        let noAttach = try Self.file(good)
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(try Self.request(noAttach, workspace: workspace))
        }.contains("does not say which record it is about"))
        #expect(try await Self.refusal(workspace, dataset: "iran-2018") {
            _ = try await workspace.importQDPX(try Self.request(noAttach, into: "iran-2018", attach: "iran-2018:isfahan/freiburg/sister_city", workspace: workspace))
        }.contains("read-only"))
        // Later sources cannot half-store earlier ones: the second source's bad code undoes the first.
        let mine = try await workspace.exportQDPX(dataset: "mine", codebook: try workspace.codebook())
        let narrow = Codebook(id: "narrow", title: LocalizedText(en: "Narrow"), themes: try workspace.codebook().themes.filter { $0.id != "tourism" })
        let exported = try Self.file(mine.data)
        #expect(try await Self.refusal(workspace) {
            _ = try await workspace.importQDPX(QDPXImportRequest(path: exported, dataset: "fresh", codebook: narrow, actor: "test"))
        }.contains("the code 'Tourism'"))
    }

    @Test("Segments as CSV: RFC 4180 quoting of a passage with a comma, a quote and a line break, Persian kept as UTF-8")
    func csv() async throws {
        let row = SegmentRow(
            dataset: "mine", documentID: "mine:doc/a", documentTitle: "A, \"B\"", attachedTo: "mine:isfahan/freiburg/sister_city",
            themeID: "tourism", themeEn: "Tourism", themeFa: Self.persianMemo, coder: "sara", status: "coded", start: 0, end: 10,
            passage: "one, \"two\"\nthree \(Self.persianMemo)", memo: nil, codedAt: "2025-06-15T15:06:40Z")
        let header = "dataset,document_id,document_title,attached_to,theme_id,theme_en,theme_fa,coder,status,start,end,passage,memo,coded_at\r\n"
        let line = "mine,mine:doc/a,\"A, \"\"B\"\"\",mine:isfahan/freiburg/sister_city,tourism,Tourism,\(Self.persianMemo),sara,coded,0,10,"
            + "\"one, \"\"two\"\"\nthree \(Self.persianMemo)\",,2025-06-15T15:06:40Z\r\n"
        #expect(SegmentRow.csv([row]) == header + line)
        let workspace = try await Self.workspace()
        let rows = try await workspace.segmentRows(dataset: "mine", document: nil, codebook: try workspace.codebook())
        #expect(rows.count == 19)
        let sara = try #require(rows.first { $0.coder == "sara" && $0.status == "coded" })
        #expect(sara.codedAt == "2025-06-15T15:06:40Z" && sara.themeEn == "Tourism" && sara.passage.unicodeScalars.count == 10)
    }
}

/// The XML of a packaged project, to package it again without its sources.
enum QDPXProjectReading {
    static func xml(of data: Data) throws -> Data {
        let project = try QDPXProject.read(data).project
        // Written back by the codec: same project, same source GUIDs and paths.
        return Data(project.projectXML().utf8)
    }
}
