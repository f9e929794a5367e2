import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Testing

/// An audit built here, not the bundled study's: a finding of every status and kind, in an order
/// that is not the listing's, some with a citable sentence.
enum AuditFixture {
    /// "Tehran" in Persian letters, written as code points (no Swift file holds Persian text).
    static let tehran = "\u{062A}\u{0647}\u{0631}\u{0627}\u{0646}"

    static func finding(_ id: String, _ status: AuditFinding.Status, _ kind: AuditFinding.Kind, sentence: LocalizedText? = nil) -> AuditFinding {
        AuditFinding(id: id, claim: LocalizedText(en: "Claim \(id)", fa: tehran), published: .number(20), computed: .number(21),
                     status: status, kind: kind, detail: LocalizedText(en: "Detail of \(id)", fa: tehran), sentence: sentence)
    }

    static let sentence = LocalizedText(en: "The study prints 20 relations for Tehran; the records give 21.", fa: "\(tehran) 20 21")

    /// The study's order.
    static let findings: [AuditFinding] = [
        finding("c-match-1", .match, .consistency),
        finding("i-match-1", .match, .independent, sentence: LocalizedText(en: "Tehran has 24 partners, as printed.")),
        finding("c-mismatch-1", .mismatch, .consistency),
        finding("i-not-checkable-1", .notCheckable, .independent),
        finding("i-contradicted-1", .contradicted, .independent, sentence: sentence),
        finding("c-scheme-dependent-1", .schemeDependent, .consistency),
        finding("i-mismatch-1", .mismatch, .independent),
        finding("c-contradicted-1", .contradicted, .consistency),
        finding("i-scheme-dependent-1", .schemeDependent, .independent),
        finding("c-not-checkable-1", .notCheckable, .consistency),
        finding("i-match-2", .match, .independent),
        finding("c-match-2", .match, .consistency),
        finding("i-mismatch-2", .mismatch, .independent),
    ]

    static let result = AuditResult(title: LocalizedText(en: "Audit"), datasetID: "fixture", findings: findings)

    /// The listing the rule gives, written out by hand.
    static let listed = [
        "i-contradicted-1", "i-mismatch-1", "i-mismatch-2", "c-mismatch-1", "c-contradicted-1",
        "c-scheme-dependent-1", "i-scheme-dependent-1",
        "i-not-checkable-1", "c-not-checkable-1",
        "i-match-1", "i-match-2",
        "c-match-1", "c-match-2",
    ]
}

@Suite("The audit lists what does not match first, the consistency checks last, and by status and kind")
struct AuditListingTests {
    @Test("Mismatches and contradicted findings first (independent before consistency), then scheme-dependent, not checkable, independent matches, consistency matches; each in the study's order")
    func order() {
        #expect(AuditFixture.result.listed().map(\.id) == AuditFixture.listed)
        #expect(AuditFixture.result.sections().map(\.heading.en) == [
            "Mismatches and contradicted claims", "Queried labels and findings that depend on the classification", "Not checkable", "Independent checks that match", "Consistency checks",
        ])
        #expect(AuditFixture.result.sections().flatMap(\.findings).map(\.id) == AuditFixture.listed)
    }

    @Test("A status, a kind or both list their findings only, in the same order; sections with none are left out")
    func filters() {
        let result = AuditFixture.result
        #expect(result.listed(.mismatch).map(\.id) == ["i-mismatch-1", "i-mismatch-2", "c-mismatch-1"])
        #expect(result.listed(kind: .consistency).map(\.id) == AuditFixture.listed.filter { $0.hasPrefix("c-") })
        #expect(result.listed(.match, kind: .independent).map(\.id) == ["i-match-1", "i-match-2"])
        #expect(result.sections(.match).map(\.heading.en) == ["Independent checks that match", "Consistency checks"])
        #expect(result.sections(kind: .independent).count == 4)
        #expect(result.count() == 13)
        #expect(result.count(status: .contradicted) == 2)
        #expect(result.count(status: .match, kind: .consistency) == 2)
        #expect(result.counts(of: .independent).map(\.count) == [2, 2, 1, 0, 1, 1])
        #expect(result.counts.map(\.count).reduce(0, +) == result.findings.count)
    }

    @Test("Status and kind are read as the CLI and the web take them; an unknown one is an error naming the field")
    func choices() throws {
        #expect(try AuditStatusChoice.parse("contradicted", field: "status").status == .contradicted)
        #expect(try AuditStatusChoice.parse("scheme-dependent", field: "status").status == .schemeDependent)
        #expect(try AuditKindChoice.parse("Consistency", field: "kind").kind == .consistency)
        let status = #expect(throws: ApplicationError.self) { try AuditStatusChoice.parse("wrong", field: "status") }
        #expect(status?.field == "status")
        let kind = #expect(throws: ApplicationError.self) { try AuditKindChoice.parse("sometimes", field: "kind") }
        #expect(kind?.field == "kind")
        #expect(AuditStatusChoice.allCases.map(\.status) == AuditFinding.Status.allCases)
        #expect(AuditKindChoice.allCases.map(\.kind) == AuditFinding.Kind.allCases)
    }

    @Test("The bundled study's audit is listed by the same rule (structure only: its numbers change as the audit grows)")
    func bundled() async throws {
        let audit = try await WorkspaceFixture.workspace().audit(dataset: nil)
        let listed = audit.listed()
        #expect(listed.count == audit.findings.count)
        let sections = listed.map { AuditResult.Section($0).rawValue }
        #expect(sections == sections.sorted())
        #expect(audit.sections().flatMap(\.findings).map(\.id) == listed.map(\.id))
        #expect(audit.count(kind: .independent) + audit.count(kind: .consistency) == audit.findings.count)
    }
}

