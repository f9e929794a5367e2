import CityDiplomacyCore

/// Compares every number and list a study publishes with what its dataset's records give.
///
/// Tables are compared cell by cell; claims by the checks the published file states. A mismatch
/// names the records that explain it; a claim that depends on a classification is evaluated under
/// each relevant scheme; a claim that needs outside data is `not-checkable` until that data is in
/// the database.
///
/// ```swift
/// let audit = StudyAudit(content: study, published: published, schemes: schemes,
///                        periodisations: periodisations, countries: countries)
/// let findings = audit.findings()      // 100-odd findings, most of them `match`
/// ```
public struct StudyAudit: Sendable {
    public let content: DatasetContent
    public let published: PublishedStudy
    public let schemes: [String: ClassificationScheme]
    public let periodisations: [String: Periodisation]
    let countryNames: [CountryCode: LocalizedText]
    /// The number of distinct partners of a city (by name and country) found in *other* datasets,
    /// with the dataset it was counted in; `nil` where no other dataset holds the city.
    let partnersElsewhere: @Sendable (String, CountryCode) -> (dataset: String, partners: Int)?
    let analysis: RelationAnalysis

    public init(
        content: DatasetContent, published: PublishedStudy, schemes: [String: ClassificationScheme],
        periodisations: [String: Periodisation], countries: [Country],
        partnersElsewhere: @escaping @Sendable (String, CountryCode) -> (dataset: String, partners: Int)? = { _, _ in nil }
    ) {
        self.content = content
        self.published = published
        self.schemes = schemes
        self.periodisations = periodisations
        self.countryNames = Dictionary(countries.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.partnersElsewhere = partnersElsewhere
        self.analysis = RelationAnalysis(content: content)
    }

    /// A country as people read it, in both languages.
    func country(_ code: CountryCode) -> LocalizedText { countryNames[code] ?? LocalizedText(en: code.rawValue) }

    func countryTerm(_ code: CountryCode) -> AuditFinding.Term { AuditFinding.Term(code.rawValue, label: country(code)) }

    func cityName(_ id: String) -> LocalizedText { analysis.city(id)?.name ?? LocalizedText(en: RecordID(id)?.local ?? id) }

    /// "Tehran–Kuwait City (undated)": a relation as a reader finds it in the tables, by its
    /// cities and year, never by its record id.
    func describe(_ relation: BilateralRelation) -> LocalizedText {
        .message("audit.relation", localized: ["city": cityName(relation.cityID), "partner": cityName(relation.partnerID),
                                               "date": relation.signed.map(\.brief) ?? .message("analysis.undated")])
    }

    func describe(_ relations: [BilateralRelation]) -> LocalizedText {
        .joined(relations.map(describe), separator: "list.semicolon")
    }

    static let noDetail = LocalizedText(en: "", fa: "")

    private static func status(_ holds: Bool) -> AuditFinding.Status { holds ? .match : .mismatch }

    /// Every finding: Table 2, Table 3, Table 4, then the claims, in the study's order.
    public func findings() -> [AuditFinding] {
        table2Findings() + table3Findings() + table4Findings() + claimFindings()
    }

    // MARK: Table 2

    func table2Findings() -> [AuditFinding] {
        guard let regions = schemes[published.regionScheme] else {
            return [missingScheme(published.regionScheme, id: "table2")]
        }
        let affiliations = schemes[published.affiliationScheme]
        let byCountry = analysis.tally(by: .partnerCountry([:]))
        var findings: [AuditFinding] = []
        for row in published.table2 {
            let prefix = "table2.\(row.country.rawValue)"
            let records = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == row.country }
            let computed = byCountry.count(of: row.country.rawValue)
            findings.append(AuditFinding(
                id: "\(prefix).relations",
                claim: .message("audit.table2.country", localized: ["country": country(row.country)], ["relations": String(row.relations)]),
                published: .number(row.relations), computed: .number(computed), status: Self.status(computed == row.relations),
                detail: computed == row.relations ? Self.noDetail
                    : .message("audit.detail.records-with", localized: ["country": country(row.country), "records": describe(records)])))
            func term(_ id: String?, in scheme: ClassificationScheme) -> AuditFinding.Value {
                guard let id else { return .none }
                return .term(AuditFinding.Term(id, label: scheme.categories.first { $0.id == id }?.label ?? LocalizedText(en: id)))
            }
            let region = regions.category(of: row.country)?.id
            findings.append(AuditFinding(
                id: "\(prefix).region", claim: .message("audit.table2.region", localized: ["country": country(row.country)]),
                published: term(row.region, in: regions), computed: term(region, in: regions),
                status: Self.status(region == row.region),
                detail: .message("audit.detail.transcribes", localized: ["scheme": .message("text.quoted", localized: ["text": regions.title])])))
            if let affiliationID = row.affiliation, let affiliations {
                let computedAffiliation = affiliations.category(of: row.country)?.id
                findings.append(AuditFinding(
                    id: "\(prefix).affiliation", claim: .message("audit.table2.affiliation", localized: ["country": country(row.country)]),
                    published: term(affiliationID, in: affiliations), computed: term(computedAffiliation, in: affiliations),
                    status: Self.status(computedAffiliation == affiliationID),
                    detail: .message("audit.detail.transcribes", localized: ["scheme": .message("text.quoted", localized: ["text": affiliations.title])])))
            }
        }
        let printed = Set(published.table2.map(\.country))
        for row in byCountry.rows where !printed.contains(CountryCode(unchecked: row.key.id)) {
            let code = CountryCode(unchecked: row.key.id)
            let records = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == code }
            findings.append(AuditFinding(
                id: "table2.\(row.key.id).relations", claim: .message("audit.table2.unlisted", localized: ["country": country(code)]),
                published: .number(0), computed: .number(row.count), status: .mismatch,
                detail: .message("audit.detail.records", localized: ["records": describe(records)])))
        }
        let regionTally = analysis.tally(by: .category(regions))
        for category in regions.categories {
            guard let total = published.table2Totals[category.id] else { continue }
            let computed = regionTally.count(of: category.id)
            let records = analysis.relations(in: category.id, by: .category(regions))
            findings.append(AuditFinding(
                id: "table2.total.\(category.id)",
                claim: .message("audit.table2.total", localized: ["region": category.label], ["total": String(total)]),
                published: .number(total), computed: .number(computed), status: Self.status(computed == total),
                detail: computed == total ? Self.noDetail : .message("audit.detail.records", localized: ["records": describe(records)])))
        }
        return findings
    }

    // MARK: Table 3

    func table3Findings() -> [AuditFinding] {
        guard let periodisation = periodisations[published.periodisation] else {
            return [missingScheme(published.periodisation, id: "table3")]
        }
        var findings: [AuditFinding] = []
        let standard = Dimension.period(periodisation, .standard)
        let alternatives = AmbiguityRule.all.dropFirst().map { ($0, analysis.tally(by: .period(periodisation, $0))) }
        let ambiguous = analysis.ambiguousRecords(in: periodisation)
        for row in published.table3 {
            guard let period = periodisation.periods.first(where: { $0.id == row.period }) else { continue }
            let records = analysis.relations(in: row.period, by: standard)
            let moves = LocalizedText.joined(alternatives.map { .message("audit.detail.rule-count", localized: ["rule": $0.0.label], ["count": String($0.1.count(of: row.period))]) },
                                             separator: "list.semicolon")
            let ambiguousHere = ambiguous.filter { $0.candidates.contains(row.period) }.map { describe($0.relation) }
            var parts: [LocalizedText] = []
            if records.count != row.relations { parts.append(.message("audit.detail.placed-here", localized: ["records": describe(records)])) }
            parts.append(.message("audit.detail.alternatives", localized: ["alternatives": moves]))
            if !ambiguousHere.isEmpty {
                parts.append(.message("audit.detail.may-fall-here", localized: ["records": .joined(ambiguousHere, separator: "list.semicolon")]))
            }
            findings.append(AuditFinding(
                id: "table3.\(row.period).relations",
                claim: .message("audit.table3.period", localized: ["period": period.label], ["relations": String(row.relations)]),
                published: .number(row.relations), computed: .number(records.count),
                status: Self.status(records.count == row.relations), detail: .joined(parts, separator: "list.semicolon")))
            var computedStates: [CountryCode] = []
            for relation in records {
                if let code = analysis.partnerCity(of: relation)?.country, !computedStates.contains(code) { computedStates.append(code) }
            }
            let printed = Set(row.countries)
            let extra = computedStates.filter { !printed.contains($0) }
            let missing = row.countries.filter { !computedStates.contains($0) }
            var explanation: [LocalizedText] = []
            for code in missing {
                let theirs = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == code }
                let placed = theirs.map { relation -> LocalizedText in
                    let placement = periodisation.place(relation.signed, rule: .standard, recorded: relation.periodPlacements[periodisation.id]).periodID
                    return .message("audit.detail.placed-in", localized: ["record": describe(relation),
                                                                         "period": placement.map { periodisation.quotedName(of: $0) } ?? .message("audit.detail.no-period")])
                }
                explanation.append(.message("audit.detail.printed-not-found", localized: ["country": country(code), "placed": .joined(placed, separator: "list.semicolon")]))
            }
            for code in extra {
                let theirs = records.filter { analysis.partnerCity(of: $0)?.country == code }
                explanation.append(.message("audit.detail.not-printed", localized: ["country": country(code), "records": describe(theirs)]))
            }
            findings.append(AuditFinding(
                id: "table3.\(row.period).countries",
                claim: .message("audit.table3.states", localized: ["period": period.label]),
                published: .terms(row.countries.map(countryTerm)), computed: .terms(computedStates.map(countryTerm)),
                status: Self.status(extra.isEmpty && missing.isEmpty), detail: .joined(explanation, separator: "list.semicolon")))
        }
        let dated = analysis.relations.filter { $0.signed != nil }.count
        let printedTotal = published.table3.map(\.relations).reduce(0, +)
        findings.append(AuditFinding(
            id: "table3.total", claim: .message("audit.table3.total", ["total": String(printedTotal)]),
            published: .number(printedTotal), computed: .number(dated), status: Self.status(dated == printedTotal), detail: Self.noDetail))
        return findings
    }

    // MARK: Table 4

    func table4Findings() -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let dataset = content.dataset.id
        func local(_ id: String) -> String { RecordID(id).map(\.local) ?? id }
        func member(_ local: String) -> AuditFinding.Term {
            AuditFinding.Term(local, label: cityName(RecordID(dataset: dataset, local: local).description))
        }
        for row in published.table4 {
            let networkID = RecordID(dataset: dataset, local: row.network).description
            guard let network = content.networks.first(where: { $0.id == networkID }) else {
                findings.append(AuditFinding(
                    id: "table4.\(row.network).members", claim: .message("audit.table4.network", ["network": row.network]),
                    published: .terms(row.members.map(member)), computed: .none, status: .mismatch,
                    detail: .message("audit.detail.no-network", ["network": row.network])))
                continue
            }
            let memberships = content.memberships.filter { $0.networkID == networkID }
            let computed = memberships.map { local($0.cityID) }
            let extra = memberships.filter { !row.members.contains(local($0.cityID)) }
            let missing = row.members.filter { !computed.contains($0) }
            var detail: [LocalizedText] = []
            for membership in extra {
                let sources = LocalizedText.joined(membership.sources.map { $0.locatorText ?? $0.titleText }, separator: "list.comma")
                let notes = membership.notes.map { LocalizedText(en: $0, fa: membership.notesFa ?? $0) }
                detail.append(.message(notes == nil ? "audit.detail.member-not-printed" : "audit.detail.member-not-printed-notes",
                                       localized: ["city": cityName(membership.cityID), "sources": sources, "notes": notes ?? Self.noDetail]))
            }
            if !missing.isEmpty {
                detail.append(.message("audit.detail.printed-not-recorded", localized: ["cities": .joined(missing.map { member($0).label }, separator: "list.comma")]))
            }
            findings.append(AuditFinding(
                id: "table4.\(row.network).members",
                claim: .message("audit.table4.members", localized: ["network": network.name]),
                published: .terms(row.members.map(member)), computed: .terms(computed.map(member)),
                status: Self.status(extra.isEmpty && missing.isEmpty), detail: .joined(detail, separator: "list.semicolon")))
            findings.append(AuditFinding(
                id: "table4.\(row.network).scope", claim: .message("audit.table4.scope", localized: ["network": network.name]),
                published: .term(AuditFinding.Term(row.scope.rawValue, label: row.scope.label)),
                computed: .term(AuditFinding.Term(network.scope.rawValue, label: network.scope.label)),
                status: Self.status(network.scope == row.scope), detail: Self.noDetail))
        }
        return findings
    }

    func missingScheme(_ id: String, id findingID: String) -> AuditFinding {
        AuditFinding(id: findingID, claim: .message("audit.classification", ["id": id]), published: .none, computed: .none,
                     status: .notCheckable, detail: .message("audit.detail.no-scheme", ["id": id]))
    }
}
