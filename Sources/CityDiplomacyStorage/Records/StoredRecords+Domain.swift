import CityDiplomacyCore
import Foundation

// Conversions between table rows and domain records. Values written by this module are read
// back with `unchecked` initialisers: they were validated on the way in.

extension CountryRow {
    init(_ country: Country) {
        self.init(code: country.code.rawValue, alpha3: country.alpha3, nameEn: country.name.en,
                  nameFa: country.name.fa, aliases: country.aliases)
    }

    var country: Country {
        Country(code: CountryCode(unchecked: code), alpha3: alpha3,
                name: LocalizedText(en: nameEn, fa: nameFa), aliases: aliases)
    }
}

extension DatasetRow {
    init(_ dataset: Dataset, storedAt: Date) {
        self.init(id: dataset.id, titleEn: dataset.title.en, titleFa: dataset.title.fa,
                  citation: dataset.citation, description: dataset.description,
                  provenance: dataset.provenance, sourceFile: dataset.sourceFile,
                  contentHash: dataset.contentHash, isBundled: dataset.isBundled,
                  importReport: dataset.importReport, storedAt: storedAt,
                  citationFa: dataset.citationFa, descriptionFa: dataset.descriptionFa, provenanceFa: dataset.provenanceFa,
                  methodEn: dataset.method?.en, methodFa: dataset.method?.fa, licence: dataset.licence)
    }

    var dataset: Dataset {
        var dataset = Dataset(id: id, title: LocalizedText(en: titleEn, fa: titleFa), citation: citation,
                              description: description, provenance: provenance, sourceFile: sourceFile,
                              contentHash: contentHash, isBundled: isBundled, importReport: importReport,
                              method: methodEn.map { LocalizedText(en: $0, fa: methodFa) }, licence: licence)
        dataset.citationFa = citationFa
        dataset.descriptionFa = descriptionFa
        dataset.provenanceFa = provenanceFa
        return dataset
    }
}

extension SourceRow {
    init(_ source: SourceCitation, datasetID: String) {
        self.init(id: source.id, datasetId: datasetID, title: source.title, url: source.url,
                  publisher: source.publisher, language: source.language,
                  published: source.published?.description, accessed: source.accessed?.description,
                  locator: source.locator, titleFa: source.titleFa, publisherFa: source.publisherFa, locatorFa: source.locatorFa,
                  supplement: source.supplement)
    }

    var source: SourceCitation {
        var source = SourceCitation(id: id, title: title, url: url, publisher: publisher, language: language,
                                    published: published.flatMap(PartialDate.init), accessed: accessed.flatMap(PartialDate.init),
                                    locator: locator)
        source.titleFa = titleFa
        source.publisherFa = publisherFa
        source.locatorFa = locatorFa
        source.supplement = supplement
        return source
    }
}

extension CityRow {
    var city: City {
        var coordinates: Coordinates?
        if let latitude, let longitude {
            coordinates = try? Coordinates(latitude: latitude, longitude: longitude)
        }
        var city = City(id: id, name: LocalizedText(en: nameEn, fa: nameFa), aliases: aliases,
                        country: CountryCode(unchecked: countryCode), coordinates: coordinates,
                        population: population, geonamesID: geonamesId, wikidataID: wikidataId, partOf: partOf, notes: notes)
        city.notesFa = notesFa
        return city
    }

    /// ``searchKeys(of:)`` in the order of their bytes, the order of the names' primary key.
    static func sortedSearchKeys(of city: City) -> [String] {
        searchKeys(of: city).sorted(by: TextKey.precedes)
    }

