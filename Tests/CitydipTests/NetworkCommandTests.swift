import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("citydip network")
struct NetworkCommandTests {
    @Test("JSON gives the whole-network figures, the rankings, the communities and the geography")
    func json() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["network", "--format", "json", "--focus-country", "IR", "--top", "3"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["nodes"] as? Int == 68)
        #expect(summary["edges"] as? Int == 70)
        let top = try #require(object["top"] as? [String: [[String: Any]]])
        #expect(top["betweenness"]?.first?["id"] as? String == "iran-2018:tehran")
        #expect(top["degree"]?.count == 3)
        let focus = try #require(object["focus"] as? [String: Any])
        #expect((focus["nodes"] as? [Any])?.count == 8)
        let communities = try #require(object["communities"] as? [String: [String: Any]])
        #expect((communities["leiden"]?["modularity"] as? Double ?? 0) > 0.6)
        #expect(object["geography"] is [String: Any])
    }

    @Test("CSV has one row per city with its ranks; GraphML and GEXF parse as XML; Persian Markdown has Persian digits")
    func formats() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let csv = try citydip.run(["network", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 69)
        #expect(lines.first?.hasPrefix("city_id,city,country_iso2,degree,relations,betweenness,") == true)
        for format in ["graphml", "gexf"] {
            let xml = try citydip.run(["network", "--format", format])
            #expect(xml.status == 0)
            let parser = XMLParser(data: Data(xml.stdout.utf8))
            #expect(parser.parse(), "\(format) is not well-formed XML")
        }
        let persian = try citydip.run(["network", "--lang", "fa", "--level", "country"])
        #expect(persian.stdout.contains("شبکهٔ کشورهای"))
        #expect(persian.stdout.contains("ایران"))
    }

    @Test("A bad level, top or focus country is one line naming the option")
    func errors() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let level = try citydip.run(["network", "--level", "planet"])
        #expect(level.status != 0)
        #expect(level.stderr.contains("level"))
        let top = try citydip.run(["network", "--top", "0"])
        #expect(top.status == 1)
        #expect(top.stderr.contains("top"))
        let focus = try citydip.run(["network", "--focus-country", "Atlantis"])
        #expect(focus.status == 1)
        #expect(focus.stderr.contains("Atlantis"))
    }
}
