import Foundation
import Testing

/// `--lang fa` on the commands whose Markdown was English only: `stats`, `diff`, `quality` and
/// `import` write Persian headings, labels and digits, name countries and cities in Persian, and
/// keep Latin letters and ASCII digits only inside code (ids, codes, and what a file or the
/// importer wrote) and URLs. Their JSON does not change with the language.
@Suite("stats, diff, quality and import in Persian")
struct PersianCommandOutputTests {
    /// A file with a place of each kind of trouble: a self-pair, unknown names, a name at
    /// coordinates far from it, a historical state's name and an unknown country.
    static let file = """
        city1,country1,lat1,lng1,city2,country2,lat2,lng2
        Istanbul,Turkey,41.01,28.95,Tabriz,Iran,38.08,46.29
        Istanbul,Turkey,,,Berlin,Germany,,
        Tehran,Iran,,,Seoul,South Korea,,
        Quxbergen Aa,Iran,,,Tehran,Iran,,
        Tehran,Iran,,,Tehran,Iran,,
        Shōwa,Japan,35.5065,139.7241,Tehran,Iran,,
        Tourcoing,Prussia,,,Tabriz,Iran,,
        Foo,Atlantis,,,Tabriz,Iran,,

        """

    /// What Persian output may not hold outside code spans and URLs: runs of ASCII letters
    /// (English words) and of ASCII digits (numbers not written in Persian digits).
    static func untranslated(in text: String) -> [String] {
        let outside = text
            .replacing(/<?https?:\/\/[^\s>]+>?/, with: " ")
            // A code span ends at a fence as long as the one it opened with.
            .replacing(/(`+)[^\n]*?\1/, with: " ")
        return outside.matches(of: /[A-Za-z]+|[0-9]+/).map { String($0.output) }
    }

    @Test("The check finds English words and ASCII digits, and passes code and URLs")
    func check() {
        #expect(Self.untranslated(in: "روابط: ۷۰ `iran-2018` <https://www.geonames.org/1> ``a`b``").isEmpty)
        #expect(Self.untranslated(in: "| شهر | Tehran | 24 |") == ["Tehran", "24"])
    }

    static func importFile(_ citydip: CitydipProcess, named name: String = "twins.csv", _ text: String = file,
                           _ options: [String] = ["--format", "wikipedia-csv"]) throws -> CitydipProcess.Result {
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try citydip.run(["import", path] + options)
    }

    @Test("stats --lang fa: a Persian heading and table, Persian city and country names, Persian digits")
    func stats() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["stats", "--dataset", "iran-2018", "--top", "5", "--lang", "fa"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# آمار مجموعهٔ دادهٔ `iran-2018`\n"))
        #expect(text.contains("روابط: ۷۰؛ شهرها: ۸۱؛ کشورها: ۴۰"))
        #expect(text.contains("| شهر | کشور | شمار شریک‌ها |"))
        #expect(text.contains("| تهران | ایران | ۲۴ |"))
        #expect(text.contains("روابط به تفکیک کشور: ایران ۷۰، عراق ۶، چین ۵"))
        #expect(Self.untranslated(in: text).isEmpty, "\(Self.untranslated(in: text))")

        let english = try citydip.run(["stats", "--dataset", "iran-2018", "--top", "5"])
        #expect(english.stdout.contains("| Tehran | Iran | 24 |"))
        let json = try citydip.run(["stats", "--dataset", "iran-2018", "--format", "json"])
        #expect(try citydip.run(["stats", "--dataset", "iran-2018", "--format", "json", "--lang", "fa"]).stdout == json.stdout)
    }

    @Test("diff --lang fa: Persian headings, names, kinds, both calendars and conflicts")
    func diff() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let imported = try Self.importFile(citydip, named: "other.csv", """
            city1,country1,city2,country2,kind,date
            Istanbul,Turkey,Tabriz,Iran,sister_city,2008
            Tehran,Iran,Baghdad,Iraq,sister_city,
            Tehran,Iran,Seoul,South Korea,,1990
            Tehran,Iran,Vienna,Austria,,
            """, ["--format", "csv"])
        try #require(imported.status == 0, "\(imported.stderr)")
        let result = try citydip.run(["diff", "iran-2018", "other", "--country", "IR", "--lang", "fa"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# مقایسهٔ `iran-2018` و `other`، کشور ایران\n"))
        #expect(text.contains("| در هر دو | ۳ |"))
        #expect(text.contains("## تنها در `other`"))
        #expect(text.contains("- تهران (ایران) – وین (اتریش): خواهرخواندگی"))
        #expect(text.contains("- تهران (ایران) – بغداد (عراق): تفاهم‌نامهٔ همکاری — نوع رابطه: تفاهم‌نامهٔ همکاری در برابر خواهرخواندگی"))
        #expect(text.contains("سال: ۱۹۶۳ (۱۳۴۱–۱۳۴۲) در برابر ۱۹۹۰ (۱۳۶۸–۱۳۶۹)"))
        #expect(Self.untranslated(in: text).isEmpty, "\(Self.untranslated(in: text))")

        let english = try citydip.run(["diff", "iran-2018", "other", "--country", "IR"])
        #expect(english.stdout.contains("- Tehran (Iran) – Baghdad (Iraq): Cooperation memorandum — kind: Cooperation memorandum vs Sister city"))
        let json = try citydip.run(["diff", "iran-2018", "other", "--country", "IR", "--format", "json"])
        #expect(json.stdout.contains("\"kind: cooperation_mou vs sister_city\""))
        #expect(try citydip.run(["diff", "iran-2018", "other", "--country", "IR", "--format", "json", "--lang", "fa"]).stdout == json.stdout)
    }

    @Test("import --lang fa prints the quality report in Persian, and says so in Persian when the file is already there")
    func importReport() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try Self.importFile(citydip, Self.file, ["--format", "wikipedia-csv", "--lang", "fa"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# کیفیت درون‌بری: `twins.csv` ← مجموعهٔ دادهٔ `twins`\n"))
        #expect(text.contains("| سطرهای خوانده‌شده | ۸ |"))
        #expect(text.contains("| جفت‌های شهر با خودش | ۱ |"))
        #expect(text.contains("## نام‌های شناسایی‌نشده"))
        #expect(text.contains("- `Quxbergen Aa`، ایران ×۱ (سطر ۵): "))
        #expect(text.contains("- `Prussia` ×۱: دولتی تاریخی، نگاشته به آلمان امروز (`DE`)"))
        #expect(text.contains("## کشورهای ناشناخته"))
        #expect(Self.untranslated(in: text).isEmpty, "\(Self.untranslated(in: text))")

        let again = try Self.importFile(citydip, Self.file, ["--format", "wikipedia-csv", "--lang", "fa"])
        #expect(again.stdout.contains("چیزی تغییر نکرد"))
        #expect(Self.untranslated(in: again.stdout).isEmpty, "\(again.stdout)")
    }

    @Test("quality --lang fa prints the report and the places of a status in Persian; its JSON is the English one")
    func quality() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        try #require(try Self.importFile(citydip).status == 0)
        let report = try citydip.run(["quality", "--dataset", "twins", "--lang", "fa"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("# کیفیت درون‌بری"))
        #expect(!report.stdout.contains("## مکان‌ها"))
        #expect(Self.untranslated(in: report.stdout).isEmpty, "\(Self.untranslated(in: report.stdout))")

        let resolved = try citydip.run(["quality", "--dataset", "twins", "--status", "resolved", "--lang", "fa"])
        let text = resolved.stdout
        #expect(text.contains("## مکان‌ها: شناسایی‌شده (۱ تا "))
        #expect(text.contains("| نام به نگارش پرونده | کشور | وضعیت | شهر ثبت‌شده |"))
        #expect(text.contains("| `Tehran` | ایران | شناسایی‌شده | تهران (`twins:gn112931`) | `Tehran` | `112931` |"))
        #expect(Self.untranslated(in: text).isEmpty, "\(Self.untranslated(in: text))")

        let json = try citydip.run(["quality", "--dataset", "twins", "--report", "json"])
        #expect(try citydip.run(["quality", "--dataset", "twins", "--report", "json", "--lang", "fa"]).stdout == json.stdout)
    }
}
