import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

extension QDPXProject {
    /// What ``read(_:)`` gives: the project, and the sources it holds that are not plain text
    /// (PDF, pictures, audio, video), which CityDiplomacy cannot import, by element and name.
    public struct Reading: Sendable {
        public var project: QDPXProject
        public var skippedSources: [String]
    }

    /// The largest part of a project read (the XML or one text): larger is taken for a zip bomb.
    public static let maximumEntrySize: UInt64 = 32 << 20

    /// Reads a `.qdpx` file as MAXQDA, ATLAS.ti, NVivo or CityDiplomacy write it: the project
    /// XML, and each text source's text from `sources/` (`plainTextPath="internal://…"`) or from
    /// its `PlainTextContent`. Every selection's positions are checked against its text.
    ///
    /// ```swift
    /// let reading = try QDPXProject.read(Data(contentsOf: URL(fileURLWithPath: "corpus.qdpx")))
    /// reading.project.sources.map(\.name)
    /// ```
    public static func read(_ data: Data) throws(QDPXError) -> Reading {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw QDPXError(file: "zip", "not a zip file: a .qdpx is a zip of project.qde and sources/ (\(error))")
        }
        guard let xml = try entry("project.qde", in: archive) else {
            throw QDPXError(file: "zip", "no project.qde in the file: a .qdpx holds its project as project.qde at the top of the zip")
        }
        var (reading, textPaths) = try parse(xml)
        for index in reading.project.sources.indices {
            var source = reading.project.sources[index]
            if let path = textPaths[source.guid] {
                guard path.hasPrefix("internal://") else {
                    throw QDPXError(file: "project.qde", "TextSource \(source.guid) (\(source.name)): plainTextPath '\(path)' is a file outside the project; only internal:// texts travel in a .qdpx")
                }
                let inside = "sources/" + path.dropFirst("internal://".count)
                guard let bytes = try entry(inside, in: archive) else {
                    throw QDPXError(file: "project.qde", "TextSource \(source.guid) (\(source.name)): its text \(inside) is missing from the file")
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw QDPXError(file: inside, "the text of TextSource \(source.guid) (\(source.name)) is not UTF-8")
                }
                source.text = text
            }
            try checkPositions(source)
            reading.project.sources[index] = source
        }
        return reading
    }

    private static func entry(_ path: String, in archive: Archive) throws(QDPXError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maximumEntrySize else {
            throw QDPXError(file: path, "\(entry.uncompressedSize) bytes: more than the \(maximumEntrySize >> 20) MiB a part of a project may have")
        }
        var data = Data()
        // The header's size is the packer's word: bytes are counted as they come, and unpacking
        // stops past the limit whatever the header said (a zip bomb's header lies).
        var tooLarge = false
        do {
            _ = try archive.extract(entry) { chunk in
                guard !tooLarge else { return }
                if data.count + chunk.count > Int(maximumEntrySize) { tooLarge = true; return }
                data.append(chunk)
            }
        } catch {
            throw QDPXError(file: path, "could not be unpacked: \(error)")
        }
        if tooLarge { throw QDPXError(file: path, "unpacks to more than the \(maximumEntrySize >> 20) MiB a part of a project may have") }
        return data
    }

    private static func checkPositions(_ source: Source) throws(QDPXError) {
        let length = source.text.unicodeScalars.count
        for selection in source.selections {
            guard selection.start >= 0, selection.start < selection.end, selection.end <= length else {
                throw QDPXError(
                    file: "project.qde",
                    "PlainTextSelection \(selection.guid) of TextSource \(source.guid) (\(source.name)): startPosition \(selection.start), endPosition \(selection.end) are not a passage of its text of \(length) characters"
                )
            }
        }
    }

    /// Parses `project.qde`; with the `plainTextPath` of each source whose text is in a file of
    /// the zip, by the source's GUID.
    static func parse(_ xml: Data) throws(QDPXError) -> (Reading, textPaths: [String: String]) {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        let reader = ProjectReader(parser: parser)
        parser.delegate = reader
        let parsed = parser.parse()
        if let error = reader.error { throw error }
        guard parsed, let project = reader.project else {
            let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "not a REFI-QDA project"
            throw QDPXError(file: "project.qde", line: parser.lineNumber, "malformed XML: \(message)")
        }
        // The parser on Linux takes a file cut short for a whole one.
        guard reader.isClosed else {
            throw QDPXError(file: "project.qde", line: parser.lineNumber, "malformed XML: the file ends before </Project>")
        }
        return (Reading(project: project, skippedSources: reader.skippedSources), reader.textPaths)
    }

    /// An `xsd:dateTime`: with or without fractions of a second, with a zone or (taken as UTC) without.
    static func parseDateTime(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let utc = TimeZone(identifier: "UTC")!
        let plain = Date.ISO8601FormatStyle(timeZone: utc)
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: utc)
        for candidate in [text, text + "Z"] {
            if let date = try? plain.parse(candidate) { return date }
            if let date = try? fractional.parse(candidate) { return date }
        }
        return nil
    }
}

/// The delegate that builds a project from the parser's events, stopping at the first element
/// that lacks what the standard requires.
private final class ProjectReader: NSObject, XMLParserDelegate {
    let parser: XMLParser
    var project: QDPXProject?
    var skippedSources: [String] = []
    var textPaths: [String: String] = [:]
    /// Whether the root element was closed.
    var isClosed = false
    var error: QDPXError?

    private var path: [String] = []
    private var text = ""
    private var codes: [QDPXProject.Code] = []
    private var source: QDPXProject.Source?
    private var selection: QDPXProject.Selection?
    private var coding: QDPXProject.Coding?
    private var variable: QDPXProject.Variable?
    private var variableRef: String?
    private var skipping = 0

