import CityDiplomacyCore

extension StudyAudit {
    func claimFindings() -> [AuditFinding] {
        published.claims.map { claim in
            var finding = evaluate(claim.check)
            finding.id = claim.id
            finding.claim = claim.text
            return finding
        }
    }

    private func finding(_ published: AuditFinding.Value, _ computed: AuditFinding.Value, _ status: AuditFinding.Status,
                         _ detail: LocalizedText = StudyAudit.noDetail, sentence: LocalizedText) -> AuditFinding {
        AuditFinding(id: "", claim: LocalizedText(en: ""), published: published, computed: computed, status: status, detail: detail,
                     sentence: sentence)
    }

    private func schemeName(_ id: String) -> LocalizedText {
        .message("text.quoted", localized: ["text": schemes[id]?.title ?? LocalizedText(en: id)])
    }

    private func holdsText(_ holds: Bool) -> LocalizedText { .message(holds ? "audit.detail.holds" : "audit.detail.does-not-hold") }

    /// "bilateral relations", "sister-city relations", "cooperation memoranda", as a count reads them.
    private func noun(_ kind: RelationKind?) -> LocalizedText {
        MessageCatalogue.messages["audit.noun.\(kind?.rawValue ?? "all")"] ?? kind?.label ?? .message("audit.noun.all")
    }

    /// Partner cities with more than one relation, each with the cities it is paired with.
    private func sharedPartners(in relations: [BilateralRelation]) -> [(partner: String, relations: [BilateralRelation])] {
        var order: [String] = []
        var byPartner: [String: [BilateralRelation]] = [:]
        for relation in relations {
            if byPartner[relation.partnerID] == nil { order.append(relation.partnerID) }
            byPartner[relation.partnerID, default: []].append(relation)
        }
        // Partners of more than one home city: two agreements of the same pair are one city's.
        return order.compactMap { id in byPartner[id].flatMap { Set($0.map(\.cityID)).count > 1 ? (id, $0) : nil } }
    }

