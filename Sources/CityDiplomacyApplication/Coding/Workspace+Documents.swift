import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyReferenceData
import Foundation

/// Documents and their coding: adding a text to a record, coding passages of it with themes,
/// accepting or rejecting the codebook's suggestions — the use cases `citydip documents`,
/// `citydip code` and the document pages call.
///
/// A relation's themes follow from its coded documents: every change to the codings of a
/// relation's document saves, in the same transaction, the relation with the themes its documents'
/// codings give it (where the relation has coded documents; one with none keeps the themes it
/// was given), so that counting by theme counts what was coded.
///
/// ```swift
/// let document = try await workspace.addDocument(AddDocumentRequest(
///     path: "isfahan-freiburg.pdf", attachTo: "my-registry:isfahan/freiburg/sister_city",
///     source: "https://www.freiburg.de/isfahan", language: "de", actor: "sara"))
/// let segment = try await workspace.code(CodeRequest(documentID: document.id, theme: "political_values",
///     passage: .quote("Demokratisierung", occurrence: nil), coder: "sara"))
/// ```
extension Workspace {
    /// The codebook coding is checked against: the file given, or the bundled study themes.
    public func codebook(file: String?) throws(ApplicationError) -> Codebook {
        guard let file else { return try codebook() }
        do {
            return try CodebookFile.load(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ApplicationError.invalid("codebook", "\(error)")
        }
    }

    // MARK: Adding

    /// Reads the file into a document of the dataset of the record it is attached to, checks it
    /// and stores it through the change log. The bundled datasets are read-only.
    public func addDocument(_ request: AddDocumentRequest) async throws -> AgreementDocument {
        let attached = try await record(request.attachTo, field: "attach")
        try await requireWritable(attached.datasetID)
        try Self.checkPlain(request.source, field: "source")
        try Self.checkPlain(request.title, field: "title")
        try Self.checkPlain(request.titleFa, field: "title-fa")
        try Self.checkPlain(request.actor, field: "coder")
        let source = request.source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else {
            throw ApplicationError.invalid("source", "a document needs its \(parameter: "source"): a URL or a citation as text")
        }
        let extracted = try Self.extract(request)
        let language = try Self.language(request.language, text: extracted.text)
        var date: PartialDate?
        if let text = request.date?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            do {
                date = try PartialDate(parsing: text)
            } catch {
                throw ApplicationError.invalid("date", "invalid \(parameter: "date") '\(text)': expected \(error.expected)")
            }
        }
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let title = request.title.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? stem
        let titleFa = request.titleFa.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let existing = Set(try await registry.documents(matching: DocumentQuery(datasetID: attached.datasetID)).map(\.id))
        let id = Self.newDocumentID(dataset: attached.datasetID, name: stem, taken: existing)
        let document = AgreementDocument(
            id: id, datasetID: attached.datasetID, attachedTo: attached.reference, title: LocalizedText(en: title, fa: titleFa),
            kind: request.kind, language: language, date: date, source: LocalizedText(en: source),
            format: extracted.format.rawValue, text: extracted.text, addedBy: request.actor, addedAt: Date())
        _ = try await applyRegistry([.saveDocument(document)], by: request.actor)
        return try await registry.document(id: id) ?? document
    }

    /// The text of the request's file, read from its path or from the bytes it came with (a PDF
    /// through a file of its own, which pdftotext reads).
    static func extract(_ request: AddDocumentRequest) throws(ApplicationError) -> DocumentText.Extracted {
        let url = URL(fileURLWithPath: request.path)
        do {
            guard let contents = request.contents else { return try DocumentText.extract(contentsOf: url) }
            guard contents.count <= DocumentText.maximumBytes else {
                throw DataFileError(file: url.lastPathComponent, problem: "is larger than \(DocumentText.maximumBytes >> 20) MB, the largest document read")
            }
            guard let format = DocumentText.Format(fileExtension: url.pathExtension) else {
                throw DataFileError(file: url.lastPathComponent, problem: "is not a format documents are read from: expected .txt, .md, .html or .pdf")
            }
            guard format == .pdf else { return try DocumentText.extract(contents, format: format, fileName: url.lastPathComponent) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-document-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try contents.write(to: folder.appendingPathComponent("upload.pdf"))
            } catch {
                throw DataFileError(file: url.lastPathComponent, problem: "cannot be kept for reading: \(error.localizedDescription)")
            }
            var extracted = try DocumentText.extract(contentsOf: folder.appendingPathComponent("upload.pdf"))
            extracted.format = .pdf
            return extracted
        } catch let error as DataFileError {
            throw ApplicationError.invalid("file", "\(error)")
        } catch {
            throw ApplicationError.invalid("file", "\(error)")
        }
    }

