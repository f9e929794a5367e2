import Foundation
import Testing

@Suite("citydip compare and citydip baseline")
struct CompareCommandTests {
    @Test("compare prints both units side by side and names its tests; JSON and CSV carry the same subjects")
    func compare() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let markdown = try citydip.run(["compare", "Tehran", "Isfahan", "--draws", "500"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("| Relations | 24 |"))
        #expect(markdown.stdout.contains("Distinct partner cities"))
        #expect(markdown.stdout.contains("Cramér's V"))
        // Tehran is one of Iran's cities: the figures side by side, no test.
        let overlapping = try citydip.run(["compare", "Tehran", "country:IR", "--draws", "500"])
        #expect(overlapping.stdout.contains("| Relations | 24 | 70 |"))
        #expect(overlapping.stdout.contains("Not testable: the subjects share cities"))
        #expect(!overlapping.stdout.contains("Cramér's V ="))
        let twice = try citydip.run(["compare", "Tehran", "Tehran"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("'Tehran': it is given twice"))
        let json = try citydip.run(["compare", "Tehran", "country:IR", "--format", "json", "--draws", "500"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let subjects = try #require(object["subjects"] as? [[String: Any]])
        #expect(subjects.map { $0["subject"] as? String } == ["Tehran", "country:IR"])
        #expect(subjects[1]["relations"] as? Int == 70)
        let csv = try citydip.run(["compare", "Tehran", "Isfahan", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("subject,label,dimension,category,relations,share_percent"))
        let persian = try citydip.run(["compare", "Tehran", "country:IR", "--lang", "fa", "--draws", "500"])
        // The relations row in Persian digits: Tehran's 24, Iran's 70 (the study's table 1).
        #expect(persian.stdout.contains("| روابط | ۲۴ | ۷۰ |"), "\(persian.stdout)")
        #expect(persian.stdout.contains("آزمون‌پذیر نیست: موضوع‌ها شهرهای مشترک دارند"))
    }

    @Test("Bad subjects and options are one line naming them; a baseline without a reference says it needs one")
    func errors() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let one = try citydip.run(["compare", "Tehran"])
        #expect(one.status != 0)
        #expect(one.stderr.contains("subjects"))
        let unknown = try citydip.run(["compare", "Tehran", "Atlantis"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Atlantis"))
        let group = try citydip.run(["compare", "Tehran", "group:un-m49:atlantis"])
        #expect(group.stderr.contains("atlantis"))
        let baseline = try citydip.run(["baseline", "--focus", "country:IR", "--scheme", "study-regions", "--group", "periphery"])
        #expect(baseline.status == 1)
        #expect(baseline.stderr.contains("reference dataset"))
        let model = try citydip.run(["baseline", "--focus", "country:IR", "--scheme", "study-regions", "--group", "periphery", "--model", "magic"])
        #expect(model.status != 0)
    }
}
