import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CityDiplomacyWeb

/// The audit page over findings built here (a finding of every status and kind, some with a
/// citable sentence), and the page, the API and their filters over the bundled study's audit
/// (structure only: its numbers change as the audit grows).
@Suite("The audit page and API: the headline by kind, citable sentences, filters by status and kind")
struct AuditPageTests {
    /// A word in Persian letters, written as code points (no Swift file holds Persian text).
    static let persian = "\u{062A}\u{0647}\u{0631}\u{0627}\u{0646}"

    static func finding(_ id: String, _ status: AuditFinding.Status, _ kind: AuditFinding.Kind, sentence: LocalizedText? = nil) -> AuditFinding {
        AuditFinding(id: id, claim: LocalizedText(en: "Claim \(id)", fa: persian), published: .number(20), computed: .number(21),
                     status: status, kind: kind, detail: LocalizedText(en: "Evidence of \(id)", fa: persian), sentence: sentence)
    }

    static let sentence = LocalizedText(en: "The study prints 20 relations for Tehran; the records give 21.", fa: "\(persian) 20 21")

    static let result = AuditResult(title: LocalizedText(en: "Audit", fa: persian), datasetID: "fixture", findings: [
        finding("c-match-1", .match, .consistency),
        finding("i-match-1", .match, .independent, sentence: sentence),
        finding("c-mismatch-1", .mismatch, .consistency),
        finding("i-not-checkable-1", .notCheckable, .independent),
        finding("i-contradicted-1", .contradicted, .independent, sentence: sentence),
        finding("c-scheme-dependent-1", .schemeDependent, .consistency),
        finding("i-mismatch-1", .mismatch, .independent),
        finding("i-scheme-dependent-1", .schemeDependent, .independent),
    ])

