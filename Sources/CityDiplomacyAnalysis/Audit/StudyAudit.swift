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

    private func name(_ country: CountryCode) -> String { countryNames[country]?.en ?? country.rawValue }

    /// "Tehran–Kuwait City (undated)": a relation as a reader finds it in the tables.
    func describe(_ relation: BilateralRelation) -> String {
        let city = analysis.city(relation.cityID)?.name.en ?? relation.cityID
        let partner = analysis.city(relation.partnerID)?.name.en ?? relation.partnerID
        return "\(city)–\(partner) (\(relation.signed.map { "\($0)" } ?? "undated"); \(relation.id))"
    }

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
                claim: .message("audit.table2.country", localized: ["country": LocalizedText(en: name(row.country), fa: countryNames[row.country]?[.fa] ?? row.country.rawValue)],
                               ["relations": String(row.relations)]),
                published: .number(row.relations), computed: .number(computed), status: Self.status(computed == row.relations),
                detail: computed == row.relations ? "" : "records with \(name(row.country)): " + records.map(describe).joined(separator: "; ")))
            let region = regions.category(of: row.country)?.id
            findings.append(AuditFinding(
                id: "\(prefix).region", claim: LocalizedText(en: "Table 2: \(name(row.country)) is in region \(row.region)"),
                published: .text(row.region), computed: region.map(AuditFinding.Value.text) ?? .none,
                status: Self.status(region == row.region),
                detail: "from scheme \(regions.id), which transcribes this column"))
            if let affiliationID = row.affiliation, let affiliations {
                let computedAffiliation = affiliations.category(of: row.country)?.id
                findings.append(AuditFinding(
                    id: "\(prefix).affiliation", claim: LocalizedText(en: "Table 2: \(name(row.country)) is of affiliation \(affiliationID)"),
                    published: .text(affiliationID), computed: computedAffiliation.map(AuditFinding.Value.text) ?? .none,
                    status: Self.status(computedAffiliation == affiliationID),
                    detail: "from scheme \(affiliations.id), which transcribes this column"))
            }
        }
        let printed = Set(published.table2.map(\.country))
        for row in byCountry.rows where !printed.contains(CountryCode(unchecked: row.key.id)) {
            let country = CountryCode(unchecked: row.key.id)
            let records = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == country }
            findings.append(AuditFinding(
                id: "table2.\(row.key.id).relations", claim: LocalizedText(en: "Table 2 does not list \(name(country))"),
                published: .number(0), computed: .number(row.count), status: .mismatch,
                detail: "records: " + records.map(describe).joined(separator: "; ")))
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
                detail: computed == total ? "" : "records: " + records.map(describe).joined(separator: "; ")))
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
            let moves = alternatives.map { "\($0.0): \($0.1.count(of: row.period))" }.joined(separator: ", ")
            let ambiguousHere = ambiguous.filter { $0.candidates.contains(row.period) }.map { describe($0.relation) }
            var detail = "under the dataset's recorded placements; alternatives — \(moves)"
            if !ambiguousHere.isEmpty { detail += "; ambiguous records that may fall here: " + ambiguousHere.joined(separator: "; ") }
            if records.count != row.relations { detail = "records placed here: " + records.map(describe).joined(separator: "; ") + ". " + detail }
            findings.append(AuditFinding(
                id: "table3.\(row.period).relations",
                claim: .message("audit.table3.period", localized: ["period": period.label], ["relations": String(row.relations)]),
                published: .number(row.relations), computed: .number(records.count),
                status: Self.status(records.count == row.relations), detail: detail))
            var computedStates: [CountryCode] = []
            for relation in records {
                if let country = analysis.partnerCity(of: relation)?.country, !computedStates.contains(country) { computedStates.append(country) }
            }
            let printed = Set(row.countries)
            let extra = computedStates.filter { !printed.contains($0) }
            let missing = row.countries.filter { !computedStates.contains($0) }
            var explanation: [String] = []
            for country in missing {
                let theirs = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == country }
                let placed = theirs.map { relation -> String in
                    let period = periodisation.place(relation.signed, rule: .standard, recorded: relation.periodPlacements[periodisation.id]).periodID ?? "no period"
                    return "\(describe(relation)) → \(period)"
                }
                explanation.append("printed but no relation with \(name(country)) falls in this period (\(placed.joined(separator: "; ")))")
            }
            for country in extra {
                let theirs = records.filter { analysis.partnerCity(of: $0)?.country == country }
                explanation.append("not printed, yet \(theirs.map(describe).joined(separator: "; ")) fall(s) here")
            }
            findings.append(AuditFinding(
                id: "table3.\(row.period).countries",
                claim: .message("audit.table3.states", localized: ["period": period.label]),
                published: .list(row.countries.map(\.rawValue)), computed: .list(computedStates.map(\.rawValue)),
                status: Self.status(extra.isEmpty && missing.isEmpty), detail: explanation.joined(separator: "; ")))
        }
        let dated = analysis.relations.filter { $0.signed != nil }.count
        let printedTotal = published.table3.map(\.relations).reduce(0, +)
        findings.append(AuditFinding(
            id: "table3.total", claim: .message("audit.table3.total", ["total": String(printedTotal)]),
            published: .number(printedTotal), computed: .number(dated), status: Self.status(dated == printedTotal), detail: ""))
        return findings
    }

    // MARK: Table 4

    func table4Findings() -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let dataset = content.dataset.id
        func local(_ id: String) -> String { RecordID(id).map(\.local) ?? id }
        for row in published.table4 {
            let networkID = RecordID(dataset: dataset, local: row.network).description
            guard let network = content.networks.first(where: { $0.id == networkID }) else {
                findings.append(AuditFinding(
                    id: "table4.\(row.network).members", claim: LocalizedText(en: "Table 4: network \(row.network)"),
                    published: .list(row.members), computed: .none, status: .mismatch,
                    detail: "the dataset has no network \(networkID)"))
                continue
            }
            let memberships = content.memberships.filter { $0.networkID == networkID }
            let computed = memberships.map { local($0.cityID) }
            let extra = memberships.filter { !row.members.contains(local($0.cityID)) }
            let missing = row.members.filter { !computed.contains($0) }
            var detail: [String] = []
            for membership in extra {
                let sources = membership.sources.map { $0.locator ?? $0.title }.joined(separator: ", ")
                detail.append("not printed: \(membership.id) (cited from \(sources))\(membership.notes.map { " — \($0)" } ?? "")")
            }
            if !missing.isEmpty { detail.append("printed but not recorded: " + missing.joined(separator: ", ")) }
            findings.append(AuditFinding(
                id: "table4.\(row.network).members",
                claim: .message("audit.table4.members", localized: ["network": network.name]),
                published: .list(row.members), computed: .list(computed),
                status: Self.status(extra.isEmpty && missing.isEmpty), detail: detail.joined(separator: "; ")))
            findings.append(AuditFinding(
                id: "table4.\(row.network).scope", claim: LocalizedText(en: "Table 4: \(network.name.en) is \(row.scope.rawValue)"),
                published: .text(row.scope.rawValue), computed: .text(network.scope.rawValue),
                status: Self.status(network.scope == row.scope), detail: ""))
        }
        return findings
    }

    func missingScheme(_ id: String, id findingID: String) -> AuditFinding {
        AuditFinding(id: findingID, claim: LocalizedText(en: "classification \(id)"), published: .none, computed: .none,
                     status: .notCheckable, detail: "the scheme or periodisation \(id) is not available")
    }
}
