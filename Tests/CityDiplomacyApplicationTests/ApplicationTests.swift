import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPostgres
import CityDiplomacyPresentation
import CityDiplomacyStorage
import Foundation
import Testing

/// A workspace over an in-memory registry seeded as a new database is.
enum WorkspaceFixture {
    static func workspace() async throws -> Workspace {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        return try await Workspace(registry: registry)
    }
}

@Suite("The use cases both front ends call")
struct WorkspaceTests {
    @Test("The defaults are the published study's: dataset, schemes and periodisation")
    func defaults() throws {
        let defaults = try StudyDefaults.bundled()
        #expect(defaults.datasetID == "iran-2018")
        #expect(defaults.regionScheme == "study-regions")
        #expect(defaults.affiliationScheme == "study-civilisations")
        #expect(defaults.periodisation == "iran-study-discourses")
        #expect(defaults.rule == .recorded)
    }

    @Test("Table 3 with no options is Table 3 under the study's periodisation and the recorded rule")
    func tableDefaults() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let implicit = try await workspace.studyTable(StudyTableRequest(table: .periods))
        let explicit = try await workspace.studyTable(StudyTableRequest(
            table: .periods, dataset: "iran-2018", periodisation: "iran-study-discourses", rule: .recorded))
        #expect(implicit == explicit)
        let later = try await workspace.studyTable(StudyTableRequest(table: .periods, rule: .later))
        #expect(implicit != later)
    }

    @Test("An unknown scheme, periodisation or dataset is not found, naming the parameter")
    func unknownValues() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let scheme = await #expect(throws: ApplicationError.self) {
            try await workspace.studyTable(StudyTableRequest(table: .regions, regions: "nowhere"))
        }
        #expect(scheme?.field == "regions")
        #expect(scheme?.kind == .notFound)
        let periodisation = await #expect(throws: ApplicationError.self) {
            try await workspace.studyTable(StudyTableRequest(table: .periods, periodisation: "nowhere"))
        }
        #expect(periodisation?.field == "periodisation")
        #expect(periodisation?.kind == .notFound)
        #expect(scheme?.message.contains("study-regions") == true)
        let dataset = await #expect(throws: ApplicationError.self) { try await workspace.content(ofDataset: "nope") }
        #expect(dataset?.kind == .notFound)
        #expect(dataset?.message == "unknown dataset 'nope': expected iran-2018")
    }

    @Test("Relation filters: known kinds only, Solar Hijri years with Persian digits, years in order")
    func relationFilters() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let kind = await #expect(throws: ApplicationError.self) { try await workspace.relations(RelationFilter(kind: "foo")) }
        #expect(kind?.field == "kind")
        let reversed = await #expect(throws: ApplicationError.self) { try await workspace.relations(RelationFilter(from: "2010", to: "2000")) }
        #expect(reversed?.field == "from")
        let city = await #expect(throws: ApplicationError.self) { try await workspace.relations(RelationFilter(city: "Atlantis")) }
        #expect(city?.field == "city")
        let shamsi = try await workspace.relations(RelationFilter(city: "تهران", from: "۱۳۸۴SH", to: "۱۳۹۲SH"))
        let gregorian = try await workspace.relations(RelationFilter(city: "Tehran", from: "2005", to: "2014"))
        #expect(shamsi.total > 0)
        #expect(Set(shamsi.selection.relations.map(\.id)).isSubset(of: Set(gregorian.selection.relations.map(\.id))))
        let page = try await workspace.relations(RelationFilter(dataset: "iran-2018"), limit: 5, offset: 10)
        #expect(page.total == 70)
        #expect(page.selection.relations.count == 5)
    }

    @Test("Statistics name each ranked city by name and id, by_country highest first")
    func statistics() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let stats = try await workspace.statistics(dataset: "iran-2018", top: 3)
        let json = try OrderedJSONEncoder().encode(stats).serialized(pretty: false)
        #expect(json.hasPrefix(#"{"relations":70,"cities":81,"countries":40,"by_country":{"IR":70,"IQ":6,"CN":5,"#))
        #expect(json.contains(#"{"city":"Tehran","city_id":"iran-2018:tehran","country_iso2":"IR","degree":24}"#))
    }

    @Test("A city profile has one JSON shape, with its partners inline")
    func cityProfile() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let byName = try await workspace.cityProfiles(named: "اصفهان", dataset: nil)
        #expect(byName.count == 1)
        let byID = try await workspace.cityProfile(id: "iran-2018:isfahan")
        let a = try OrderedJSONEncoder().encode(byName[0]), b = try OrderedJSONEncoder().encode(byID)
        #expect(a == b)
        guard case let .object(fields) = a else { Issue.record("not an object"); return }
        #expect(fields.map(\.0) == ["city", "dataset", "relations", "memberships", "events", "part_of", "parts", "aggregated_parts"])
        let missing = await #expect(throws: ApplicationError.self) { try await workspace.cityProfile(id: "iran-2018:atlantis") }
        #expect(missing?.kind == .notFound)
    }

    @Test("The audit is titled once, from the published study, and counts its findings by status")
    func audit() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let audit = try await workspace.audit(dataset: nil)
        #expect(audit.title.en == "Audit of Dehshiri & Khorrami (2018), Tables 2–4 and section 5 against dataset “City diplomacy in the foreign policy of the Islamic Republic of Iran (Dehshiri & Khorrami, 2018)”")
        #expect(audit.counts.map(\.count).reduce(0, +) == audit.findings.count)
        #expect(audit.counts.first { $0.status == .mismatch }?.count == 6)
    }

    @Test("Counting: dimensions parse by name, and a bad one says what is accepted")
    func count() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let table = try await workspace.count(CountRequest(by: [try DimensionName(parsing: "kind")]))
        #expect(table.rows.count == 2)
        #expect(throws: ApplicationError.self) { try DimensionName(parsing: "scheme") }
        #expect(throws: ApplicationError.self) { try DimensionName(parsing: "colour") }
        #expect(throws: ApplicationError.self) { try CountRequest(by: []).validate() }
    }

    @Test("Counting by period states which rule placed the relations of a transition year, and whether the dataset's placements were used")
    func periodRuleStated() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        func note(_ periodisation: String, _ rule: AmbiguityRuleChoice? = nil) async throws -> LocalizedText {
            let table = try await workspace.count(CountRequest(by: [try DimensionName(parsing: "period:\(periodisation)")], rule: rule))
            return try #require(table.notes.last)
        }
        // The study's periodisation: the dataset records where the study placed all six.
        let study = try await note("iran-study-discourses")
        #expect(study.en.contains("6 relations were signed in a year when the period changed"))
        #expect(study.en.contains("records the study's placement for each of them, which is used"))
        #expect(study[.fa].contains("جای‌گذاری مطالعه برای همهٔ آن‌ها"))
        // Another periodisation: nothing is recorded for it, and the output says which rule it used instead.
        let presidencies = try await note("iran-presidencies")
        #expect(presidencies.en.contains("records no placement for this periodisation"))
        #expect(presidencies.en.contains("always the incoming period"))
        // A rule asked for is named, and the recorded placements it sets aside are counted.
        let earlier = try await note("iran-study-discourses", .earlier)
        #expect(earlier.en.contains("the rule asked for: always the outgoing period"))
        #expect(earlier.en.contains("6 of them, are not used"))
    }

    @Test("The GeoJSON locator places the study's cities by name, and says so")
    func locator() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let tehran = try await workspace.cityProfile(id: "iran-2018:tehran").profile.city
        #expect(tehran.coordinates == nil)
        let location = try #require(await workspace.locator.location(of: tehran))
        #expect(location.method == .gazetteer)
        #expect(abs(location.coordinates.latitude - 35.69) < 0.1)
    }
}

