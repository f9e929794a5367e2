import CityDiplomacyCore
import Foundation

/// A dataset as a REFI-QDA project, and what went into it.
///
/// ```swift
/// let export = try await workspace.exportQDPX(dataset: "mine", codebook: workspace.codebook())
/// export.segments          // coded segments written as selections
/// export.rejectedLeftOut   // rejected suggestions, which the standard cannot hold
/// ```
public struct QDPXExport: Sendable {
    public var datasetID: String
    /// The `.qdpx` file.
    public var data: Data
    public var documents: Int
    public var segments: Int
    public var codes: Int
    public var rejectedLeftOut: Int
}

/// `citydip qdpx import`: a `.qdpx` file, the dataset of one's own to read it into, and what the
/// file may not say.
public struct QDPXImportRequest: Sendable {
    public var path: String
    public var dataset: String
    /// The record documents are attached to when the project does not say (a project made in
    /// MAXQDA, ATLAS.ti or NVivo has no `citydip:attached_to` variable).
    public var attach: String?
    /// The codebook codes are matched to (by id, English or Persian name).
    public var codebook: Codebook
    /// The coder of selections whose project names none.
    public var coder: String?
    /// Who imports, for the change log.
    public var actor: String

    public init(path: String, dataset: String, attach: String? = nil, codebook: Codebook, coder: String? = nil, actor: String) {
        self.path = path
        self.dataset = dataset
        self.attach = attach
        self.codebook = codebook
        self.coder = coder
        self.actor = actor
    }
}

/// What an import stored, and what of the project it could not take.
public struct QDPXImportResult: Sendable {
    public var datasetID: String
    public var documents: [AgreementDocument]
    public var segments: [CodedSegment]
    /// Sources that are no plain text (PDF, pictures, audio, video), by element and name.
    public var skippedSources: [String]
    /// Selections with no code, which CityDiplomacy has no record for.
    public var uncodedSelections: Int
}
