import CityDiplomacyCore

extension StudyTables {
    /// Table 2: relations by region, partner state and affiliation. One row per partner state with
    /// at least one relation, grouped by the region scheme's categories in its order, states in the
    /// scheme's order; states the region scheme does not classify come last as *unclassified*.
    public func regionTable(regions: ClassificationScheme, affiliations: ClassificationScheme) -> Tabulation {
        let byCountry = counting.tally(by: .partnerCountry([:]), includeEmpty: false)
        let counted = Set(byCountry.rows.map(\.key.id))
        var ordered: [CountryCode] = regions.assignments.map(\.country).filter { counted.contains($0.rawValue) }
        let classified = Set(ordered.map(\.rawValue))
        ordered += byCountry.rows.map(\.key.id).filter { !classified.contains($0) && $0 != Dimension.Key.unclassified.id }
            .sorted().map(CountryCode.init(unchecked:))
        let regionOrder = regions.categories.map(\.id)
        ordered = ordered.enumerated().sorted { lhs, rhs in
            let l = regions.category(of: lhs.element).flatMap { regionOrder.firstIndex(of: $0.id) } ?? regionOrder.count
            let r = regions.category(of: rhs.element).flatMap { regionOrder.firstIndex(of: $0.id) } ?? regionOrder.count
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
        let rows: [[Tabulation.Cell]] = ordered.map { country in
            let region = regions.category(of: country)
            let affiliation = affiliations.category(of: country)
            return [
                region.map { .code($0.label.en, label: $0.label) } ?? .code("unclassified", label: Dimension.Key.unclassified.label),
                .code(country.rawValue, label: countryName(country)),
                affiliation.map { .code($0.label.en, label: $0.label) } ?? .empty,
                .number(byCountry.count(of: country.rawValue)),
            ]
        }
        let (groups, total) = regionSubtotals(ordered, rows: rows, regions: regions)
        let regionTally = counting.tally(by: .category(regions), includeEmpty: false)
        let totals = LocalizedText.message("tables.region-totals", localized: [
            "totals": .joined(regionTally.rows.map { .message("findings.label-count", localized: ["label": $0.key.label], ["count": String($0.count)]) }, separator: "list.semicolon"),
        ])
        return Tabulation(
            title: .message("tables.table2.title"),
            columns: [
                .init(key: "region", title: LocalizedText.message("analysis.region")),
                .init(key: "country_iso2", title: LocalizedText.message("web.country")),
                .init(key: "affiliation", title: LocalizedText.message("analysis.civilisational-affiliation")),
                .init(key: "relations", title: LocalizedText.message("analysis.relations")),
            ],
            rows: rows,
            notes: [totals,
                .message("tables.table2.schemes", localized: ["regions": regions.title, "regionsNote": regions.sourceNote,
                                                              "affiliations": affiliations.title, "affiliationsNote": affiliations.sourceNote])],
            groups: groups, total: total
        )
    }

    /// Table 2's regions as the study prints them: each region's states together with the sum of
    /// their relations, and the sum of all (the study's 70).
    private func regionSubtotals(_ ordered: [CountryCode], rows: [[Tabulation.Cell]], regions: ClassificationScheme)
        -> (groups: [Tabulation.RowGroup], total: [Tabulation.Cell]) {
        func count(_ row: [Tabulation.Cell]) -> Int {
            if case let .number(value)? = row.last { return value ?? 0 }
            return 0
        }
        var groups: [Tabulation.RowGroup] = []
        var start = 0
        while start < ordered.count {
            let region = regions.category(of: ordered[start])?.id
            var end = start + 1
            while end < ordered.count, regions.category(of: ordered[end])?.id == region { end += 1 }
            let label = regions.category(of: ordered[start])?.label ?? Dimension.Key.unclassified.label
            let code = regions.category(of: ordered[start])?.label.en ?? "unclassified"
            groups.append(Tabulation.RowGroup(rows: start..<end, subtotal: [
                .code(code, label: .message("tables.subtotal", localized: ["group": label])), .empty, .empty,
                .number(rows[start..<end].map(count).reduce(0, +)),
            ]))
            start = end
        }
        let total: [Tabulation.Cell] = [.code("total", label: .message("tables.total")), .empty, .empty, .number(rows.map(count).reduce(0, +))]
        return (groups, total)
    }

    /// Table 3: dated relations by period — head of government, discourse, count and the partner
    /// states in order of first appearance. Ambiguous dates are placed by `rule`.
    public func periodTable(periodisation: Periodisation, rule: AmbiguityRule = .standard) -> Tabulation {
        let dimension = Dimension.period(periodisation, rule)
        let rows: [[Tabulation.Cell]] = periodisation.periods.enumerated().map { index, period in
            let (records, states) = counting.partnerStates(in: period.id, by: dimension)
            let years = periodisation.years(ofPeriodAt: index)
            return [
                .text(periodisation.labelWithBothCalendars(ofPeriodAt: index)),
                .number(years.start),
                .number(years.end),
                period.headOfGovernment.map { .text($0) } ?? .empty,
                period.name.map { .text($0) } ?? .empty,
                .number(records),
                .list(states.map { .code($0.rawValue, label: countryName($0)) }),
            ]
        }
        let tally = counting.tally(by: dimension, includeEmpty: false)
        let undated = tally.count(of: Dimension.Key.undated.id)
        var notes: [LocalizedText] = [.message("tables.table3.dated", localized: ["rule": rule.label], ["dated": String(tally.total - undated), "undated": String(undated)])]
        for relation in counting.ambiguousPlacements(in: periodisation) {
            let placed = periodisation.place(relation.signed, rule: rule, recorded: relation.recorded).periodID
            notes.append(.message("tables.table3.ambiguous",
                                  localized: ["city": relation.cityName, "partner": relation.partnerName,
                                              "candidates": .joined(relation.candidates.map { periodisation.quotedName(of: $0) }, separator: "list.or"),
                                              "placed": placed.map { periodisation.quotedName(of: $0) } ?? LocalizedText(en: "—")],
                                  ["date": "\(relation.signed)"]))
        }
        return Tabulation(
            title: .message("tables.table3.title"),
            columns: [
                .init(key: "period", title: LocalizedText.message("analysis.period")),
                .init(key: "start_year", title: LocalizedText.message("analysis.from")),
                .init(key: "end_year", title: LocalizedText.message("analysis.to")),
                .init(key: "head_of_government", title: LocalizedText.message("analysis.head-of-government")),
                .init(key: "discourse", title: LocalizedText.message("analysis.discourse")),
                .init(key: "relations", title: LocalizedText.message("analysis.relations")),
                .init(key: "countries_iso2", title: LocalizedText.message("analysis.partner-states")),
            ],
            rows: rows,
            notes: notes
        )
    }

    /// How the period counts move under each rule for ambiguous years.
    public func periodAlternativesTable(periodisation: Periodisation, rules: [AmbiguityRule] = AmbiguityRule.all) -> Tabulation {
        let tallies = rules.map { counting.tally(by: .period(periodisation, $0), includeEmpty: false) }
        var rows: [[Tabulation.Cell]] = periodisation.periods.map { period in
            [.text(period.label)] + tallies.map { .number($0.count(of: period.id)) }
        }
        rows.append([.text(Dimension.Key.ambiguous.label)] + tallies.map { .number($0.count(of: Dimension.Key.ambiguous.id)) })
        return Tabulation(
            title: LocalizedText.message("analysis.period-counts-under-each-rule-for-ambiguous-year"),
            columns: [.init(key: "period", title: LocalizedText.message("analysis.period-2"))]
                + rules.map { .init(key: $0.description, title: $0.label) },
            rows: rows
        )
    }
}
