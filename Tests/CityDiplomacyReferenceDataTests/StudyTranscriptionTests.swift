import CityDiplomacyCore
import CityDiplomacyReferenceData
import Testing

/// The transcription of the study's Tables 1 and 4, checked against the study's own totals.
@Suite("The iran-2018 dataset transcribes the study")
struct StudyTranscriptionTests {
    let countries: CountryDirectory
    let study: DatasetContent

    init() throws {
        countries = try CountryDirectory.bundled()
        study = try #require(try BundledDatasets.load(id: "iran-2018", countries: countries))
    }

    private func cityName(_ id: String) -> String {
        study.citiesByID[id]?.name.en ?? id
    }

    @Test("70 bilateral relations: 61 sister-city agreements and 9 cooperation memoranda")
    func totals() {
        #expect(study.relations.count == 70)
        #expect(study.relations.filter { $0.kind == .sisterCity }.count == 61)
        #expect(study.relations.filter { $0.kind == .cooperationMemorandum }.count == 9)
    }

    @Test("40 relations are dated and 30 are not")
    func dated() {
        #expect(study.relations.filter { $0.signed != nil }.count == 40)
        #expect(study.relations.filter { $0.signed == nil }.count == 30)
    }

    @Test("Rows per city as in Table 1")
    func rowsPerCity() {
        var counts: [String: Int] = [:]
        for relation in study.relations { counts[cityName(relation.cityID), default: 0] += 1 }
        #expect(counts == ["Tehran": 24, "Isfahan": 14, "Tabriz": 9, "Yazd": 5, "Shiraz": 5, "Mashhad": 7, "Arak": 4, "Ramsar": 2])
    }

    @Test("Only Tehran (6) and Mashhad (3) have cooperation memoranda")
    func memoranda() {
        var counts: [String: Int] = [:]
        for relation in study.relations where relation.kind == .cooperationMemorandum {
            counts[cityName(relation.cityID), default: 0] += 1
        }
        #expect(counts == ["Tehran": 6, "Mashhad": 3])
    }

    @Test("Partner states add up to Table 2's per-country counts")
    func partnerStates() {
        var counts: [String: Int] = [:]
        for relation in study.relations {
            counts[study.citiesByID[relation.partnerID]!.country.rawValue, default: 0] += 1
        }
        let table2: [String: Int] = [
            "AF": 1, "PK": 3, "TR": 3, "YE": 1, "KW": 2, "IQ": 6, "QA": 1, "OM": 1, "PS": 1, "LB": 1,
            "TJ": 3, "GE": 3, "AZ": 2, "AM": 1, "KZ": 1, "KG": 1,
            "CN": 5, "KR": 3, "MY": 1, "TH": 1,
            "RU": 4, "BY": 2, "HU": 3, "BA": 1, "RO": 1, "CY": 1, "RS": 1,
            "SD": 1, "SN": 1, "ZA": 1,
            "DE": 2, "IT": 2, "ES": 1, "FR": 1, "US": 1,
            "CU": 3, "VE": 1, "CL": 1, "BR": 1,
        ]
        #expect(counts == table2)
    }

    @Test("Years as printed: Tehran–Seoul 1963, Shiraz–Dushanbe 1980, Isfahan–Xi'an 1989")
    func printedYears() {
        func year(_ city: String, _ partner: String) -> Int? {
            study.relations.first { cityName($0.cityID) == city && cityName($0.partnerID) == partner }?.signed?.gregorianYear
        }
        #expect(year("Tehran", "Seoul") == 1963)
        #expect(year("Shiraz", "Dushanbe") == 1980)
        #expect(year("Isfahan", "Xi'an") == 1989)
        #expect(year("Tehran", "Sarajevo") == 2016)
        #expect(year("Mashhad", "Najaf") == nil)
    }

    @Test("Every relation cites a source; those without a URL cite the study's table row")
    func sources() {
        for relation in study.relations {
            #expect(!relation.sources.isEmpty, "\(relation.id) has no source")
            if !relation.sources.contains(where: { $0.url != nil }) {
                #expect(relation.sources.contains { $0.locator?.hasPrefix("Table 1, row") == true }, "\(relation.id)")
            }
        }
        // The relations the study gives no footnote for: this project's sources are not the study's
        // (Shiraz–Dushanbe cites one on the date of Tajikistan's independence, beside the table row).
        let unsourced = study.relations.filter { relation in !relation.sources.contains { $0.url != nil && !$0.isSupplement } }
        #expect(Set(unsourced.map { cityName($0.cityID) }) == ["Yazd", "Shiraz", "Mashhad"])
        #expect(unsourced.count == 2 + 5 + 7)
        let dushanbe = study.relations.filter { relation in relation.sources.contains(where: \.isSupplement) }
        #expect(dushanbe.map(\.id) == ["iran-2018:shiraz/dushanbe/sister_city"])
        #expect(dushanbe.first?.sources.map(\.id) == ["iran-2018:study-table-1-shiraz", "iran-2018:project-tajikistan"])
    }

    @Test("Footnote access dates are kept as printed")
    func accessDates() throws {
        let budapest = try #require(study.relations.first { cityName($0.partnerID) == "Budapest" })
        let source = try #require(budapest.sources.first)
        #expect(source.accessed?.description == "2018-04-01")
        #expect(source.url == "https://hungarytoday.hu/budapest-council-approves-twin-city-agreement-teheran-52213/")
    }

    @Test("Every city has English and Persian names and a known country")
    func cityNames() {
        for city in study.cities {
            #expect(city.name.fa?.isEmpty == false, "\(city.id) has no Persian name")
            #expect(countries.country(code: city.country.rawValue) != nil)
        }
    }