    /// A document's id: its dataset's, `doc/`, and the file's name as an identifier, numbered
    /// where the dataset already has one of that name.
    static func newDocumentID(dataset: String, name: String, taken: Set<String>) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "document" }
        let base = "\(dataset):doc/\(slug.prefix(60))"
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// The language given (an ISO 639-1 code), or the text's: Persian where most of its letters are.
    static func language(_ given: String?, text: String) throws(ApplicationError) -> String {
        if let given = given?.trimmingCharacters(in: .whitespaces).lowercased(), !given.isEmpty {
            guard given.count == 2, given.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ApplicationError.invalid("lang", "invalid \(parameter: "lang") '\(given)': expected a two-letter ISO 639-1 code such as fa, en, de")
            }
            return given
        }
        var arabicScript = 0, latin = 0
        for scalar in text.unicodeScalars.prefix(20_000) where scalar.properties.isAlphabetic {
            if (0x0600...0x06FF).contains(scalar.value) || (0xFB50...0xFDFF).contains(scalar.value) { arabicScript += 1 } else if scalar.isASCII { latin += 1 }
        }
        return arabicScript > latin ? "fa" : "en"
    }

    // MARK: Coding

    /// Codes a passage with a theme (or records a rejected suggestion), with the relation's
    /// themes brought in line in the same transaction. The theme must be one of the codebook's.
    public func code(_ request: CodeRequest, codebook: Codebook) async throws -> CodedSegment {
        guard let document = try await registry.document(id: request.documentID) else {
            throw ApplicationError.notFound("document", "no document has the id '\(request.documentID)': see citydip documents list")
        }
        try await requireWritable(document.datasetID)
        guard codebook.theme(request.theme) != nil else {
            throw ApplicationError.invalid("theme", "unknown \(parameter: "theme") '\(request.theme)': expected one of the codebook's \(codebook.themes.map(\.id).orList())")
        }
        let coder = request.coder.trimmingCharacters(in: .whitespaces)
        guard !coder.isEmpty else {
            throw ApplicationError.invalid("coder", "a coding needs a \(parameter: "coder"): the name of who codes")
        }
        try Self.checkPlain(coder, field: "coder")
        try Self.checkPlain(request.memo, field: "memo")
        let range = try Self.resolve(request.passage, in: document)
        let segments = try await registry.segments(matching: SegmentQuery(documentID: document.id))
        if let same = segments.first(where: { $0.coder == coder && $0.theme == request.theme && $0.range == range }) {
            throw ApplicationError(.conflict, field: "span", "\(coder) has already \(same.status == .coded ? "coded" : "rejected") \(range.lowerBound):\(range.upperBound) as \(request.theme) (segment \(same.id))")
        }
        let segment = CodedSegment(
            id: Self.newSegmentID(document: document.id, taken: segments.map(\.id)), documentID: document.id, datasetID: document.datasetID,
            theme: request.theme, range: range, coder: coder, memo: request.memo.flatMap { $0.isEmpty ? nil : $0 }, status: request.status,
            keyword: request.keyword, codedAt: Date())
        try await applyCoding([.saveSegment(segment)], by: coder)
        return segment
    }

    /// Accepts (codes) or rejects the `number`th suggestion still to decide in a document (as
    /// ``documentView(id:codebook:)`` lists them, from 1), recording the keyword that suggested it.
    public func decideSuggestion(documentID: String, number: Int, accept: Bool, coder: String, memo: String? = nil,
                                 codebook: Codebook) async throws -> CodedSegment {
        let view = try await documentView(id: documentID, codebook: codebook)
        guard (1...max(1, view.suggestions.count)).contains(number), number <= view.suggestions.count else {
            throw ApplicationError.invalid("suggestion", "\(documentID) has \(view.suggestions.count) suggestion\(view.suggestions.count == 1 ? "" : "s") to decide: \(parameter: "suggestion") \(number) is not one of them (see citydip documents show \(documentID))")
        }
        let suggestion = view.suggestions[number - 1]
        return try await code(CodeRequest(documentID: documentID, theme: suggestion.theme, passage: .span(suggestion.range), coder: coder, memo: memo,
                                          status: accept ? .coded : .rejected, keyword: suggestion.keyword), codebook: codebook)
    }

    /// Removes a coding (or a rejection) of `actor`'s own, with the relation's themes brought in line.
    public func uncode(segmentID: String, actor: String) async throws -> CodedSegment {
        guard let segment = try await registry.segment(id: segmentID) else {
            throw ApplicationError.notFound("segment", "no coded segment has the id '\(segmentID)'")
        }
        try await requireWritable(segment.datasetID)
        // Coders code independently, and reliability compares them: one coder's evidence is not
        // another's to take back.
        guard segment.coder == actor else {
            throw ApplicationError(.conflict, field: "id", "segment \(segmentID) is \(segment.coder)'s coding: only \(segment.coder) takes it back (you are \(actor))")
        }
        try await applyCoding([.deleteSegment(id: segmentID)], by: actor)
        return segment
    }

    /// The passage's offsets: a span inside the text, or the occurrence of a quotation asked for
    /// (a quotation found more than once must say which).
    static func resolve(_ passage: CodeRequest.Passage, in document: AgreementDocument) throws(ApplicationError) -> Range<Int> {
        switch passage {
        case let .span(range):
            guard range.lowerBound >= 0, range.upperBound <= document.scalarCount, !range.isEmpty else {
                throw ApplicationError.invalid("span", "the \(parameter: "span") \(range.lowerBound):\(range.upperBound) is not a passage of \(document.id), whose text has \(document.scalarCount) characters")
            }
            return range
        case let .quote(quote, occurrence):
            let found = TextMatcher(document.text).ranges(of: quote)
            guard !found.isEmpty else {
                throw ApplicationError.invalid("quote", "the \(parameter: "quote") '\(quote)' does not occur in \(document.id) (compared as whole words, with letter variants, digits and ZWNJ folded)")
            }
            if let occurrence {
                guard (1...found.count).contains(occurrence) else {
                    throw ApplicationError.invalid("occurrence", "the quotation occurs \(found.count) time\(found.count == 1 ? "" : "s") in \(document.id): \(parameter: "occurrence") \(occurrence) is not one of them")
                }
                return found[occurrence - 1]
            }
            guard found.count == 1 else {
                let places = found.map { "\($0.lowerBound):\($0.upperBound)" }.joined(separator: ", ")
                throw ApplicationError.invalid("quote", "the \(parameter: "quote") occurs \(found.count) times in \(document.id) (\(places)): give \(parameter: "occurrence") N or a \(parameter: "span")")
            }
            return found[0]
        }
    }

    static func newSegmentID(document: String, taken: [String]) -> String {
        let prefix = document + "/"
        let last = taken.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        return prefix + String(last + 1)
    }

    /// Applies edits of codings with, for each relation whose documents they touch, the
    /// relation saved with the themes its documents' codings now give it, all in one transaction.
    public func applyCoding(_ edits: [RecordEdit], by actor: String) async throws {
        // The documents the edits touch, and the segments as they will be after them.
        var documentIDs: Set<String> = []
        var saved: [String: CodedSegment] = [:]
        var deleted: Set<String> = []
        var newDocuments: [String: AgreementDocument] = [:]
        for edit in edits {
            switch edit {
            case let .saveSegment(segment):
                documentIDs.insert(segment.documentID)
                saved[segment.id] = segment
            case let .deleteSegment(id):
                deleted.insert(id)
                if let segment = try await registry.segment(id: id) { documentIDs.insert(segment.documentID) }
            case let .saveDocument(document):
                newDocuments[document.id] = document
            default: break
            }
        }
        var relationIDs: Set<String> = []
        for id in documentIDs {
            guard let document = try await registry.document(id: id) ?? newDocuments[id], document.attachedTo.kind == .relation else { continue }
            relationIDs.insert(document.attachedTo.id)
        }
        // Each relation's themes from the codings of its documents alone, read document by document.
        var relationEdits: [RecordEdit] = []
        for relationID in relationIDs.sorted() {
            guard var relation = try await registry.relation(id: relationID) else { continue }
            var documents = try await registry.documents(matching: DocumentQuery(attachedTo: RecordReference(kind: .relation, id: relationID))).map(\.id)
            documents += newDocuments.values.filter { $0.attachedTo == RecordReference(kind: .relation, id: relationID) && !documents.contains($0.id) }.map(\.id)
            var segments: [CodedSegment] = []
            for document in documents {
                segments += try await registry.segments(matching: SegmentQuery(documentID: document))
                    .filter { !deleted.contains($0.id) && saved[$0.id] == nil }
            }
            segments += saved.values.filter { documents.contains($0.documentID) }
            var themes: [Theme] = []
            for segment in segments where segment.status == .coded {
                let theme = Theme(unchecked: segment.theme)
                if !themes.contains(theme) { themes.append(theme) }
            }
            // A relation none of whose documents holds a coding keeps the themes it was given.
            guard !themes.isEmpty, Set(themes) != Set(relation.themes) else { continue }
            relation.themes = themes.sorted()
            relationEdits.append(.saveRelation(relation))
        }
        _ = try await applyRegistry(edits + relationEdits, by: actor)
    }

    /// Applies edits in one transaction, a refusal told as the user's error.
    func applyRegistry(_ edits: [RecordEdit], by actor: String) async throws -> [ChangeEntry] {
        do {
            return try await registry.apply(edits, by: actor)
        } catch let error as RegistryError {
            throw Self.applicationError(error)
        }
    }

    static func applicationError(_ error: RegistryError) -> ApplicationError {
        switch error {
        case .unknownRecord: ApplicationError.notFound("id", "\(error.description)")
        case .unknownDataset: ApplicationError.notFound("dataset", "\(error.description)")
        case let .danglingReference(_, field, _): ApplicationError.invalid(field, "\(error.description)")
        case .spanOutsideDocument: ApplicationError.invalid("span", "\(error.description)")
        case .duplicateRecord, .recordInUse: ApplicationError(.conflict, field: "id", "\(error.description)")
        case .datasetExists: ApplicationError(.conflict, field: "dataset", "\(error.description)")
        case .changeLogNotEmpty: ApplicationError(.conflict, field: "to", "\(error.description)")
        }
    }

    /// A dataset users may change: stored, and not one bundled with citydip.
    func requireWritable(_ datasetID: String) async throws {
        let dataset = try await requireDataset(datasetID)
        if dataset.isBundled {
            throw ApplicationError(.conflict, field: "dataset", "dataset '\(datasetID)' is bundled with citydip and read-only: copy it to a dataset of your own (citydip copy-dataset \(datasetID) NEW_ID) and add documents to the copy")
        }
    }

    /// Refuses a value holding a control or bidirectional character (ESC, U+202E…), which would
    /// drive a terminal or reorder a table; a coder's name may hold no invisible character
    /// either (a zero-width space would make two coders look like one); nor may any hold more
    /// than 30 combining marks in a row.
    static func checkPlain(_ value: String?, field: String, context: String = "") throws(ApplicationError) {
        guard let value else { return }
        if let bad = value.unicodeScalars.first(where: { ControlCharacters.isControl($0) && $0 != "\n" && $0 != "\t" })
            ?? (field == "coder" ? value.unicodeScalars.first(where: { $0.properties.generalCategory == .format || $0 == "\n" || $0 == "\t" }) : nil) {
            throw ApplicationError.invalid(field, "\(context)the \(parameter: field) holds the character \(ControlCharacters.codePoint(bad)), which is not written in a \(field == "coder" ? "coder's name" : "text"): remove it")
        }
        // A coder's name is hashed and compared (see `CombiningMarks`).
        if let problem = CombiningMarks.problem(in: value) {
            throw ApplicationError.invalid(field, "\(context)the \(parameter: field) \(problem)")
        }
    }

    // MARK: Records documents are about

    /// A record a document can be attached to, found by id: a relation, city, membership or event.
    public struct AttachableRecord: Sendable {
        public var reference: RecordReference
        public var datasetID: String
        /// What the record is, for a reader: "Isfahan – Freiburg (sister city)", "Tehran".
        public var label: LocalizedText
    }

    public func record(_ id: String, field: String = "attach") async throws -> AttachableRecord {
        let id = id.trimmingCharacters(in: .whitespaces)
        if let relation = try await registry.relation(id: id) {
            let a = try await cityName(relation.cityID, datasetID: relation.datasetID)
            let b = try await cityName(relation.partnerID, datasetID: relation.datasetID)
            return AttachableRecord(reference: RecordReference(kind: .relation, id: id), datasetID: relation.datasetID,
                                    label: .message("coding.relation-label", localized: ["city": a, "partner": b, "kind": relation.kind.label]))
        }
        if let city = try await registry.cities(matching: CityQuery(name: id)).first(where: { $0.id == id }) {
            return AttachableRecord(reference: RecordReference(kind: .city, id: id), datasetID: RecordID(id)?.dataset ?? "", label: city.name)
        }
        if let membership = try await registry.membership(id: id) {
            let city = try await cityName(membership.cityID, datasetID: membership.datasetID)
            let network = try await registry.networkProfile(ofNetwork: membership.networkID)?.network.name ?? LocalizedText(en: membership.networkID)
            return AttachableRecord(reference: RecordReference(kind: .membership, id: id), datasetID: membership.datasetID,
                                    label: .message("coding.membership-label", localized: ["city": city, "network": network]))
        }
        if let event = try await registry.event(id: id) {
            return AttachableRecord(reference: RecordReference(kind: .event, id: id), datasetID: event.datasetID, label: event.title)
        }
        throw ApplicationError.notFound(field, "no relation, city, membership or event has the id '\(id)': citydip show CITY --format json gives the ids of a city and its relations, memberships and events")
    }

    private func cityName(_ id: String, datasetID: String) async throws -> LocalizedText {
        try await registry.cities(matching: CityQuery(datasetID: datasetID, name: id)).first { $0.id == id }?.name ?? LocalizedText(en: id)
    }
}
