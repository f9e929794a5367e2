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
                         _ detail: LocalizedText = StudyAudit.noDetail) -> AuditFinding {
        AuditFinding(id: "", claim: LocalizedText(en: ""), published: published, computed: computed, status: status, detail: detail)
    }

    private func schemeName(_ id: String) -> LocalizedText {
        .message("text.quoted", localized: ["text": schemes[id]?.title ?? LocalizedText(en: id)])
    }

    private func holdsText(_ holds: Bool) -> LocalizedText { .message(holds ? "audit.detail.holds" : "audit.detail.does-not-hold") }

    private func evaluate(_ check: PublishedStudy.Check) -> AuditFinding {
        let relations = analysis.relations
        switch check {
        case let .relationCount(kind, published):
            let matching = relations.filter { kind == nil || $0.kind == kind }
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           kind.map { .message("audit.detail.relations-of-kind", localized: ["kind": $0.label]) } ?? .message("audit.detail.all-relations"))
        case let .datedCount(dated, published):
            let matching = relations.filter { ($0.signed != nil) == dated }
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           matching.count == published ? StudyAudit.noDetail : .message("audit.detail.records", localized: ["records": describe(matching)]))
        case let .cityPartners(city, country, published):
            let name = analysis.content.cities.first { $0.name.en == city && $0.country == country }?.name ?? LocalizedText(en: city)
            guard let elsewhere = partnersElsewhere(city, country) else {
                return finding(.number(published), .none, .notCheckable,
                               .message("audit.detail.needs-dataset", localized: ["city": name],
                                        ["published": String(published), "relations": String(relations.count)]))
            }
            let comparisonHolds = relations.count < elsewhere.partners
            return finding(.number(published), .number(elsewhere.partners), elsewhere.partners == published ? .match : .mismatch,
                           .message("audit.detail.partners-elsewhere", localized: ["city": name, "holds": holdsText(comparisonHolds)],
                                    ["partners": String(elsewhere.partners), "dataset": elsewhere.dataset, "relations": String(relations.count)]))
        case let .taggedCount(variants, comparison, published):
            var results: [(name: String, label: LocalizedText, value: AuditFinding.Value)] = []
            var verdicts: [Bool] = []
            var details: [LocalizedText] = []
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
            return finding(.term(printed), .variants(results), status, .joined(details, separator: "list.semicolon"))
        case let .groupCount(schemeID, group, published):
            guard let scheme = schemes[schemeID] else {
                return finding(.number(published), .none, .notCheckable, .message("audit.detail.no-scheme", ["id": schemeID]))
            }
            let matching = analysis.relations(in: group, by: .group(scheme))
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           matching.count == published ? .message("audit.detail.under", localized: ["scheme": schemeName(schemeID)])
                               : .message("audit.detail.records", localized: ["records": describe(matching)]))
        case let .groupRanking(schemeID, ranks):
            return ranking(schemeID: schemeID, ranks: ranks)
        case let .networkCount(category, published):
            let count = content.networks.filter { $0.category == category }.count
            let others = content.networks.filter { $0.category != category }.map(\.name)
            return finding(.number(published), .number(count), count == published ? .match : .mismatch,
                           .message("audit.detail.networks", localized: ["category": category.label, "others": .joined(others, separator: "list.comma")]))
        case let .largestNetwork(published):
            let tally = analysis.membershipsByNetwork().ranked
            func term(_ local: String) -> AuditFinding.Term {
                let id = RecordID(dataset: content.dataset.id, local: local).description
                return AuditFinding.Term(local, label: content.networks.first { $0.id == id }?.name ?? LocalizedText(en: local))
            }
            guard let top = tally.first else {
                return finding(.term(term(published)), .none, .mismatch, .message("audit.detail.no-memberships"))
            }
            let topID = String(top.key.id.dropFirst(content.dataset.id.count + 1))
            let runnersUp = LocalizedText.joined(tally.dropFirst().prefix(3).map {
                .message("findings.name-count", localized: ["name": $0.key.label], ["count": String($0.count)])
            }, separator: "list.comma")
            return finding(.term(term(published)), .term(term(topID)), topID == published ? .match : .mismatch,
                           .message("audit.detail.largest", localized: ["network": top.key.label, "next": runnersUp], ["count": String(top.count)]))
        case let .eventCount(kinds, published):
            let events = content.events.filter { kinds.contains($0.kind) }
            let names = events.map { event in
                LocalizedText.message("audit.detail.event", localized: ["city": cityName(event.cityID)], ["year": String(event.year)])
            }
            return finding(.number(published), .number(events.count), events.count == published ? .match : .mismatch,
                           .joined(names, separator: "list.comma"))
        }
    }

    private func ranking(schemeID: String, ranks: [[String]]) -> AuditFinding {
        guard let scheme = schemes[schemeID] else {
            let printed = AuditFinding.Value.list(ranks.map { $0.joined(separator: " = ") })
            return finding(printed, .none, .notCheckable, .message("audit.detail.no-scheme", ["id": schemeID]))
        }
        func label(_ group: String) -> LocalizedText { scheme.groups.first { $0.id == group }?.label ?? LocalizedText(en: group) }
        let publishedValue = AuditFinding.Value.terms(ranks.map { rank in
            AuditFinding.Term(rank.joined(separator: " = "), label: .joined(rank.map(label), separator: "list.equal"))
        })
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
        let last = ranks.last ?? []
        let lastCount = last.map(count).max() ?? 0
        let below = tally.rows.filter { !namedGroups.contains($0.key.id) && $0.count < lastCount }
        let order = LocalizedText.joined(ranks.map(named), separator: "list.greater")
        if !failures.isEmpty {
            return finding(publishedValue, computed, .mismatch, .joined(failures, separator: "list.semicolon"))
        }
        if !below.isEmpty {
            let others = LocalizedText.joined(below.map {
                .message("findings.name-count", localized: ["name": $0.key.label], ["count": String($0.count)])
            }, separator: "list.comma")
            return finding(publishedValue, computed, .schemeDependent,
                           .message("audit.detail.ranking-depends", localized: ["order": order, "others": others, "scheme": schemeName(schemeID)]))
        }
        return finding(publishedValue, computed, .match, order)
    }
}
