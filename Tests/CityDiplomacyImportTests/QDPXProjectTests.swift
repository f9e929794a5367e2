import CityDiplomacyImport
import Foundation
import Testing

@Suite("A REFI-QDA project (.qdpx) is written and read back as the standard says")
struct QDPXProjectTests {
    /// "Isfahan" in Persian, written with escapes: no Arabic script in Swift files.
    static let persian = "\u{0627}\u{0635}\u{0641}\u{0647}\u{0627}\u{0646}"

    static func sample() -> QDPXProject {
        let user = QDPXProject.User(guid: QDPXProject.guid("user", "sara"), name: "sara & co")
        let tourism = QDPXProject.Code(guid: QDPXProject.guid("theme", "tourism"), name: "Tourism", description: "Visits <and> \"stays\"\n\n[fa] \(persian)")
        let economy = QDPXProject.Code(guid: QDPXProject.guid("theme", "economy"), name: "Economy", children: [tourism])
        let variable = QDPXProject.Variable(guid: QDPXProject.guid("variable", "citydip:language"), name: "citydip:language")
        let text = "\(persian) welcomed visitors, \"many\" of them.\nA second line."
        let selection = QDPXProject.Selection(
            guid: QDPXProject.guid("segment", "a/1"), name: "visitors", start: 7, end: 23, creatingUser: user.guid,
            creationDateTime: Date(timeIntervalSince1970: 1_700_000_000), description: "memo with a\nline & <tag>",
            codings: [QDPXProject.Coding(guid: QDPXProject.guid("coding", "a/1"), codeGUID: tourism.guid, creatingUser: user.guid)])
        let source = QDPXProject.Source(
            guid: QDPXProject.guid("document", "mine:doc/a"), name: "A \"title\" & more", text: text, creatingUser: user.guid,
            creationDateTime: Date(timeIntervalSince1970: 1_600_000_000), selections: [selection], variableValues: [variable.guid: "fa"])
        return QDPXProject(name: "mine", origin: "CityDiplomacy", users: [user], codes: [economy], variables: [variable], sources: [source])
    }

    @Test("Users, the nested code book, variables, sources, selections and codings come back as written")
    func roundTrip() throws {
        let project = Self.sample()
        let read = try QDPXProject.read(try project.write())
        #expect(read.project == project)
        #expect(read.skippedSources.isEmpty)
    }

    @Test("The same project gives the same bytes: GUIDs and entry times are derived, not drawn")
    func reproducible() throws {
        #expect(try Self.sample().write() == Self.sample().write())
        #expect(QDPXProject.guid("theme", "tourism") == QDPXProject.guid("theme", "tourism"))
        #expect(QDPXProject.guid("theme", "tourism") != QDPXProject.guid("theme", "economy"))
        #expect(QDPXProject.isGUID(QDPXProject.guid("document", "iran-2018:doc/s51-yazd-urumqi")))
    }

    @Test("project.qde is in the standard's namespace and order, with markup in names and memos escaped")
    func xml() {
        let xml = Self.sample().projectXML()
        #expect(xml.contains("<Project name=\"mine\" origin=\"CityDiplomacy\" xmlns=\"urn:QDA-XML:project:1.0\">"))
        let order = ["<Users>", "<CodeBook>", "<Variables>", "<Sources>", "<PlainTextSelection", "<Coding", "<VariableValue>"]
        let positions = order.compactMap { xml.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
        #expect(xml.contains("name=\"A &quot;title&quot; &amp; more\""))
        #expect(xml.contains("<Description>memo with a\nline &amp; &lt;tag&gt;</Description>"))
        #expect(xml.contains("plainTextPath=\"internal://\(QDPXProject.guid("document", "mine:doc/a")).txt\""))
    }

    static func project(_ selection: String, text: String = "Hello world", plainTextPath: String = "internal://t.txt") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Project name="other" xmlns="urn:QDA-XML:project:1.0">
          <CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="Tourism" isCodable="true"/></Codes></CodeBook>
          <Sources>
            <TextSource guid="00000000-0000-0000-0000-000000000002" name="t" plainTextPath="\(plainTextPath)">
              \(selection)
            </TextSource>
          </Sources>
        </Project>
        """
    }

    static let selection = """
        <PlainTextSelection guid="00000000-0000-0000-0000-000000000003" startPosition="0" endPosition="5"><Coding guid="00000000-0000-0000-0000-000000000004"><CodeRef targetGUID="00000000-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>
        """

    static func error(_ data: Data) -> String? {
        do {
            _ = try QDPXProject.read(data)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("A project as another tool writes it is read, its text from sources/")
    func otherTool() throws {
        let data = try QDPXProject.package(projectXML: Self.project(Self.selection), files: [("sources/t.txt", Data("Hello world".utf8))])
        let project = try QDPXProject.read(data).project
        #expect(project.sources.first?.text == "Hello world")
        #expect(project.sources.first?.selections.first?.codings.first?.codeGUID == "00000000-0000-0000-0000-000000000001")
    }

    @Test("Bad files get one error naming the part, element and value")
    func errors() throws {
        #expect(Self.error(Data("not a zip".utf8))?.hasPrefix("zip: not a zip file") == true)
        let noProject = try QDPXProject.package(projectXML: "", files: []).isEmpty
        #expect(!noProject)
        let malformed = try QDPXProject.package(projectXML: "<Project name=\"x\"><Sources>", files: [])
        #expect(Self.error(malformed)?.contains("malformed XML") == true)
        let missing = try QDPXProject.package(projectXML: Self.project(Self.selection), files: [])
        #expect(Self.error(missing)?.contains("sources/t.txt is missing") == true)
        let outside = try QDPXProject.package(
            projectXML: Self.project(Self.selection.replacingOccurrences(of: "endPosition=\"5\"", with: "endPosition=\"50\"")),
            files: [("sources/t.txt", Data("Hello world".utf8))])
        #expect(Self.error(outside)?.contains("startPosition 0, endPosition 50 are not a passage of its text of 11 characters") == true)
        let notNumber = try QDPXProject.package(
            projectXML: Self.project(Self.selection.replacingOccurrences(of: "startPosition=\"0\"", with: "startPosition=\"x\"")),
            files: [("sources/t.txt", Data("Hello world".utf8))])
        #expect(Self.error(notNumber)?.contains("startPosition 'x' is not a whole number") == true)
        #expect(Self.error(notNumber)?.contains("line ") == true)
        let external = try QDPXProject.package(projectXML: Self.project(Self.selection, plainTextPath: "C:/texts/t.txt"), files: [])
        #expect(Self.error(external)?.contains("plainTextPath 'C:/texts/t.txt' is a file outside the project") == true)
    }
}
