import CityDiplomacyCore
import CityDiplomacyImport
import Foundation

/// Exchange of a coded corpus with MAXQDA, ATLAS.ti and NVivo through REFI-QDA projects
/// (`.qdpx`): what `citydip qdpx export|import` and `/api/v1/datasets/{id}/project.qdpx` call.
///
/// A document becomes a text source, a coded segment a selection with one coding, a theme a code
/// (nested as the codebook nests them) and a coder a user; what the standard has no element for
/// (the record a document is about, its language, date, source, kind, Persian title) travels
/// as the project variables ``QDPXVariable`` names. An import is one batch of edits: all of it is
/// stored, or, at the first problem, nothing. `Docs/qdpx.md` tells what maps to what.
///
/// ```swift
/// let export = try await workspace.exportQDPX(dataset: "mine", codebook: workspace.codebook())
/// try export.data.write(to: URL(fileURLWithPath: "mine.qdpx"))
/// let result = try await workspace.importQDPX(QDPXImportRequest(path: "mine.qdpx", dataset: "fresh",
///                                                               codebook: workspace.codebook(), actor: "sara"))
/// ```
extension Workspace {
    // MARK: Export

    /// A dataset's documents and coded segments as a REFI-QDA project, with the codebook's themes
    /// its segments use (and their ancestors) or, with `allThemes`, every theme. Rejected
    /// suggestions have no place in the standard and are left out (and counted).
    public func exportQDPX(dataset: String?, codebook: Codebook, allThemes: Bool = false) async throws -> QDPXExport {
        let content = try await content(ofDataset: dataset)
        let coded = content.segments.filter { $0.status == .coded }
        let project = Self.project(content, segments: coded, codebook: codebook, allThemes: allThemes)
        let data: Data
        do {
            data = try project.write()
        } catch {
            throw ApplicationError.invalid("file", "\(error)")
        }
        return QDPXExport(datasetID: content.dataset.id, data: data, documents: content.documents.count, segments: coded.count,
                          codes: project.allCodes.count, rejectedLeftOut: content.segments.count - coded.count)
    }

    static func project(_ content: DatasetContent, segments: [CodedSegment], codebook: Codebook, allThemes: Bool) -> QDPXProject {
        var coders: Set<String> = Set(segments.map(\.coder))
        coders.formUnion(content.documents.compactMap(\.addedBy))
        let users = coders.sortedInNFCOrder().map { QDPXProject.User(guid: QDPXProject.guid("user", $0), name: $0) }
        let variables = QDPXVariable.allCases.map { QDPXProject.Variable(guid: QDPXProject.guid("variable", $0.rawValue), name: $0.rawValue) }
        let byDocument = Dictionary(grouping: segments, by: \.documentID)
        let sources = content.documents.map { document in
            source(document, segments: byDocument[document.id] ?? [])
        }
        let dates = content.documents.compactMap(\.addedAt) + segments.compactMap(\.codedAt)
        return QDPXProject(
            name: content.dataset.id, origin: "CityDiplomacy", creationDateTime: dates.max(), users: users,
            codes: codes(codebook, used: Set(segments.map(\.theme)), allThemes: allThemes), variables: variables, sources: sources)
    }

    /// The code tree: themes nested by parent in the codebook's order; a theme a segment uses
    /// that the codebook lacks is a code of its own at the top, named by its id.
    static func codes(_ codebook: Codebook, used: Set<String>, allThemes: Bool) -> [QDPXProject.Code] {
        var included = allThemes ? Set(codebook.themes.map(\.id)) : used
        for id in used { included.formUnion(codebook.ancestors(of: id).map(\.id)) }
        func code(_ theme: Codebook.Theme) -> QDPXProject.Code {
            QDPXProject.Code(
                guid: QDPXProject.guid("theme", theme.id), name: theme.name.en, description: description(theme),
                children: codebook.children(of: theme.id).filter { included.contains($0.id) }.map(code))
        }
        let known = Set(codebook.themes.map(\.id))
        return codebook.children(of: nil).filter { included.contains($0.id) }.map(code)
            + used.subtracting(known).sortedInNFCOrder().map { QDPXProject.Code(guid: QDPXProject.guid("theme", $0), name: $0) }
    }

