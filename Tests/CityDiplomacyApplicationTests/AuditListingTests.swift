import CityDiplomacyApplication
import CityDiplomacyCore
import Testing

@Suite("The audit lists what does not match first, and by status")
struct AuditListingTests {
    @Test("Findings that do not match come first, matching ones last, each status in the study's order")
    func order() async throws {
        let audit = try await WorkspaceFixture.workspace().audit(dataset: nil)
        let listed = audit.listed()
        #expect(listed.count == audit.findings.count)
        let ranks = listed.map { AuditResult.listingOrder.firstIndex(of: $0.status)! }
        #expect(ranks == ranks.sorted())
        #expect(listed.first?.status == .mismatch)
        #expect(listed.last?.status == .match)
        let matches = listed.filter { $0.status == .match }.map(\.id)
        #expect(matches == audit.findings.filter { $0.status == .match }.map(\.id))
    }

    @Test("A status lists its findings only; the counts stay those of every finding; an unknown status is an error")
    func filter() async throws {
        let audit = try await WorkspaceFixture.workspace().audit(dataset: nil)
        let mismatches = audit.listed(.mismatch)
        #expect(mismatches.count == 2)
        #expect(mismatches.allSatisfy { $0.status == .mismatch })
        #expect(audit.counts.map(\.count).reduce(0, +) == audit.findings.count)
        let status = #expect(throws: ApplicationError.self) { try AuditStatusChoice.parse("wrong", field: "status") }
        #expect(status?.field == "status")
        #expect(try AuditStatusChoice.parse("scheme-dependent", field: "status").status == .schemeDependent)
    }
}
