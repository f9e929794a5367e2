import CityDiplomacyAnalysis
import CityDiplomacyCore

/// `citydip reliability`: how far coders agree, per theme and overall, over the documents two or
/// more of them coded.
public struct ReliabilityRequest: Hashable, Sendable {
    /// What a unit of a text is for the coefficients.
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case character, sentence
    }

    public var dataset: String?
    public var document: String?
    public var theme: String?
    public var unit: Unit

    public init(dataset: String? = nil, document: String? = nil, theme: String? = nil, unit: Unit = .character) {
        self.dataset = dataset
        self.document = document
        self.theme = theme
        self.unit = unit
    }
}

/// The coders' agreement: pooled over the documents, per theme and overall; per document; and
/// the passages they disagree on, to resolve.
public struct ReliabilityView: Sendable {
    public struct DocumentAgreement: Sendable {
        public var document: AgreementDocument
        public var result: UnitisedAgreement.Result
    }

    public var request: ReliabilityRequest
    public var pooled: PooledAgreement.Result
    public var documents: [DocumentAgreement]
    /// Documents left out: coded by fewer than two coders.
    public var singleCoded: [String]
    public var codebook: Codebook

    func themeName(_ id: String) -> LocalizedText { codebook.theme(id)?.name ?? LocalizedText(en: id) }

    /// Per theme and overall, pooled over the documents: units, coders, kappa, alpha, agreement.
    public var coefficientsTable: Tabulation {
        func row(_ label: Tabulation.Cell, _ value: UnitisedAgreement.Coefficients) -> [Tabulation.Cell] {
            [label, .number(value.units), .decimal(value.kappa, places: 3), .decimal(value.alpha, places: 3),
             .decimal(value.percentAgreement * 100, places: 1)]
        }
        let themes = pooled.themes.keys.sorted { a, b in
            (codebook.themes.firstIndex { $0.id == a } ?? .max, a) < (codebook.themes.firstIndex { $0.id == b } ?? .max, b)
        }
        return Tabulation(
            title: .message("reliability.title.\(request.unit.rawValue)"),
            columns: [.titled("theme"), .titled("units"), .titled("kappa"), .titled("alpha"), .titled("agreement-percent")],
            rows: themes.compactMap { theme in pooled.themes[theme].map { row(.code(theme, label: themeName(theme)), $0) } },
            notes: [.message("reliability.note.\(request.unit.rawValue)", localized: ["coders": .joined(pooled.coders.map(Workspace.coderName), separator: "list.comma")],
                             ["documents": String(documents.count)])]
                + (singleCoded.isEmpty ? [] : [.message("reliability.note.single-coded", ["count": String(singleCoded.count)])]),
            total: row(.text(.message("reliability.overall")), pooled.overall))
    }

    /// Each document: its coders and overall coefficients.
    public var documentsTable: Tabulation {
        Tabulation(
            title: .message("reliability.documents.title"),
            columns: [.titled("document"), .titled("coders"), .titled("units"), .titled("kappa"), .titled("alpha"), .titled("agreement-percent")],
            rows: documents.map { entry in
                [.identifier(entry.document.id), .list(entry.result.coders.map(Workspace.coderCell)), .number(entry.result.overall.units),
                 .decimal(entry.result.overall.kappa, places: 3), .decimal(entry.result.overall.alpha, places: 3),
                 .decimal(entry.result.overall.percentAgreement * 100, places: 1)]
            })
    }

    /// The runs of text coders marked differently: document, theme, offsets, passage, who marked
    /// it and who did not.
    public var disagreementsTable: Tabulation {
        var rows: [[Tabulation.Cell]] = []
        for entry in documents {
            for disagreement in entry.result.disagreements {
                let others = entry.result.coders.filter { !disagreement.markedBy.contains($0) }
                rows.append([
                    .identifier(entry.document.id), .code(disagreement.theme, label: themeName(disagreement.theme)),
                    .number(disagreement.range.lowerBound), .number(disagreement.range.upperBound),
                    .verbatim(entry.document.passage(disagreement.range) ?? ""),
                    .list(disagreement.markedBy.map(Workspace.coderCell)), .list(others.map(Workspace.coderCell)),
                ])
            }
        }
        return Tabulation(
            title: .message("reliability.disagreements.title"),
            columns: [.titled("document"), .titled("theme"), .titled("start"), .titled("end"), .titled("passage"), .titled("marked-by"), .titled("not-marked-by")],
            rows: rows)
    }
}

