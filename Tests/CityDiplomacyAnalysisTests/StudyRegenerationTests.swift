import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import Testing

@Suite("Tables 2 and 3 come out as the study's arithmetic")
struct StudyRegenerationTests {
    let fixture: StudyFixture
    let tables: StudyTables

    init() throws {
        fixture = try StudyFixture()
        tables = StudyTables(content: fixture.study, countries: fixture.countries.countries)
    }

    @Test("Table 2 has the study's 39 rows: region, country, affiliation and count, in the study's order")
    func table2() throws {
        let table = tables.regionTable(regions: try fixture.scheme("study-regions"), affiliations: try fixture.scheme("study-civilisations"))
        let csv = TabulationRenderer(format: .csv, language: .en).render(table).split(separator: "\n")
        #expect(csv.first == "region,country_iso2,affiliation,relations")
        #expect(csv.count == 40)
        let regions = try fixture.scheme("study-regions")
        let affiliations = try fixture.scheme("study-civilisations")
        let expected = fixture.published.table2.map { row in
            "\(regions.category(id: row.region)!.label.en),\(row.country),\(affiliations.category(id: row.affiliation!)!.label.en),\(row.relations)"
        }
        #expect(Array(csv.dropFirst()).map(String.init) == expected)
    }

    @Test("Table 2 keeps each region's countries together under its subtotal, as printed: 20, 11, 10, 13, 3, 7, 6, and 70 in all")
    func table2Subtotals() throws {
        let regions = try fixture.scheme("study-regions")
        let table = tables.regionTable(regions: regions, affiliations: try fixture.scheme("study-civilisations"))
        func count(_ cells: [Tabulation.Cell]) -> Int? {
            if case let .number(value)? = cells.last { return value }
            return nil
        }
        #expect(table.groups.count == 7)
        // The groups cover every row once, in order, each of one region.
        #expect(table.groups.map(\.rows.lowerBound) == [0] + table.groups.dropLast().map(\.rows.upperBound))
        #expect(table.groups.last?.rows.upperBound == table.rows.count)
        for group in table.groups {
            #expect(Set(group.rows.map { table.rows[$0][0] }).count == 1)
            #expect(count(group.subtotal) == group.rows.compactMap { count(table.rows[$0]) }.reduce(0, +))
        }
        // The subtotals are the printed ones, region by region.
        let printed = regions.categories.compactMap { category in fixture.published.table2Totals[category.id] }
        #expect(table.groups.compactMap { count($0.subtotal) } == printed)
        #expect(printed == [20, 11, 10, 13, 3, 7, 6])
        let total = try #require(table.total)
        #expect(count(total) == 70)
        #expect(table.groups.compactMap { count($0.subtotal) }.reduce(0, +) == count(total))
        #expect(group(table, 0)?.en == "Subtotal: Middle East and West Asia")
    }

    private func group(_ table: Tabulation, _ index: Int) -> LocalizedText? {
        if case let .code(_, label)? = table.groups[index].subtotal.first { return label }
        return nil
    }