@Suite("The audit's headline counts each kind of check apart, in English and Persian")
struct AuditHeadlineTests {
    @Test("Independent checks first, then consistency checks, each by status; counted, not written in")
    func english() {
        #expect(AuditRenderer.headline(AuditFixture.findings).en
            == "7 independent checks: 2 match, 2 mismatch, 1 contradicted, 1 scheme-dependent, 1 not checkable. "
            + "6 consistency checks (a printed cell against its own transcription): 2 match, 1 mismatch, 1 contradicted, 1 scheme-dependent, 1 not checkable.")
        // A status no finding has, and a kind none has, are left out; one check is "check".
        let one = [AuditFixture.finding("c", .match, .consistency)]
        #expect(AuditRenderer.headline(one).en == "1 consistency check (a printed cell against its own transcription): 1 match.")
        let some = AuditFixture.findings.filter { $0.kind == .independent && $0.status != .contradicted }
        #expect(AuditRenderer.headline(some).en == "6 independent checks: 2 match, 2 mismatch, 1 scheme-dependent, 1 not checkable.")
        #expect(AuditRenderer.headline([]).en == "No findings.")
    }

    @Test("In Persian: Persian digits, the Arabic comma between statuses and the Arabic semicolon between kinds, no Latin")
    func persian() {
        let style = OutputStyle(language: .fa)
        let headline = style.text(AuditRenderer.headline(AuditFixture.findings))
        #expect(headline.hasPrefix("\u{06F7} "))
        #expect(headline.contains("\u{06F6} "))
        #expect(headline.filter { $0 == "\u{061B}" }.count == 1)
        #expect(headline.filter { $0 == "\u{060C}" }.count == 8)
        #expect(!headline.unicodeScalars.contains { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0))) })
        // The independent checks (7) come first, the consistency checks (6) after the semicolon.
        let parts = headline.split(separator: "\u{061B}")
        #expect(parts.count == 2 && parts[1].hasPrefix(" \u{06F6} "))
    }
}

