import CityDiplomacyCore
import Foundation

/// The checks a referee adds to the study's own: its tables against each other, its printed sums,
/// the attribution of its events, relations dated before their partner's state existed, and labels
/// a reader would query. Each is found by a rule over the records and the transcription, never
/// listed by hand.
extension StudyAudit {
    // MARK: Table 1 against the other tables

    /// For every transcribed row of Table 1: its partner-state column against its partner cities,
    /// its events column against the study's events, and its networks column against Table 4.
    func table1Findings() -> [AuditFinding] {
        published.table1.flatMap { row in
            [partnerStateFinding(row), eventColumnFinding(row), networkColumnFinding(row)]
        }
    }

    private func countryCounts(_ codes: [CountryCode]) -> [CountryCode: Int] {
        codes.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// One state per partner city, in the row's order: a state printed fewer times than the row has
    /// partner cities in it is missing from the column.
    private func partnerStateFinding(_ row: PublishedStudy.CityRow) -> AuditFinding {
        let cityID = recordID(row.city)
        let relations = analysis.relations.filter { $0.cityID == cityID }
        let recorded = relations.compactMap { analysis.partnerCity(of: $0)?.country }
        let printed = countryCounts(row.partnerStates)
        let computed = countryCounts(recorded)
        var missing: [LocalizedText] = []
        var extra: [LocalizedText] = []
        for code in computed.keys.sorted() where computed[code, default: 0] > printed[code, default: 0] {
            let cities = relations.filter { analysis.partnerCity(of: $0)?.country == code }.map { cityName($0.partnerID) }
            missing.append(.message("audit.sentence.state-of-cities", localized: ["country": country(code), "cities": Self.list(cities)],
                                    ["missing": String(computed[code, default: 0] - printed[code, default: 0])]))
        }
        for code in printed.keys.sorted() where printed[code, default: 0] > computed[code, default: 0] {
            extra.append(country(code))
        }
        let holds = missing.isEmpty && extra.isEmpty
        var parts: [LocalizedText] = []
        if !missing.isEmpty { parts.append(.message("audit.sentence.column-misses", localized: ["states": Self.list(missing)])) }
        if !extra.isEmpty { parts.append(.message("audit.sentence.column-adds", localized: ["states": Self.list(extra)])) }
        let name = cityName(cityID)
        return AuditFinding(
            id: "table1.\(row.city).partner-states", claim: .message("audit.table1.states", localized: ["city": name]),
            published: .terms(row.partnerStates.map(countryTerm)), computed: .terms(recorded.map(countryTerm)),
            status: holds ? .match : .mismatch,
            detail: .joined(parts, separator: "list.semicolon"),
            sentence: .message(holds ? "audit.sentence.table1.states" : "audit.sentence.table1.states-differ",
                               localized: ["city": name, "problems": .joined(parts, separator: "list.semicolon")],
                               ["cities": String(relations.count), "states": String(row.partnerStates.count)]))
    }

    /// The events column against the study's own events of the city (events this project added
    /// are not the study's and are checked against its claims instead).
    private func eventColumnFinding(_ row: PublishedStudy.CityRow) -> AuditFinding {
        let cityID = recordID(row.city)
        let recorded = content.events.filter { $0.cityID == cityID && !$0.isSupplement }
        let printed = Set(row.events.map(recordID))
        let missing = recorded.filter { !printed.contains($0.id) }
        let unknown = row.events.filter { id in !content.events.contains { $0.id == recordID(id) } }
        func title(_ event: InternationalEvent) -> LocalizedText {
            .message("audit.sentence.event", localized: ["title": event.title, "city": cityName(event.cityID)], ["year": String(event.year)])
        }
        let holds = missing.isEmpty && unknown.isEmpty
        let name = cityName(cityID)
        let listed = Self.list(content.events.filter { printed.contains($0.id) }.map { .message("audit.sentence.event-title", localized: ["title": $0.title]) })
        return AuditFinding(
            id: "table1.\(row.city).events", claim: .message("audit.table1.events", localized: ["city": name]),
            published: .terms(row.events.map { id in AuditFinding.Term(id, label: content.events.first { $0.id == recordID(id) }?.title ?? LocalizedText(en: id)) }),
            computed: .terms(recorded.map { AuditFinding.Term(local($0.id), label: $0.title) }),
            status: holds ? .match : .mismatch,
            detail: holds ? Self.noDetail : .message("audit.detail.events-not-in-row", localized: ["events": Self.list(missing.map(title))],
                                                      ["unknown": unknown.joined(separator: ", ")]),
            sentence: row.events.isEmpty && recorded.isEmpty
                ? .message("audit.sentence.table1.no-events", localized: ["city": name])
                : .message(holds ? "audit.sentence.table1.events" : "audit.sentence.table1.events-differ",
                           localized: ["city": name, "events": listed, "missing": Self.list(missing.map(title))]))
    }

    /// The networks column against Table 4's member lists. A network Table 4 adds is explained
    /// when the row names a section of it (Metropolis, UCLG's metropolitan section: its members
    /// count as UCLG's, as Table 4 itself notes) or names, in the events column, the title the
    /// membership stands for (ISESCO's capitals).
    private func networkColumnFinding(_ row: PublishedStudy.CityRow) -> AuditFinding {
        let cityID = recordID(row.city)
        let name = cityName(cityID)
        let inTable1 = row.networks
        let inTable4 = published.table4.filter { $0.members.contains(row.city) }.map(\.network)
        func networkName(_ local: String) -> LocalizedText { content.networksByID[recordID(local)]?.name ?? LocalizedText(en: local) }
        let rowEvents = content.events.filter { row.events.map(recordID).contains($0.id) }
        var explained: [LocalizedText] = []
        var onlyTable4: [String] = []
        for network in inTable4 where !inTable1.contains(network) {
            if let section = inTable1.first(where: { content.networksByID[recordID($0)]?.partOf == recordID(network) }) {
                explained.append(.message("audit.sentence.explained-section", localized: ["network": networkName(network), "section": networkName(section)]))
            } else if let membership = content.memberships.first(where: { $0.cityID == cityID && $0.networkID == recordID(network) }),
                      let year = membership.since?.year, let event = rowEvents.first(where: { $0.year == year }) {
                explained.append(.message("audit.sentence.explained-event", localized: ["network": networkName(network), "event": event.title]))
            } else {
                onlyTable4.append(network)
            }
        }
        let onlyTable1 = inTable1.filter { !inTable4.contains($0) }
        var problems: [LocalizedText] = []
        if !onlyTable4.isEmpty {
            problems.append(.message(inTable1.isEmpty ? "audit.sentence.row-lists-none" : "audit.sentence.only-table4",
                                     localized: ["networks": Self.list(onlyTable4.map(networkName))]))
        }
        if !onlyTable1.isEmpty {
            problems.append(.message("audit.sentence.only-table1", localized: ["networks": Self.list(onlyTable1.map(networkName))]))
        }
        let holds = problems.isEmpty
        var sentenceParts = problems
        if !explained.isEmpty {
            // Beside disagreements, what is explained is labelled so; alone, it is the sentence's whole point.
            sentenceParts.append(holds ? Self.list(explained) : .message("audit.sentence.explained", localized: ["items": Self.list(explained)]))
        }
        func terms(_ ids: [String]) -> AuditFinding.Value { .terms(ids.map { AuditFinding.Term($0, label: networkName($0)) }) }
        return AuditFinding(
            id: "table1.\(row.city).networks", claim: .message("audit.table1.networks", localized: ["city": name]),
            published: terms(inTable1), computed: terms(inTable4),
            status: holds ? .match : .mismatch,
            detail: .joined(sentenceParts, separator: "list.semicolon"),
            sentence: .message(holds ? (explained.isEmpty ? "audit.sentence.table1.networks" : "audit.sentence.table1.networks-explained")
                                     : "audit.sentence.table1.networks-differ",
                               localized: ["city": name, "problems": .joined(sentenceParts, separator: "list.semicolon")]))
    }

    // MARK: Table 2's printed sums

    /// Each region's printed rows against its printed total, and the printed totals against the
    /// text's count of all relations: arithmetic on the printed table alone.
    func table2SumFindings() -> [AuditFinding] {
        guard let regions = schemes[published.regionScheme] else { return [] }
        var findings: [AuditFinding] = []
        for category in regions.categories {
            guard let total = published.table2Totals[category.id] else { continue }
            let rows = published.table2.filter { $0.region == category.id }
            let sum = rows.map(\.relations).reduce(0, +)
            findings.append(AuditFinding(
                id: "table2.sum.\(category.id)", claim: .message("audit.table2.row-sum", localized: ["region": category.label], ["total": String(total)]),
                published: .number(total), computed: .number(sum), status: sum == total ? .match : .mismatch,
                detail: .message("audit.detail.row-sum", localized: ["rows": .joined(rows.map {
                    .message("findings.name-count", localized: ["name": country($0.country)], ["count": String($0.relations)])
                }, separator: "list.comma")]),
                sentence: .message(sum == total ? "audit.sentence.table2.row-sum" : "audit.sentence.table2.row-sum-differs",
                                   localized: ["region": category.label], ["sum": String(sum), "total": String(total), "rows": String(rows.count)])))
        }
        let grand = published.table2Totals.values.reduce(0, +)
        let textTotal = published.claims.lazy.compactMap { claim -> Int? in
            if case let .relationCount(nil, value) = claim.check { return value } else { return nil }
        }.first
        if let textTotal {
            findings.append(AuditFinding(
                id: "table2.sum.all", claim: .message("audit.table2.grand-total", ["total": String(textTotal)]),
                published: .number(textTotal), computed: .number(grand), status: grand == textTotal ? .match : .mismatch,
                detail: Self.noDetail,
                sentence: .message(grand == textTotal ? "audit.sentence.table2.grand-total" : "audit.sentence.table2.grand-total-differs",
                                   ["sum": String(grand), "total": String(textTotal), "regions": String(published.table2Totals.count)])))
        }
        return findings
    }

    // MARK: Events

    /// A title Table 4 lists under a programme (a membership dated the year of one of the city's
    /// events) whose record names another awarding body: the study's attribution against the
    /// record's, with the sources that say so.
    func eventAttributionFindings() -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for row in published.table4 {
            let networkID = recordID(row.network)
            guard let network = content.networksByID[networkID] else { continue }
            for member in row.members {
                let cityID = recordID(member)
                guard let membership = content.memberships.first(where: { $0.cityID == cityID && $0.networkID == networkID }),
                      let year = membership.since?.year,
                      let event = content.events.first(where: { $0.cityID == cityID && $0.year == year && !$0.isSupplement }) else { continue }
                guard let body = event.awardingBody, !body.isEmpty else { continue }
                // The body agrees when it names the network: its acronym or its name as whole words.
                let words = Set(body.components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }.map { $0.lowercased() })
                let names = [network.acronym, network.name.en].compactMap { $0 }.filter { !$0.isEmpty }
                let agrees = names.contains { name in
                    let parts = name.components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }.map { $0.lowercased() }
                    return !parts.isEmpty && (parts.count == 1 ? words.contains(parts[0]) : body.range(of: name, options: .caseInsensitive) != nil)
                }
                let added = event.sources.filter(\.isSupplement)
                let awardingBody = LocalizedText(en: event.awardingBody ?? "—", fa: event.awardingBody(in: .fa) ?? "—")
                let status: AuditFinding.Status = agrees ? .match : (added.isEmpty ? .mismatch : .contradicted)
                let sources = Self.list(added.map(sourceName))
                findings.append(AuditFinding(
                    id: "events.\(local(event.id)).awarded-by",
                    claim: .message("audit.events.attribution", localized: ["event": event.title, "network": network.name, "city": cityName(cityID)]),
                    published: .term(AuditFinding.Term(row.network, label: network.name)),
                    computed: .term(AuditFinding.Term(event.awardingBody ?? "", label: awardingBody)),
                    status: status,
                    detail: agrees ? Self.noDetail : .message("audit.detail.awarded-by", localized: ["body": awardingBody, "sources": sources]),
                    sentence: .message(agrees ? "audit.sentence.attribution" : (added.isEmpty ? "audit.sentence.attribution-differs" : "audit.sentence.attribution-contradicted"),
                                       localized: ["city": cityName(cityID), "event": event.title, "network": network.name, "body": awardingBody, "sources": sources],
                                       ["year": String(year)])))
            }
        }
        return findings
    }

    // MARK: Anachronisms

    /// Relations dated before their partner's state existed (Shiraz–Dushanbe, 1980, counted under
    /// Tajikistan, a state since 1991), found from the countries' dates of statehood.
    func anachronismFindings() -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for relation in analysis.relations {
            guard let signed = relation.signed, let partner = analysis.partnerCity(of: relation),
                  let state = countryRecords[partner.country], let since = state.stateSince, Self.isBefore(signed, since) else { continue }
            let predecessor = state.predecessor ?? .message("audit.detail.another-state")
            let cited = relation.sources.filter(\.isSupplement)
            let sources: LocalizedText = cited.isEmpty ? .message("audit.detail.country-table") : Self.list(cited.map(sourceName))
            findings.append(AuditFinding(
                id: "anachronism.\(local(relation.cityID)).\(local(relation.partnerID))",
                claim: .message("audit.anachronism", localized: ["relation": describe(relation), "country": country(partner.country)]),
                published: .term(countryTerm(partner.country)), computed: .term(AuditFinding.Term(predecessor.en, label: predecessor)),
                status: .contradicted,
                detail: .message("audit.detail.anachronism", localized: ["country": country(partner.country), "since": since.written, "predecessor": predecessor]),
                sentence: .message("audit.sentence.anachronism", localized: [
                    "relation": describe(relation), "partner": cityName(relation.partnerID), "country": country(partner.country),
                    "since": since.written, "predecessor": predecessor, "date": signed.brief, "sources": sources,
                ])))
        }
        return findings
    }

    /// Whether `date` lies wholly before `since`: a year-only date before the year, or a full date
    /// before the day (1991 is not before 1991-09-09: it may be after).
    static func isBefore(_ date: PartialDate, _ since: PartialDate) -> Bool {
        if date.year != since.year { return date.year < since.year }
        guard let month = date.month, let sinceMonth = since.month else { return false }
        if month != sinceMonth { return month < sinceMonth }
        guard let day = date.day, let sinceDay = since.day else { return false }
        return day < sinceDay
    }

    // MARK: Labels to query

    /// The study's labels reproduced as printed, each with its erratum and sources.
    func erratumFindings() -> [AuditFinding] {
        published.errata.map { erratum in
            let scheme = schemes[erratum.scheme]
            let label = scheme?.category(of: erratum.country)?.label ?? LocalizedText(en: erratum.scheme)
            let sources = erratum.sources.compactMap(source(local:))
            let records = analysis.relations.filter { analysis.partnerCity(of: $0)?.country == erratum.country }
            let citations = Self.list(sources.map(sourceName))
            return AuditFinding(
                id: "erratum.\(erratum.id)",
                claim: .message("audit.erratum", localized: ["country": country(erratum.country), "label": label]),
                published: .term(AuditFinding.Term(scheme?.category(of: erratum.country)?.id ?? erratum.scheme, label: label)),
                computed: .term(AuditFinding.Term(erratum.id, label: erratum.note)),
                status: sources.isEmpty ? .notCheckable : .queried,
                detail: .message("audit.detail.erratum", localized: ["note": erratum.note, "sources": citations]),
                sentence: .message(sources.isEmpty ? "audit.sentence.erratum-unsourced" : "audit.sentence.erratum", localized: [
                    "country": country(erratum.country), "label": label, "records": describe(records), "note": erratum.note, "sources": citations,
                ]))
        }
    }
}
