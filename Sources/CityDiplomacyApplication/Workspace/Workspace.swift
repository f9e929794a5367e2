import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyNetwork
import CityDiplomacyReferenceData

/// What every use case works on: the registry, the reference countries, the classifications
/// (bundled and the user's), and the study's defaults. The CLI makes one per command, the web
/// observatory one per server; the use cases are its methods (`Workspace+…` files), each
/// returning a typed view model that the front ends only render.
///
/// ```swift
/// let opened = try await RegistryOpening.open(.sqlite(path: "city.sqlite"))
/// let workspace = try await Workspace(registry: opened.registry)
/// let table = try await workspace.studyTable(StudyTableRequest(table: .periods, rule: .later))
/// ```
///
/// ## Topics
/// - Datasets: ``content(ofDataset:)``, ``datasetsTable()``
/// - The study: ``studyTable(_:)``, ``report(_:)``, ``audit(dataset:)``
/// - Counting: ``count(_:)``, ``statistics(dataset:top:aggregateParts:)``
/// - Districts counted with their cities: ``counted(_:aggregateParts:)``, ``countedContent(ofDataset:aggregateParts:)``, ``countingParts(_:)``
/// - Records: ``relations(_:limit:offset:aggregateParts:)``, ``cityProfiles(named:dataset:aggregateParts:)``, ``cityProfile(id:aggregateParts:)``
/// - Comparison: ``diff(_:)``
public struct Workspace: Sendable {
    public let registry: any CityDiplomacyRegistry
    public let countries: [Country]
    public let countriesByCode: [CountryCode: Country]
    public let directory: CountryDirectory
    public let classifications: ClassificationCatalogue
    public let defaults: StudyDefaults
    /// Places cities without coordinates by name, for maps and GeoJSON.
    public let locator: CityLocator
    /// Datasets' records, kept per registry revision (``content(ofDataset:)``).
    let contents = RevisionCache<String, DatasetContent>(capacity: 4)
    /// Datasets' columns for analysis, kept per registry revision (``snapshot(ofDatasets:)``).
    let columns = RevisionCache<String, AnalysisColumns>(capacity: 8)
    /// The datasets as analyses read them, kept per registry revision (``snapshot(ofDatasets:)``).
    let snapshots = RevisionCache<[String], AnalysisSnapshot>(capacity: 4)
    /// The networks of cities of those snapshots, kept per registry revision (``cityNetwork(ofDatasets:)``).
    let cityNetworkGraphs = RevisionCache<[String], CityNetworkGraph>(capacity: 4)
    /// The imported datasets and the formats their files were read in, kept per registry revision (``importFormats()``).
    let importFormatsCache = RevisionCache<Int, [String: String]>(capacity: 1)
    /// Each dataset's counts of records, kept per registry revision (``recordCounts(ofDataset:)``).
    let recordCountsCache = RevisionCache<String, DatasetRecordCounts>(capacity: 16)
    /// Pages of Table 1 as read, kept per registry revision (``relationsTablePage(ofDataset:page:perPage:)``).
    let tablePages = RevisionCache<String, TabulationPage>(capacity: 64)
    /// The records hash of each dataset as read, kept per registry revision (``version(of:)``).
    let recordsHashes = RevisionCache<String, String>(capacity: 16)
    /// The study's tables of datasets as read, kept per registry revision (``studyTable(_:of:)``).
    let studyTables = RevisionCache<StudyTableRequest, Tabulation>(capacity: 32)
    /// Totals, kept per registry revision (``statistics(dataset:top:aggregateParts:)``).
    let statisticsViews = RevisionCache<String, StatisticsView>(capacity: 16)
    /// Lets one network measurement run at a time.
    let measurementGate = Gate()
    /// Lets one comparison or baseline computation run at a time (a request varying its seed
    /// must queue rather than starve the server); apart from ``measurementGate``, which a
    /// comparison asking for network measures passes through inside it.
    let comparisonGate = Gate()
    /// Network measures, kept per registry revision (``network(_:)``).
    let networks = RevisionCache<NetworkRequest, NetworkResult>(capacity: 8)
    /// The network of cities recommend, peers and the city pages read, per datasets and registry
    /// revision (``cityNetworkContext(_:)``): a city page's suggestions would otherwise build the
    /// whole network again at each view.
    let cityNetworks = RevisionCache<[String], CityNetworkContext>(capacity: 4)
    /// The partner-choice model of each of those networks, per datasets and registry revision.
    let partnerChoiceModels = RevisionCache<[String], PartnerChoiceModel>(capacity: 4)

    /// Reads the registry's countries; the bundled reference data is read on other threads
    /// meanwhile, unless ``prepare()`` has started it already.
    public init(registry: any CityDiplomacyRegistry, schemeFiles: [String] = [], periodisationFiles: [String] = []) async throws {
        Self.prepare()
        var countries = try await registry.countries()
        let bundled = try CountryDirectory.bundled()
        countries = countries.isEmpty ? bundled.countries : Self.withStatehood(countries, from: bundled)
        let directory = CountryDirectory(countries: countries)
        try self.init(registry: registry, directory: directory,
                      classifications: ClassificationCatalogue(countries: directory, schemeFiles: schemeFiles, periodisationFiles: periodisationFiles),
                      defaults: StudyDefaults.bundled())
    }

    /// Starts reading the reference data every workspace needs (the bundled countries, schemes,
    /// periodisations and published values) on threads of its own: a command calls it before
    /// it opens its registry, so that both happen at once.
    public static func prepare() {
        BundledClassifications.prefetch()
    }

    public init(registry: any CityDiplomacyRegistry, countries: [Country], classifications: ClassificationCatalogue, defaults: StudyDefaults) {
        self.init(registry: registry, directory: CountryDirectory(countries: countries), classifications: classifications, defaults: defaults)
    }

    /// With the directory of `countries` already made (its names' search keys are a part of
    /// every command's start).
    init(registry: any CityDiplomacyRegistry, directory: CountryDirectory, classifications: ClassificationCatalogue, defaults: StudyDefaults) {
        self.registry = registry
        countries = directory.countries
        countriesByCode = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.directory = directory
        self.classifications = classifications
        self.defaults = defaults
        locator = CityLocator(countries: directory)
    }

    /// `countries` (the registry's) with each one's date of statehood and predecessor taken from
    /// the reference list: the registry's country table keeps codes and names only, and these
    /// are facts of the reference data that no edit changes, so they are read from the list the
    /// program ships rather than stored (which would take a migration of the table).
    static func withStatehood(_ countries: [Country], from reference: CountryDirectory) -> [Country] {
        countries.map { stored in
            guard let known = reference.country(code: stored.code.rawValue) else { return stored }
            var country = stored
            country.stateSince = known.stateSince
            country.predecessor = known.predecessor
            return country
        }
    }

    /// A country's name in `language`, or its code where the reference list lacks it.
    public func countryName(_ code: CountryCode, _ language: Language) -> String {
        countriesByCode[code]?.name[language] ?? code.rawValue
    }

    /// The country `text` names: an ISO code or a name in English or Persian. A name of no
    /// country is not found (a 404 on the web), as an unknown dataset or city is.
    public func country(named text: String, field: String) throws(ApplicationError) -> Country {
        guard let country = directory.country(matching: text) else {
            throw .notFound(field, "unknown country '\(text)': expected an ISO 3166-1 code such as IR, or a country name in English or Persian")
        }
        return country
    }
}
