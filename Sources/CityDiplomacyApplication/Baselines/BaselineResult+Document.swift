import CityDiplomacyAnalysis
import CityDiplomacyCore

extension BaselineResult {
    /// Whether the observed share is more (or less) than chance at the 5% level, one-sided.
    public enum Verdict: String, Sendable {
        case holds = "holds-against-baseline"
        /// A claim that a group is favoured (comes first) that the baseline does not bear out.
        case notMoreThanChance = "not-more-than-chance"
        /// A claim that a group is avoided (comes last: its share is low) that the baseline does
        /// not bear out: the share is no lower than chance would give.
        case notLessThanChance = "not-less-than-chance"
    }

    /// The verdict for a claim that the group is favoured (`favoured`) or avoided (`!favoured`).
    public func verdict(favoured: Bool) -> Verdict {
        (favoured ? baseline.pMore : baseline.pLess) < 0.05 ? .holds : favoured ? .notMoreThanChance : .notLessThanChance
    }

    /// The figures in one sentence: observed, expected with its interval, both p-values.
    public var sentence: LocalizedText {
        let b = baseline
        return .message("baseline.sentence", localized: [
            "focus": focusLabel, "group": groupLabel,
            "observed": NetworkResult.decimalText(b.observedShare * 100, places: 1),
            "expected": NetworkResult.decimalText(b.expected.estimate * 100, places: 1),
            "lower": NetworkResult.decimalText(b.expected.lower * 100, places: 1),
            "upper": NetworkResult.decimalText(b.expected.upper * 100, places: 1),
            "pMore": NetworkResult.pValueText(b.pMore), "pLess": NetworkResult.pValueText(b.pLess),
            "model": .message("baseline.model.\(b.model.rawValue)"),
        ], ["inGroup": String(b.observedInGroup), "total": String(b.observedTotal), "draws": String(b.draws), "seed": String(b.seed)])
    }

    public var title: LocalizedText {
        .message("baseline.title", localized: ["focus": focusLabel, "group": groupLabel, "scheme": scheme.title])
    }

    /// What the share leaves out and what the reference is, stated.
    public var notes: [LocalizedText] {
        var notes: [LocalizedText] = [
            .message("baseline.note.model.\(baseline.model.rawValue)", localized: ["reference": reference.title], ["relations": String(referenceRelations)]),
            .message("baseline.note.datasets", localized: ["dataset": dataset.title, "reference": reference.title]),
            .message("baseline.note.group", localized: ["group": groupLabel, "scheme": scheme.title], ["count": String(groupCountries)]),
        ]
        if domesticLeftOut > 0 { notes.append(.message("baseline.note.domestic", ["count": String(domesticLeftOut)])) }
        if unclassifiedPartners > 0 { notes.append(.message("baseline.note.unclassified", localized: ["scheme": scheme.title], ["count": String(unclassifiedPartners)])) }
        notes.append(.message("baseline.note.unclassified-reference", localized: [
            "scheme": scheme.title, "reference": reference.title,
            "percent": NetworkResult.decimalText(unclassifiedReferenceShare * 100, places: 1),
        ]))
        if baseline.observedTotal == 0 { notes.append(.message("baseline.note.empty", localized: ["focus": focusLabel])) }
        return notes
    }

    /// The baseline as a document: the sentence, the figures as a table, the notes.
    public var document: ReportDocument {
        let b = baseline
        let rows: [(String, Tabulation.Cell)] = [
            ("observed-in-group", .number(b.observedInGroup)), ("observed-total", .number(b.observedTotal)),
            ("observed-percent", .percent(b.observedShare)), ("expected-percent", .percent(b.expected.estimate)),
            ("expected-lower-percent", .percent(b.expected.lower)), ("expected-upper-percent", .percent(b.expected.upper)),
            ("p-more", NetworkResult.pValueCell(b.pMore)), ("p-less", NetworkResult.pValueCell(b.pLess)), ("draws", .number(b.draws)), ("seed", .number(Int(b.seed))),
        ]
        let table = Tabulation(title: .message("baseline.figures.title"),
                               columns: [.init(key: "figure", title: .message("network.figure")), .init(key: "value", title: .message("network.value"))],
                               rows: rows.map { [.code($0.0, label: .message("baseline.figure.\($0.0)")), $0.1] })
        return ReportDocument(title: title, sections: [.init(heading: .message("baseline.section"), paragraphs: [sentence] + notes, tables: [table])])
    }
}

/// A baseline as JSON, the same for `citydip baseline --format json` and `/api/v1/baseline`:
/// `{"focus", "focus_label", "scheme", "group", "group_label", "dataset", "against", "model",
/// "observed": {"in_group", "total", "share"}, "expected": {"share", "lower", "upper"},
/// "p_more", "p_less", "draws", "seed", "domestic_left_out", "unclassified_partners", "reference_relations",
/// "reference_unclassified_share"}`.
public struct BaselineView: Encodable, Sendable {
    struct Observed: Encodable { var inGroup, total: Int; var share: Double
        enum CodingKeys: String, CodingKey { case inGroup = "in_group", total, share } }
    struct Expected: Encodable { var share, lower, upper: Double }

    var focus, focusLabel, scheme, group, groupLabel, dataset, against, model: String
    var observed: Observed
    var expected: Expected
    var pMore, pLess: Double
    var draws: Int
    var seed: UInt64
    var domesticLeftOut, unclassifiedPartners, referenceRelations: Int
    var referenceUnclassifiedShare: Double

    enum CodingKeys: String, CodingKey {
        case focus, focusLabel = "focus_label", scheme, group, groupLabel = "group_label", dataset, against, model, observed, expected
        case pMore = "p_more", pLess = "p_less", draws, seed, domesticLeftOut = "domestic_left_out"
        case unclassifiedPartners = "unclassified_partners", referenceRelations = "reference_relations"
        case referenceUnclassifiedShare = "reference_unclassified_share"
    }

    public init(_ result: BaselineResult, language: Language) {
        let b = result.baseline
        focus = result.request.focus.text
        focusLabel = result.focusLabel[language]
        scheme = result.scheme.id
        group = result.request.group
        groupLabel = result.groupLabel[language]
        dataset = result.dataset.id
        against = result.reference.id
        model = b.model.rawValue
        observed = Observed(inGroup: b.observedInGroup, total: b.observedTotal, share: b.observedShare)
        expected = Expected(share: b.expected.estimate, lower: b.expected.lower, upper: b.expected.upper)
        pMore = b.pMore
        pLess = b.pLess
        draws = b.draws
        seed = b.seed
        domesticLeftOut = result.domesticLeftOut
        referenceUnclassifiedShare = result.unclassifiedReferenceShare
        unclassifiedPartners = result.unclassifiedPartners
        referenceRelations = result.referenceRelations
    }
}
