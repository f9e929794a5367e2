import CityDiplomacyCore

/// Turns a decoded ``DatasetDocument`` into records, checking every reference and identity.
struct DatasetBuilder {
    let document: DatasetDocument
    let locator: YAMLDocumentReader
    let countries: CountryDirectory

    private var sources: [String: SourceCitation] = [:]
    private var sourceOrder: [String] = []
    private var cityIDs: Set<String> = []
    private var networkIDs: Set<String> = []

    init(document: DatasetDocument, locator: YAMLDocumentReader, countries: CountryDirectory) {
        self.document = document
        self.locator = locator
        self.countries = countries
    }

    private func fail(_ path: [PathComponent], _ value: String?, _ problem: String) -> DataFileError {
        locator.error(at: path, value: value, problem: problem)
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    private func checkIdentifier(_ id: String, at path: [PathComponent]) throws(DataFileError) {
        guard Self.isIdentifier(id) else {
            throw fail(path, id, "is not an identifier: expected lower-case letters, digits and hyphens, such as tehran or los-angeles")
        }
    }

    private func term<T: VocabularyTerm>(_ type: T.Type, _ text: String, at path: [PathComponent]) throws(DataFileError) -> T {
        do {
            return try T(validating: text)
        } catch {
            throw fail(path, text, "expected \(error.expected)")
        }
    }

    mutating func build(fileName: String, contentHash: String, isBundled: Bool) throws(DataFileError) -> DatasetContent {
        guard document.format == DatasetDocument.formatIdentifier else {
            throw fail([.key("format")], document.format, "is not a format this version reads: expected \(DatasetDocument.formatIdentifier)")
        }
        let datasetID = document.dataset.id
        try checkIdentifier(datasetID, at: [.key("dataset"), .key("id")])
        var dataset = Dataset(
            id: datasetID, title: normalized(document.dataset.title), citation: document.dataset.citation?.en,
            description: document.dataset.description?.en, provenance: document.dataset.provenance?.en,
            sourceFile: fileName, contentHash: contentHash, isBundled: isBundled,
            // Prose for readers, never searched: kept as written (normalising would drop the hamza of an ezafe).
            method: document.dataset.method, licence: document.dataset.licence
        )
        dataset.citationFa = document.dataset.citation?.fa
        dataset.descriptionFa = document.dataset.description?.fa
        dataset.provenanceFa = document.dataset.provenance?.fa
        try buildSources(datasetID)
        let cities = try buildCities(datasetID)
        let relations = try buildRelations(datasetID)
        let networks = try buildNetworks(datasetID)
        let memberships = try buildMemberships(datasetID)
        let events = try buildEvents(datasetID)
        var content = DatasetContent(
            dataset: dataset, sources: sourceOrder.compactMap { sources[$0] }, cities: cities, relations: relations, networks: networks,
            memberships: memberships, events: events
        )
        (content.documents, content.segments) = try buildDocuments(datasetID, content: content)
        return content
    }

    private func normalized(_ text: LocalizedText) -> LocalizedText {
        LocalizedText(en: PersianText.normalized(text.en), fa: text.fa.map(PersianText.normalized))
    }

    private mutating func buildSources(_ datasetID: String) throws(DataFileError) {
        for (index, entry) in (document.sources ?? []).enumerated() {
            let path: [PathComponent] = [.key("sources"), .index(index)]
            try checkIdentifier(entry.id, at: path + [.key("id")])
            guard sources[entry.id] == nil else {
                throw fail(path + [.key("id")], entry.id, "is used by an earlier source: ids must be unique")
            }
            sourceOrder.append(entry.id)
            var source = SourceCitation(
                id: "\(datasetID):\(entry.id)", title: entry.title.normalized.en, url: entry.url,
                publisher: entry.publisher?.normalized.en, language: entry.language,
                published: entry.published, accessed: entry.accessed, locator: entry.locator?.normalized.en
            )
            source.titleFa = entry.title.normalized.fa
            source.publisherFa = entry.publisher?.normalized.fa
            source.locatorFa = entry.locator?.normalized.fa
            source.supplement = entry.supplement
            sources[entry.id] = source
        }
    }

    private func citations(_ keys: [String], at path: [PathComponent]) throws(DataFileError) -> [SourceCitation] {
        guard !keys.isEmpty else {
            throw fail(path, nil, "is empty: every record cites at least one source (the study's own table and row where nothing else is given)")
        }
        var result: [SourceCitation] = []
        for (index, key) in keys.enumerated() {
            guard let source = sources[key] else {
                throw fail(path + [.index(index)], key, "is not a source of this file: expected the id of an entry under sources:")
            }
            result.append(source)
        }
        return result
    }

    private mutating func buildCities(_ datasetID: String) throws(DataFileError) -> [City] {
        var cities: [City] = []
        for (index, entry) in (document.cities ?? []).enumerated() {
            let path: [PathComponent] = [.key("cities"), .index(index)]
            try checkIdentifier(entry.id, at: path + [.key("id")])
            guard cityIDs.insert(entry.id).inserted else {
                throw fail(path + [.key("id")], entry.id, "is used by an earlier city: ids must be unique")
            }
            guard let country = countries.country(code: entry.country) else {
                throw fail(path + [.key("country")], entry.country, "is not a known country code: expected ISO 3166-1 alpha-2 such as IR, KR or XK")
            }
            var coordinates: Coordinates?
            switch (entry.latitude, entry.longitude) {
            case let (latitude?, longitude?):
                do {
                    coordinates = try Coordinates(latitude: latitude, longitude: longitude)
                } catch {
                    throw fail(path + [.key(error.field)], error.value, "expected \(error.expected)")
                }
            case (nil, nil): break
            default:
                throw fail(path + [.key(entry.latitude == nil ? "latitude" : "longitude")], nil, "is missing: give both latitude and longitude, or neither")
            }
            var city = City(
                id: "\(datasetID):\(entry.id)",
                name: normalized(LocalizedText(en: entry.en, fa: entry.fa)),
                aliases: (entry.aliases ?? []).map(PersianText.normalized),
                country: country.code, coordinates: coordinates, population: entry.population,
                geonamesID: entry.geonames, wikidataID: entry.wikidata, notes: entry.notes?.normalized.en
            )
            city.notesFa = entry.notes?.normalized.fa
            cities.append(city)
        }
        return cities
    }

    private func checkCity(_ key: String, at path: [PathComponent]) throws(DataFileError) {
        guard cityIDs.contains(key) else {
            throw fail(path, key, "is not a city of this file: expected the id of an entry under cities:")
        }
    }

    private func buildRelations(_ datasetID: String) throws(DataFileError) -> [BilateralRelation] {
        var relations: [BilateralRelation] = []
        var seenPairs: [String: Int] = [:]
        for (index, entry) in (document.relations ?? []).enumerated() {
            let path: [PathComponent] = [.key("relations"), .index(index)]
            try checkCity(entry.city, at: path + [.key("city")])
            try checkCity(entry.partner, at: path + [.key("partner")])
            let kind = try term(RelationKind.self, entry.kind, at: path + [.key("kind")])
            let status = try entry.status.map { text throws(DataFileError) in
                try term(RelationStatus.self, text, at: path + [.key("status")])
            } ?? .unknown
            var themes: [Theme] = []
            for (themeIndex, text) in (entry.themes ?? []).enumerated() {
                themes.append(try term(Theme.self, text, at: path + [.key("themes"), .index(themeIndex)]))
            }
            let pair = [entry.city, entry.partner].sorted().joined(separator: "~") + "~" + kind.rawValue
            if let earlier = seenPairs[pair] {
                throw fail(path, "\(entry.city)–\(entry.partner)", "repeats relations[\(earlier)]: a pair of cities has one relation of each kind, in either order")
            }
            seenPairs[pair] = index
            var relation = BilateralRelation(
                id: "\(datasetID):\(entry.city)/\(entry.partner)/\(kind.rawValue)", datasetID: datasetID,
                cityID: "\(datasetID):\(entry.city)", partnerID: "\(datasetID):\(entry.partner)",
                kind: kind, status: status, signed: entry.signed, themes: themes, notes: entry.notes?.normalized.en,
                sources: try citations(entry.sources, at: path + [.key("sources")]),
                periodPlacements: entry.periods ?? [:], position: index
            )
            relation.notesFa = entry.notes?.normalized.fa
            relations.append(relation)
        }
        return relations
    }

    private mutating func buildNetworks(_ datasetID: String) throws(DataFileError) -> [CityNetwork] {
        var networks: [CityNetwork] = []
        for (index, entry) in (document.networks ?? []).enumerated() {
            let path: [PathComponent] = [.key("networks"), .index(index)]
            try checkIdentifier(entry.id, at: path + [.key("id")])
            guard networkIDs.insert(entry.id).inserted else {
                throw fail(path + [.key("id")], entry.id, "is used by an earlier network: ids must be unique")
            }
            guard let scope = CityNetwork.Scope(rawValue: entry.scope) else {
                throw fail(path + [.key("scope")], entry.scope, "expected global or regional")
            }
            let category: CityNetwork.Category
            if let text = entry.category {
                guard let parsed = CityNetwork.Category(rawValue: text) else {
                    throw fail(path + [.key("category")], text, "expected city_network or state_programme")
                }
                category = parsed
            } else {
                category = .cityNetwork
            }
            var network = CityNetwork(
                id: "\(datasetID):\(entry.id)", datasetID: datasetID, name: normalized(entry.name),
                acronym: entry.acronym, scope: scope, category: category, founded: entry.founded,
                seat: entry.seat?.normalized.en, description: entry.description.map(normalized),
                sources: try citations(entry.sources, at: path + [.key("sources")]), position: index
            )
            network.seatFa = entry.seat?.normalized.fa
            networks.append(network)
        }
        // Checked once every id is known: a section may come before the network it is part of,
        // as Metropolis comes before UCLG in Table 4.
        let entries = document.networks ?? []
        let wholes = Dictionary(entries.compactMap { entry in entry.partOf.map { (entry.id, $0) } }, uniquingKeysWith: { first, _ in first })
        for (index, entry) in entries.enumerated() {
            guard let whole = entry.partOf else { continue }
            let path: [PathComponent] = [.key("networks"), .index(index), .key("part_of")]
            guard networkIDs.contains(whole) else {
                throw fail(path, whole, "is not a network of this file: expected the id of an entry under networks:")
            }
            // Up the chain of sections: it must end at a network of its own, not come back.
            var seen: Set<String> = [entry.id]
            var next: String? = whole
            while let id = next {
                guard seen.insert(id).inserted else {
                    throw fail(path, whole, "goes round in a cycle of sections back to \(entry.id): a network is a section of another, not of itself")
                }
                next = wholes[id]
            }
            networks[index].partOf = "\(datasetID):\(whole)"
        }
        return networks
    }

    private func buildMemberships(_ datasetID: String) throws(DataFileError) -> [NetworkMembership] {
        var memberships: [NetworkMembership] = []
        var seen: [String: Int] = [:]
        for (index, entry) in (document.memberships ?? []).enumerated() {
            let path: [PathComponent] = [.key("memberships"), .index(index)]
            try checkCity(entry.city, at: path + [.key("city")])
            guard networkIDs.contains(entry.network) else {
                throw fail(path + [.key("network")], entry.network, "is not a network of this file: expected the id of an entry under networks:")
            }
            let key = "\(entry.city)@\(entry.network)"
            if let earlier = seen[key] {
                throw fail(path, key, "repeats memberships[\(earlier)]: a city is listed once per network")
            }
            seen[key] = index
            var membership = NetworkMembership(
                id: "\(datasetID):\(key)", datasetID: datasetID, cityID: "\(datasetID):\(entry.city)",
                networkID: "\(datasetID):\(entry.network)", role: entry.role.map(normalized),
                since: entry.since, notes: entry.notes?.normalized.en,
                sources: try citations(entry.sources, at: path + [.key("sources")]), position: index
            )
            membership.notesFa = entry.notes?.normalized.fa
            memberships.append(membership)
        }
        return memberships
    }

    private func buildEvents(_ datasetID: String) throws(DataFileError) -> [InternationalEvent] {
        var events: [InternationalEvent] = []
        var ids: Set<String> = []
        for (index, entry) in (document.events ?? []).enumerated() {
            let path: [PathComponent] = [.key("events"), .index(index)]
            try checkIdentifier(entry.id, at: path + [.key("id")])
            guard ids.insert(entry.id).inserted else {
                throw fail(path + [.key("id")], entry.id, "is used by an earlier event: ids must be unique")
            }
            try checkCity(entry.city, at: path + [.key("city")])
            guard (1...9999).contains(entry.year) else {
                throw fail(path + [.key("year")], String(entry.year), "expected a year between 1 and 9999")
            }
            var event = InternationalEvent(
                id: "\(datasetID):\(entry.id)", datasetID: datasetID, cityID: "\(datasetID):\(entry.city)",
                kind: try term(EventKind.self, entry.kind, at: path + [.key("kind")]),
                title: normalized(entry.title), year: entry.year, awardingBody: entry.awardingBody?.normalized.en,
                notes: entry.notes?.normalized.en, sources: try citations(entry.sources, at: path + [.key("sources")]),
                position: index
            )
            event.awardingBodyFa = entry.awardingBody?.normalized.fa
            event.notesFa = entry.notes?.normalized.fa
            events.append(event)
        }
        return events
    }

    /// Documents and their codings. A coding's passage is the first occurrence of its quotation
    /// in the text as written; its segment's id is the document's with the coding's number.
    private func buildDocuments(_ datasetID: String, content: DatasetContent) throws(DataFileError) -> ([AgreementDocument], [CodedSegment]) {
        var documents: [AgreementDocument] = []
        var segments: [CodedSegment] = []
        var ids: Set<String> = []
        let records: [RecordReference.Kind: Set<String>] = [
            .relation: Set(content.relations.map(\.id)), .city: Set(content.cities.map(\.id)),
            .membership: Set(content.memberships.map(\.id)), .event: Set(content.events.map(\.id)),
        ]
        for (index, entry) in (document.documents ?? []).enumerated() {
            let path: [PathComponent] = [.key("documents"), .index(index)]
            try checkIdentifier(entry.id, at: path + [.key("id")])
            guard ids.insert(entry.id).inserted else {
                throw fail(path + [.key("id")], entry.id, "is used by an earlier document: ids must be unique")
            }
            guard entry.attachedTo.count == 1, let (kindName, local) = entry.attachedTo.first,
                  let kind = RecordReference.Kind(rawValue: kindName) else {
                throw fail(path + [.key("attached_to")], entry.attachedTo.keys.sorted().joined(separator: ", "),
                           "expected one of relation, city, membership, event, with the record's id: relation: yazd/jaszbereny/sister_city")
            }
            let attached = RecordReference(kind: kind, id: "\(datasetID):\(local)")
            guard records[kind]?.contains(attached.id) == true else {
                throw fail(path + [.key("attached_to"), .key(kindName)], local, "is not a \(kindName) of this file")
            }
            let documentKind = try entry.kind.map { text throws(DataFileError) in
                guard let kind = AgreementDocument.Kind(rawValue: text) else {
                    throw fail(path + [.key("kind")], text, "expected one of \(AgreementDocument.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return kind
            } ?? .other
            let text = ControlCharacters.stripping(entry.text).text
            let documentID = "\(datasetID):doc/\(entry.id)"
            documents.append(AgreementDocument(
                id: documentID, datasetID: datasetID, attachedTo: attached, title: entry.title, kind: documentKind,
                language: entry.language, date: entry.date, source: LocalizedText(en: entry.source.en, fa: entry.source.fa),
                locator: entry.locator.map { LocalizedText(en: $0.en, fa: $0.fa) }, format: "text", text: text, position: index))
            let matcher = TextMatcher(text)
            for (codingIndex, coding) in (entry.codings ?? []).enumerated() {
                let codingPath = path + [.key("codings"), .index(codingIndex)]
                _ = try term(Theme.self, coding.theme, at: codingPath + [.key("theme")])
                guard let range = matcher.ranges(of: coding.quote).first else {
                    throw fail(codingPath + [.key("quote")], coding.quote, "does not occur in the document's text")
                }
                segments.append(CodedSegment(
                    id: "\(documentID)/\(codingIndex + 1)", documentID: documentID, datasetID: datasetID, theme: coding.theme,
                    range: range, coder: coding.coder, memo: coding.memo, position: segments.count))
            }
        }
        return (documents, segments)
    }
}