    static func page(_ query: String, result: AuditResult = result) throws -> String {
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/audit" + query),
                              body: RequestBody(buffer: ByteBuffer()))
        let context = PageContext(request: request)
        return try StudyPages.auditPage(result, status: try context.filters.auditStatus(), kind: try context.filters.auditKind(), context: context)
    }

    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<code dir=\"ltr\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test("The headline counts each kind apart; the findings come by section, each sentence above its evidence")
    func page() throws {
        let html = try Self.page("")
        #expect(html.contains("<p class=\"headline\">5 independent checks: 1 match, 1 mismatch, 1 contradicted, 1 scheme-dependent, 1 not checkable. "
            + "3 consistency checks (a printed cell against its own transcription): 1 match, 1 mismatch, 1 scheme-dependent.</p>"))
        #expect(Self.rows(html) == ["i-contradicted-1", "i-mismatch-1", "c-mismatch-1", "c-scheme-dependent-1", "i-scheme-dependent-1",
                                    "i-not-checkable-1", "i-match-1", "c-match-1"])
        let sections = html.components(separatedBy: "<tr class=\"section\"><th scope=\"rowgroup\" colspan=\"6\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(sections == ["Mismatches and contradicted claims", "Queried labels and findings that depend on the classification", "Not checkable", "Independent checks that match", "Consistency checks"])
        // The sentence is the finding's main text, its evidence under it; without one, the evidence alone.
        #expect(html.contains("<td class=\"evidence\"><p class=\"sentence\">\(Self.sentence.en)</p><p dir=\"auto\" class=\"detail\">Evidence of i-contradicted-1</p></td>"))
        #expect(html.contains("<td class=\"evidence\"><p dir=\"auto\" class=\"detail\">Evidence of c-mismatch-1</p></td>"))
        #expect(html.contains("<tr class=\"finding status-contradicted\" data-kind=\"independent\">"))
        #expect(html.contains("<span class=\"status\">CONTRADICTED</span> <span class=\"kind\">independent check</span>"))
        // A filter for each status and each kind, with its count.
        #expect(html.contains("<a class=\"status-contradicted\" href=\"/audit?status=contradicted\">contradicted (1)</a>"))
        #expect(html.contains("<a class=\"kind-all\" href=\"/audit\" aria-current=\"page\">Both kinds (8)</a>"))
        #expect(html.contains("<a class=\"kind-independent\" href=\"/audit?kind=independent\">Independent checks (5)</a>"))
        #expect(html.contains("<a class=\"kind-consistency\" href=\"/audit?kind=consistency\">Consistency checks (3)</a>"))
    }

    @Test("A kind and a status filter together; each link keeps the other filter and counts what it would list")
    func filters() throws {
        let html = try Self.page("?kind=consistency&status=mismatch")
        #expect(Self.rows(html) == ["c-mismatch-1"])
        #expect(html.contains("<a class=\"kind-consistency\" href=\"/audit?status=mismatch&amp;kind=consistency\" aria-current=\"page\">Consistency checks (1)</a>"))
        #expect(html.contains("<a class=\"kind-independent\" href=\"/audit?status=mismatch&amp;kind=independent\">Independent checks (1)</a>"))
        #expect(html.contains("<a class=\"status-match\" href=\"/audit?kind=consistency&amp;status=match\">match (1)</a>"))
        #expect(html.contains("<a class=\"status-all\" href=\"/audit?kind=consistency\">All findings (3)</a>"))
        // The summary's figures count every finding, whatever the filters.
        #expect(html.contains("<span class=\"figure\">2</span> do not match</a>"))
        #expect(html.contains("href=\"/api/v1/audit?status=mismatch&amp;kind=consistency&amp;lang=en\""))
        let none = try Self.page("?kind=consistency&status=contradicted")
        #expect(Self.rows(none).isEmpty)
        #expect(none.contains("No finding matches these filters."))
    }

    @Test("In Persian the page reads as Persian: statuses and kinds by their labels, codes only as code; a sentence with no Persian is marked English")
    func persian() throws {
        var result = Self.result
        result.findings = result.findings.map { var finding = $0; finding.sentence = finding.sentence.map { _ in Self.sentence }; return finding }
        let html = try Self.page("?lang=fa", result: result)
        let runs = LatinInPersian.offendingRuns(in: PersianPagesTests.visibleText(html))
        #expect(runs.isEmpty, "\(runs)")
        #expect(html.contains("<p class=\"headline\">\u{06F5} "))
        var english = Self.result
        english.findings[1].sentence = LocalizedText(en: "Tehran has 24 partners, as printed.")
        #expect(try Self.page("?lang=fa", result: english).contains("<p class=\"sentence\" lang=\"en\" dir=\"ltr\">Tehran has 24 partners, as printed.</p>"))
    }

    @Test("The bundled audit: ?kind= lists one kind on the page and in the API, whose summary_by_kind adds up; an unknown kind is a 400")
    func bundled() async throws {
        try await ObservatoryFixture.withClient { client in
            var independent = 0
            try await client.execute(uri: "/audit?kind=independent", method: .get) { response in
                #expect(response.status == .ok)
                let rows = response.text.components(separatedBy: "<tr class=\"finding ").dropFirst()
                #expect(rows.allSatisfy { $0.contains("data-kind=\"independent\"") })
                independent = rows.count
                #expect(response.text.contains("aria-current=\"page\">Independent checks (\(rows.count))</a>"))
            }
            try await client.execute(uri: "/audit?kind=sometimes", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("<code>kind</code>"))
            }
            try await client.execute(uri: "/audit?kind=consistency&lang=fa", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/audit", method: .get) { response in
                let audit = try #require(try response.json() as? [String: Any])
                let summary = try #require(audit["summary"] as? [String: Int])
                let byKind = try #require(audit["summary_by_kind"] as? [String: [String: Int]])
                #expect(Set(byKind.keys) == ["independent", "consistency"])
                for (status, count) in summary {
                    #expect((byKind["independent"]?[status] ?? -1) + (byKind["consistency"]?[status] ?? -1) == count, "\(status)")
                }
                #expect(byKind["independent"]?.values.reduce(0, +) == independent)
                let findings = try #require(audit["findings"] as? [[String: Any]])
                #expect(findings.allSatisfy { $0.keys.contains("kind") && $0.keys.contains("sentence") })
            }
            try await client.execute(uri: "/api/v1/audit?kind=consistency&status=match", method: .get) { response in
                let findings = try #require((try response.json() as? [String: Any])?["findings"] as? [[String: Any]])
                #expect(findings.allSatisfy { $0["kind"] as? String == "consistency" && $0["status"] as? String == "match" })
            }
            try await client.execute(uri: "/api/v1/audit?kind=wrong", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try response.json() as? [String: Any])
                #expect(error["field"] as? String == "kind")
                #expect((error["error"] as? String)?.contains("expected independent or consistency") == true)
            }
        }
    }
}