    init(parser: XMLParser) {
        self.parser = parser
    }

    private func fail(_ message: String) {
        guard error == nil else { return }
        error = QDPXError(file: "project.qde", line: parser.lineNumber, message)
        parser.abortParsing()
    }

    private func required(_ attributes: [String: String], _ name: String, of element: String) -> String? {
        guard let value = attributes[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            fail("\(element)\(attributes["guid"].map { " \($0)" } ?? "") has no \(name), which the standard requires")
            return nil
        }
        return value
    }

    private func position(_ attributes: [String: String], _ name: String, guid: String) -> Int? {
        guard let text = required(attributes, name, of: "PlainTextSelection") else { return nil }
        guard let value = Int(text) else {
            fail("PlainTextSelection \(guid): \(name) '\(text)' is not a whole number")
            return nil
        }
        return value
    }

    private func date(_ attributes: [String: String], of element: String) -> Date? {
        guard let text = attributes["creationDateTime"] else { return nil }
        guard let date = QDPXProject.parseDateTime(text) else {
            fail("\(element) \(attributes["guid"] ?? ""): creationDateTime '\(text)' is not an xsd:dateTime such as 2024-03-01T09:30:00Z")
            return nil
        }
        return date
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        defer { path.append(name); text = "" }
        if skipping > 0 { skipping += 1; return }
        if path.isEmpty {
            guard name == "Project" else { return fail("the root element is <\(name)>, not a REFI-QDA <Project>") }
            project = QDPXProject(name: attributes["name"] ?? "", origin: attributes["origin"], creationDateTime: date(attributes, of: "Project"))
            return
        }
        switch name {
        case "User" where path.last == "Users":
            guard let guid = required(attributes, "guid", of: "User") else { return }
            project?.users.append(.init(guid: guid, name: attributes["name"] ?? attributes["id"] ?? guid))
        case "Code" where path.last == "Codes" || path.last == "Code":
            guard let guid = required(attributes, "guid", of: "Code"), let codeName = required(attributes, "name", of: "Code") else { return }
            codes.append(.init(guid: guid, name: codeName, isCodable: attributes["isCodable"] != "false"))
        case "Variable" where path.last == "Variables":
            guard let guid = required(attributes, "guid", of: "Variable"), let variableName = required(attributes, "name", of: "Variable") else { return }
            variable = .init(guid: guid, name: variableName)
        case "TextSource" where path.last == "Sources":
            guard let guid = required(attributes, "guid", of: "TextSource") else { return }
            source = QDPXProject.Source(guid: guid, name: attributes["name"] ?? guid, text: "", creatingUser: attributes["creatingUser"],
                                        creationDateTime: date(attributes, of: "TextSource"))
            textPaths[guid] = attributes["plainTextPath"]
        case "PictureSource", "PDFSource", "AudioSource", "VideoSource":
            skippedSources.append("\(name) '\(attributes["name"] ?? attributes["guid"] ?? "")'")
            skipping = 1
        case "PlainTextSelection" where source != nil:
            guard let guid = required(attributes, "guid", of: "PlainTextSelection"),
                  let start = position(attributes, "startPosition", guid: guid),
                  let end = position(attributes, "endPosition", guid: guid) else { return }
            selection = .init(guid: guid, name: attributes["name"], start: start, end: end, creatingUser: attributes["creatingUser"],
                              creationDateTime: date(attributes, of: "PlainTextSelection"))
        case "Coding" where selection != nil:
            guard let guid = required(attributes, "guid", of: "Coding") else { return }
            coding = .init(guid: guid, codeGUID: "", creatingUser: attributes["creatingUser"], creationDateTime: date(attributes, of: "Coding"))
        case "CodeRef" where coding != nil:
            guard let target = required(attributes, "targetGUID", of: "CodeRef") else { return }
            coding?.codeGUID = target
        case "VariableRef" where source != nil:
            variableRef = required(attributes, "targetGUID", of: "VariableRef")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        defer { text = "" }
        if path.isEmpty { isClosed = true }
        if skipping > 0 { skipping -= 1; return }
        switch name {
        case "Description" where path.last == "Code":
            if !codes.isEmpty { codes[codes.count - 1].description = text }
        case "Code" where !codes.isEmpty && (path.last == "Codes" || path.last == "Code"):
            let code = codes.removeLast()
            if codes.isEmpty { project?.codes.append(code) } else { codes[codes.count - 1].children.append(code) }
        case "Description" where path.last == "Variable":
            variable?.description = text
        case "Variable":
            if let variable { project?.variables.append(variable) }
            variable = nil
        case "Description" where path.last == "PlainTextSelection":
            selection?.description = text
        case "Description" where path.last == "TextSource":
            source?.description = text
        case "PlainTextContent":
            source?.text = text
            if let guid = source?.guid { textPaths[guid] = nil }
        case "Coding" where selection != nil:
            if let coding {
                guard !coding.codeGUID.isEmpty else { return fail("Coding \(coding.guid) has no CodeRef: which code it applies is not said") }
                selection?.codings.append(coding)
            }
            coding = nil
        case "PlainTextSelection":
            if let selection { source?.selections.append(selection) }
            selection = nil
        case "TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue":
            if let variableRef, path.last == "VariableValue" { source?.variableValues[variableRef] = text }
        case "VariableValue":
            variableRef = nil
        case "TextSource":
            if let source { project?.sources.append(source) }
            source = nil
        default:
            break
        }
    }
}
