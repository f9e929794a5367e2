import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData
import Testing

@Suite("Tables 1 and 4 are computed from the records")
struct StudyTablesTests {
    let tables: StudyTables

    init() throws {
        let countries = try CountryDirectory.bundled()
        let study = try #require(try BundledDatasets.load(id: "iran-2018", countries: countries))
        tables = StudyTables(content: study, countries: countries.countries)
    }

    @Test("Table 1 has one row per relation; a relation without a URL has an empty source cell")
    func table1() {
        let table = tables.relationsTable()
        #expect(table.rows.count == 70)
        #expect(table.columns.map(\.key) == ["city", "partner_city", "partner_country_iso2", "kind", "year", "source_url"])
        let yazdNizwa = table.rows.first { if case let .text(name) = $0[1] { name.en == "Nizwa" } else { false } }
        #expect(yazdNizwa?[5] == .empty)
        #expect(yazdNizwa?[4] == .number(2007))
    }

    @Test("Table 4 lists the networks in the study's order with their members")
    func table4() {
        let table = tables.networksTable()
        #expect(table.rows.count == 12)
        guard case let .list(members) = table.rows[2][2] else {
            Issue.record("member cell is not a list")
            return
        }
        #expect(members.count == 16)
        #expect(table.rows[2][1] == .code("regional", label: CityNetwork.Scope.regional.label))
    }

    @Test("CSV quotes fields with commas and quotes, and Persian output uses Persian digits")
    func rendering() {
        let table = Tabulation(
            title: LocalizedText(en: "T"),
            columns: [.init(key: "name", title: LocalizedText(en: "Name", fa: "نام")), .init(key: "n", title: LocalizedText(en: "N", fa: "تعداد"))],
            rows: [[.text(LocalizedText(en: "Sarajevo, \"Stari Grad\"", fa: "سارایوو")), .number(2016)]]
        )
        #expect(TabulationRenderer(format: .csv, language: .en).render(table) == "name,n\n\"Sarajevo, \"\"Stari Grad\"\"\",2016\n")
        #expect(TabulationRenderer(format: .csv, language: .fa).render(table) == "نام,تعداد\nسارایوو,۲۰۱۶\n")
        #expect(TabulationRenderer(format: .json, language: .en).render(table).contains("\"n\": 2016"))
    }

    @Test("An HTML report lets only addresses break anywhere: Persian names break between words, never mid-word")
    func htmlBreaks() {
        let table = Tabulation(
            title: LocalizedText(en: "T"),
            columns: [.init(key: "city", title: LocalizedText(en: "City")), .init(key: "source", title: LocalizedText(en: "Source"))],
            rows: [[.text(LocalizedText(en: "Saint Petersburg", fa: "سن‌پترزبورگ")), .link(url: "https://example.org/a/very/long/address", text: LocalizedText(en: "x"))]]
        )
        let html = TabulationRenderer(format: .html, language: .fa).render(table)
        #expect(!html.contains("word-break"))
        #expect(html.contains("a.url { overflow-wrap: anywhere; }"))
        #expect(html.contains("<a href=\"https://example.org/a/very/long/address\" class=\"url\" rel=\"noreferrer\">"))
        #expect(HTMLPage.link("https://example.org", text: "Example") == "<a href=\"https://example.org\" rel=\"noreferrer\">Example</a>")
    }

    @Test("Dates show Solar Hijri beside Gregorian in Persian")
    func dates() throws {
        let persian = OutputStyle(language: .fa)
        #expect(persian.date(try PartialDate(parsing: "1972")) == "۱۹۷۲ (۱۳۵۰–۱۳۵۱)")
        #expect(persian.date(try PartialDate(parsing: "2006-05-14")) == "۲۰۰۶/۰۵/۱۴ (۱۳۸۵/۰۲/۲۴)")
        #expect(persian.date(try PartialDate(parsing: "1396-10-12 SH")) == "۱۳۹۶/۱۰/۱۲ (۲۰۱۸/۰۱/۰۲)")
        #expect(OutputStyle(language: .en).date(try PartialDate(parsing: "1385-02-24 SH")) == "1385-02-24 SH (2006-05-14)")
    }
}