@Suite("The audit's outputs: JSON with kind and sentence, Markdown and HTML by section, the terminal summary")
struct AuditOutputTests {
    @Test("JSON findings add kind and the sentence in the language asked for (null where there is none)")
    func json() throws {
        let view = try OrderedJSONEncoder().encode(AuditFixture.result.listed().map { AuditFindingView($0, language: .en) }).serialized(pretty: false)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(view.utf8)) as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == AuditFixture.listed)
        let first = try #require(findings.first)
        #expect(first["kind"] as? String == "independent")
        #expect(first["status"] as? String == "contradicted")
        #expect(first["sentence"] as? String == AuditFixture.sentence.en)
        #expect(findings[1]["sentence"] is NSNull)
        #expect(findings.allSatisfy { $0.keys.contains("sentence") && $0.keys.contains("kind") })
        #expect(view.hasPrefix(#"[{"id":"i-contradicted-1","claim":"Claim i-contradicted-1","published":20,"computed":21,"status":"contradicted","kind":"independent","detail":"#))
        let persian = AuditFindingView(AuditFixture.findings[4], language: .fa)
        #expect(persian.sentence == "\(AuditFixture.tehran) \u{06F2}\u{06F0} \u{06F2}\u{06F1}")
        // The renderer's JSON is the same shape.
        let rendered = try #require(try JSONSerialization.jsonObject(
            with: Data(AuditRenderer(format: .json, language: .en).render(AuditFixture.findings, sections: AuditFixture.result.sections(), title: AuditFixture.result.title).utf8)) as? [[String: Any]])
        #expect(rendered.map { $0["id"] as? String } == AuditFixture.listed)
        #expect(rendered.first?["kind"] as? String == "independent")
        #expect(rendered.first?["sentence"] as? String == AuditFixture.sentence.en)
    }

    @Test("The API's view counts by status and by kind, and lists the status and kind asked for")
    func apiView() throws {
        let view = AuditView(AuditFixture.result, language: .en, kind: .consistency)
        let text = try OrderedJSONEncoder().encode(view).serialized(pretty: false)
        #expect(text.hasPrefix(#"{"title":"Audit","summary":{"match":4,"mismatch":3,"contradicted":2,"queried":0,"scheme-dependent":2,"not-checkable":2},"#
            + #""summary_by_kind":{"independent":{"match":2,"mismatch":2,"contradicted":1,"queried":0,"scheme-dependent":1,"not-checkable":1},"#
            + #""consistency":{"match":2,"mismatch":1,"contradicted":1,"queried":0,"scheme-dependent":1,"not-checkable":1}},"findings":["#))
        #expect(view.findings.map(\.id) == AuditFixture.listed.filter { $0.hasPrefix("c-") })
        #expect(AuditView(AuditFixture.result, language: .en, status: .mismatch, kind: .independent).findings.map(\.id) == ["i-mismatch-1", "i-mismatch-2"])
    }

    @Test("Markdown: the headline first, then a table per section in order, the empty ones left out, with the citable sentence")
    func markdown() throws {
        let result = AuditFixture.result
        let md = AuditRenderer(format: .md, language: .en).render(result.findings, sections: result.sections(), title: result.title)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Mismatches and contradicted claims", "## Queried labels and findings that depend on the classification", "## Not checkable",
                             "## Independent checks that match", "## Consistency checks"])
        let headline = try #require(md.range(of: "7 independent checks: "))
        #expect(headline.lowerBound < md.range(of: "## ")!.lowerBound)
        #expect(md.contains("| Id | Kind | Published | Printed | From the records | Status | Citable sentence | Detail |"))
        #expect(md.contains("| `i-contradicted-1` | independent check | Claim i-contradicted-1 | 20 | 21 | CONTRADICTED | \(AuditFixture.sentence.en) | Detail of i-contradicted-1 |"))
        // Without a sentence the row keeps its claim and detail.
        #expect(md.contains("| `c-mismatch-1` | consistency check | Claim c-mismatch-1 | 20 | 21 | MISMATCH |  | Detail of c-mismatch-1 |"))
        let ids = md.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { $0.dropFirst(3).prefix { $0 != "`" } }.map(String.init)
        #expect(ids == AuditFixture.listed)

        let matches = AuditRenderer(format: .md, language: .en).render(result.findings, sections: result.sections(.match), title: result.title)
        #expect(matches.split(separator: "\n").filter { $0.hasPrefix("## ") } == ["## Independent checks that match", "## Consistency checks"])
        #expect(matches.contains("4 of 13 findings listed."))
        #expect(matches.contains("7 independent checks: "))
    }

    @Test("HTML: the headline, then each section under its heading, in Persian right to left")
    func html() throws {
        let result = AuditFixture.result
        let html = AuditRenderer(format: .html, language: .en).render(result.findings, sections: result.sections(kind: .consistency), title: result.title)
        let headings = html.components(separatedBy: "<h2>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(headings == ["Mismatches and contradicted claims", "Queried labels and findings that depend on the classification", "Not checkable", "Consistency checks"])
        #expect(html.contains("<p class=\"summary\">7 independent checks: "))
        #expect(html.contains("<caption>2 findings</caption>"))
        let persian = AuditRenderer(format: .html, language: .fa).render(result.findings, sections: result.sections(), title: result.title)
        #expect(persian.contains("dir=\"rtl\""))
        #expect(persian.components(separatedBy: "<h2>").count == 6)
    }

    @Test("The terminal summary: the headline, then the findings that do not match, each by its sentence where it has one")
    func summary() {
        let result = AuditFixture.result
        let renderer = AuditRenderer(format: .md, language: .en)
        let text = renderer.summaryMarkdown(result.findings, listing: result.listed().filter { $0.status != .match }, title: result.title)
        #expect(text.contains("\n7 independent checks: 2 match, "))
        #expect(text.contains("The findings that do not match:"))
        #expect(text.contains("| `i-contradicted-1` | CONTRADICTED | independent check | \(AuditFixture.sentence.en) |"))
        #expect(text.contains("| `c-mismatch-1` | MISMATCH | consistency check | Detail of c-mismatch-1 |"))
        #expect(!text.contains("i-match-1"))
        let filtered = renderer.summaryMarkdown(result.findings, listing: result.listed(.match, kind: .independent), filtered: true, title: result.title)
        #expect(filtered.contains("The findings asked for:"))
        #expect(filtered.contains("| `i-match-1` | match | independent check | Tehran has 24 partners, as printed. |"))
        let none = renderer.summaryMarkdown(result.findings, listing: [], filtered: true, title: result.title)
        #expect(none.contains("No finding matches these filters."))
    }
}
