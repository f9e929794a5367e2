import CityDiplomacyAnalysis
import CityDiplomacyCore

extension ProfileDifference.Method {
    /// The method as JSON names it.
    public var code: String {
        switch self {
        case .fisherExact: "fisher-exact"
        case .monteCarloChiSquare: "monte-carlo-chi-square"
        case .notTestable: "not-testable"
        }
    }
}

extension ProfileDifference {
    /// The test in one sentence: its method, p-value and effect size.
    public var sentence: LocalizedText {
        let figures: [String: LocalizedText] = [
            "p": NetworkResult.pRelationText(pValue), "v": NetworkResult.decimalText(cramersV, places: 3),
            "chi": NetworkResult.decimalText(chiSquare, places: 2),
        ]
        switch method {
        case .fisherExact: return .message("compare.test.fisher", localized: figures)
        case let .monteCarloChiSquare(draws, seed): return .message("compare.test.monte-carlo", localized: figures, ["draws": String(draws), "seed": String(seed)])
        case .notTestable: return .message("compare.test.none")
        }
    }
}

extension ComparisonResult {
    /// The comparison as a document: the figures side by side, then each profile with its test.
    public var document: ReportDocument {
        ReportDocument(title: title, sections: [
            .init(heading: .message("compare.section.figures"), paragraphs: notes, tables: [figuresTable]),
        ] + profiles.map { profile in
            .init(heading: profile.title, paragraphs: [testSentence(profile)], tables: [profileTable(profile)])
        })
    }

    /// A profile's test in one sentence, or why it was not made: subjects sharing cities.
    public func testSentence(_ profile: Profile) -> LocalizedText {
        sharedCities.isEmpty ? profile.test.sentence : .message("compare.test.shared-cities")
    }

    public var title: LocalizedText {
        .message("compare.title", localized: ["subjects": .joined(subjects.map { .message("text.quoted", localized: ["text": $0.label]) }, separator: "list.and")])
    }

    /// What a reader must know before the figures: the datasets, the units, what was merged or left out.
    public var notes: [LocalizedText] {
        var notes: [LocalizedText] = [
            .message("compare.note.datasets", localized: ["datasets": .joined(datasets.map { .message("text.quoted", localized: ["text": $0.title]) }, separator: "list.and")]),
            .message("compare.note.units"),
        ]
        if datasets.count > 1 { notes.append(.message("compare.note.several-datasets")) }
        for (i, j) in sharedCities {
            notes.append(.message("compare.note.shared-cities", localized: ["first": subjects[i].label, "second": subjects[j].label]))
        }
        for subject in subjects where subject.internalRelations > 0 {
            notes.append(.message("compare.note.internal-left-out", localized: ["subject": subject.label], ["count": String(subject.internalRelations)]))
        }
        for subject in subjects where subject.relations == 0 {
            notes.append(.message("compare.note.no-relations", localized: ["subject": subject.label]))
        }
        return notes
    }

    /// One row per figure, one column per subject.
    public var figuresTable: Tabulation {
        func row(_ key: String, _ value: (Subject) -> Tabulation.Cell) -> [Tabulation.Cell] {
            [.code(key, label: .message("compare.figure.\(key)"))] + subjects.map(value)
        }
        var rows: [[Tabulation.Cell]] = [
            row("datasets") { subject in
                .list(subject.datasets.map { id in .code(id, label: datasets.first { $0.id == id }.map { .message("text.quoted", localized: ["text": $0.title]) } ?? LocalizedText(en: id)) })
            },
            row("cities") { .number($0.cities) },
            row("cities-with-relations") { .number($0.citiesWithRelations) },
            row("relations") { .number($0.relations) },
            row("partner-cities") { .number($0.partnerCities) },
            row("partner-states") { .number($0.partnerStates) },
            row("internal-relations") { .number($0.internalRelations) },
            row("listed-twice") { .number($0.listedTwice) },
            row("self-pairs") { .number($0.selfPairs) },
            row("undated") { .number($0.undated) },
            row("partners-without-identity") { .number($0.partnersWithoutIdentity) },
        ]
        for (index, dataset) in datasets.enumerated() where datasets.count > 1 {
            rows.append([.code("relations-in-\(dataset.id)", label: .message("compare.figure.relations-in", localized: ["dataset": dataset.title]))]
                + subjects.map { .number($0.byDataset[index].relations) })
            rows.append([.code("partner-cities-in-\(dataset.id)", label: .message("compare.figure.partner-cities-in", localized: ["dataset": dataset.title]))]
                + subjects.map { .number($0.byDataset[index].partners) })
        }
        rows.append(row("central-city") { subject in
            subject.central.map { .text(.message("compare.central", localized: ["city": $0.name], ["degree": String($0.degree), "rank": String($0.rank), "cities": String(networkCities)])) } ?? .empty
        })
        if subjects.contains(where: { !$0.centralRanks.isEmpty }) {
            rows.append(row("central-ranks") { subject in
                .list(subject.centralRanks.map { .text(.message("compare.central-rank", localized: ["measure": $0.measure.label], ["rank": String($0.rank)])) })
            })
        }
        return Tabulation(title: .message("compare.figures.title"),
                          columns: [.init(key: "figure", title: .message("network.figure"))] + subjectColumns,
                          rows: rows)
    }