    @Test("Table 2 for people marks each region's subtotal and the grand total; for scripts its rows stay data")
    func table2Rendered() throws {
        let table = tables.regionTable(regions: try fixture.scheme("study-regions"), affiliations: try fixture.scheme("study-civilisations"))
        let html = TabulationRenderer(format: .html, language: .en).htmlFragment(table)
        #expect(html.components(separatedBy: "<tr class=\"subtotal\">").count == 8)
        #expect(html.components(separatedBy: "<tbody>").count == 8)
        #expect(html.contains("<tfoot><tr class=\"total\"><th scope=\"row\" colspan=\"3\">Total</th><td>70</td></tr></tfoot>"))
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"10\">Middle East and West Asia</th>"))
        #expect(html.contains("<tr class=\"subtotal\"><th scope=\"row\" colspan=\"3\">Subtotal: Middle East and West Asia</th><td>20</td></tr>"))
        let markdown = TabulationRenderer(format: .md, language: .en).render(table)
        #expect(markdown.contains("| **Subtotal: Middle East and West Asia** |  |  | **20** |"))
        #expect(markdown.contains("| **Total** |  |  | **70** |"))
        let persian = TabulationRenderer(format: .md, language: .fa).render(table)
        #expect(persian.contains("**۷۰**"))
        // CSV and JSON: the 39 rows of data, no subtotal a script would count twice.
        #expect(TabulationRenderer(format: .csv, language: .en).render(table).split(separator: "\n").count == 40)
        #expect(!TabulationRenderer(format: .json, language: .en).render(table).contains("Subtotal"))
    }

    @Test("The region groups give the study's 31 / 23 / 16")
    func regionGroups() throws {
        let tally = RelationAnalysis(content: fixture.study).tally(by: .group(try fixture.scheme("study-regions")))
        #expect(tally.rows.map(\.count) == [31, 23, 16])
        #expect(tally.total == 70)
    }

    @Test("Table 3 counts 2, 1, 3, 15, 15 and 4 dated relations — 15 under the dialogue-among-civilisations discourse")
    func table3() throws {
        let table = tables.periodTable(periodisation: try fixture.periodisation("iran-study-discourses"))
        let counts = table.rows.map { row -> Int? in if case let .number(n) = row[5] { return n } else { return nil } }
        #expect(counts == [2, 1, 3, 15, 15, 4])
        let csv = TabulationRenderer(format: .csv, language: .en).render(table).split(separator: "\n")
        #expect(csv.first == "period,start_year,end_year,head_of_government,discourse,relations,countries_iso2")
        #expect(csv[1] == "before 1979,,1979,,independent national policy,2,US;KR")
        #expect(csv[4].hasPrefix("1997–2005,1997,2005,Khatami,dialogue among civilisations,15,"))
        #expect(Set(csv[4].split(separator: ",").last!.split(separator: ";")) == ["RU", "DE", "IT", "ES", "RO", "MY", "ZA", "CU", "AM", "KW", "PK", "CY"])
        #expect(csv[6].hasPrefix("2013–present,2013,,Rouhani,moderation,4,"))
    }

    @Test("Under other rules for ambiguous years the 2013 relations move to Rouhani's period")
    func alternatives() throws {
        let analysis = RelationAnalysis(content: fixture.study)
        let discourses = try fixture.periodisation("iran-study-discourses")
        let later = analysis.tally(by: .period(discourses, .later))
        #expect(later.count(of: "justice-centred-principlism") == 13)
        #expect(later.count(of: "moderation") == 6)
        let excluded = analysis.tally(by: .period(discourses, .exclude))
        #expect(excluded.count(of: Dimension.Key.ambiguous.id) == 6)
        #expect(excluded.count(of: Dimension.Key.undated.id) == 30)
        #expect(analysis.ambiguousRecords(in: discourses).count == 6)
    }

    @Test("The presidencies periodisation continues past 2013; the study's recorded placements belong to its own periodisation")
    func presidencies() throws {
        let tally = RelationAnalysis(content: fixture.study).tally(by: .period(try fixture.periodisation("iran-presidencies"), .standard))
        // The dataset records placements for iran-study-discourses only, so here 2013 goes to the incoming period.
        #expect(tally.count(of: "moderation") == 6)
        #expect(tally.count(of: "justice-centred-principlism") == 13)
        #expect(tally.count(of: "raisi") == 0)
    }
}

@Suite("The counting engine works for any scheme and any country")
struct RelationAnalysisTests {
    let fixture: StudyFixture

    init() throws {
        fixture = try StudyFixture()
    }

    @Test("A partner state missing from a scheme is counted as unclassified, never dropped")
    func unclassified() throws {
        let rings = try fixture.scheme("iran-geopolitical-rings")
        let tally = RelationAnalysis(content: fixture.study).tally(by: .category(rings))
        #expect(tally.rows.map(\.count).reduce(0, +) == 70)
        #expect(tally.count(of: Dimension.Key.unclassified.id) > 0)
        #expect(tally.rows.last?.key == .unclassified)
    }

    @Test("Every partner state has a UN M49 sub-region")
    func m49() throws {
        let tally = RelationAnalysis(content: fixture.study).tally(by: .category(try fixture.scheme("un-m49")))
        #expect(tally.count(of: Dimension.Key.unclassified.id) == 0)
        #expect(tally.count(of: "western-asia") == 23)
    }

    @Test("A cross-tabulation adds up to the total along both dimensions")
    func crossTabulation() throws {
        let analysis = RelationAnalysis(content: fixture.study)
        let cross = analysis.crossTabulation(rows: .category(try fixture.scheme("study-regions")), columns: .kind)
        let sum = cross.rows.flatMap { row in cross.columns.map { cross.count(row: row.id, column: $0.id) } }.reduce(0, +)
        #expect(sum == 70)
        #expect(cross.count(row: "middle-east-west-asia", column: "cooperation_mou") == 5)
    }

    @Test("Rankings order by count: Tehran lists the most relations")
    func ranking() {
        let ranked = RelationAnalysis(content: fixture.study).tally(by: .city).ranked
        #expect(ranked.first?.key.label.en == "Tehran")
        #expect(ranked.first?.count == 24)
    }

    @Test("With a country focus, the partner is the end outside that country")
    func countryFocus() {
        let analysis = RelationAnalysis(content: fixture.study, focus: .country(CountryCode(unchecked: "TR")))
        #expect(analysis.relations.count == 3)
        let partners = analysis.tally(by: .partnerCity).rows.map(\.key.label.en).sorted()
        #expect(partners == ["Tabriz", "Tabriz", "Tehran"].sorted().uniqued())
    }

    @Test("Memberships and events are counted too")
    func membershipsAndEvents() {
        let analysis = RelationAnalysis(content: fixture.study)
        #expect(analysis.membershipsByNetwork().ranked.first?.count == 16)
        #expect(analysis.membershipsByCity().ranked.first?.key.label.en == "Isfahan")
        #expect(analysis.eventsByKind().count(of: "cultural_capital") == 2)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
