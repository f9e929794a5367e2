import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Testing

@Suite("The audit checks every published cell and claim")
struct StudyAuditTests {
    let fixture: StudyFixture
    let findings: [AuditFinding]

    init() throws {
        fixture = try StudyFixture()
        findings = StudyAudit(content: fixture.study, published: fixture.published, schemes: fixture.schemes,
                              periodisations: fixture.periodisations, countries: fixture.countries.countries).findings()
    }

    private func finding(_ id: String) throws -> AuditFinding {
        try #require(findings.first { $0.id == id }, "no finding \(id)")
    }

    @Test("Every cell of Tables 2, 3 and 4 and every claim is checked")
    func coverage() {
        let ids = Set(findings.map(\.id))
        #expect(findings.count == ids.count)
        #expect(findings.filter { $0.id.hasPrefix("table2.") && $0.id.hasSuffix(".relations") }.count == 39)
        #expect(findings.filter { $0.id.hasPrefix("table2.total.") }.count == 7)
        #expect(findings.filter { $0.id.hasPrefix("table3.") }.count == 13)
        #expect(findings.filter { $0.id.hasPrefix("table4.") }.count == 24)
        #expect(fixture.published.claims.allSatisfy { ids.contains($0.id) })
    }

    @Test("Table 3's 2005–2013 partner list prints Kuwait and misses Chile and Qatar; the detail names the records")
    func table3Mismatch() throws {
        let row = try finding("table3.justice-centred-principlism.countries")
        #expect(row.status == .mismatch)
        // Named by cities and years, as a reader finds them in the tables; never by record ids.
        #expect(row.detail.en.contains("Kuwait"))
        #expect(row.detail.en.contains("Ramsar–Puerto Montt (2009)"))
        #expect(row.detail.en.contains("Ramsar–Al Wakrah (2010)"))
        #expect(row.detail[.fa].contains("رامسر–پوئرتو مونت (2009)"))
        #expect(!row.detail.en.contains("iran-2018:"))
        #expect(try finding("table3.justice-centred-principlism.relations").status == .match)
    }

    @Test("Table 4's empty Creative Cities cell differs from Table 1, which lists Isfahan")
    func table4Mismatch() throws {
        let row = try finding("table4.unesco-creative-cities.members")
        #expect(row.status == .mismatch)
        #expect(row.computed == .terms([AuditFinding.Term("isfahan", label: LocalizedText(en: "Isfahan"))]))
        #expect(row.detail.en.contains("Table 1, row Isfahan"))
        #expect(row.detail[.fa].contains("جدول 1، ردیف اصفهان"))
    }

    @Test("'More than 30 with Islamic countries' depends on the definition: 32, 30 or 36")
    func islamicCountries() throws {
        let row = try finding("c3-islamic-countries")
        #expect(row.status == .schemeDependent)
        guard case let .variants(results) = row.computed else {
            Issue.record("expected results per scheme")
            return
        }
        #expect(results.map(\.value) == [.number(32), .number(30), .number(36)])
    }

    @Test("Istanbul's 75 partners cannot be checked without a dataset holding them, and can with one")
    func istanbul() throws {
        #expect(try finding("c2-istanbul").status == .notCheckable)
        let withData = StudyAudit(content: fixture.study, published: fixture.published, schemes: fixture.schemes,
                                  periodisations: fixture.periodisations, countries: fixture.countries.countries,
                                  partnersElsewhere: { city, _ in city == "Istanbul" ? ("wikipedia", 48) : nil })
        let row = try #require(withData.findings().first { $0.id == "c2-istanbul" })
        #expect(row.status == .mismatch)
        #expect(row.computed == .number(48))
        #expect(row.detail.en.contains("does not hold"))
    }

    @Test("The totals, the regional split, the dates, the networks and the events match")
    func matchingClaims() throws {
        for id in ["c1-sister-cities", "c1-memoranda", "c1-total", "c5-periphery", "c5-east-asia-eastern-europe",
                   "c5-other-regions", "c7-dated", "c7-undated", "c9-networks", "c9-largest-network",
                   "c10-cultural-events", "c10-sports-events", "table3.total"] {
            #expect(try finding(id).status == .match, "\(id)")
        }
    }

    @Test("Only the known discrepancies are reported")
    func summary() {
        let notMatching = findings.filter { $0.status != .match }.map(\.id).sorted()
        #expect(notMatching == ["c2-istanbul", "c3-islamic-countries", "c4-civilisational-ranking",
                                "table3.justice-centred-principlism.countries", "table4.unesco-creative-cities.members"])
    }

    @Test("JSON has exactly the documented fields")
    func json() throws {
        let text = AuditRenderer(format: .json, language: .en).render(findings, sections: [.init(heading: LocalizedText(en: "All"), findings: findings)],
                                                                      title: LocalizedText(en: "Audit"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == findings.count)
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "claim", "published", "computed", "status", "kind", "detail", "sentence"] })
        #expect(Set(rows.compactMap { $0["status"] as? String }).isSubset(of: ["match", "mismatch", "contradicted", "scheme-dependent", "not-checkable"]))
        #expect(Set(rows.compactMap { $0["kind"] as? String }).isSubset(of: ["independent", "consistency"]))
    }
}

@Suite("The regenerated report")
struct StudyReportTests {
    let fixture: StudyFixture
    let report: ReportDocument

    init() throws {
        fixture = try StudyFixture()
        report = StudyReportBuilder(
            content: fixture.study, countries: fixture.countries.countries,
            regions: try fixture.scheme("study-regions"), affiliations: try fixture.scheme("study-civilisations"),
            periodisation: try fixture.periodisation("iran-study-discourses"),
            taggedVariants: [(try fixture.scheme("oic"), ["oic-member"])]).document()
    }

    @Test("The report holds the findings, Tables 1–4, the method and every source")
    func sections() {
        #expect(report.sections.map(\.heading.en) == ["Findings", "Table 1", "Table 2", "Table 3", "Table 4", "Method", "Sources"])
        #expect(report.sections.last?.items.count == fixture.study.sources.count)
        let findings = report.sections[0].items.map(\.en)
        #expect(findings.contains { $0.contains("Iran's periphery: 31 (44%)") })
        #expect(findings.contains { $0.contains("40 relations have a known date and 30 have none") })
        #expect(findings.contains { $0.contains("30 (43%) under “OIC member and observer states”, tagged OIC member") })
    }

    @Test("Persian HTML is right-to-left with Persian digits, and escapes text")
    func persianHTML() {
        let html = ReportRenderer(format: .html, language: .fa).render(report)
        #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(html.contains("۷۰"))
        #expect(html.contains("http://sistercities.lacity.org/html/11.htm"))
        var hostile = report
        hostile.title = LocalizedText(en: "<script>alert(1)</script>")
        #expect(ReportRenderer(format: .html, language: .en).render(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("JSON output parses")
    func json() throws {
        let text = ReportRenderer(format: .json, language: .en).render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["sections"] as? [Any])?.count == 7)
    }
}