    /// The keys the city is found by: each name and alias, and the last part of its id.
    static func searchKeys(of city: City) -> Set<String> {
        let idKey = RecordID(city.id)?.local ?? city.id
        // The names keyed one by one into the set (``City/allNames`` and the id): joined into
        // arrays, mapped and filtered first, each city's keys took five allocations more, for
        // each of the 326,000 cities of a 1,000,000-row import, before its store (perf).
        var keys = Set<String>(minimumCapacity: city.aliases.count + 3)
        func add(_ name: String) {
            let key = PersianText.searchKey(name)
            if !key.isEmpty { keys.insert(key) }
        }
        add(city.name.en)
        if let persian = city.name.fa { add(persian) }
        for alias in city.aliases { add(alias) }
        add(idKey)
        return keys
    }
}

extension RelationRow {
    func relation(themes: [Theme], sources: [SourceCitation]) -> BilateralRelation {
        var relation = BilateralRelation(id: id, datasetID: datasetId, cityID: cityId, partnerID: partnerId,
                                         kind: RelationKind(unchecked: kind), status: RelationStatus(unchecked: status),
                                         signed: signed.flatMap(PartialDate.init), themes: themes, notes: notes,
                                         sources: sources, periodPlacements: periodPlacements, position: position,
                                         flags: flags.compactMap(RelationFlag.init(rawValue:)), importRows: importRows)
        relation.notesFa = notesFa
        return relation
    }
}

extension NetworkRow {
    init(_ network: CityNetwork) {
        self.init(id: network.id, datasetId: network.datasetID, nameEn: network.name.en, nameFa: network.name.fa,
                  acronym: network.acronym, scope: network.scope.rawValue, category: network.category.rawValue,
                  founded: network.founded?.description, seat: network.seat, seatFa: network.seatFa,
                  descriptionEn: network.description?.en, descriptionFa: network.description?.fa,
                  position: network.position, partOf: network.partOf)
    }

    func network(sources: [SourceCitation]) -> CityNetwork {
        var network = CityNetwork(id: id, datasetID: datasetId, name: LocalizedText(en: nameEn, fa: nameFa), acronym: acronym,
                                  scope: CityNetwork.Scope(rawValue: scope) ?? .global,
                                  category: CityNetwork.Category(rawValue: category) ?? .cityNetwork,
                                  founded: founded.flatMap(PartialDate.init), seat: seat,
                                  description: descriptionEn.map { LocalizedText(en: $0, fa: descriptionFa) },
                                  sources: sources, position: position)
        network.seatFa = seatFa
        network.partOf = partOf
        return network
    }
}

extension MembershipRow {
    init(_ membership: NetworkMembership) {
        self.init(id: membership.id, datasetId: membership.datasetID, cityId: membership.cityID,
                  networkId: membership.networkID, roleEn: membership.role?.en, roleFa: membership.role?.fa,
                  since: membership.since?.description, notes: membership.notes, position: membership.position,
                  notesFa: membership.notesFa)
    }

    func membership(sources: [SourceCitation]) -> NetworkMembership {
        var membership = NetworkMembership(id: id, datasetID: datasetId, cityID: cityId, networkID: networkId,
                                           role: roleEn.map { LocalizedText(en: $0, fa: roleFa) },
                                           since: since.flatMap(PartialDate.init), notes: notes, sources: sources, position: position)
        membership.notesFa = notesFa
        return membership
    }
}

extension EventRow {
    init(_ event: InternationalEvent) {
        self.init(id: event.id, datasetId: event.datasetID, cityId: event.cityID, kind: event.kind.rawValue,
                  titleEn: event.title.en, titleFa: event.title.fa, year: event.year,
                  awardingBody: event.awardingBody, notes: event.notes, position: event.position, awardingBodyFa: event.awardingBodyFa,
                  notesFa: event.notesFa)
    }

    func event(sources: [SourceCitation]) -> InternationalEvent {
        var event = InternationalEvent(id: id, datasetID: datasetId, cityID: cityId, kind: EventKind(unchecked: kind),
                                       title: LocalizedText(en: titleEn, fa: titleFa), year: year,
                                       awardingBody: awardingBody, notes: notes, sources: sources, position: position)
        event.awardingBodyFa = awardingBodyFa
        event.notesFa = notesFa
        return event
    }
}
