import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Hummingbird

/// Citations on the web: the "cite this" boxes pages carry, a dataset's page with what a reader
/// needs to know about the data, a source's citation page, and the citation files
/// (`…/cite.bib`, `.ris`, `.json`) — all from the application's use cases, written by the
/// presentation's ``CitationRenderer`` as `citydip cite` writes them.
struct CitationPages {
    let observatory: Observatory
    let context: PageContext

    // MARK: Files

    /// `subject`'s citation as a file in the format its extension names, e.g. `bib`.
    func file(_ subject: CitationSubject, extension raw: String) async throws -> Response {
        guard let format = CitationFormat(fileExtension: raw) else {
            throw WebError.notFound("citation format '\(raw)' (cite.bib, cite.ris or cite.json)", field: "format").asPage(context)
        }
        let record: BibliographicRecord
        do {
            record = try await WebError.answering { try await observatory.workspace.bibliographicRecord(of: subject) }
        } catch let error as WebError {
            throw error.asPage(context)
        }
        var response = Response.body(CitationRenderer().render(record, as: format), contentType: format.contentType)
        response.headers[.contentDisposition] = "inline; filename=\"\(record.key).\(format.fileExtension)\""
        return response
    }

    /// Where `subject`'s citation files are served, without the extension.
    static func fileBase(_ subject: CitationSubject) -> String {
        switch subject {
        case let .study(dataset): "/study/cite" + (dataset.map { "?dataset=" + PageContext.encode($0) } ?? "")
        case let .dataset(id): "/datasets/\(PageContext.segment(id))/cite"
        case let .source(id): "/sources/\(PageContext.segment(id))/cite"
        }
    }

    // MARK: Boxes

    /// The "cite this" box of `subject`: the reference in the page's language, the three formats
    /// to copy, and their files.
    func box(_ subject: CitationSubject) async throws -> CiteBoxView {
        box(subject, record: try await WebError.answering { try await observatory.workspace.bibliographicRecord(of: subject) })
    }

    func box(_ subject: CitationSubject, record: BibliographicRecord) -> CiteBoxView {
        let c = context
        let renderer = CitationRenderer()
        let heading = switch subject {
        case .study: "cite.box.study"
        case .dataset: "cite.box.dataset"
        case .source: "cite.box.source"
        }
        let base = Self.fileBase(subject)
        func address(_ format: CitationFormat) -> String {
            // The query, if any, follows the extension: /study/cite.bib?dataset=…
            let parts = base.split(separator: "?", maxSplits: 1)
            return parts[0] + "." + format.fileExtension + (parts.count > 1 ? "?" + parts[1] : "")
        }
        return CiteBoxView(
            id: "cite-" + record.key, heading: c.text(.message(heading)),
            reference: renderer.reference(record, language: c.language),
            // The version is a hash: never in Persian digits.
            version: record.version.map { version in
                c.text(.message("cite.box.version")) + " " + version + (record.issued.map { c.style.comma + c.style.date($0) } ?? "")
            },
            formatsLabel: c.text(.message("cite.box.formats")),
            formats: CitationFormat.allCases.map { format in
                CiteBoxView.Format(name: format.name, text: renderer.render(record, as: format), address: address(format),
                                   file: record.key + "." + format.fileExtension, mediaType: String(format.contentType.prefix { $0 != ";" }))
            })
    }

    /// The boxes of the study behind the dataset of `content` (where the product describes it) and
    /// of the dataset, from its records as the page read them.
    func boxes(_ content: DatasetContent, version: DatasetVersion? = nil) async throws -> [String] {
        let version = if let version { version } else { try await WebError.answering { try await observatory.workspace.version(of: content) } }
        return try await boxes(content.dataset, version: version)
    }

    /// The boxes for a dataset whose version is known, rendered (`_cite-box`): no record of it is
    /// read. Kept per registry revision, dataset, version and language: each box writes its
    /// citation in every format and the page escapes them all, a fifth of a warm dashboard (perf).
    func boxes(_ dataset: Dataset, version: DatasetVersion) async throws -> [String] {
        let revision = try await observatory.registry.revision()
        let key = [dataset.id, version.recordsHash, "\(version.changed.timeIntervalSince1970)", context.language.rawValue].joined(separator: "|")
        return try await observatory.citeBoxes.value(for: key, revision: revision) { [self] in
            var boxes: [CiteBoxView] = []
            if let study = try? await box(.study(dataset: dataset.id)) { boxes.append(study) }
            let record = observatory.workspace.datasetRecord(dataset, version: version)
            boxes.append(box(.dataset(dataset.id), record: record))
            return try boxes.map { try PageTemplates.render("_cite-box", $0) }
        }
    }

    // MARK: Pages

