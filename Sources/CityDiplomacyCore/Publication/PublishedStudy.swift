/// What a study published — its tables cell by cell and its quantitative claims — so that an audit
/// can compare each number and list with what the records give.
///
/// Published values are data (`Resources/published/*.yaml`): a study's tables transcribed as
/// printed, with the schemes and periodisation they were computed under, and claims written as
/// checks of a few generic kinds.
public struct PublishedStudy: Hashable, Sendable {
    public struct CountryRow: Hashable, Sendable {
        public var region: String
        public var country: CountryCode
        public var affiliation: String?
        public var relations: Int

        public init(region: String, country: CountryCode, affiliation: String?, relations: Int) {
            self.region = region
            self.country = country
            self.affiliation = affiliation
            self.relations = relations
        }
    }

    public struct PeriodRow: Hashable, Sendable {
        public var period: String
        public var relations: Int
        /// The partner states as printed.
        public var countries: [CountryCode]

        public init(period: String, relations: Int, countries: [CountryCode]) {
            self.period = period
            self.relations = relations
            self.countries = countries
        }
    }

    public struct NetworkRow: Hashable, Sendable {
        /// The network's id within the dataset (without the dataset prefix).
        public var network: String
        public var scope: CityNetwork.Scope
        /// Member cities' ids within the dataset, as printed.
        public var members: [String]

        public init(network: String, scope: CityNetwork.Scope, members: [String]) {
            self.network = network
            self.scope = scope
            self.members = members
        }
    }

    /// A row of Table 1 as printed, for checks across tables: the partner-state column in printed
    /// order (one state per partner city, repeats included), and what the events and network
    /// columns name, as ids of the dataset's events and networks.
    public struct CityRow: Hashable, Sendable {
        public var city: String
        public var partnerStates: [CountryCode]
        public var events: [String]
        public var networks: [String]

        public init(city: String, partnerStates: [CountryCode], events: [String], networks: [String]) {
            self.city = city
            self.partnerStates = partnerStates
            self.events = events
            self.networks = networks
        }
    }

    /// A label of the study a reader would query, reproduced as printed, with the reason and the
    /// sources (of the dataset, added by its editors) that put it in doubt.
    public struct Erratum: Hashable, Sendable {
        public var id: String
        /// The scheme that transcribes the label, and the state it labels.
        public var scheme: String
        public var country: CountryCode
        public var note: LocalizedText
        /// Source ids within the dataset.
        public var sources: [String]

        public init(id: String, scheme: String, country: CountryCode, note: LocalizedText, sources: [String]) {
            self.id = id
            self.scheme = scheme
            self.country = country
            self.note = note
            self.sources = sources
        }
    }

    /// A quantitative claim of the text and how to check it.
    public struct Claim: Hashable, Sendable {
        public var id: String
        public var text: LocalizedText
        public var check: Check

        public init(id: String, text: LocalizedText, check: Check) {
            self.id = id
            self.text = text
            self.check = check
        }
    }

    /// The kinds of check a claim can be.
    public enum Check: Hashable, Sendable {
        /// The number of relations (of a kind, if given).
        case relationCount(kind: RelationKind?, published: Int)
        /// The number of dated (or undated) relations.
        case datedCount(dated: Bool, published: Int)
        /// A city elsewhere in the database has `published` distinct partners, more than this dataset's relations.
        case cityPartners(city: String, country: CountryCode, published: Int)
        /// Relations whose partner state carries one of the tags exceed (or equal) `published`,
        /// evaluated under each variant.
        case taggedCount(variants: [TagVariant], comparison: Comparison, published: Int)
        /// Relations in a scheme group.
        case groupCount(scheme: String, group: String, published: Int)
        /// Groups of a scheme ranked by relations: each inner list a rank (ties allowed).
        case groupRanking(scheme: String, published: [[String]])
        /// Networks of a category.
        case networkCount(category: CityNetwork.Category, published: Int)
        /// The network with the most members.
        case largestNetwork(published: String)
        /// Events of the given kinds.
        case eventCount(kinds: [EventKind], published: Int)
        /// Distinct partner cities (of relations of a kind, if given): the unit a count of cities
        /// is in. With `comparedWith`, the study compares its figure with another city's count
        /// of partner cities, which is then compared in the same unit.
        case partnerCityCount(kind: RelationKind?, published: Int, comparedWith: CityFigure?)
    }

    /// Another city's published figure: Istanbul's 75 partner cities.
    public struct CityFigure: Hashable, Sendable {
        public var city: String
        public var country: CountryCode
        public var published: Int

        public init(city: String, country: CountryCode, published: Int) {
            self.city = city
            self.country = country
            self.published = published
        }
    }

    public struct TagVariant: Hashable, Sendable {
        public var scheme: String
        public var tags: Set<String>

        public init(scheme: String, tags: Set<String>) {
            self.scheme = scheme
            self.tags = tags
        }
    }

    public enum Comparison: String, Hashable, Sendable {
        case equal = "equal"
        case moreThan = "more-than"
        case fewerThan = "fewer-than"

        public func holds(_ value: Int, against published: Int) -> Bool {
            switch self {
            case .equal: value == published
            case .moreThan: value > published
            case .fewerThan: value < published
            }
        }
    }

    public var datasetID: String
    /// How the audit names what it checks ("Dehshiri & Khorrami (2018), Tables 2–4 and section 5"),
    /// in both languages.
    public var citation: LocalizedText
    /// The schemes and periodisation the tables were drawn under.
    public var regionScheme: String
    public var affiliationScheme: String
    public var periodisation: String
    public var table2: [CountryRow]
    public var table2Totals: [String: Int]
    public var table3: [PeriodRow]
    public var table4: [NetworkRow]
    /// Table 1 as printed, row by row; empty where the file does not transcribe it.
    public var table1: [CityRow] = []
    /// The dataset's sources that stand for Table 4 (its own cell and footnotes): a membership
    /// that cites none of them was recorded from elsewhere (Table 1), not transcribed from Table 4.
    public var table4Sources: Set<String> = []
    public var errata: [Erratum] = []
    public var claims: [Claim]
    /// The study as a publication — authors, title, journal, dates — for citing it; `nil` where
    /// the published file does not describe it.
    public var publication: BibliographicRecord?

    public init(
        datasetID: String, citation: LocalizedText, regionScheme: String, affiliationScheme: String,
        periodisation: String, table2: [CountryRow], table2Totals: [String: Int], table3: [PeriodRow],
        table4: [NetworkRow], claims: [Claim], publication: BibliographicRecord? = nil
    ) {
        self.datasetID = datasetID
        self.citation = citation
        self.regionScheme = regionScheme
        self.affiliationScheme = affiliationScheme
        self.periodisation = periodisation
        self.table2 = table2
        self.table2Totals = table2Totals
        self.table3 = table3
        self.table4 = table4
        self.claims = claims
        self.publication = publication
    }
}
