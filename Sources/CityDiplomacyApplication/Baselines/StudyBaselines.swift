import CityDiplomacyAnalysis
import CityDiplomacyCore

/// The study's claims about whom Iran's cities pair with first and last (section 5-1), each as a
/// baseline to beat: the periphery first (the study's regions), the Islamic countries first (under
/// every reading of the study's civilisational labels, and as OIC membership), the West last.
/// A claim that a group comes first holds against the baseline when its share is higher than the
/// world's at the 5% level (one-sided); "last", when lower.
///
/// ```swift
/// let checks = try await workspace.studyBaselines(dataset: "iran-2018")
/// checks.reference          // "wikipedia-2026", or nil: then each claim says it needs one
/// ```
public struct StudyBaselines: Sendable {
    /// One claim under one reading.
    public struct Claim: Sendable {
        /// `periphery`, `islamic` or `west`.
        public var claim: String
        public var scheme: String
        public var group: String
        /// Whether the claim says the group is favoured (first) rather than avoided (last).
        public var favoured: Bool
    }

    public struct Check: Sendable {
        public var claim: Claim
        public var result: BaselineResult
        public var verdict: BaselineResult.Verdict { result.verdict(favoured: claim.favoured) }
    }

    /// The reference dataset, or `nil` where the database holds none.
    public var reference: String?
    public var checks: [Check]

    /// The claims, each under every reading the catalogue holds.
    static func claims(_ catalogue: ClassificationCatalogue) -> [Claim] {
        let civilisations = catalogue.schemes.keys.filter { $0 == "study-civilisations" || $0.hasPrefix("study-civilisations:") }.sorted()
        return [Claim(claim: "periphery", scheme: "study-regions", group: "periphery", favoured: true)]
            + civilisations.filter { catalogue.schemes[$0]?.group(id: "islamic") != nil }.map { Claim(claim: "islamic", scheme: $0, group: "islamic", favoured: true) }
            + (catalogue.schemes["oic"] == nil ? [] : [Claim(claim: "islamic", scheme: "oic", group: "member", favoured: true)])
            + civilisations.filter { catalogue.schemes[$0]?.group(id: "western") != nil }.map { Claim(claim: "west", scheme: $0, group: "western", favoured: false) }
    }
}

extension Workspace {
    /// The study's claims against the world model of the largest imported dataset (1,000 draws,
    /// seed 2026), or no checks where there is none.
    public func studyBaselines(dataset: String) async throws -> StudyBaselines {
        guard let reference = try await defaultReferenceDataset(besides: dataset) else { return StudyBaselines(reference: nil, checks: []) }
        var checks: [StudyBaselines.Check] = []
        for claim in StudyBaselines.claims(classifications) {
            let request = try BaselineRequest(focus: "country:IR", scheme: claim.scheme, group: claim.group, dataset: dataset, against: reference)
            checks.append(.init(claim: claim, result: try await baseline(request)))
        }
        return StudyBaselines(reference: reference, checks: checks)
    }

    /// The checks as audit findings: "holds against the baseline" (a match) or "not more than
    /// chance" (queried: the count stands, its reading as a priority does not), with the figures;
    /// without a reference dataset, one not-checkable finding per claim saying so.
    func baselineFindings(dataset: String) async throws -> [AuditFinding] {
        let baselines = try await studyBaselines(dataset: dataset)
        guard baselines.reference != nil else {
            return ["periphery", "islamic", "west"].map { claim in
                AuditFinding(id: "baseline.\(claim)", claim: .message("baseline.claim.\(claim)"), published: .none, computed: .none,
                             status: .notCheckable, detail: .message("baseline.audit.needs-reference"),
                             sentence: .message("baseline.audit.needs-reference"))
            }
        }
        return baselines.checks.map { check in
            let result = check.result
            let verdict = LocalizedText.message("baseline.verdict.\(check.verdict.rawValue)")
            return AuditFinding(
                id: "baseline.\(check.claim.claim).\(check.claim.scheme).\(check.claim.group)",
                claim: .message("baseline.claim.\(check.claim.claim)"),
                published: .none, computed: .term(.init(check.verdict.rawValue, label: verdict)),
                status: check.verdict == .holds ? .match : .queried,
                detail: .message("baseline.audit.detail", localized: ["scheme": result.scheme.title, "sentence": result.sentence]),
                sentence: .message("baseline.audit.sentence", localized: ["verdict": verdict, "group": result.groupLabel, "scheme": result.scheme.title,
                                                                          "reference": result.reference.title,
                                                                          "p": NetworkResult.pRelationText(check.claim.favoured ? result.baseline.pMore : result.baseline.pLess),
                                                                          "observed": NetworkResult.decimalText(result.baseline.observedShare * 100, places: 1),
                                                                          "expected": NetworkResult.decimalText(result.baseline.expected.estimate * 100, places: 1),
                                                                          "lower": NetworkResult.decimalText(result.baseline.expected.lower * 100, places: 1),
                                                                          "upper": NetworkResult.decimalText(result.baseline.expected.upper * 100, places: 1)],
                                                ["draws": String(result.baseline.draws)]))
        }
    }

    /// The report's sections on comparison and baselines: the study's own comparison of Iran's
    /// cities with Istanbul, and its claims against the baseline; where no imported dataset
    /// stands for the world, a section saying that both need one.
    func comparisonSections(dataset: String) async throws -> [ReportDocument.Section] {
        guard let reference = try await defaultReferenceDataset(besides: dataset) else {
            return [.init(heading: .message("baseline.report.heading"), paragraphs: [.message("baseline.report.needs-reference")])]
        }
        var sections: [ReportDocument.Section] = []
        let subjects = ["Istanbul", "country:IR"]
        let command = "citydip compare \"Istanbul\" country:IR --dataset \(reference) --dataset \(dataset)"
        do {
            let comparison = try await compare(try ComparisonRequest(subjects: subjects, datasets: [reference, dataset]))
            sections.append(.init(heading: .message("compare.report.heading"),
                                  paragraphs: [.message("compare.report.command", ["command": command])] + comparison.notes + [comparison.testSentence(comparison.profiles[0])],
                                  tables: [comparison.figuresTable, comparison.profileTable(comparison.profiles[0])]))
        } catch {
            // Said, never dropped: a reader of the report must know the comparison is missing and why.
            let reason = (error as? ApplicationError)?.message ?? String(describing: error)
            sections.append(.init(heading: .message("compare.report.heading"),
                                  paragraphs: [.message("compare.report.failed", ["command": command, "reason": reason])]))
        }
        let baselines = try await studyBaselines(dataset: dataset)
        sections.append(.init(heading: .message("baseline.report.heading"),
                              paragraphs: [.message("baseline.report.method", localized: ["reference": .message("text.quoted", localized: ["text": try await requireDataset(reference).title])])],
                              items: baselines.checks.map { check in
                                  .message("baseline.report.item", localized: ["claim": .message("baseline.claim.\(check.claim.claim)"),
                                                                               "verdict": .message("baseline.verdict.\(check.verdict.rawValue)"),
                                                                               "sentence": check.result.sentence, "scheme": check.result.scheme.title])
                              }))
        return sections
    }
}