    /// `/datasets/{id}`: about the data (provenance, method, licence, version, counts), how to
    /// cite it and the study it transcribes, and its sources, each with its citation.
    func datasetPage(_ id: String) async throws -> String {
        let c = context
        // Its description, counts, version, sources and documents, each read where it is kept:
        // its records are not read (a dataset of a million relations took seconds and gigabytes).
        let workspace = observatory.workspace
        let (dataset, version, sources, documents) = try await WebError.answering {
            let dataset = try await workspace.describedDataset(id)
            return (dataset, try await workspace.version(ofDataset: dataset.id), try await workspace.sources(ofDataset: dataset.id),
                    try await workspace.registry.documents(matching: DocumentQuery(datasetID: dataset.id)).count)
        }
        let about = try await WebError.answering {
            try await workspace.about(dataset, counts: try await workspace.recordCounts(ofDataset: dataset.id), version: version)
        }
        let view = DatasetPageView(
            heading: c.text(LocalizedText(en: about.title.en, fa: about.title.fa)),
            about: aboutPanel(about),
            links: [
                LinkView(text: c.text(.message("web.list-its-relations")), target: c.href("/relations", [("dataset", about.id)])),
                LinkView(text: c.text(.message("cite.dataset.charts")), target: c.href("/", [("dataset", about.id)])),
                LinkView(text: c.text(.message("web.network-analysis.link")), target: c.href("/network", [("dataset", about.id)])),
                LinkView(text: "JSON", target: "/api/v1/datasets/\(PageContext.segment(about.id))"),
            ] + (documents == 0 ? [] : [LinkView(text: c.text(.message("web.dataset.documents")) + " (" + c.number(documents) + ")",
                                                            target: c.href("/documents", [("dataset", about.id)]))]) + (c.canEdit ? [LinkView(text: c.text(.message("web.copy-dataset.link")), target: c.href("/datasets/\(PageContext.segment(about.id))/copy"))] : []),
            citations: try await boxes(dataset, version: version),
            sourcesHeading: c.text(.message("column.sources")) + " (" + c.number(sources.count) + ")",
            sources: sources.map { sourceItem($0) })
        return try Layout.page("dataset", title: view.heading, content: view, context: c)
    }

    /// `/sources/{id}/cite`: one source and its citation.
    func sourcePage(_ id: String) async throws -> String {
        let c = context
        let box = try await box(.source(id))
        guard let (source, datasetID) = try await observatory.registry.source(id: id) else {
            throw WebError.notFound("source '\(id)'", field: "id")
        }
        let title = try await observatory.registry.datasetsWithoutImportReports().first { $0.id == datasetID }?.title ?? LocalizedText(en: datasetID)
        let view = SourcePageView(
            heading: c.text(.message("cite.source.heading")), source: sourceItem(source), citation: box,
            dataset: LinkView(text: c.text(.message("cite.source.in-dataset", localized: ["dataset": title])),
                              target: c.href("/datasets/\(PageContext.segment(datasetID))")))
        return try Layout.page("source", title: view.heading, content: view, context: c)
    }

    /// A source as the pages list it, in the page's language (a source in another language keeps
    /// its own title), with the link to its citation, and to its form for a signed-in editor.
    func sourceItem(_ source: SourceCitation, editAddress: String? = nil) -> SourceItemView {
        let c = context
        var detail = source.publisher(in: c.language).map { " — " + c.style.digits($0) } ?? ""
        if let published = source.published { detail += " · " + c.style.date(published) }
        if let accessed = source.accessed { detail += " · " + c.text(.message("web.accessed")) + " " + c.style.date(accessed) }
        if let locator = source.locator(in: c.language) { detail += " · " + c.style.digits(locator) }
        let title = c.style.digits(source.title(in: c.language))
        return SourceItemView(link: source.url.map { LinkView.external($0, text: title) } ?? LinkView(text: title, target: nil),
                              detail: detail, supplementNote: supplementNote(source), id: source.id, editAddress: editAddress,
                              cite: citeLink(source.id))
    }

    /// "added by this project, not the study", for a source the dataset's editors added.
    func supplementNote(_ source: SourceCitation) -> String? {
        source.isSupplement ? context.text(.message("supplement.added")) : nil
    }

    /// The link from a listed source to its citation page.
    func citeLink(_ sourceID: String) -> LinkView {
        LinkView(text: context.text(.message("cite.cite")), target: context.href("/sources/\(PageContext.segment(sourceID))/cite"))
    }

    /// The "about this data" panel: the lines `citydip datasets --dataset` prints.
    func aboutPanel(_ about: DatasetAboutView) -> AboutPanelView {
        let c = context
        return AboutPanelView(
            heading: c.text(.message("about.title")),
            facts: about.facts.map { fact in
                switch fact.value {
                case let .text(text): .init(label: c.text(fact.label), value: c.text(text), code: false, english: c.language != .en && text.fa == nil)
                case let .english(text): .init(label: c.text(fact.label), value: text, code: false, english: c.language != .en)
                case let .verbatim(text): .init(label: c.text(fact.label), value: text, code: true, english: false)
                case let .number(number): .init(label: c.text(fact.label), value: c.number(number), code: false, english: false)
                case let .date(date): .init(label: c.text(fact.label), value: c.style.date(date), code: false, english: false)
                }
            },
            link: LinkView(text: c.text(.message("about.link")), target: c.href("/datasets/\(PageContext.segment(about.id))")))
    }
}

/// What the `_cite-box` template shows: the reference for people, and the files for reference managers.
struct CiteBoxView {
    struct Format {
        let name: String
        /// The citation in the format, to copy.
        let text: String
        let address: String
        /// The name the file is saved under.
        let file: String
        let mediaType: String
    }

    /// The box's element id, for its heading.
    let id: String
    let heading: String
    let reference: String
    let version: String?
    let formatsLabel: String
    let formats: [Format]
}

/// What the `_about-panel` template shows: the dataset's facts, each with its label.
struct AboutPanelView {
    struct Fact {
        let label: String
        let value: String
        /// A name, hash or code: shown as code, left to right.
        let code: Bool
        /// Prose the dataset gives in English only: marked so on a Persian page.
        let english: Bool
    }

    let heading: String
    let facts: [Fact]
    /// The dataset's own page.
    let link: LinkView
}

/// What the `dataset` template shows.
struct DatasetPageView {
    /// The dataset's title.
    let heading: String
    let about: AboutPanelView
    let links: [LinkView]
    /// The citation boxes as rendered (``CitationPages/boxes(_:version:)``).
    let citations: [String]
    let sourcesHeading: String
    let sources: [SourceItemView]
}

/// What the `source` template shows.
struct SourcePageView {
    let heading: String
    let source: SourceItemView
    let citation: CiteBoxView
    let dataset: LinkView
}
