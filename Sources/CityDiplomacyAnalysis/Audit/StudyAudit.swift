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
    /// The countries by code, for the dates of statehood.
    let countryRecords: [CountryCode: Country]
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
        self.countryRecords = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// "A, B and C" in either language.
    static func list(_ items: [LocalizedText], last: String = "list.and") -> LocalizedText {
        guard items.count > 1 else { return items.first ?? noDetail }
        return .joined([.joined(Array(items.dropLast()), separator: "list.comma"), items[items.count - 1]], separator: last)
    }

    /// `key`, or its `.one` form where `count` is one and the catalogue has it ("one relation").
    static func key(_ key: String, count: Int) -> String {
        count == 1 && MessageCatalogue.messages["\(key).one"] != nil ? "\(key).one" : key
    }

    /// A source as a sentence cites it: its title and publisher.
    func sourceName(_ source: SourceCitation) -> LocalizedText {
        guard let publisher = source.publisherText else { return .message("text.quoted", localized: ["text": source.titleText]) }
        return .message("audit.source", localized: ["title": source.titleText, "publisher": publisher])
    }

    /// The dataset's source with a local id (`project-afc-1968`).
    func source(local id: String) -> SourceCitation? {
        let full = RecordID(dataset: content.dataset.id, local: id).description
        return content.sources.first { $0.id == full || $0.id == id }
    }

    /// The record id of a network, event or city with a local id.
    func recordID(_ local: String) -> String { RecordID(dataset: content.dataset.id, local: local).description }

    /// A local id of a record id.
    func local(_ id: String) -> String { RecordID(id).map(\.local) ?? id }

    /// "Tehran's agreements with Kuwait City (undated) and …": relations grouped by home city.
    func agreements(_ relations: [BilateralRelation]) -> LocalizedText {
        var order: [String] = []
        var byCity: [String: [BilateralRelation]] = [:]
        for relation in relations {
            if byCity[relation.cityID] == nil { order.append(relation.cityID) }
            byCity[relation.cityID, default: []].append(relation)
        }
        return Self.list(order.map { city in
            .message("audit.sentence.agreements-of", localized: [
                "city": cityName(city),
                "partners": Self.list(byCity[city, default: []].map {
                    .message("audit.sentence.partner-date", localized: ["partner": cityName($0.partnerID),
                                                                         "date": $0.signed.map(\.brief) ?? .message("analysis.undated")])
                }),
            ])
        })
    }

    private static func status(_ holds: Bool) -> AuditFinding.Status { holds ? .match : .mismatch }

    /// Every finding, in the study's order: Table 1 against the other tables, Table 2 (and its
    /// printed sums), Table 3, Table 4, the claims, then the checks a referee adds (events,
    /// anachronisms, labels to query).
    public func findings() -> [AuditFinding] {
        table1Findings() + table2Findings() + table2SumFindings() + table3Findings() + table4Findings() + claimFindings()
            + eventAttributionFindings() + anachronismFindings() + erratumFindings()
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
                    : .message("audit.detail.records-with", localized: ["country": country(row.country), "records": describe(records)]),
                sentence: computed == row.relations
                    ? .message(Self.key("audit.sentence.table2.country", count: row.relations), localized: ["country": country(row.country)], ["printed": String(row.relations), "computed": String(computed)])
                    : .message("audit.sentence.table2.country-differs", localized: ["country": country(row.country), "records": agreements(records)],
                               ["printed": String(row.relations), "computed": String(computed)])))
            func term(_ id: String?, in scheme: ClassificationScheme) -> AuditFinding.Value {
                guard let id else { return .none }
                return .term(AuditFinding.Term(id, label: scheme.category(id: id)?.label ?? LocalizedText(en: id)))
            }
            func label(_ id: String?, in scheme: ClassificationScheme) -> LocalizedText {
                id.flatMap { scheme.category(id: $0)?.label } ?? .message("audit.detail.no-category")
            }
            let region = regions.category(of: row.country)?.id
            findings.append(AuditFinding(
                id: "\(prefix).region", claim: .message("audit.table2.region", localized: ["country": country(row.country)]),
                published: term(row.region, in: regions), computed: term(region, in: regions),
                status: Self.status(region == row.region), kind: .consistency,
                detail: .message("audit.detail.transcribes", localized: ["scheme": .message("text.quoted", localized: ["text": regions.title])]),
                sentence: .message(region == row.region ? "audit.sentence.table2.region" : "audit.sentence.table2.region-differs",
                                   localized: ["country": country(row.country), "printed": label(row.region, in: regions), "computed": label(region, in: regions),
                                               "scheme": .message("text.quoted", localized: ["text": regions.title])])))
            if let affiliationID = row.affiliation, let affiliations {
                let computedAffiliation = affiliations.category(of: row.country)?.id
                findings.append(AuditFinding(
                    id: "\(prefix).affiliation", claim: .message("audit.table2.affiliation", localized: ["country": country(row.country)]),
                    published: term(affiliationID, in: affiliations), computed: term(computedAffiliation, in: affiliations),
                    status: Self.status(computedAffiliation == affiliationID), kind: .consistency,
                    detail: .message("audit.detail.transcribes", localized: ["scheme": .message("text.quoted", localized: ["text": affiliations.title])]),
                    sentence: .message(computedAffiliation == affiliationID ? "audit.sentence.table2.affiliation" : "audit.sentence.table2.affiliation-differs",
                                       localized: ["country": country(row.country), "printed": label(affiliationID, in: affiliations),
                                                   "computed": label(computedAffiliation, in: affiliations),
                                                   "scheme": .message("text.quoted", localized: ["text": affiliations.title])])))
            }
        }
        let printed = Set(published.table2.map(\.country))
        for row in byCountry.rows where !printed.contains(CountryCode(unchecked: row.key.id)) {
            let code = CountryCode(unchecked: row.key.id)
            let records = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == code }
            findings.append(AuditFinding(
                id: "table2.\(row.key.id).relations", claim: .message("audit.table2.unlisted", localized: ["country": country(code)]),
                published: .number(0), computed: .number(row.count), status: .mismatch,
                detail: .message("audit.detail.records", localized: ["records": describe(records)]),
                sentence: .message("audit.sentence.table2.unlisted", localized: ["country": country(code), "records": agreements(records)], ["computed": String(row.count)])))
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
                detail: computed == total ? Self.noDetail : .message("audit.detail.records", localized: ["records": describe(records)]),
                sentence: .message(computed == total ? "audit.sentence.table2.total" : "audit.sentence.table2.total-differs",
                                   localized: ["region": category.label, "records": agreements(records)], ["printed": String(total), "computed": String(computed)])))
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
            let periodName = LocalizedText.message("audit.sentence.period", localized: ["years": period.label, "name": periodisation.quotedName(of: row.period)])
            findings.append(AuditFinding(
                id: "table3.\(row.period).relations",
                claim: .message("audit.table3.period", localized: ["period": period.label], ["relations": String(row.relations)]),
                published: .number(row.relations), computed: .number(records.count),
                status: Self.status(records.count == row.relations), detail: .joined(parts, separator: "list.semicolon"),
                sentence: .message(records.count == row.relations ? Self.key("audit.sentence.table3.count", count: row.relations) : "audit.sentence.table3.count-differs",
                                   localized: ["period": periodName, "records": agreements(records)],
                                   ["printed": String(row.relations), "computed": String(records.count)])))
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
            let sentence: LocalizedText
            if extra.isEmpty && missing.isEmpty {
                sentence = .message("audit.sentence.table3.states", localized: ["period": periodName])
            } else {
                let named = Self.list(missing.map { code in
                    let theirs = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == code }
                    var dates: [LocalizedText] = []
                    for relation in theirs {
                        let date: LocalizedText = relation.signed.map { .message("audit.sentence.of-year", localized: ["date": $0.brief]) } ?? .message("analysis.undated")
                        if !dates.contains(date) { dates.append(date) }
                    }
                    return .message(theirs.isEmpty ? "audit.sentence.state-without-relations" : "audit.sentence.state-whose-relations",
                                    localized: ["country": country(code), "dates": Self.list(dates, last: "list.or")])
                })
                let omitted = Self.list(extra.map(country))
                let extraRecords = records.filter { relation in analysis.partnerCity(of: relation).map { extra.contains($0.country) } ?? false }
                let key = records.count == row.relations
                    ? (missing.isEmpty ? "audit.sentence.table3.slip-omits" : extra.isEmpty ? "audit.sentence.table3.slip-names" : "audit.sentence.table3.slip")
                    : (missing.isEmpty ? "audit.sentence.table3.states-omit" : extra.isEmpty ? "audit.sentence.table3.states-name" : "audit.sentence.table3.states-differ")
                sentence = .message(key, localized: ["period": periodName, "records": agreements(extraRecords), "named": named, "omitted": omitted],
                                    ["printed": String(row.relations)])
            }
            findings.append(AuditFinding(
                id: "table3.\(row.period).countries",
                claim: .message("audit.table3.states", localized: ["period": period.label]),
                published: .terms(row.countries.map(countryTerm)), computed: .terms(computedStates.map(countryTerm)),
                status: Self.status(extra.isEmpty && missing.isEmpty), detail: .joined(explanation, separator: "list.semicolon"),
                sentence: sentence))
        }
        let dated = analysis.relations.filter { $0.signed != nil }.count
        let printedTotal = published.table3.map(\.relations).reduce(0, +)
        findings.append(AuditFinding(
            id: "table3.total", claim: .message("audit.table3.total", ["total": String(printedTotal)]),
            published: .number(printedTotal), computed: .number(dated), status: Self.status(dated == printedTotal), detail: Self.noDetail,
            sentence: .message("audit.sentence.table3.total", ["printed": String(printedTotal), "computed": String(dated)])))
        return findings
    }

    // MARK: Table 4

    /// Table 4 against its own transcription: the memberships that cite Table 4 (all of them where
    /// the published file does not say which sources stand for Table 4), and each network's scope.
    /// A membership recorded from Table 1 alone is left to the checks across tables.
    func table4Findings() -> [AuditFinding] {
        var findings: [AuditFinding] = []
        func member(_ local: String) -> AuditFinding.Term {
            AuditFinding.Term(local, label: cityName(recordID(local)))
        }
        func citesTable4(_ membership: NetworkMembership) -> Bool {
            published.table4Sources.isEmpty || membership.sources.contains { published.table4Sources.contains(local($0.id)) }
        }
        for row in published.table4 {
            let networkID = recordID(row.network)
            guard let network = content.networks.first(where: { $0.id == networkID }) else {
                findings.append(AuditFinding(
                    id: "table4.\(row.network).members", claim: .message("audit.table4.network", ["network": row.network]),
                    published: .terms(row.members.map(member)), computed: .none, status: .mismatch, kind: .consistency,
                    detail: .message("audit.detail.no-network", ["network": row.network]),
                    sentence: .message("audit.sentence.table4.no-network", ["network": row.network])))
                continue
            }
            let memberships = content.memberships.filter { $0.networkID == networkID && citesTable4($0) }
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
            let printedNames = Self.list(row.members.map { member($0).label })
            let holds = extra.isEmpty && missing.isEmpty
            findings.append(AuditFinding(
                id: "table4.\(row.network).members",
                claim: .message("audit.table4.members", localized: ["network": network.name]),
                published: .terms(row.members.map(member)), computed: .terms(computed.map(member)),
                status: Self.status(holds), kind: .consistency, detail: .joined(detail, separator: "list.semicolon"),
                sentence: row.members.isEmpty && holds
                    ? .message("audit.sentence.table4.empty", localized: ["network": network.name])
                    : .message(holds ? Self.key("audit.sentence.table4.members", count: row.members.count) : "audit.sentence.table4.members-differ",
                               localized: ["network": network.name, "members": printedNames,
                                           "computed": Self.list(computed.map { member($0).label })], ["count": String(row.members.count)])))
            findings.append(AuditFinding(
                id: "table4.\(row.network).scope", claim: .message("audit.table4.scope", localized: ["network": network.name]),
                published: .term(AuditFinding.Term(row.scope.rawValue, label: row.scope.label)),
                computed: .term(AuditFinding.Term(network.scope.rawValue, label: network.scope.label)),
                status: Self.status(network.scope == row.scope), kind: .consistency, detail: Self.noDetail,
                sentence: .message(network.scope == row.scope ? "audit.sentence.table4.scope" : "audit.sentence.table4.scope-differs",
                                   localized: ["network": network.name, "printed": row.scope.label, "computed": network.scope.label])))
        }
        return findings
    }

    func missingScheme(_ id: String, id findingID: String) -> AuditFinding {
        AuditFinding(id: findingID, claim: .message("audit.classification", ["id": id]), published: .none, computed: .none,
                     status: .notCheckable, detail: .message("audit.detail.no-scheme", ["id": id]),
                     sentence: .message("audit.sentence.no-scheme", ["id": id]))
    }
}
