import CityDiplomacyCore

extension StudyAudit {
    /// Builds the audit of `content` against `published`, looking up in the other datasets of
    /// `registry` the claims the study's own records cannot check (how many partners a city has).
    public static func auditing(
        _ content: DatasetContent, against published: PublishedStudy, schemes: [String: ClassificationScheme],
        periodisations: [String: Periodisation], countries: [Country], registry: some CityDiplomacyRegistry
    ) async throws -> StudyAudit {
        var elsewhere: [String: (dataset: String, partners: Int)] = [:]
        for claim in published.claims {
            let city: String, country: CountryCode
            switch claim.check {
            case let .cityPartners(name, code, _): (city, country) = (name, code)
            case let .partnerCityCount(_, _, figure?): (city, country) = (figure.city, figure.country)
            default: continue
            }
            if let found = try await partners(of: city, country: country, outside: content.dataset.id, in: registry) {
                elsewhere["\(city)|\(country)"] = found
            }
        }
        let found = elsewhere
        return StudyAudit(content: content, published: published, schemes: schemes, periodisations: periodisations,
                          countries: countries, partnersElsewhere: { city, country in found["\(city)|\(country)"] })
    }

    /// The most partners a city of that name and country has in any dataset but `datasetID`.
    public static func partners(of city: String, country: CountryCode, outside datasetID: String, in registry: some CityDiplomacyRegistry) async throws -> (dataset: String, partners: Int)? {
        var best: (dataset: String, partners: Int)?
        for match in try await registry.findCities(named: city, datasetID: nil) where match.country == country && !RecordID.id(match.id, isIn: datasetID) {
            let selection = try await registry.relations(matching: RelationQuery(city: match.id))
            let partners = Set(selection.relations.map { $0.partner(of: match.id) }).count
            let dataset = RecordID(match.id)?.dataset ?? match.id
            if partners > (best?.partners ?? -1) { best = (dataset, partners) }
        }
        return best
    }
}