    /// The definition in English; then, the standard having no element for a code's name or
    /// definition in a second language, a paragraph `[fa] NAME: DEFINITION` in Persian.
    static func description(_ theme: Codebook.Theme) -> String? {
        var paragraphs = [theme.definition.en].filter { !$0.isEmpty }
        let persian = [theme.name.fa, theme.definition.fa].compactMap { $0 }.filter { !$0.isEmpty }
        if !persian.isEmpty { paragraphs.append("[fa] " + persian.joined(separator: ": ")) }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }

    static func source(_ document: AgreementDocument, segments: [CodedSegment]) -> QDPXProject.Source {
        var values: [QDPXVariable: String?] = [
            .document: document.id, .attachedTo: document.attachedTo.id, .kind: document.kind.rawValue, .language: document.language,
            .date: document.date?.description, .source: document.source.en, .sourceFa: document.source.fa, .titleFa: document.title.fa,
            .locator: document.locator?.en, .locatorFa: document.locator?.fa, .format: document.format,
        ]
        values = values.filter { $0.value.map { !$0.isEmpty } ?? false }
        let selections = segments.map { segment in
            let coder = QDPXProject.guid("user", segment.coder)
            let passage = document.passage(segment.range) ?? ""
            return QDPXProject.Selection(
                guid: QDPXProject.guid("segment", segment.id), name: String(passage.prefix(60)), start: segment.start, end: segment.end,
                creatingUser: coder, creationDateTime: segment.codedAt, description: segment.memo,
                codings: [QDPXProject.Coding(guid: QDPXProject.guid("coding", segment.id), codeGUID: QDPXProject.guid("theme", segment.theme),
                                             creatingUser: coder, creationDateTime: segment.codedAt)])
        }
        return QDPXProject.Source(
            guid: QDPXProject.guid("document", document.id), name: document.title.en, text: document.text,
            creatingUser: document.addedBy.map { QDPXProject.guid("user", $0) }, creationDateTime: document.addedAt, selections: selections,
            variableValues: Dictionary(uniqueKeysWithValues: values.compactMap { key, value in
                value.map { (QDPXProject.guid("variable", key.rawValue), $0) }
            }))
    }

    // MARK: Import

