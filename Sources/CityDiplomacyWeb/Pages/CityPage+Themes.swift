import CityDiplomacyApplication
import CityDiplomacyCore

/// The "coded themes" section of a city page: for each of the city's relations that has
/// documents, its themes with the coded passages that are their evidence, and links to the
/// documents; then the documents about the city itself.
extension CityPage {
    func codedThemes(_ profile: CityProfile) async throws -> CityPageView.CodedThemes? {
        let c = context, registry = observatory.registry
        let documents = try await registry.documents(matching: DocumentQuery(datasetID: profile.dataset.id))
        guard !documents.isEmpty else { return nil }
        let relationIDs = Set(profile.relations.map(\.relation.id))
        let relevant = documents.filter {
            ($0.attachedTo.kind == .relation && relationIDs.contains($0.attachedTo.id)) || ($0.attachedTo.kind == .city && $0.attachedTo.id == profile.city.id)
        }
        guard !relevant.isEmpty else { return nil }
        let codebook = try await WebError.answering { try observatory.workspace.codebook() }
        let segments = try await registry.segments(matching: SegmentQuery(datasetID: profile.dataset.id)).filter { $0.status == .coded }
        let byDocument = Dictionary(grouping: segments, by: \.documentID)
        func themeName(_ id: String) -> String { c.text(codebook.theme(id)?.name ?? LocalizedText(en: id)) }
        func link(_ document: AgreementDocument) -> LinkView {
            LinkView(text: c.style.digits(c.text(document.title)), target: c.href("/documents/\(PageContext.segment(document.id))"))
        }
        func evidence(_ documents: [AgreementDocument]) -> [CityPageView.ThemeEvidence] {
            var order: [String] = []
            var passages: [String: [CityPageView.Passage]] = [:]
            for document in documents {
                for segment in (byDocument[document.id] ?? []).sorted(by: { $0.start < $1.start }) {
                    if passages[segment.theme] == nil { order.append(segment.theme) }
                    passages[segment.theme, default: []].append(.init(
                        quote: document.passage(segment.range) ?? "", lang: document.language,
                        dir: DocumentPage.isRightToLeft(document.language) ? "rtl" : "ltr",
                        target: c.href("/documents/\(PageContext.segment(document.id))")))
                }
            }
            let ranked = codebook.themes.map(\.id).filter { passages[$0] != nil } + order.filter { codebook.theme($0) == nil }
            return ranked.map { .init(theme: themeName($0), passages: passages[$0] ?? []) }
        }
        var entries: [CityPageView.ThemedRecord] = []
        for (relation, partner) in profile.relations {
            let attached = relevant.filter { $0.attachedTo.kind == .relation && $0.attachedTo.id == relation.id }
            guard !attached.isEmpty else { continue }
            entries.append(.init(
                record: LinkView(text: c.text(partner.name) + " (" + c.text(relation.kind.label) + ")", target: "#" + PageContext.encode(relation.id)),
                themes: relation.themes.isEmpty ? nil : relation.themes.map { themeName($0.rawValue) }.joined(separator: c.style.comma),
                evidence: evidence(attached), documents: attached.map(link)))
        }
        let aboutCity = relevant.filter { $0.attachedTo.kind == .city }
        if !aboutCity.isEmpty {
            entries.append(.init(record: LinkView(text: c.text(profile.city.name), target: nil), themes: nil,
                                 evidence: evidence(aboutCity), documents: aboutCity.map(link)))
        }
        return CityPageView.CodedThemes(
            themesHeading: c.text(.message("web.city.themes.heading")), themesNote: c.text(.message("web.city.themes.note")),
            documentsLabel: c.text(.message("web.relation.documents")), entries: entries,
            allDocuments: LinkView(text: c.text(.message("web.documents.of-dataset", localized: ["dataset": profile.dataset.title])),
                                   target: c.href("/documents", [("dataset", profile.dataset.id)])))
    }
}

extension CityPageView {
    /// A coded passage, quoted in its document's language, linked to its document.
    struct Passage {
        let quote: String
        let lang: String
        let dir: String
        let target: String
    }

    /// A theme and the passages coded with it.
    struct ThemeEvidence {
        let theme: String
        let passages: [Passage]
    }

    /// A relation (or the city itself) with documents: its themes, their evidence, its documents.
    struct ThemedRecord {
        let record: LinkView
        let themes: String?
        let evidence: [ThemeEvidence]
        let documents: [LinkView]
    }

    struct CodedThemes {
        let themesHeading: String
        let themesNote: String
        let documentsLabel: String
        let entries: [ThemedRecord]
        let allDocuments: LinkView
    }
}
