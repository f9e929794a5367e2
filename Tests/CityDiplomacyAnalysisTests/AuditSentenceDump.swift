import CityDiplomacyAnalysis
import CityDiplomacyCore
import Foundation
import Testing

@Test func dumpAuditSentences() throws {
    guard ProcessInfo.processInfo.environment["DUMP_AUDIT"] != nil else { return }
    let fixture = try StudyFixture()
    let findings = StudyAudit(content: fixture.study, published: fixture.published, schemes: fixture.schemes,
                              periodisations: fixture.periodisations, countries: fixture.countries.countries).findings()
    var out = ""
    for f in findings { out += "\(f.id) [\(f.status.rawValue)/\(f.kind.rawValue)]\n  EN: \(f.sentence?.en ?? "-")\n  FA: \(f.sentence?[.fa] ?? "-")\n" }
    try out.write(toFile: "/tmp/sx/sentences.txt", atomically: true, encoding: .utf8)
}
