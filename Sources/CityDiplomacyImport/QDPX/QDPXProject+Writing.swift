import Foundation
import ZIPFoundation

extension QDPXProject {
    /// The `.qdpx` file: a zip of `project.qde` and each source's text as UTF-8 in
    /// `sources/GUID.txt`. Entries carry a fixed time, so the same project gives the same bytes.
    ///
    /// ```swift
    /// try project.write().write(to: URL(fileURLWithPath: "corpus.qdpx"))
    /// ```
    public func write() throws(QDPXError) -> Data {
        try Self.package(projectXML: projectXML(), files: sources.map { ("sources/\($0.guid).txt", Data($0.text.utf8)) })
    }

    /// A `.qdpx` zip of a `project.qde` and the files given (`sources/…`), written as they are:
    /// also how a test makes a project as another tool would write it.
    ///
    /// ```swift
    /// let data = try QDPXProject.package(projectXML: xml, files: [("sources/a.txt", Data("Text".utf8))])
    /// ```
    public static func package(projectXML: String, files: [(path: String, data: Data)]) throws(QDPXError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            try add("project.qde", Data(projectXML.utf8), to: archive)
            for file in files { try add(file.path, file.data, to: archive) }
            guard let data = archive.data else { throw QDPXError(file: "zip", "the archive was not made") }
            return data
        } catch let error as QDPXError {
            throw error
        } catch {
            throw QDPXError(file: "zip", "the archive could not be written: \(error)")
        }
    }

    /// 1980-01-01, the first time a zip entry can carry.
    private static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    private static func add(_ path: String, _ data: Data, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// `project.qde`: the elements in the order Project.xsd gives them (Users, CodeBook,
    /// Variables, Sources; in a source, Description, PlainTextSelection, VariableValue).
    public func projectXML() -> String {
        var xml = XMLWriter()
        xml.line(0, "<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        var attributes: [(String, String?)] = [("name", name), ("origin", origin), ("creationDateTime", creationDateTime.map(Self.dateTime))]
        attributes.append(("xmlns", Self.namespace))
        xml.open(0, "Project", attributes)
        if !users.isEmpty {
            xml.open(1, "Users", [])
            for user in users { xml.empty(2, "User", [("guid", user.guid), ("name", user.name)]) }
            xml.close(1, "Users")
        }
        if !codes.isEmpty {
            xml.open(1, "CodeBook", [])
            xml.open(2, "Codes", [])
            for code in codes { write(code, depth: 3, into: &xml) }
            xml.close(2, "Codes")
            xml.close(1, "CodeBook")
        }
        if !variables.isEmpty {
            xml.open(1, "Variables", [])
            for variable in variables {
                let attributes = [("guid", variable.guid), ("name", variable.name), ("typeOfVariable", "Text")]
                if let description = variable.description {
                    xml.open(2, "Variable", attributes)
                    xml.text(3, "Description", description)
                    xml.close(2, "Variable")
                } else {
                    xml.empty(2, "Variable", attributes)
                }
            }
            xml.close(1, "Variables")
        }
        if !sources.isEmpty {
            xml.open(1, "Sources", [])
            for source in sources { write(source, into: &xml) }
            xml.close(1, "Sources")
        }
        xml.close(0, "Project")
        return xml.output
    }

    private func write(_ code: Code, depth: Int, into xml: inout XMLWriter) {
        let attributes: [(String, String?)] = [("guid", code.guid), ("name", code.name), ("isCodable", code.isCodable ? "true" : "false")]
        guard code.description != nil || !code.children.isEmpty else { return xml.empty(depth, "Code", attributes) }
        xml.open(depth, "Code", attributes)
        if let description = code.description { xml.text(depth + 1, "Description", description) }
        for child in code.children { write(child, depth: depth + 1, into: &xml) }
        xml.close(depth, "Code")
    }

    private func write(_ source: Source, into xml: inout XMLWriter) {
        xml.open(2, "TextSource", [
            ("guid", source.guid), ("name", source.name), ("plainTextPath", "internal://\(source.guid).txt"),
            ("creatingUser", source.creatingUser), ("creationDateTime", source.creationDateTime.map(Self.dateTime)),
        ])
        if let description = source.description { xml.text(3, "Description", description) }
        for selection in source.selections {
            xml.open(3, "PlainTextSelection", [
                ("guid", selection.guid), ("name", selection.name), ("startPosition", String(selection.start)),
                ("endPosition", String(selection.end)), ("creatingUser", selection.creatingUser),
                ("creationDateTime", selection.creationDateTime.map(Self.dateTime)),
            ])
            if let description = selection.description { xml.text(4, "Description", description) }
            for coding in selection.codings {
                xml.open(4, "Coding", [
                    ("guid", coding.guid), ("creatingUser", coding.creatingUser), ("creationDateTime", coding.creationDateTime.map(Self.dateTime)),
                ])
                xml.empty(5, "CodeRef", [("targetGUID", coding.codeGUID)])
                xml.close(4, "Coding")
            }
            xml.close(3, "PlainTextSelection")
        }
        for variable in variables {
            guard let value = source.variableValues[variable.guid] else { continue }
            xml.open(3, "VariableValue", [])
            xml.empty(4, "VariableRef", [("targetGUID", variable.guid)])
            xml.text(4, "TextValue", value)
            xml.close(3, "VariableValue")
        }
        xml.close(2, "TextSource")
    }

    /// An `xsd:dateTime` in UTC to the second: `2024-03-01T09:30:00Z`.
    static func dateTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

/// Indented XML, every attribute value and text escaped.
private struct XMLWriter {
    var output = ""

    mutating func open(_ depth: Int, _ name: String, _ attributes: [(String, String?)]) {
        line(depth, "<\(name)\(Self.attributes(attributes))>")
    }

    mutating func empty(_ depth: Int, _ name: String, _ attributes: [(String, String?)]) {
        line(depth, "<\(name)\(Self.attributes(attributes))/>")
    }

    mutating func close(_ depth: Int, _ name: String) {
        line(depth, "</\(name)>")
    }

    /// An element holding text, written on one line so that no indentation enters the text.
    mutating func text(_ depth: Int, _ name: String, _ text: String) {
        line(depth, "<\(name)>\(Self.escape(text, attribute: false))</\(name)>")
    }

    mutating func line(_ depth: Int, _ text: String) {
        output += String(repeating: "  ", count: depth) + text + "\n"
    }

    private static func attributes(_ attributes: [(String, String?)]) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(escape($0, attribute: true))\"" } }.joined()
    }

    /// Markup characters as entities; in attributes also line ends and tabs, which a parser
    /// would otherwise fold into spaces; characters XML 1.0 cannot carry as U+FFFD.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
