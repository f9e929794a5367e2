import CityDiplomacyCore

extension StudyTables {
    /// Table 2: relations by region, partner state and affiliation. One row per partner state with
    /// at least one relation, grouped by the region scheme's categories in its order, states in the
    /// scheme's order; states the region scheme does not classify come last as *unclassified*.
    public func regionTable(regions: ClassificationScheme, affiliations: ClassificationScheme) -> Tabulation {
        let analysis = RelationAnalysis(content: content)
        let byCountry = analysis.tally(by: .partnerCountry([:]))
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
        let regionTally = analysis.tally(by: .category(regions))
        let totals = LocalizedText(
            en: "Totals by region: " + regionTally.rows.map { "\($0.key.label.en) \($0.count)" }.joined(separator: "; ") + ".",
            fa: "جمع هر منطقه: " + regionTally.rows.map { "\($0.key.label[.fa]) \($0.count)" }.joined(separator: "؛ ") + ".")
        return Tabulation(
            title: LocalizedText(en: "Table 2 — Bilateral relations by region, country and civilisational affiliation",
                                 fa: "جدول ۲ — طبقه‌بندی تعاملات دوجانبه شهرها"),
            columns: [
                .init(key: "region", title: LocalizedText.message("analysis.region")),
                .init(key: "country_iso2", title: LocalizedText.message("web.country")),
                .init(key: "affiliation", title: LocalizedText.message("analysis.civilisational-affiliation")),
                .init(key: "relations", title: LocalizedText.message("analysis.relations")),
            ],
            rows: rows,
            notes: [totals,
                LocalizedText(en: "Regions: \(regions.id) (\(regions.sourceNote)). Affiliations: \(affiliations.id) (\(affiliations.sourceNote)).",
                                 fa: "مناطق: \(regions.id). وابستگی تمدنی: \(affiliations.id).")]
        )
    }

    /// Table 3: dated relations by period — head of government, discourse, count and the partner
    /// states in order of first appearance. Ambiguous dates are placed by `rule`.
    public func periodTable(periodisation: Periodisation, rule: AmbiguityRule = .standard) -> Tabulation {
        let analysis = RelationAnalysis(content: content)
        let dimension = Dimension.period(periodisation, rule)
        let rows: [[Tabulation.Cell]] = periodisation.periods.enumerated().map { index, period in
            let records = analysis.relations(in: period.id, by: dimension)
            var states: [CountryCode] = []
            for relation in records {
                if let country = analysis.partnerCity(of: relation)?.country, !states.contains(country) { states.append(country) }
            }
            let years = periodisation.years(ofPeriodAt: index)
            return [
                .text(period.label),
                .number(years.start),
                .number(years.end),
                period.headOfGovernment.map { .text($0) } ?? .empty,
                period.name.map { .text($0) } ?? .empty,
                .number(records.count),
                .list(states.map { .code($0.rawValue, label: countryName($0)) }),
            ]
        }
        let tally = analysis.tally(by: dimension)
        var notes = [LocalizedText(
            en: "\(tally.total - tally.count(of: Dimension.Key.undated.id)) dated relations, \(tally.count(of: Dimension.Key.undated.id)) undated. Ambiguous years placed by: \(rule.label.en).",
            fa: "\(tally.total - tally.count(of: Dimension.Key.undated.id)) رابطه تاریخ‌دار و \(tally.count(of: Dimension.Key.undated.id)) رابطه بدون تاریخ. سال‌های مبهم بر اساس: \(rule.label[.fa]).")]
        for (relation, candidates) in analysis.ambiguousRecords(in: periodisation) {
            let placed = periodisation.place(relation.signed, rule: rule, recorded: relation.periodPlacements[periodisation.id]).periodID ?? "—"
            notes.append(LocalizedText(
                en: "Ambiguous: \(cityName(relation.cityID).en)–\(cityName(relation.partnerID).en) (\(relation.signed!)) could be \(candidates.joined(separator: " or ")); placed in \(placed).",
                fa: "مبهم: \(cityName(relation.cityID)[.fa])–\(cityName(relation.partnerID)[.fa]) (\(relation.signed!)) می‌تواند در \(candidates.joined(separator: " یا ")) باشد؛ در \(placed) قرار گرفت."))
        }
        return Tabulation(
            title: LocalizedText(en: "Table 3 — Dated bilateral relations by foreign-policy period",
                                 fa: "جدول ۳ — طبقه‌بندی تعاملات دوجانبه شهری با توجه به گفتمان‌های سیاسی"),
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
        let analysis = RelationAnalysis(content: content)
        let tallies = rules.map { analysis.tally(by: .period(periodisation, $0)) }
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
