/// The formats a citation is written in for reference managers: BibTeX (LaTeX, Zotero, JabRef),
/// RIS (EndNote, Mendeley, Zotero) and CSL-JSON (Zotero, pandoc, citeproc).
///
/// ```swift
/// CitationFormat.ris.fileExtension     // "ris"
/// CitationFormat(fileExtension: "bib") // .bibtex
/// ```
public enum CitationFormat: String, CaseIterable, Sendable {
    case bibtex
    case ris
    case cslJSON = "csl-json"

    /// The extension a downloaded file gets (`cite.bib`, `cite.ris`, `cite.json`).
    public var fileExtension: String {
        switch self {
        case .bibtex: "bib"
        case .ris: "ris"
        case .cslJSON: "json"
        }
    }

    public init?(fileExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = format
    }

    /// The media type a file of the format is served with: the one each format's users register
    /// (`application/x-bibtex`, `application/x-research-info-systems`) or IANA lists
    /// (`application/vnd.citationstyles.csl+json`).
    public var contentType: String {
        switch self {
        case .bibtex: "application/x-bibtex; charset=utf-8"
        case .ris: "application/x-research-info-systems; charset=utf-8"
        case .cslJSON: "application/vnd.citationstyles.csl+json; charset=utf-8"
        }
    }

    /// The name people know the format by.
    public var name: String {
        switch self {
        case .bibtex: "BibTeX"
        case .ris: "RIS"
        case .cslJSON: "CSL-JSON"
        }
    }
}