extension Workspace {
    /// The coders' agreement over the documents (of a dataset, or one document) that two or more
    /// coders coded; a coder coded a document when they made any decision in it (a coding or a
    /// rejected suggestion), and marked nothing of a theme where they gave it no passage.
    public func reliability(_ request: ReliabilityRequest) async throws -> ReliabilityView {
        let codebook = try codebook()
        if let theme = request.theme, codebook.theme(theme) == nil {
            throw ApplicationError.invalid("theme", "unknown \(parameter: "theme") '\(theme)': expected one of the codebook's \(codebook.themes.map(\.id).orList())")
        }
        var documents: [AgreementDocument]
        if let id = request.document {
            guard let document = try await registry.document(id: id) else {
                throw ApplicationError.notFound("document", "no document has the id '\(id)': see citydip documents list")
            }
            documents = [document]
        } else {
            if let dataset = request.dataset { _ = try await requireDataset(dataset) }
            documents = try await registry.documents(matching: DocumentQuery(datasetID: request.dataset))
        }
        var measured: [ReliabilityView.DocumentAgreement] = []
        var pooledInput: [PooledAgreement.Document] = []
        var single: [String] = []
        for document in documents {
            let segments = try await registry.segments(matching: SegmentQuery(documentID: document.id))
            var coders: [String] = []
            for segment in segments where !coders.contains(segment.coder) { coders.append(segment.coder) }
            guard coders.count >= 2 else {
                if !segments.isEmpty { single.append(document.id) }
                continue
            }
            let spans = segments.filter { $0.status == .coded && (request.theme == nil || $0.theme == request.theme) }
                .map { UnitisedAgreement.CodedSpan(coder: $0.coder, theme: $0.theme, range: $0.range) }
            let units: UnitisedAgreement.Units = request.unit == .character ? .characters : .sentences(UnitisedAgreement.sentences(of: document.text))
            let agreement = UnitisedAgreement(length: document.scalarCount, units: units)
            measured.append(.init(document: document, result: agreement.measure(spans, coders: coders)))
            pooledInput.append(PooledAgreement.Document(id: document.id, length: document.scalarCount, units: units, spans: spans, coders: coders))
        }
        if measured.isEmpty {
            throw ApplicationError.notFound(request.document == nil ? "dataset" : "document",
                                            "no document \(request.document.map { "'\($0)'" } ?? "here") was coded by two or more coders: reliability compares coders (citydip code … --coder NAME)")
        }
        let pooled = PooledAgreement.measure(pooledInput, themes: request.theme.map { [$0] })
        return ReliabilityView(request: request, pooled: pooled, documents: measured, singleCoded: single, codebook: codebook)
    }
}

extension ReliabilityView: Encodable {
    private struct CoefficientsJSON: Encodable {
        var units: Int
        var kappa: Double?
        var alpha: Double?
        var agreement: Double

        init(_ value: UnitisedAgreement.Coefficients) {
            units = value.units
            kappa = value.kappa.flatMap { $0.isFinite ? $0 : nil }
            alpha = value.alpha.flatMap { $0.isFinite ? $0 : nil }
            agreement = value.percentAgreement
        }

        enum CodingKeys: String, CodingKey { case units, kappa, alpha, agreement }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(units, forKey: .units)
            try container.encode(kappa, forKey: .kappa)
            try container.encode(alpha, forKey: .alpha)
            try container.encode(agreement, forKey: .agreement)
        }
    }

    private struct DisagreementJSON: Encodable {
        var theme: String
        var start: Int
        var end: Int
        var passage: String
        var markedBy: [String]
        var notMarkedBy: [String]

        enum CodingKeys: String, CodingKey { case theme, start, end, passage, markedBy = "marked_by", notMarkedBy = "not_marked_by" }
    }

    private struct DocumentJSON: Encodable {
        var id: String
        var coders: [String]
        var overall: CoefficientsJSON
        var themes: [String: CoefficientsJSON]
        var disagreements: [DisagreementJSON]
    }

    enum CodingKeys: String, CodingKey { case unit, coders, overall, themes, documents, singleCoded = "single_coded" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(request.unit.rawValue, forKey: .unit)
        try container.encode(pooled.coders, forKey: .coders)
        try container.encode(CoefficientsJSON(pooled.overall), forKey: .overall)
        try container.encode(pooled.themes.mapValues(CoefficientsJSON.init), forKey: .themes)
        try container.encode(documents.map { entry in
            DocumentJSON(
                id: entry.document.id, coders: entry.result.coders, overall: CoefficientsJSON(entry.result.overall),
                themes: entry.result.themes.mapValues(CoefficientsJSON.init),
                disagreements: entry.result.disagreements.map { disagreement in
                    DisagreementJSON(theme: disagreement.theme, start: disagreement.range.lowerBound, end: disagreement.range.upperBound,
                                     passage: entry.document.passage(disagreement.range) ?? "", markedBy: disagreement.markedBy,
                                     notMarkedBy: entry.result.coders.filter { !disagreement.markedBy.contains($0) })
                })
        }, forKey: .documents)
        try container.encode(singleCoded, forKey: .singleCoded)
    }
}