    var subjectColumns: [Tabulation.Column] {
        subjects.map { .init(key: $0.subject.text, title: $0.label) }
    }

    /// A profile's categories with each subject's relations and share.
    public func profileTable(_ profile: Profile) -> Tabulation {
        let totals = subjects.indices.map { row in profile.categories.reduce(0) { $0 + $1.counts[row] } }
        return Tabulation(
            title: profile.title,
            columns: [.init(key: profile.dimension, title: .message("compare.category"))]
                + subjects.flatMap { [.init(key: "\($0.subject.text) relations", title: .message("compare.relations-of", localized: ["subject": $0.label])),
                                      .init(key: "\($0.subject.text) percent", title: .message("compare.percent-of", localized: ["subject": $0.label]))] },
            rows: profile.categories.map { category in
                [.code(category.id, label: category.label)] + subjects.indices.flatMap { row -> [Tabulation.Cell] in
                    [.number(category.counts[row]), totals[row] == 0 ? .empty : .percent(Double(category.counts[row]) / Double(totals[row]))]
                }
            },
            notes: profile.categories.contains(where: \.untested) ? [.message("compare.note.undated-untested")] : [])
    }

    /// Every profile in one long table — subject, dimension, category, relations, share — for CSV.
    public var table: Tabulation {
        var rows: [[Tabulation.Cell]] = []
        for profile in profiles {
            for (row, subject) in subjects.enumerated() {
                let total = profile.categories.reduce(0) { $0 + $1.counts[row] }
                for category in profile.categories {
                    rows.append([.verbatim(subject.subject.text), .text(subject.label), .identifier(profile.dimension), .code(category.id, label: category.label),
                                 .number(category.counts[row]), total == 0 ? .empty : .percent(Double(category.counts[row]) / Double(total))])
                }
            }
        }
        return Tabulation(title: title,
                          columns: [.init(key: "subject", title: .message("compare.subject")), .init(key: "label", title: .message("compare.label")),
                                    .init(key: "dimension", title: .message("compare.dimension")), .init(key: "category", title: .message("compare.category")),
                                    .init(key: "relations", title: .message("compare.figure.relations")), .titled("share_percent")],
                          rows: rows)
    }
}

/// A comparison as JSON, the same for `citydip compare --format json` and `/api/v1/compare`:
/// `{"datasets", "scheme", "subjects": [{"subject", "kind", "label", "label_fa", "datasets", "cities",
/// "cities_with_relations", "relations", "partner_cities", "partner_states", "internal_relations",
/// "listed_twice", "self_pairs", "undated", "partners_without_identity", "by_dataset": {id: {"relations", "partner_cities"}} (each dataset alone),
/// "central_city": null or {"name", "name_fa", "degree", "rank", "ranks": {measure: rank}}}], "network_cities",
/// "profiles": [{"dimension", "categories": [{"id", "label", "label_fa", "counts", "tested"}],
/// "test": {"method", "draws", "seed", "chi_square", "p_value", "cramers_v"}}]}`.
public struct ComparisonView: Encodable, Sendable {
    struct Central: Encodable {
        var name: String, nameFa: String?, degree: Int, rank: Int
        var ranks: OrderedObject<Int>
        enum CodingKeys: String, CodingKey { case name, nameFa = "name_fa", degree, rank, ranks }
    }

