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

    private func finding(_ published: AuditFinding.Value, _ computed: AuditFinding.Value, _ status: AuditFinding.Status, _ detail: String = "") -> AuditFinding {
        AuditFinding(id: "", claim: LocalizedText(en: ""), published: published, computed: computed, status: status, detail: detail)
    }

    private func evaluate(_ check: PublishedStudy.Check) -> AuditFinding {
        let relations = analysis.relations
        switch check {
        case let .relationCount(kind, published):
            let matching = relations.filter { kind == nil || $0.kind == kind }
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           kind.map { "relations of kind \($0)" } ?? "all relations")
        case let .datedCount(dated, published):
            let matching = relations.filter { ($0.signed != nil) == dated }
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           matching.count == published ? "" : "records: " + matching.map(describe).joined(separator: "; "))
        case let .cityPartners(city, country, published):
            guard let elsewhere = partnersElsewhere(city, country) else {
                return finding(.number(published), .none, .notCheckable,
                               "needs a dataset with \(city)'s relations (import one, e.g. the Wikipedia twin-cities list); the claim compares its \(published) with this dataset's \(relations.count)")
            }
            let comparisonHolds = relations.count < elsewhere.partners
            return finding(.number(published), .number(elsewhere.partners), elsewhere.partners == published ? .match : .mismatch,
                           "\(city) has \(elsewhere.partners) distinct partners in dataset \(elsewhere.dataset); the study's comparison (\(relations.count) < \(city)'s partners) \(comparisonHolds ? "holds" : "does not hold") with that count")
        case let .taggedCount(variants, comparison, published):
            var results: [(name: String, value: AuditFinding.Value)] = []
            var verdicts: [Bool] = []
            var details: [String] = []
            for variant in variants {
                let name = "\(variant.scheme): \(variant.tags.sorted().joined(separator: "+"))"
                guard let scheme = schemes[variant.scheme] else {
                    results.append((name, .none))
                    details.append("\(name): scheme not available")
                    continue
                }
                let matching = analysis.relations(taggedAnyOf: variant.tags, in: scheme)
                results.append((name, .number(matching.count)))
                let holds = comparison.holds(matching.count, against: published)
                verdicts.append(holds)
                var states: [CountryCode: Int] = [:]
                for relation in matching { if let c = analysis.partnerCity(of: relation)?.country { states[c, default: 0] += 1 } }
                let list = states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                details.append("\(name) → \(matching.count) (\(holds ? "holds" : "does not hold")): \(list)")
            }
            let status: AuditFinding.Status = verdicts.isEmpty ? .notCheckable
                : Set(verdicts).count > 1 ? .schemeDependent : (verdicts[0] ? .match : .mismatch)
            return finding(.text("\(comparison.rawValue) \(published)"), .variants(results), status, details.joined(separator: "; "))
        case let .groupCount(schemeID, group, published):
            guard let scheme = schemes[schemeID] else {
                return finding(.number(published), .none, .notCheckable, "the scheme \(schemeID) is not available")
            }
            let matching = analysis.relations(in: group, by: .group(scheme))
            return finding(.number(published), .number(matching.count), matching.count == published ? .match : .mismatch,
                           matching.count == published ? "under \(schemeID)" : "records: " + matching.map(describe).joined(separator: "; "))
        case let .groupRanking(schemeID, ranks):
            return ranking(schemeID: schemeID, ranks: ranks)
        case let .networkCount(category, published):
            let count = content.networks.filter { $0.category == category }.count
            let others = content.networks.filter { $0.category != category }.map(\.name.en)
            return finding(.number(published), .number(count), count == published ? .match : .mismatch,
                           "networks of category \(category.rawValue); besides them: \(others.joined(separator: ", "))")
        case let .largestNetwork(published):
            let tally = analysis.membershipsByNetwork().ranked
            guard let top = tally.first else { return finding(.text(published), .none, .mismatch, "no memberships") }
            let topID = String(top.key.id.dropFirst(content.dataset.id.count + 1))
            let runnersUp = tally.dropFirst().prefix(3).map { "\($0.key.label.en) \($0.count)" }.joined(separator: ", ")
            return finding(.text(published), .text(topID), topID == published ? .match : .mismatch,
                           "\(top.key.label.en) has \(top.count) members; next: \(runnersUp)")
        case let .eventCount(kinds, published):
            let events = content.events.filter { kinds.contains($0.kind) }
            let names = events.map { "\(analysis.city($0.cityID)?.name.en ?? $0.cityID) \($0.year)" }
            return finding(.number(published), .number(events.count), events.count == published ? .match : .mismatch, names.joined(separator: ", "))
        }
    }

    private func ranking(schemeID: String, ranks: [[String]]) -> AuditFinding {
        let publishedValue = AuditFinding.Value.list(ranks.map { $0.joined(separator: " = ") })
        guard let scheme = schemes[schemeID] else {
            return finding(publishedValue, .none, .notCheckable, "the scheme \(schemeID) is not available")
        }
        let tally = analysis.tally(by: .group(scheme))
        let computed = tally.ranked.map { "\($0.key.id) \($0.count)" }
        func count(_ group: String) -> Int { tally.count(of: group) }
        var failures: [String] = []
        for (upper, lower) in zip(ranks, ranks.dropFirst()) {
            let lowest = upper.map(count).min() ?? 0
            let highest = lower.map(count).max() ?? 0
            if lowest <= highest {
                failures.append("\(upper.joined(separator: "/")) (\(upper.map { String(count($0)) }.joined(separator: "/"))) is not above \(lower.joined(separator: "/")) (\(lower.map { String(count($0)) }.joined(separator: "/")))")
            }
        }
        let named = Set(ranks.joined())
        let last = ranks.last ?? []
        let lastCount = last.map(count).max() ?? 0
        let below = tally.rows.filter { !named.contains($0.key.id) && $0.count < lastCount }
        let orderText = ranks.map { $0.map { "\($0) \(count($0))" }.joined(separator: ", ") }.joined(separator: " > ")
        if !failures.isEmpty {
            return finding(publishedValue, .list(computed), .mismatch, failures.joined(separator: "; "))
        }
        if !below.isEmpty {
            let others = below.map { "\($0.key.label.en) (\($0.key.id)) \($0.count)" }.joined(separator: ", ")
            return finding(publishedValue, .list(computed), .schemeDependent,
                           "holds among the groups the claim names (\(orderText)); but \(others) fall below the last, so it depends on whether they count as groups of their own in \(schemeID)")
        }
        return finding(publishedValue, .list(computed), .match, orderText)
    }
}