    /// Reads a `.qdpx` file into documents and coded segments of a dataset of one's own, stored
    /// in one batch with the relations' themes brought in line: nothing is stored if any part
    /// cannot be taken (a code that is no theme of the codebook, a source about no record, a
    /// passage outside its text, a malformed file).
    public func importQDPX(_ request: QDPXImportRequest) async throws -> QDPXImportResult {
        try await requireWritable(request.dataset)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: request.path))
        } catch {
            throw ApplicationError.invalid("file", "cannot read \(request.path): \(error.localizedDescription)")
        }
        let reading: QDPXProject.Reading
        do {
            reading = try QDPXProject.read(data)
        } catch {
            throw ApplicationError.invalid("file", "\(request.path): \(error)")
        }
        let project = reading.project
        let themes = try Self.themes(of: project, codebook: request.codebook, file: request.path)
        let variables = Dictionary(project.variables.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        let users = Dictionary(project.users.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        var taken = Set(try await registry.documents(matching: DocumentQuery(datasetID: request.dataset)).map(\.id))
        var documents: [AgreementDocument] = []
        var segments: [CodedSegment] = []
        var uncoded = 0
        for source in project.sources {
            let values = Dictionary(source.variableValues.compactMap { guid, value in variables[guid].map { ($0, value) } },
                                    uniquingKeysWith: { first, _ in first })
            let document = try await document(source, values: values, users: users, request: request, projectName: project.name, taken: taken)
            taken.insert(document.id)
            documents.append(document)
            let shift = TextShift(source.text)
            var segmentIDs: [String] = []
            for selection in source.selections {
                if selection.codings.isEmpty { uncoded += 1 }
                for coding in selection.codings {
                    guard let theme = themes[coding.codeGUID] else {
                        throw ApplicationError.invalid("file", "\(request.path): Coding \(coding.guid) in TextSource '\(source.name)' refers to code \(coding.codeGUID), which the project's code book has not")
                    }
                    let userGUID = coding.creatingUser ?? selection.creatingUser
                    guard let coder = userGUID.flatMap({ users[$0] }) ?? request.coder ?? userGUID else {
                        throw ApplicationError.invalid("coder", "\(request.path): PlainTextSelection \(selection.guid) in TextSource '\(source.name)' names no coder: give \(parameter: "coder") NAME")
                    }
                    let id = Self.newSegmentID(document: document.id, taken: segmentIDs)
                    segmentIDs.append(id)
                    let memo = selection.description?.trimmingCharacters(in: .whitespacesAndNewlines)
                    segments.append(CodedSegment(
                        id: id, documentID: document.id, datasetID: request.dataset, theme: theme,
                        range: shift.offset(selection.start)..<shift.offset(selection.end), coder: coder,
                        memo: memo.flatMap { $0.isEmpty ? nil : $0 }, codedAt: coding.creationDateTime ?? selection.creationDateTime))
                }
            }
        }
        // A project imported again would give every passage twice, in counts and in reliability.
        let held = try await registry.documents(matching: DocumentQuery(datasetID: request.dataset))
        for document in documents {
            if let same = held.first(where: { $0.attachedTo == document.attachedTo && $0.text == document.text }) {
                throw ApplicationError(.conflict, field: "file", "\(request.path): the text of '\(document.title.en)' is already in dataset \(request.dataset), about the same record, as \(same.id): the project (or this part of it) was imported before; nothing was imported")
            }
        }
        // What documents add and code refuse, an import refuses too, naming where it stands.
        var total = 0
        for document in documents {
            let bytes = document.text.utf8.count
            total += bytes
            guard bytes <= DocumentText.maximumBytes else {
                throw ApplicationError.invalid("file", "\(request.path): the text of '\(document.title.en)' has \(bytes >> 20) MB, more than the \(DocumentText.maximumBytes >> 20) MB a document may have")
            }
            try Self.checkPlain(document.title.en, field: "title", context: "\(request.path), source '\(document.title.en)': ")
            try Self.checkPlain(document.addedBy, field: "coder", context: "\(request.path), source '\(document.title.en)': ")
        }
        guard total <= Self.maximumImportBytes else {
            throw ApplicationError.invalid("file", "\(request.path): its texts have \(total >> 20) MB in all, more than the \(Self.maximumImportBytes >> 20) MB an import takes")
        }
        for segment in segments {
            try Self.checkPlain(segment.coder, field: "coder", context: "\(request.path), selection in \(segment.documentID): ")
            try Self.checkPlain(segment.memo, field: "memo", context: "\(request.path), selection in \(segment.documentID): ")
        }
        try await applyCoding(documents.map(RecordEdit.saveDocument) + segments.map(RecordEdit.saveSegment), by: request.actor)
        return QDPXImportResult(datasetID: request.dataset, documents: documents, segments: segments,
                                skippedSources: reading.skippedSources, uncodedSelections: uncoded)
    }

    /// The theme of each code, by GUID: the code CityDiplomacy exported for the theme, else the
    /// theme whose id, English or Persian name the code's name is (letter case, Persian letter
    /// variants and spacing folded). A codable code that is no theme is an error naming it.
    static func themes(of project: QDPXProject, codebook: Codebook, file: String) throws(ApplicationError) -> [String: String] {
        var byKey: [String: String] = [:]
        for theme in codebook.themes.reversed() {
            for name in [theme.id, theme.name.en, theme.name.fa].compactMap({ $0 }) { byKey[PersianText.searchKey(name)] = theme.id }
        }
        let byGUID = Dictionary(codebook.themes.map { (QDPXProject.guid("theme", $0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
        var themes: [String: String] = [:]
        for (code, _) in project.allCodes {
            if let theme = byGUID[code.guid] ?? byKey[PersianText.searchKey(code.name)] {
                themes[code.guid] = theme
            } else if code.isCodable {
                throw ApplicationError.invalid("codebook", "\(file): the code '\(code.name)' (\(code.guid)) is no theme of the codebook '\(codebook.id)': name it as one of \(codebook.themes.map(\.id).orList()), or give a \(parameter: "codebook") file that has it")
            }
        }
        return themes
    }

    private func document(
        _ source: QDPXProject.Source, values: [String: String], users: [String: String], request: QDPXImportRequest, projectName: String,
        taken: Set<String>
    ) async throws -> AgreementDocument {
        func value(_ variable: QDPXVariable) -> String? {
            values[variable.rawValue].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let named = "TextSource '\(source.name)'"
        guard let recordID = value(.attachedTo).map({ Self.moved($0, to: request.dataset) }) ?? request.attach else {
            throw ApplicationError.invalid("attach", "\(request.path): \(named) does not say which record it is about (no \(QDPXVariable.attachedTo.rawValue) variable): give \(parameter: "attach") RECORD_ID")
        }
        let record = try await record(recordID, field: "attach")
        guard record.datasetID == request.dataset else {
            throw ApplicationError.invalid("attach", "\(named) would be attached to \(recordID), a record of dataset '\(record.datasetID)', not of '\(request.dataset)'")
        }
        var kind = AgreementDocument.Kind.other
        if let text = value(.kind) {
            guard let given = AgreementDocument.Kind(rawValue: text) else {
                throw ApplicationError.invalid("file", "\(request.path): \(named): \(QDPXVariable.kind.rawValue) '\(text)' is not one of \(AgreementDocument.Kind.allCases.map(\.rawValue).orList())")
            }
            kind = given
        }
        var date: PartialDate?
        if let text = value(.date) {
            do {
                date = try PartialDate(parsing: text)
            } catch {
                throw ApplicationError.invalid("file", "\(request.path): \(named): \(QDPXVariable.date.rawValue) '\(text)' is not a date: expected \(error.expected)")
            }
        }
        let text = TextShift(source.text).text
        let stem = value(.document).flatMap { RecordID($0)?.local }.map { $0.hasPrefix("doc/") ? String($0.dropFirst(4)) : $0 } ?? source.name
        let file = URL(fileURLWithPath: request.path).lastPathComponent
        let locator = value(.locator).map { LocalizedText(en: $0, fa: value(.locatorFa)) }
        return AgreementDocument(
            id: Self.newDocumentID(dataset: request.dataset, name: stem, taken: taken), datasetID: request.dataset,
            attachedTo: record.reference, title: LocalizedText(en: source.name, fa: value(.titleFa)), kind: kind,
            language: try Self.language(value(.language), text: text), date: date,
            source: LocalizedText(en: value(.source) ?? "\(file), REFI-QDA project '\(projectName)'", fa: value(.sourceFa)),
            locator: locator, format: value(.format) ?? "text", text: text,
            addedBy: source.creatingUser.flatMap { users[$0] } ?? request.coder, addedAt: source.creationDateTime)
    }

    /// A record id of another dataset as the same record of `dataset`: an export of dataset
    /// `mine` imported into `fresh` attaches its documents to `fresh`'s copies of the records.
    static func moved(_ id: String, to dataset: String) -> String {
        guard let record = RecordID(id), record.dataset != dataset else { return id }
        return RecordID(dataset: dataset, local: record.local).description
    }
}

/// The variables of a project CityDiplomacy writes for what REFI-QDA has no element for.
public enum QDPXVariable: String, CaseIterable, Sendable {
    /// The document's id in the dataset it was exported from.
    case document = "citydip:document"
    /// The id of the relation, city, membership or event the document is about.
    case attachedTo = "citydip:attached_to"
    case kind = "citydip:kind"
    case language = "citydip:language"
    case date = "citydip:date"
    case source = "citydip:source"
    case sourceFa = "citydip:source_fa"
    case titleFa = "citydip:title_fa"
    case locator = "citydip:locator"
    case locatorFa = "citydip:locator_fa"
    case format = "citydip:format"
}

/// A text as a document keeps it — line ends as `\n`, no byte-order mark — with the offsets of
/// the text as another tool wrote it moved to it: a `\r\n` counts two characters there, one here.
struct TextShift {
    private(set) var text = ""
    /// The offsets (in the original) of the scalars removed, in order.
    private var removed: [Int] = []

    init(_ original: String) {
        let scalars = Array(original.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (offset, scalar) in scalars.enumerated() {
            if offset == 0, scalar == "\u{FEFF}" {
                removed.append(offset)
            } else if scalar == "\r" {
                if offset + 1 < scalars.count, scalars[offset + 1] == "\n" { removed.append(offset) } else { out.append("\n") }
            } else {
                out.append(scalar)
            }
        }
        text = String(out)
    }

    /// An offset of the original text as an offset of ``text``.
    func offset(_ original: Int) -> Int {
        var low = 0, high = removed.count
        while low < high {
            let middle = (low + high) / 2
            if removed[middle] < original { low = middle + 1 } else { high = middle }
        }
        return original - low
    }
}

extension Workspace {
    /// The most text a project import takes, all its documents together.
    static let maximumImportBytes = 256 << 20
}
