import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation

/// One coded segment (or rejected suggestion) as a row for R, pandas or a reader: where it is,
/// its theme in both languages, who coded it and the passage itself — what `citydip segments`
/// prints and `/api/v1/datasets/{id}/segments.csv` serves.
///
/// ```swift
/// let rows = try await workspace.segmentRows(dataset: "iran-2018", document: nil, codebook: workspace.codebook())
/// print(SegmentRow.csv(rows))   // dataset,document_id,document_title,attached_to,theme_id,…
/// ```
public struct SegmentRow: Hashable, Sendable, Encodable {
    public var dataset: String
    public var documentID: String
    public var documentTitle: String
    /// The id of the record the document is about.
    public var attachedTo: String
    public var themeID: String
    public var themeEn: String
    public var themeFa: String?
    public var coder: String
    public var status: String
    /// Unicode-scalar offsets into the document's text.
    public var start: Int
    public var end: Int
    public var passage: String
    public var memo: String?
    /// ISO 8601, UTC.
    public var codedAt: String?

    public init(
        dataset: String, documentID: String, documentTitle: String, attachedTo: String, themeID: String, themeEn: String, themeFa: String?,
        coder: String, status: String, start: Int, end: Int, passage: String, memo: String?, codedAt: String?
    ) {
        (self.dataset, self.documentID, self.documentTitle, self.attachedTo) = (dataset, documentID, documentTitle, attachedTo)
        (self.themeID, self.themeEn, self.themeFa, self.coder, self.status) = (themeID, themeEn, themeFa, coder, status)
        (self.start, self.end, self.passage, self.memo, self.codedAt) = (start, end, passage, memo, codedAt)
    }

    enum CodingKeys: String, CodingKey {
        case dataset, documentID = "document_id", documentTitle = "document_title", attachedTo = "attached_to", themeID = "theme_id"
        case themeEn = "theme_en", themeFa = "theme_fa", coder, status, start, end, passage, memo, codedAt = "coded_at"
    }

    /// The columns of the CSV, in order: the keys of the JSON.
    public static let columns = [
        "dataset", "document_id", "document_title", "attached_to", "theme_id", "theme_en", "theme_fa", "coder", "status", "start", "end",
        "passage", "memo", "coded_at",
    ]

    /// RFC 4180 CSV in UTF-8 with a header row and `\r\n` line ends; a passage keeps its own line
    /// breaks inside its quotes. A field that a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-` or `@`) is set off with an apostrophe, as every CSV of citydip's is.
    public static func csv(_ rows: [SegmentRow]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for row in rows {
            let fields = [
                row.dataset, row.documentID, row.documentTitle, row.attachedTo, row.themeID, row.themeEn, row.themeFa ?? "", row.coder,
                row.status, String(row.start), String(row.end), row.passage, row.memo ?? "", row.codedAt ?? "",
            ]
            out += fields.map(CSVField.quote).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

extension Workspace {
    /// The coded segments of a dataset (the default one when `nil`), or of one document, in the
    /// dataset's order; a theme the codebook lacks is named by its id.
    public func segmentRows(dataset: String?, document: String?, codebook: Codebook) async throws -> [SegmentRow] {
        var datasetID = dataset
        if let document {
            guard let found = try await registry.document(id: document) else {
                throw ApplicationError.notFound("document", "no document has the id '\(document)': see the dataset's documents")
            }
            if let dataset, dataset != found.datasetID {
                throw ApplicationError.invalid("document", "the document '\(document)' is in dataset '\(found.datasetID)', not '\(dataset)'")
            }
            datasetID = found.datasetID
        }
        let content = try await content(ofDataset: datasetID)
        let documents = Dictionary(content.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return content.segments.filter { document == nil || $0.documentID == document }.map { segment in
            let text = documents[segment.documentID]
            let theme = codebook.theme(segment.theme)
            return SegmentRow(
                dataset: segment.datasetID, documentID: segment.documentID, documentTitle: text?.title.en ?? "", attachedTo: text?.attachedTo.id ?? "",
                themeID: segment.theme, themeEn: theme?.name.en ?? segment.theme, themeFa: theme?.name.fa, coder: segment.coder,
                status: segment.status.rawValue, start: segment.start, end: segment.end, passage: text?.passage(segment.range) ?? "",
                memo: segment.memo, codedAt: segment.codedAt.map { $0.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)) })
        }
    }

    /// The segments as a table for people: document, theme, coder, status, span, passage and memo.
    public func segmentsTable(_ rows: [SegmentRow], dataset: String) -> Tabulation {
        Tabulation(
            title: .message("segments.title", ["dataset": dataset]),
            columns: [.titled("document"), .titled("theme"), .titled("coder"), .titled("status"), .titled("span"), .titled("passage"),
                      .titled("memo")],
            rows: rows.map { row in
                [
                    .identifier(row.documentID), .text(LocalizedText(en: row.themeEn, fa: row.themeFa)), .verbatim(row.coder),
                    .text(.message("segments.status-\(row.status)")), .verbatim("\(row.start):\(row.end)"), .verbatim(row.passage),
                    row.memo.map { .verbatim($0) } ?? .empty,
                ]
            })
    }
}
