import Foundation
import Testing

/// The command-line contract documented in the README, checked on the real executable.
@Suite("citydip on the embedded default database")
struct CitydipCommandTests {
    @Test("tables --table 1 --format csv prints the documented header and one row per relation")
    func table1CSV() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["tables", "--table", "1", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "city,partner_city,partner_country_iso2,kind,year,source_url")
        #expect(lines.count == 71)
        #expect(lines[1] == "Tehran,Los Angeles,US,sister_city,1972,http://sistercities.lacity.org/html/11.htm")
        #expect(lines.contains("Shiraz,Nicosia,CY,sister_city,1999,"))
        #expect(lines.contains("Mashhad,Kadhimiya,IQ,cooperation_mou,,"))
        #expect(lines.filter { $0.contains(",cooperation_mou,") }.count == 9)
    }

    @Test("tables --table 4 --format csv lists networks with ;-separated member cities")
    func table4CSV() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["tables", "--table", "4", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "network,scope,member_cities")
        #expect(lines.count == 13)
        #expect(lines.contains("Asian Mayors Forum,regional,Tehran;Isfahan;Tabriz;Shiraz;Mashhad;Kashan;Karaj;Ahvaz;Urmia;Rasht;Zahedan;Qom;Kerman;Kermanshah;Qazvin;Hamedan"))
        #expect(lines.contains("CityNet,regional,Tehran;Isfahan"))
    }

    @Test("--lang fa gives Persian headers, names and digits")
    func persianTables() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let table1 = try citydip.run(["tables", "--table", "1", "--format", "csv", "--lang", "fa"])
        #expect(table1.status == 0)
        let lines = table1.stdout.split(separator: "\n")
        #expect(lines.first == "شهر,شهر طرف رابطه,دولت متبوع,نوع رابطه,سال (میلادی),منبع")
        #expect(lines[1].hasPrefix("تهران,لس‌آنجلس,ایالات متحده آمریکا,خواهرخواندگی,۱۹۷۲,"))
        let table4 = try citydip.run(["tables", "--table", "۴", "--format", "md", "--lang", "fa"])
        #expect(table4.stdout.contains("| مجمع شهرداران آسیایی | منطقه‌ای |"))
    }

    @Test("JSON output is an array of objects keyed by the CSV columns")
    func json() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["tables", "--table", "1", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 70)
        #expect(rows[0]["year"] as? Int == 1972)
        #expect(rows[0]["partner_country_iso2"] as? String == "US")
    }

    @Test("relations filters by a Persian city name typed with Arabic letters, and by Solar Hijri years")
    func relations() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let karbala = try citydip.run(["relations", "--city", "كربلا", "--format", "csv"])
        #expect(karbala.status == 0)
        #expect(karbala.stdout.split(separator: "\n").count == 3)
        let shamsi = try citydip.run(["relations", "--from", "۱۳۹۴SH", "--format", "csv"])
        #expect(shamsi.stdout.split(separator: "\n").count == 1 + 4)
        let china = try citydip.run(["relations", "--country", "چین", "--kind", "sister-city", "--format", "csv"])
        #expect(china.stdout.split(separator: "\n").count == 1 + 5)
    }

    @Test("show prints a city's relations and every source, by name in either language")
    func show() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["show", "رامسر"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("# Ramsar (رامسر) — Iran"))
        #expect(result.stdout.contains("http://sh-ramsar.ir/HomePage.aspx?TabID=4711&Site=DouranPortal&Lang=fa-IR"))
        let shiraz = try citydip.run(["show", "Shiraz", "--lang", "fa"])
        #expect(shiraz.stdout.contains("۱۹۸۰"))
        // What this project added beside the study says so; event notes in the output's language.
        let tehran = try citydip.run(["show", "Tehran"])
        #expect(tehran.stdout.contains("Host of the 4th AFC Asian Cup (1968) (Sports championship) — Asian Football Confederation (AFC) — added by this project, not the study ["))
        #expect(tehran.stdout.contains("- Host of the 6th AFC Asian Cup (1976): Added by this project, not the study: the finals were played in Tehran and Tabriz, 3–13 June 1976."))
        #expect(tehran.stdout.contains("<https://en.wikipedia.org/wiki/1968_AFC_Asian_Cup> — cited at: Added by this project — added by this project, not the study"))
        #expect(!tehran.stdout.contains("Host of the 7th Asian Games (1974) (Sports games) — added by"))
        let tehranFa = try citydip.run(["show", "Tehran", "--lang", "fa"])
        #expect(tehranFa.stdout.contains("افزودهٔ این پروژه، نه مطالعه"))
        #expect(tehranFa.stdout.contains("مسابقات نهایی از ۳ تا ۱۳ ژوئن ۱۹۷۶ در تهران و تبریز برگزار شد."))
    }

    @Test("Bad input gets a one-line error and a non-zero status", arguments: [
        (["tables", "--table", "1", "--dataset", "nope"], "unknown dataset 'nope'"),
        (["tables", "--table", "7"], "'7' is invalid for '--table"),
        (["show", "Atlantis"], "unknown city 'Atlantis'"),
        (["relations", "--city", "Atlantis"], "unknown city 'Atlantis'"),
        (["relations", "--from", "20x6"], "invalid year '20x6' for --from"),
        (["relations", "--country", "Narnia"], "unknown country 'Narnia'"),
        (["relations", "--kind", "alliance"], "unknown kind 'alliance'"),
        (["tables", "--table", "1", "--db", "/proc/citydip/x.sqlite"], "cannot open database '/proc/citydip/x.sqlite'"),
        (["tables", "--table", "1", "--format", "xml"], "'xml' is invalid for '--format"),
        (["tables"], "Missing expected argument '--table"),
        (["relations", "--from", "1385SH", "--to", "1384SH"], "--from 1385SH is after --to 1384SH"),
        (["relations", "--from", "2006 SH"], "invalid year '2006 SH'"),
        (["tables", "--table", "3", "--rule", "sometimes"], "'sometimes' is invalid for '--rule"),
        (["relations", "--limit", "-1"], "invalid --limit -1: out of range"),
        (["relations", "--limit", "5", "--db", "mysql://u@h/db"], "names a database server this version cannot use"),
        (["relations", "--limit", "5", "--db", "postgres://u:secret@/db"], "invalid PostgreSQL URL 'postgres://u:***@/db': it names no host"),
        // Nothing listens on port 1: refused at once, named without the password.
        (["relations", "--limit", "5", "--db", "postgres://u:secret@127.0.0.1:1/db"], "cannot connect to the PostgreSQL database postgres://u@127.0.0.1:1/db:"),
        (["tabels", "--table", "1"], "unknown command 'tabels'; did you mean 'tables'?"),
        (["reprot"], "unknown command 'reprot'; did you mean 'report'?"),
        (["rel"], "unknown command 'rel'; did you mean 'relations' or 'reliability'?"),
        (["relat"], "unknown command 'relat'; did you mean 'relations'?"),
        (["xyzzy"], "unknown command 'xyzzy'. Commands: tables, relations,"),
        (["show", "Tehran", "--format", "csv"], "'csv' is invalid for '--format"),
        (["tables", "--table", "2", "--regions", "continents"], "unknown scheme 'continents' for --regions"),
        (["count", "--by", "colour"], "unknown dimension 'colour'"),
        (["tables", "--table", "2", "--scheme-file", "/nonexistent/scheme.yaml"], "scheme.yaml"),
    ])
    func errors(arguments: [String], message: String) throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(arguments)
        #expect(result.status != 0)
        // One error line; a new database is also announced, on a line of its own.
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("citydip: created the database ") }
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(lines.first?.hasPrefix("Error: ") == true)
        #expect(result.stderr.contains(message), "got: \(result.stderr)")
    }

    @Test("init creates the database explicitly and says what it loaded")
    func initialise() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["init"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("datasets: iran-2018 (loaded now: iran-2018)"))
        #expect(result.stdout.contains("countries: 251"))
        let again = try citydip.run(["init"])
        #expect(again.stdout.contains("datasets: iran-2018\n"))
    }

    @Test("tables --table 2 and 3 print the documented CSV headers")
    func tables2and3() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let table2 = try citydip.run(["tables", "--table", "2", "--format", "csv"])
        #expect(table2.stdout.split(separator: "\n").first == "region,country_iso2,affiliation,relations")
        #expect(table2.stdout.contains("Middle East and West Asia,IQ,Islamic-Arab,6"))
        let table3 = try citydip.run(["tables", "--table", "3", "--format", "csv"])
        let lines = table3.stdout.split(separator: "\n")
        #expect(lines.first == "period,start_year,end_year,head_of_government,discourse,relations,countries_iso2")
        #expect(lines.count == 7)
        let later = try citydip.run(["tables", "--table", "3", "--format", "csv", "--rule", "later"])
        #expect(later.stdout.contains("2013–present,2013,,Rouhani,moderation,6,"))
    }

    @Test("--version names the release and the commit; a new database is announced once")
    func versionAndFirstUse() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let version = try citydip.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+( \(checkout at [0-9a-f]{7}\))?\n$"#, options: .regularExpression) != nil, "got \(version.stdout)")
        let first = try citydip.run(["datasets", "--format", "csv"])
        #expect(first.stderr == "citydip: created the database \(citydip.database.path) and loaded the bundled dataset iran-2018\n")
        let second = try citydip.run(["datasets", "--format", "csv"])
        #expect(second.stderr.isEmpty)
    }

    @Test("audit: JSON when piped, a summary of what does not match when asked")
    func auditSummary() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let piped = try citydip.run(["audit"])
        #expect(piped.stdout.hasPrefix("[\n  {\n    \"id\": "))
        let summary = try citydip.run(["audit", "--format", "summary"])
        #expect(summary.stdout.contains(" independent checks: "))
        #expect(summary.stdout.contains("| `table3.justice-centred-principlism.countries` | MISMATCH | "))
        #expect(!summary.stdout.contains("table2.AF.relations"))
    }

    @Test("Persian JSON keeps keys and codes and adds each code's Persian label")
    func persianJSON() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["tables", "--table", "2", "--format", "json", "--lang", "fa"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows[0]["country_iso2"] as? String == "AF")
        #expect(rows[0]["country_iso2_label"] as? String == "افغانستان")
        #expect(rows[0]["region_label"] as? String == "خاورمیانه و غرب آسیا")
        #expect(rows[0]["relations"] as? Int == 1)
        let english = try citydip.run(["tables", "--table", "2", "--format", "json"])
        #expect(!english.stdout.contains("_label"))
    }

    @Test("JSON that cannot be written (a full disk) fails the command with the reason and status 1, not a silent hole",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full, a device that is always full, is Linux's"))
    func jsonToFullDisk() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let stats = try citydip.run(["stats", "--dataset", "iran-2018", "--format", "json"], standardOutput: full)
        #expect(stats.status == 1)
        #expect(stats.stderr.contains("cannot write to standard output: No space left on device"), "\(stats.stderr)")
    }

    @Test("stats --format json is the API's statistics, with each ranked city's id")
    func statsJSON() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let stats = try citydip.run(["stats", "--dataset", "iran-2018", "--format", "json", "--top", "1"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let top = try #require(object["top_cities"] as? [[String: Any]])
        #expect(top.first?["city_id"] as? String == "iran-2018:tehran")
        #expect(top.first?["degree"] as? Int == 24)
    }

    @Test("audit prints JSON findings; report regenerates the study in both languages")
    func auditAndReport() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let audit = try citydip.run(["audit", "--format", "json"])
        #expect(audit.status == 0)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        // Table 1's Tehran column, Isfahan's and Mashhad's networks, Table 3's 2005–2013 list, and
        // the units of the memoranda and of the comparison with Istanbul.
        #expect(findings.filter { $0["status"] as? String == "mismatch" }.count == 6)
        let report = try citydip.run(["report"])
        #expect(report.stdout.contains("## Findings"))
        #expect(report.stdout.contains("### Table 3"))
        let persian = try citydip.run(["report", "--lang", "fa", "--format", "html"])
        #expect(persian.stdout.contains("dir=\"rtl\""))
    }

    @Test("A user's scheme file is used beside the bundled ones")
    func schemeFile() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let file = citydip.database.deletingLastPathComponent().appendingPathComponent("gulf.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
            format: citydiplomacy-scheme/1
            id: arab-states
            title: {en: Arab League members (partial)}
            source: a test
            categories:
              - {id: arab, en: Arab state}
            countries:
              - {country: IQ, category: arab}
              - {country: KW, category: arab}
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try citydip.run(["count", "--by", "scheme:arab-states", "--scheme-file", file.path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("arab,Arab state,8,"))
        #expect(result.stdout.contains("(unclassified),unclassified,62,"))
    }

    private func write(_ text: String, named name: String, beside citydip: CitydipProcess) throws -> String {
        let folder = citydip.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("import stores a file once; a broken file leaves the database as it was")
    func importFile() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let good = try write("""
            city1,country1,lat1,lng1,city2,country2,lat2,lng2
            Istanbul,Turkey,41.01,28.95,Tabriz,Iran,38.08,46.29
            Istanbul,Turkey,,,Berlin,Germany,,
            Istanbul,Turkey,,,Tehran,Iran,,
            Tehran,Iran,,,Seoul,South Korea,,
            """, named: "twins.csv", beside: citydip)
        let first = try citydip.run(["import", good, "--format", "wikipedia-csv"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("| relations created | 4 |"))
        let again = try citydip.run(["import", good, "--format", "wikipedia-csv"])
        #expect(again.stdout.contains("nothing changed"))
        let reread = try citydip.run(["import", good, "--format", "wikipedia-csv", "--replace"])
        #expect(reread.stdout.contains("| relations created | 4 |"))
        let stats = try citydip.run(["stats", "--dataset", "twins", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["relations"] as? Int == 4)
        #expect((object["by_country"] as? [String: Int])?["IR"] == 3)
        let top = try #require((object["top_cities"] as? [[String: Any]])?.first)
        #expect(top["city"] as? String == "Istanbul")
        #expect(top["degree"] as? Int == 3)

        let broken = try write("city1,country1,lat1,lng1,city2,country2,lat2,lng2\nTehran,Iran,91,51,Seoul,South Korea,,\n", named: "broken.csv", beside: citydip)
        let failed = try citydip.run(["import", broken, "--format", "wikipedia-csv"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("broken.csv:2:13: lat1 '91'"))
        let datasets = try citydip.run(["datasets", "--format", "csv"])
        #expect(!datasets.stdout.contains("broken"))

        let quality = try citydip.run(["quality", "--dataset", "twins", "--report", "json"])
        #expect(quality.stdout.contains("\"rows_read\": 4"))
    }

    @Test("--map takes several mappings or one each time, and the file may come first or last", arguments: [
        ["FILE", "--format", "csv", "--map", "city1=home", "country1=home_country", "city2=partner", "country2=partner_country"],
        ["FILE", "--format", "csv", "--map", "city1=home", "--map", "country1=home_country", "--map", "city2=partner", "--map", "country2=partner_country"],
        ["--format", "csv", "--map", "city1=home", "country1=home_country", "city2=partner", "country2=partner_country", "FILE"],
        ["--map", "city1=home", "country1=home_country", "--map", "city2=partner", "country2=partner_country", "FILE", "--format", "csv"],
    ])
    func mapForms(arguments: [String]) throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let file = try write("""
            home,home_country,partner,partner_country
            Tabriz,Iran,Istanbul,Turkey
            Tehran,Iran,Seoul,South Korea
            """, named: "partners.csv", beside: citydip)
        let result = try citydip.run(["import"] + arguments.map { $0 == "FILE" ? file : $0 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| relations created | 2 |"))
    }

    @Test("Without a file, import says where the file goes")
    func mapWithoutFile() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let result = try citydip.run(["import", "--format", "csv", "--map", "city1=home", "city2=partner"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: no file to import: give it first"), "\(result.stderr)")
    }

    @Test("With another dataset holding Istanbul, the audit checks the study's Istanbul claim; diff triangulates")
    func istanbulAndDiff() throws {
        let citydip = CitydipProcess()
        defer { citydip.cleanUp() }
        let file = try write("""
            city1,country1,city2,country2
            Istanbul,Turkey,Tabriz,Iran
            Istanbul,Turkey,Berlin,Germany
            Tehran,Iran,Seoul,South Korea
            Tehran,Iran,Vienna,Austria
            """, named: "other.csv", beside: citydip)
        #expect(try citydip.run(["import", file, "--format", "csv"]).status == 0)
        let audit = try citydip.run(["audit", "--format", "json"])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        let istanbul = try #require(findings.first { $0["id"] as? String == "c2-istanbul" })
        #expect(istanbul["status"] as? String == "mismatch")
        #expect(istanbul["computed"] as? Int == 2)
        let diff = try citydip.run(["diff", "iran-2018", "other", "--country", "IR", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        #expect((object["in_both"] as? [Any])?.count == 2)
        #expect((object["only_in_b"] as? [Any])?.count == 1)
        #expect((object["only_in_a"] as? [Any])?.count == 68)
    }
}