    struct DatasetFigures: Encodable, Sendable {
        var relations, partnerCities: Int
        enum CodingKeys: String, CodingKey { case relations, partnerCities = "partner_cities" }
    }

    struct Subject: Encodable {
        var subject, kind, label: String
        var labelFa: String?
        var datasets: [String]
        var cities, citiesWithRelations, relations, partnerCities, partnerStates, internalRelations, listedTwice, selfPairs, undated, partnersWithoutIdentity: Int
        var byDataset: OrderedObject<DatasetFigures>
        var centralCity: Central?

        enum CodingKeys: String, CodingKey {
            case subject, kind, label, labelFa = "label_fa", datasets, cities, citiesWithRelations = "cities_with_relations", relations
            case partnerCities = "partner_cities", partnerStates = "partner_states", internalRelations = "internal_relations"
            case listedTwice = "listed_twice", selfPairs = "self_pairs", undated, partnersWithoutIdentity = "partners_without_identity"
            case byDataset = "by_dataset", centralCity = "central_city"
        }
    }

    struct Category: Encodable {
        var id, label: String
        var labelFa: String?
        var counts: [Int]
        var tested: Bool
        enum CodingKeys: String, CodingKey { case id, label, labelFa = "label_fa", counts, tested }
    }

    struct Test: Encodable {
        var method: String
        var draws: Int?
        var seed: UInt64?
        var chiSquare, pValue, cramersV: Double
        enum CodingKeys: String, CodingKey { case method, draws, seed, chiSquare = "chi_square", pValue = "p_value", cramersV = "cramers_v" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(method, forKey: .method)
            try container.encode(draws, forKey: .draws)
            try container.encode(seed, forKey: .seed)
            try container.encode(chiSquare, forKey: .chiSquare)
            try container.encode(pValue, forKey: .pValue)
            try container.encode(cramersV, forKey: .cramersV)
        }
    }

    struct Profile: Encodable {
        var dimension: String
        var categories: [Category]
        var test: Test
    }

    var datasets: [String]
    var scheme: String
    var subjects: [Subject]
    var networkCities: Int
    var profiles: [Profile]
    /// The pairs of subjects (as written) that share a city, whose profiles are not tested.
    var sharedCities: [[String]]

    enum CodingKeys: String, CodingKey { case datasets, scheme, subjects, networkCities = "network_cities", profiles, sharedCities = "shared_cities" }

    public init(_ result: ComparisonResult) {
        datasets = result.datasets.map(\.id)
        scheme = result.scheme.id
        networkCities = result.networkCities
        sharedCities = result.sharedCities.map { [result.subjects[$0.0].subject.text, result.subjects[$0.1].subject.text] }
        subjects = result.subjects.map { subject in
            Subject(subject: subject.subject.text, kind: subject.subject.kind, label: subject.label.en, labelFa: subject.label.fa,
                    datasets: subject.datasets, cities: subject.cities, citiesWithRelations: subject.citiesWithRelations,
                    relations: subject.relations, partnerCities: subject.partnerCities, partnerStates: subject.partnerStates,
                    internalRelations: subject.internalRelations, listedTwice: subject.listedTwice, selfPairs: subject.selfPairs,
                    undated: subject.undated, partnersWithoutIdentity: subject.partnersWithoutIdentity,
                    byDataset: OrderedObject(zip(result.datasets.map(\.id), subject.byDataset).map { ($0, DatasetFigures(relations: $1.relations, partnerCities: $1.partners)) }),
                    centralCity: subject.central.map { Central(name: $0.name.en, nameFa: $0.name.fa, degree: $0.degree, rank: $0.rank,
                                                                             ranks: OrderedObject(subject.centralRanks.map { ($0.measure.rawValue, $0.rank) })) })
        }
        profiles = result.profiles.map { profile in
            var draws: Int?, seed: UInt64?
            if case let .monteCarloChiSquare(d, s) = profile.test.method { draws = d; seed = s }
            return Profile(dimension: profile.dimension,
                           categories: profile.categories.map { Category(id: $0.id, label: $0.label.en, labelFa: $0.label.fa, counts: $0.counts, tested: !$0.untested) },
                           test: Test(method: profile.test.method.code, draws: draws, seed: seed, chiSquare: profile.test.chiSquare,
                                      pValue: profile.test.pValue, cramersV: profile.test.cramersV))
        }
    }
}
