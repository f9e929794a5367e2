import Crypto
import Foundation

/// A REFI-QDA project: the exchange standard (QDA-XML, `urn:QDA-XML:project:1.0`) that MAXQDA,
/// ATLAS.ti, NVivo and QualCoder read and write, as the part of it coded text needs — users, a
/// code tree, variables, and text sources with their coded selections.
///
/// A value with no tie to the registry: the application maps documents and coded segments to it
/// and back (see `Docs/qdpx.md` for what maps to what). ``write()`` makes the `.qdpx` file (a
/// zip of `project.qde` and `sources/GUID.txt`); ``read(_:)`` reads one, as any of those tools
/// writes it.
///
/// ```swift
/// let coder = QDPXProject.User(guid: QDPXProject.guid("user", "sara"), name: "sara")
/// let code = QDPXProject.Code(guid: QDPXProject.guid("theme", "tourism"), name: "Tourism")
/// var source = QDPXProject.Source(guid: QDPXProject.guid("document", "mine:doc/a"), name: "A", text: "Visitors came.")
/// source.selections = [.init(guid: QDPXProject.guid("segment", "mine:doc/a/1"), start: 0, end: 8, codings: [.init(guid: …, codeGUID: code.guid)])]
/// let data = try QDPXProject(name: "mine", users: [coder], codes: [code], sources: [source]).write()
/// ```
public struct QDPXProject: Hashable, Sendable {
    /// Someone who coded: `<User guid name>`.
    public struct User: Hashable, Sendable {
        public var guid: String
        public var name: String

        public init(guid: String, name: String) {
            self.guid = guid
            self.name = name
        }
    }

    /// A code of the code book, with the codes under it: `<Code guid name isCodable>`.
    public struct Code: Hashable, Sendable {
        public var guid: String
        public var name: String
        public var isCodable: Bool
        public var description: String?
        public var children: [Code]

        public init(guid: String, name: String, isCodable: Bool = true, description: String? = nil, children: [Code] = []) {
            self.guid = guid
            self.name = name
            self.isCodable = isCodable
            self.description = description
            self.children = children
        }
    }

    /// A project-level variable, whose values the sources carry: `<Variable guid name typeOfVariable>`.
    /// Only text variables are written; values of other types are read as their text.
    public struct Variable: Hashable, Sendable {
        public var guid: String
        public var name: String
        public var description: String?

        public init(guid: String, name: String, description: String? = nil) {
            self.guid = guid
            self.name = name
            self.description = description
        }
    }

    /// A code applied to a selection: `<Coding guid creatingUser><CodeRef targetGUID/></Coding>`.
    public struct Coding: Hashable, Sendable {
        public var guid: String
        public var codeGUID: String
        public var creatingUser: String?
        public var creationDateTime: Date?

        public init(guid: String, codeGUID: String, creatingUser: String? = nil, creationDateTime: Date? = nil) {
            self.guid = guid
            self.codeGUID = codeGUID
            self.creatingUser = creatingUser
            self.creationDateTime = creationDateTime
        }
    }

    /// A passage of a text source, `[start, end)` in characters (Unicode code points) of its text:
    /// `<PlainTextSelection>`, with its memo as `<Description>`.
    public struct Selection: Hashable, Sendable {
        public var guid: String
        public var name: String?
        public var start: Int
        public var end: Int
        public var creatingUser: String?
        public var creationDateTime: Date?
        public var description: String?
        public var codings: [Coding]

        public init(
            guid: String, name: String? = nil, start: Int, end: Int, creatingUser: String? = nil, creationDateTime: Date? = nil,
            description: String? = nil, codings: [Coding] = []
        ) {
            self.guid = guid
            self.name = name
            self.start = start
            self.end = end
            self.creatingUser = creatingUser
            self.creationDateTime = creationDateTime
            self.description = description
            self.codings = codings
        }
    }

    /// A plain text with its selections and variable values: `<TextSource>`, its text in
    /// `sources/GUID.txt` of the project file.
    public struct Source: Hashable, Sendable {
        public var guid: String
        public var name: String
        public var text: String
        public var creatingUser: String?
        public var creationDateTime: Date?
        public var description: String?
        public var selections: [Selection]
        /// Text values of project variables, by the variable's GUID.
        public var variableValues: [String: String]

        public init(
            guid: String, name: String, text: String, creatingUser: String? = nil, creationDateTime: Date? = nil, description: String? = nil,
            selections: [Selection] = [], variableValues: [String: String] = [:]
        ) {
            self.guid = guid
            self.name = name
            self.text = text
            self.creatingUser = creatingUser
            self.creationDateTime = creationDateTime
            self.description = description
            self.selections = selections
            self.variableValues = variableValues
        }
    }

    /// The XML namespace of a project file.
    public static let namespace = "urn:QDA-XML:project:1.0"

    public var name: String
    /// The tool that wrote the project (`origin`).
    public var origin: String?
    public var creationDateTime: Date?
    public var users: [User]
    /// The code tree's top level.
    public var codes: [Code]
    public var variables: [Variable]
    public var sources: [Source]

    public init(
        name: String, origin: String? = nil, creationDateTime: Date? = nil, users: [User] = [], codes: [Code] = [],
        variables: [Variable] = [], sources: [Source] = []
    ) {
        self.name = name
        self.origin = origin
        self.creationDateTime = creationDateTime
        self.users = users
        self.codes = codes
        self.variables = variables
        self.sources = sources
    }

    /// Every code of the tree, each parent before its children, with its parent's GUID.
    public var allCodes: [(code: Code, parent: String?)] {
        var all: [(code: Code, parent: String?)] = []
        func visit(_ codes: [Code], parent: String?) {
            for code in codes {
                all.append((code, parent))
                visit(code.children, parent: code.guid)
            }
        }
        visit(codes, parent: nil)
        return all
    }

    /// A GUID derived from a kind of thing and its id: the first 16 bytes of the SHA-256 of
    /// `citydiplomacy/KIND/ID`, marked as an RFC 9562 version-8 (custom) UUID. The same id always
    /// gets the same GUID, so exporting the same data twice gives the same file.
    public static func guid(_ kind: String, _ id: String) -> String {
        var bytes = Array(SHA256.hash(data: Data("citydiplomacy/\(kind)/\(id)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex[hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    /// Whether a GUID has the form the standard requires: 8-4-4-4-12 hex digits, braces allowed.
    public static func isGUID(_ text: String) -> Bool {
        var text = Substring(text)
        if text.hasPrefix("{"), text.hasSuffix("}") { text = text.dropFirst().dropLast() }
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
