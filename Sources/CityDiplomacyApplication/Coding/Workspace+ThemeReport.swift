import CityDiplomacyCore

extension Workspace {
    /// The report's section on what agreements are about, where the dataset holds coded
    /// documents: each theme with the relations, documents and passages coded with it; the themes
    /// by foreign-policy period and their co-occurrence (counted as every relation count is);
    /// and, relation by relation, the passages that are the evidence.
    func themeSection(of content: DatasetContent) async throws -> ReportDocument.Section? {
        let coded = content.segments.filter { $0.status == .coded }
        guard !coded.isEmpty else { return nil }
        let codebook = try codebook()
        let documents = Dictionary(uniqueKeysWithValues: content.documents.map { ($0.id, $0) })
        let byRelation = content.codedThemesByRelation
        func name(_ theme: String) -> LocalizedText { codebook.theme(theme)?.name ?? LocalizedText(en: theme) }
        var themes = codebook.themes.map(\.id).filter { id in coded.contains { $0.theme == id } }
        themes += Set(coded.map(\.theme)).subtracting(themes).sortedInNFCOrder()
        let rows: [[Tabulation.Cell]] = themes.map { theme in
            let passages = coded.filter { $0.theme == theme }
            return [.code(theme, label: name(theme)), .number(byRelation.values.filter { $0.contains(theme) }.count),
                    .number(Set(passages.map(\.documentID)).count), .number(passages.count)]
        }
        let summary = Tabulation(
            title: .message("report.themes.table"),
            columns: [.titled("theme"), .titled("relations"), .titled("documents"), .titled("codings")], rows: rows)
        let coders = Set(coded.map(\.coder))
        var tables = [summary]
        let byPeriod = try await count(CountRequest(by: [try DimensionName(parsing: "theme"), try DimensionName(parsing: "period:\(defaults.periodisation)")],
                                                    dataset: content.dataset.id))
        tables.append(byPeriod)
        var together = try await count(CountRequest(by: [try DimensionName(parsing: "theme"), try DimensionName(parsing: "theme")], dataset: content.dataset.id))
        together.title = .message("report.themes.together")
        tables.append(together)
        var items: [LocalizedText] = []
        for relation in content.relations where byRelation[relation.id] != nil {
            let own = content.documents.filter { $0.attachedTo.kind == .relation && $0.attachedTo.id == relation.id }.map(\.id)
            let evidence = coded.filter { own.contains($0.documentID) }.compactMap { segment -> LocalizedText? in
                guard let passage = documents[segment.documentID]?.passage(segment.range) else { return nil }
                return .message("report.themes.evidence", localized: ["theme": name(segment.theme)], ["passage": passage])
            }
            let cities = content.citiesByID
            items.append(.message("report.themes.relation", localized: [
                "city": cities[relation.cityID]?.name ?? LocalizedText(en: relation.cityID),
                "partner": cities[relation.partnerID]?.name ?? LocalizedText(en: relation.partnerID),
                "evidence": .joined(evidence, separator: "list.semicolon"),
            ]))
        }
        return ReportDocument.Section(
            heading: .message("report.themes.heading"),
            paragraphs: [.message("report.themes.summary", localized: ["coders": .joined(coders.sortedInNFCOrder().map(Self.coderName), separator: "list.comma")], [
                "relations": String(byRelation.count), "documents": String(Set(coded.map(\.documentID)).count), "codings": String(coded.count),
            ])],
            items: items, tables: tables)
    }
}