    private func evaluate(_ check: PublishedStudy.Check) -> AuditFinding {
        let relations = analysis.relations
        switch check {
        case let .relationCount(kind, published):
            let matching = relations.filter { kind == nil || $0.kind == kind }
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           kind.map { .message("audit.detail.relations-of-kind", localized: ["kind": $0.label]) } ?? .message("audit.detail.all-relations"),
                           sentence: .message("audit.sentence.relation-count", localized: ["noun": noun(kind)],
                                              ["printed": String(published), "computed": String(matching.count)]))
        case let .datedCount(dated, published):
            let matching = relations.filter { ($0.signed != nil) == dated }
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           matching.count == published ? StudyAudit.noDetail : .message("audit.detail.records", localized: ["records": describe(matching)]),
                           sentence: .message(dated ? "audit.sentence.dated" : "audit.sentence.undated",
                                              ["printed": String(published), "computed": String(matching.count), "total": String(relations.count)]))
        case let .cityPartners(city, country, published):
            let name = cityName(named: city, country: country)
            guard let elsewhere = partnersElsewhere(city, country) else {
                return finding(.number(published), .none, .notCheckable,
                               .message("audit.detail.needs-dataset", localized: ["city": name],
                                        ["published": String(published), "relations": String(relations.count)]),
                               sentence: .message("audit.sentence.city-partners-unchecked", localized: ["city": name], ["printed": String(published)]))
            }
            let comparisonHolds = relations.count < elsewhere.partners
            return finding(.number(published), .number(elsewhere.partners), elsewhere.partners == published ? .match : .mismatch,
                           .message("audit.detail.partners-elsewhere", localized: ["city": name, "holds": holdsText(comparisonHolds)],
                                    ["partners": String(elsewhere.partners), "dataset": elsewhere.dataset, "relations": String(relations.count)]),
                           sentence: .message("audit.sentence.city-partners", localized: ["city": name, "holds": holdsText(comparisonHolds)],
                                              ["printed": String(published), "computed": String(elsewhere.partners), "relations": String(relations.count)]))
        case let .partnerCityCount(kind, published, comparedWith):
            return partnerCities(kind: kind, published: published, comparedWith: comparedWith)
        case let .taggedCount(variants, comparison, published):
            return tagged(variants: variants, comparison: comparison, published: published)
        case let .groupCount(schemeID, group, published):
            guard let scheme = schemes[schemeID] else {
                return finding(.number(published), .none, .notCheckable, .message("audit.detail.no-scheme", ["id": schemeID]),
                               sentence: .message("audit.sentence.no-scheme", ["id": schemeID]))
            }
            let matching = analysis.relations(in: group, by: .group(scheme))
            let groupName = scheme.group(id: group)?.label ?? LocalizedText(en: group)
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           matching.count == published ? .message("audit.detail.under", localized: ["scheme": schemeName(schemeID)])
                               : .message("audit.detail.records", localized: ["records": describe(matching)]),
                           sentence: .message("audit.sentence.group-count", localized: ["group": groupName, "scheme": schemeName(schemeID)],
                                              ["printed": String(published), "computed": String(matching.count)]))
        case let .groupRanking(schemeID, ranks):
            return ranking(schemeID: schemeID, ranks: ranks)
        case let .networkCount(category, published):
            return networkCount(category: category, published: published)
        case let .largestNetwork(published):
            let tally = analysis.membershipsByNetwork().ranked
            func term(_ local: String) -> AuditFinding.Term {
                AuditFinding.Term(local, label: content.networks.first { $0.id == recordID(local) }?.name ?? LocalizedText(en: local))
            }
            guard let top = tally.first else {
                return finding(.term(term(published)), .none, .mismatch, .message("audit.detail.no-memberships"),
                               sentence: .message("audit.sentence.no-memberships", localized: ["network": term(published).label]))
            }
            let topID = local(top.key.id)
            let runnersUp = LocalizedText.joined(tally.dropFirst().prefix(3).map {
                .message("findings.name-count", localized: ["name": $0.key.label], ["count": String($0.count)])
            }, separator: "list.comma")
            return finding(.term(term(published)), .term(term(topID)), topID == published ? .match : .mismatch,
                           .message("audit.detail.largest", localized: ["network": top.key.label, "next": runnersUp], ["count": String(top.count)]),
                           sentence: .message(topID == published ? "audit.sentence.largest" : "audit.sentence.largest-differs",
                                              localized: ["network": top.key.label, "printed": term(published).label, "next": runnersUp],
                                              ["count": String(top.count)]))
        case let .eventCount(kinds, published):
            return events(kinds: kinds, published: published)
        }
    }

    private func cityName(named city: String, country: CountryCode) -> LocalizedText {
        analysis.content.cities.first { $0.name.en == city && $0.country == country }?.name ?? LocalizedText(en: city)
    }

    /// The unit a count of cities is in: distinct partner cities against relations, and a
    /// comparison with another city's partner cities made in the same unit.
    private func partnerCities(kind: RelationKind?, published: Int, comparedWith: PublishedStudy.CityFigure?) -> AuditFinding {
        let matching = analysis.relations.filter { kind == nil || $0.kind == kind }
        let distinct = Set(matching.map(\.partnerID)).count
        let shared = sharedPartners(in: matching)
        let sharedText = Self.list(shared.map { item in
            .message(item.relations.count == 2 ? "audit.sentence.shared-partner.two" : "audit.sentence.shared-partner",
                     localized: ["partner": cityName(item.partner), "cities": Self.list(item.relations.map { cityName($0.cityID) })],
                     ["count": String(item.relations.count)])
        })
        let detail: LocalizedText = shared.isEmpty ? .message("audit.detail.no-shared-partners")
            : .message("audit.detail.shared-partners", localized: ["partners": sharedText])
        let status: AuditFinding.Status = distinct == published ? .match : .mismatch
        guard let other = comparedWith else {
            return finding(.number(published), .number(distinct), status, detail,
                           sentence: .message(distinct == published ? "audit.sentence.partner-cities" : "audit.sentence.partner-cities-differ",
                                              localized: ["noun": noun(kind), "shared": sharedText],
                                              ["printed": String(published), "computed": String(distinct), "relations": String(matching.count)]))
        }
        let name = cityName(named: other.city, country: other.country)
        let theirs = partnersElsewhere(other.city, other.country)?.partners ?? other.published
        return finding(.number(published), .number(distinct), status, detail,
                       sentence: .message("audit.sentence.units", localized: ["city": name, "holds": holdsText(distinct < theirs), "shared": sharedText],
                                          ["printed": String(published), "computed": String(distinct), "other": String(other.published),
                                           "theirs": String(theirs), "sharedCount": String(shared.count)]))
    }

    private func tagged(variants: [PublishedStudy.TagVariant], comparison: PublishedStudy.Comparison, published: Int) -> AuditFinding {
        var results: [(name: String, label: LocalizedText, value: AuditFinding.Value)] = []
        var verdicts: [Bool] = []
        var details: [LocalizedText] = []
        var holding: [LocalizedText] = []
        var failing: [LocalizedText] = []
        for variant in variants {
            let name = "\(variant.scheme): \(variant.tags.sorted().joined(separator: "+"))"
            let label = LocalizedText.message("audit.variant", localized: [
                "scheme": schemeName(variant.scheme),
                "tags": .joined(variant.tags.sorted().map(ClassificationScheme.tagLabel), separator: "list.or"),
            ])
            guard let scheme = schemes[variant.scheme] else {
                results.append((name, label, .none))
                details.append(.message("audit.detail.variant-missing", localized: ["variant": label]))
                continue
            }
            let matching = analysis.relations(taggedAnyOf: variant.tags, in: scheme)
            results.append((name, label, .number(matching.count)))
            let holds = comparison.holds(matching.count, against: published)
            verdicts.append(holds)
            (holds ? { holding.append($0) } : { failing.append($0) })(.message("audit.sentence.variant-count", localized: ["variant": label], ["count": String(matching.count)]))
            var states: [CountryCode: Int] = [:]
            for relation in matching { if let c = analysis.partnerCity(of: relation)?.country { states[c, default: 0] += 1 } }
            let list = LocalizedText.joined(states.sorted { $0.key < $1.key }.map {
                .message("findings.name-count", localized: ["name": self.country($0.key)], ["count": String($0.value)])
            }, separator: "list.comma")
            details.append(.message("audit.detail.variant", localized: ["variant": label, "holds": holdsText(holds), "states": list],
                                    ["count": String(matching.count)]))
        }
        let status: AuditFinding.Status = verdicts.isEmpty ? .notCheckable
            : Set(verdicts).count > 1 ? .schemeDependent : (verdicts[0] ? .match : .mismatch)
        let printed = AuditFinding.Term("\(comparison.rawValue) \(published)",
                                        label: .message("audit.comparison.\(comparison.rawValue)", ["count": String(published)]))
        let key = failing.isEmpty ? "audit.sentence.tagged-holds" : holding.isEmpty ? "audit.sentence.tagged-fails" : "audit.sentence.tagged-depends"
        return finding(.term(printed), .variants(results), status, .joined(details, separator: "list.semicolon"),
                       sentence: .message(key, localized: ["printed": printed.label, "holding": .joined(holding, separator: "list.semicolon"),
                                                           "failing": .joined(failing, separator: "list.semicolon")]))
    }

    /// Ten networks — or nine, when a network that is a section of another (Metropolis of UCLG)
    /// counts as part of it.
    private func networkCount(category: CityNetwork.Category, published: Int) -> AuditFinding {
        let networks = content.networks.filter { $0.category == category }
        let others = content.networks.filter { $0.category != category }.map(\.name)
        let detail = LocalizedText.message("audit.detail.networks", localized: ["category": category.label, "others": .joined(others, separator: "list.comma")])
        let byID = content.networksByID
        let sections = networks.filter { network in network.partOf.map { parent in networks.contains { $0.id == parent } } ?? false }
        guard !sections.isEmpty else {
            return finding(.number(published), .number(networks.count), networks.count == published ? .match : .mismatch, detail,
                           sentence: .message("audit.sentence.network-count", localized: ["category": category.label],
                                              ["printed": String(published), "computed": String(networks.count)]))
        }
        let folded = networks.count - sections.count
        let pairs = Self.list(sections.map { section in
            .message("audit.sentence.section-of", localized: ["section": section.name,
                                                             "parent": section.partOf.flatMap { byID[$0]?.name } ?? .message("audit.detail.no-network-named")])
        })
        let apart = (name: "sections-apart", label: LocalizedText.message("audit.variant.sections-apart"), value: AuditFinding.Value.number(networks.count))
        let together = (name: "sections-in-parent", label: LocalizedText.message("audit.variant.sections-in-parent"), value: AuditFinding.Value.number(folded))
        let verdicts = Set([networks.count == published, folded == published])
        let status: AuditFinding.Status = verdicts.count > 1 ? .schemeDependent : (networks.count == published ? .match : .mismatch)
        return finding(.number(published), .variants([apart, together]), status,
                       .joined([detail, .message("audit.detail.sections", localized: ["pairs": pairs])], separator: "list.semicolon"),
                       sentence: .message("audit.sentence.network-count-sections", localized: ["pairs": pairs],
                                          ["printed": String(published), "apart": String(networks.count), "folded": String(folded)]))
    }

    /// Events of some kinds: the study's own records against its count, then the events this
    /// project added with their sources, which contradict a claim of "only".
    private func events(kinds: [EventKind], published: Int) -> AuditFinding {
        let all = content.events.filter { kinds.contains($0.kind) }
        let studys = all.filter { !$0.isSupplement }
        let added = all.filter(\.isSupplement)
        func named(_ events: [InternationalEvent]) -> LocalizedText {
            Self.list(events.map { .message("audit.sentence.event", localized: ["title": $0.title, "city": cityName($0.cityID)], ["year": String($0.year)]) })
        }
        let names = LocalizedText.joined(all.map { event in
            LocalizedText.message("audit.detail.event", localized: ["city": cityName(event.cityID)], ["year": String(event.year)])
        }, separator: "list.comma")
        if studys.count != published {
            return finding(.number(published), .number(studys.count), .mismatch, names,
                           sentence: .message("audit.sentence.events-differ", localized: ["events": named(studys)],
                                              ["printed": String(published), "computed": String(studys.count)]))
        }
        guard !added.isEmpty else {
            return finding(.number(published), .number(all.count), .match, names,
                           sentence: .message(Self.key("audit.sentence.events", count: published), localized: ["events": named(studys)], ["printed": String(published)]))
        }
        let sources = Self.list(added.flatMap(\.sources).filter(\.isSupplement).map(sourceName))
        return finding(.number(published), .number(all.count), .contradicted,
                       .message("audit.detail.events-added", localized: ["events": names, "sources": sources]),
                       sentence: .message(Self.key("audit.sentence.events-contradicted", count: published), localized: ["events": named(studys), "added": named(added), "sources": sources],
                                          ["printed": String(published), "computed": String(all.count)]))
    }

    /// The study's ranking of families, under the scheme's own grouping and each other reading of
    /// its labels.
    private func ranking(schemeID: String, ranks: [[String]]) -> AuditFinding {
        guard let base = schemes[schemeID] else {
            let printed = AuditFinding.Value.list(ranks.map { $0.joined(separator: " = ") })
            return finding(printed, .none, .notCheckable, .message("audit.detail.no-scheme", ["id": schemeID]),
                           sentence: .message("audit.sentence.no-scheme", ["id": schemeID]))
        }
        func label(_ group: String) -> LocalizedText { base.groups.first { $0.id == group }?.label ?? LocalizedText(en: group) }
        let publishedValue = AuditFinding.Value.terms(ranks.map { rank in
            AuditFinding.Term(rank.joined(separator: " = "), label: .joined(rank.map(label), separator: "list.equal"))
        })
        let readings = base.withReadings.map { scheme in (scheme: scheme, verdict: rankingVerdict(scheme, ranks: ranks)) }
        guard readings.count > 1 else {
            let only = readings[0]
            return finding(publishedValue, only.verdict.computed, only.verdict.status, only.verdict.detail,
                           sentence: .message("audit.sentence.ranking", localized: ["printed": printedOrder(ranks, label: label), "verdict": only.verdict.short]))
        }
        let variants = readings.map { item in
            (name: item.scheme.id, label: readingName(item.scheme), value: item.verdict.computed)
        }
        let statuses = Set(readings.map(\.verdict.status))
        let status: AuditFinding.Status = statuses.count == 1 ? statuses.first! : .schemeDependent
        let details = LocalizedText.joined(readings.map { item in
            .message("audit.sentence.under-reading", localized: ["reading": readingName(item.scheme), "verdict": item.verdict.detail])
        }, separator: "list.semicolon")
        let perReading = LocalizedText.joined(readings.map { item in
            .message("audit.sentence.under-reading", localized: ["reading": readingName(item.scheme), "verdict": item.verdict.short])
        }, separator: "list.semicolon")
        return finding(publishedValue, .variants(variants), status, details,
                       sentence: .message("audit.sentence.ranking-readings", localized: ["printed": printedOrder(ranks, label: label), "readings": perReading],
                                          ["count": String(readings.count)]))
    }

    private func readingName(_ scheme: ClassificationScheme) -> LocalizedText {
        .message("text.quoted", localized: ["text": scheme.currentReading?.title ?? scheme.title])
    }

    private func printedOrder(_ ranks: [[String]], label: (String) -> LocalizedText) -> LocalizedText {
        .joined(ranks.map { .joined($0.map(label), separator: "list.equal") }, separator: "list.greater")
    }

    private func rankingVerdict(_ scheme: ClassificationScheme, ranks: [[String]])
        -> (computed: AuditFinding.Value, status: AuditFinding.Status, detail: LocalizedText, short: LocalizedText) {
        func label(_ group: String) -> LocalizedText { scheme.groups.first { $0.id == group }?.label ?? LocalizedText(en: group) }
        let tally = analysis.tally(by: .group(scheme))
        let computed = AuditFinding.Value.terms(tally.ranked.map {
            AuditFinding.Term("\($0.key.id) \($0.count)", label: .message("findings.name-count", localized: ["name": $0.key.label], ["count": String($0.count)]))
        })
        func count(_ group: String) -> Int { tally.count(of: group) }
        func named(_ groups: [String]) -> LocalizedText {
            .joined(groups.map { .message("findings.name-count", localized: ["name": label($0)], ["count": String(count($0))]) }, separator: "list.comma")
        }
        var failures: [LocalizedText] = []
        for (upper, lower) in zip(ranks, ranks.dropFirst()) {
            let lowest = upper.map(count).min() ?? 0
            let highest = lower.map(count).max() ?? 0
            if lowest <= highest {
                failures.append(.message("audit.detail.not-above", localized: ["upper": named(upper), "lower": named(lower)]))
            }
        }
        let namedGroups = Set(ranks.joined())
        let lastCount = (ranks.last ?? []).map(count).max() ?? 0
        let below = tally.rows.filter { !namedGroups.contains($0.key.id) && $0.count < lastCount }
        let order = LocalizedText.joined(ranks.map(named), separator: "list.greater")
        if !failures.isEmpty {
            let text = LocalizedText.joined(failures, separator: "list.semicolon")
            return (computed, .mismatch, text, .message("audit.sentence.reading-fails", localized: ["failures": text]))
        }
        if !below.isEmpty {
            let others = Self.list(below.map {
                .message("findings.name-count", localized: ["name": $0.key.label], ["count": String($0.count)])
            })
            return (computed, .schemeDependent,
                    .message("audit.detail.ranking-depends", localized: ["order": order, "others": others, "scheme": .message("text.quoted", localized: ["text": scheme.title])]),
                    .message("audit.sentence.reading-depends", localized: ["order": order, "others": others, "last": named(ranks.last ?? [])]))
        }
        return (computed, .match, .message("audit.detail.ranking-holds", localized: ["order": order]),
                .message("audit.sentence.reading-holds", localized: ["order": order]))
    }
}