    @Test("Garbled Persian spellings are kept as aliases of the real places")
    func garbledNames() {
        let aliases = Dictionary(uniqueKeysWithValues: study.cities.map { ($0.name.en, Set($0.aliases)) })
        #expect(aliases["Xi'an"]?.contains("شبان") == true)
        #expect(aliases["Iași"]?.contains("پاش") == true)
        #expect(aliases["Jászberény"]?.contains("یاسرین") == true)
        #expect(aliases["Yeosu"]?.contains("یتوسو") == true)
        #expect(aliases["Karbala"]?.contains("کریلا") == true)
        #expect(aliases["Sarajevo"]?.contains("ساریوو") == true)
    }

    @Test("Table 4: twelve rows, ten city networks and two state-level programmes")
    func networks() {
        #expect(study.networks.count == 12)
        #expect(study.networks.filter { $0.category == .cityNetwork }.count == 10)
        #expect(study.networks.filter { $0.scope == .global }.count == 7)
        // Metropolis is UCLG's metropolitan section (Table 4's description of it); no other is a section.
        #expect(study.networks.filter { $0.partOf != nil }.map(\.id) == ["iran-2018:metropolis"])
        #expect(study.networks.first?.partOf == "iran-2018:uclg")
    }

    @Test("The Asian Mayors Forum has 16 Iranian members, the most of any network")
    func asianMayorsForum() throws {
        var members: [String: Int] = [:]
        for membership in study.memberships { members[membership.networkID, default: 0] += 1 }
        #expect(members["iran-2018:asian-mayors-forum"] == 16)
        #expect(members.max { $0.value < $1.value }?.key == "iran-2018:asian-mayors-forum")
        #expect(members["iran-2018:metropolis"] == 7)
        #expect(members["iran-2018:uclg"] == 7)
    }

    @Test("The study's four events (the 1974 Asian Games and three Islamic capitals) and two added by this project, marked so")
    func events() {
        let events = study.events.map { "\(study.citiesByID[$0.cityID]!.name.en) \($0.year) \($0.kind)" }
        #expect(events == ["Tehran 1974 sports_games", "Isfahan 2006 cultural_capital", "Mashhad 2017 cultural_capital", "Tabriz 2018 tourism_capital",
                           "Tehran 1968 sports_championship", "Tehran 1976 sports_championship"])
        #expect(study.events.map(\.isSupplement) == [false, false, false, false, true, true])
        // Table 4's awarding body of Tabriz's title is corrected, with the study's sources kept and the correction's beside them.
        let tabriz = study.events[3]
        #expect(tabriz.awardingBody == "OIC Islamic Conference of Tourism Ministers (9th session, Niamey)")
        #expect(tabriz.sources.map(\.isSupplement) == [false, false, true])
        #expect(tabriz.notes(in: .fa)?.hasPrefix("جدول 4 این عنوان را ذیل آیسسکو") == true)
        #expect(study.sources.filter(\.isSupplement).count == 6)
    }

    @Test("Themes of the agreements section 5-1 discusses")
    func themes() {
        func themes(_ city: String, _ partner: String) -> [Theme] {
            study.relations.first { cityName($0.cityID) == city && cityName($0.partnerID) == partner }?.themes ?? []
        }
        #expect(themes("Isfahan", "Freiburg im Breisgau") == [.politicalValues])
        #expect(themes("Yazd", "Ürümqi").contains(.nonInterference))
        #expect(themes("Isfahan", "Florence") == [.culture, .tourism, .economy, .heritage])
        #expect(Set(themes("Isfahan", "Saint Petersburg")) == [.culture, .tourism, .sport, .economy])
    }

    @Test("Years in a change of government carry the study's placement")
    func periodPlacements() {
        let placed = study.relations.filter { !$0.periodPlacements.isEmpty }
        #expect(placed.count == 6)
        #expect(placed.allSatisfy { [1989, 1997, 2005, 2013].contains($0.signed?.gregorianYear ?? 0) })
    }
}

/// Section 5-1's passages as documents of their relations, coded with the themes the study names.
@Suite("The study's themes are coded passages of section 5-1")
struct StudyCodingTests {
    let study: DatasetContent

    init() throws {
        study = try #require(try BundledDatasets.load(id: "iran-2018", countries: try CountryDirectory.bundled()))
    }

    @Test("Six relations have a passage each, and their coded themes are the themes the dataset gives them")
    func codedThemesAreTheRelationsThemes() throws {
        #expect(study.documents.count == 6)
        let coded = study.codedThemesByRelation
        let tagged = Dictionary(uniqueKeysWithValues: study.relations.filter { !$0.themes.isEmpty }.map { ($0.id, Set($0.themes.map(\.rawValue))) })
        #expect(tagged.count == 6)
        #expect(coded.mapValues(Set.init) == tagged)
    }

    @Test("Every coding is a passage of its document's text, cited to section 5-1, coded by the study")
    func codingsArePassages() throws {
        try study.checkDocuments()
        let documents = Dictionary(uniqueKeysWithValues: study.documents.map { ($0.id, $0) })
        #expect(study.segments.count == 17)
        for segment in study.segments {
            let document = try #require(documents[segment.documentID])
            let passage = try #require(document.passage(segment.range))
            #expect(!passage.isEmpty)
            #expect(segment.coder == "study")
            #expect(document.locator?.en == "Section 5-1")
        }
        let freiburg = try #require(study.segments.first { $0.theme == "political_values" })
        #expect(documents[freiburg.documentID]?.passage(freiburg.range)?.hasPrefix("\u{0647}\u{0645}\u{0631}\u{0627}\u{0647}\u{06CC}") == true)
    }
}