@Suite("Closed choices and locations, read alike by the CLI and the web")
struct ChoiceTests {
    @Test("Rules and tables parse by name, with Persian digits, and refuse with the accepted list")
    func choices() throws {
        #expect(try AmbiguityRuleChoice.parse("later", field: "rule") == .later)
        #expect(try StudyTableNumber.parse("۳", field: "table") == .periods)
        let error = #expect(throws: ApplicationError.self) { try AmbiguityRuleChoice.parse("late", field: "rule") }
        #expect(error?.message == "unknown rule 'late': expected recorded, later, earlier or exclude")
        #expect(error?.field == "rule")
    }

    @Test("--db takes a path, sqlite:PATH or a postgres:// URL; another server's URL is refused plainly")
    func locations() throws {
        #expect(try RegistryLocation(parsing: "/tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try RegistryLocation(parsing: "sqlite:/tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try RegistryLocation(option: nil, environment: ["CITYDIP_DB": "/x.sqlite"]) == .sqlite(path: "/x.sqlite"))
        let postgres = try RegistryLocation(parsing: "postgres://u:secret@h:6543/db")
        #expect(postgres == .postgres(PostgresLocation(host: "h", port: 6543, user: "u", password: "secret", database: "db")))
        #expect(postgres.description == "postgres://u@h:6543/db")
        #expect(try RegistryLocation(option: nil, environment: ["CITYDIP_DB": "postgresql://u@h/db"]) == .postgres(PostgresLocation(host: "h", user: "u", database: "db")))
        let nameless = #expect(throws: ApplicationError.self) { try RegistryLocation(parsing: "postgres://u:secret@h/") }
        #expect(nameless?.message.contains("names no database") == true && nameless?.message.contains("secret") == false)
        // TLS: libpq's sslmode; by default in clear text only on the machine itself.
        #expect(PostgresLocation(host: "h", user: "u", database: "db").tls == .prefer)
        #expect(PostgresLocation(host: "127.0.0.1", user: "u", database: "db").tls == .disable)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=verify-full").tls == .verifyFull)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=verify-full").description == "postgres://u@h:5432/db?sslmode=verify-full")
        #expect(try PostgresLocation(url: "postgres://u@localhost/db?sslmode=require").tls == .require)
        #expect(throws: PostgresRegistryError.self) { try PostgresLocation(url: "postgres://u@h/db?sslmode=bogus") }
        // A parameter citydip does not read is refused, not ignored: a misspelt sslmode would connect in clear.
        #expect(throws: PostgresRegistryError.self) { try PostgresLocation(url: "postgres://u@h/db?ssl_mode=require") }
        let server = #expect(throws: ApplicationError.self) { try RegistryLocation(parsing: "mysql://u@h/db") }
        #expect(server?.message.contains("mysql://") == true)
        // A scheme is a letter, then letters, digits, '+', '.' or '-', right before "://".
        #expect(try RegistryLocation(parsing: "sqlite:///tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try RegistryLocation(parsing: "sqlite:a.sqlite") == .sqlite(path: "a.sqlite"))
        let plus = #expect(throws: ApplicationError.self) { try RegistryLocation(parsing: "db+tls.v2-x://h/db") }
        #expect(plus?.message.contains("'db+tls.v2-x://…'") == true)
        // A '/' followed by a combining mark is a '/': the scheme is still seen.
        #expect(throws: ApplicationError.self) { try RegistryLocation(parsing: "pg://\u{0301}x") }
        #expect(try RegistryLocation(parsing: "sqlite://\u{0301}x") == .sqlite(path: "\u{0301}x"))
        for path in ["/tmp/x://y.sqlite", "1db://h", "my db://h", "a/b://c", "://h", "data:a.sqlite"] {
            #expect(try RegistryLocation(parsing: path) == .sqlite(path: path), "\(path)")
        }
    }

    @Test("An unreachable PostgreSQL server is an error naming its URL, without the password, not a wait")
    func unreachableServer() async throws {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        let error = await #expect(throws: ApplicationError.self) {
            try await RegistryOpening.open(try RegistryLocation(parsing: "postgres://citydip:secret@127.0.0.1:1/citydip"))
        }
        #expect(error?.message.contains("postgres://citydip@127.0.0.1:1/citydip") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("secret") == false)
    }
}
