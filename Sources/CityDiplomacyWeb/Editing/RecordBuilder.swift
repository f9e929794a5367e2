import CityDiplomacyCore
import Foundation

/// Turns an editor's fields into a record, checking every field and naming each that is wrong.
/// A city may be given by id or by a name (any language) that names one city of the dataset;
/// sources are given by id and must belong to the dataset.
struct RecordBuilder {
    let registry: any CityDiplomacyRegistry

    func relation(_ input: EditInput, id: String?, existing: BilateralRelation?) async throws -> BilateralRelation {
        var errors = FieldErrors()
        let dataset = try await datasetID(input, existing: existing?.datasetID, &errors)
        let city = try await cityID(input, "city", dataset: dataset, &errors)
        let partner = try await cityID(input, "partner", dataset: dataset, &errors)
        let kind: RelationKind? = term(input, "kind", required: true, &errors)
        let status: RelationStatus? = term(input, "status", required: false, &errors)
        let signed = date(input, "signed", &errors)
        var themes: [Theme] = []
        for raw in input.list("themes") {
            do { themes.append(try Theme(validating: raw)) } catch { errors.add("themes", "invalid theme '\(raw)': \(error.expected)") }
        }
        let sources = try await sources(input, dataset: dataset, &errors)
        guard errors.isEmpty, let dataset, let city, let partner, let kind else { throw errors.webError }
        var relation = BilateralRelation(
            id: id ?? Self.newID(dataset: dataset, kind: "r"), datasetID: dataset, cityID: city, partnerID: partner, kind: kind,
            status: status ?? .unknown, signed: signed, themes: themes, notes: input.text("notes"), sources: sources,
            periodPlacements: existing?.periodPlacements ?? [:], position: existing?.position ?? 0,
            flags: existing?.flags ?? [], importRows: existing?.importRows ?? [])
        relation.notesFa = input.text("notes_fa")
        // What the ends are can change with an edit: these two flags are worked out again.
        relation.flags.removeAll { $0 == .selfPair || $0 == .domestic }
        if city == partner {
            relation.flags.append(.selfPair)
        } else {
            let ends = try await registry.cities(matching: CityQuery(datasetID: dataset, name: city))
                + registry.cities(matching: CityQuery(datasetID: dataset, name: partner))
            if ends.count == 2, ends[0].country == ends[1].country { relation.flags.append(.domestic) }
        }
        return relation
    }

    func membership(_ input: EditInput, id: String?, existing: NetworkMembership?) async throws -> NetworkMembership {
        var errors = FieldErrors()
        let dataset = try await datasetID(input, existing: existing?.datasetID, &errors)
        let city = try await cityID(input, "city", dataset: dataset, &errors)
        var network: String?
        if let raw = input.text("network") {
            let networks = try await registry.networks(datasetID: dataset)
            network = networks.first { $0.id == raw || $0.acronym?.lowercased() == raw.lowercased() || $0.name.en == raw || $0.name.fa == raw }?.id
            if network == nil { errors.addUnknown("network", "no network '\(raw)' in dataset '\(dataset ?? "")'") }
        } else {
            errors.add("network", "a network is required (its id, acronym or name)")
        }
        let since = date(input, "since", &errors)
        let sources = try await sources(input, dataset: dataset, &errors)
        guard errors.isEmpty, let dataset, let city, let network else { throw errors.webError }
        let role = input.text("role_en").map { LocalizedText(en: $0, fa: input.text("role_fa")) }
        var membership = NetworkMembership(id: id ?? Self.newID(dataset: dataset, kind: "m"), datasetID: dataset, cityID: city, networkID: network,
                                           role: role, since: since, notes: input.text("notes"), sources: sources, position: existing?.position ?? 0)
        membership.notesFa = input.text("notes_fa")
        return membership
    }

    func event(_ input: EditInput, id: String?, existing: InternationalEvent?) async throws -> InternationalEvent {
        var errors = FieldErrors()
        let dataset = try await datasetID(input, existing: existing?.datasetID, &errors)
        let city = try await cityID(input, "city", dataset: dataset, &errors)
        let kind: EventKind? = term(input, "kind", required: true, &errors)
        let title = input.text("title_en")
        if title == nil { errors.add("title_en", "an English title is required") }
        var year: Int?
        if let raw = input.text("year") {
            year = Int(PersianText.asciiDigits(raw))
            if year == nil || !(1...9999).contains(year!) { errors.add("year", "invalid year '\(raw)': expected a Gregorian year such as 2006") }
        } else {
            errors.add("year", "a year is required")
        }
        let sources = try await sources(input, dataset: dataset, &errors)
        guard errors.isEmpty, let dataset, let city, let kind, let title, let year else { throw errors.webError }
        var event = InternationalEvent(id: id ?? Self.newID(dataset: dataset, kind: "e"), datasetID: dataset, cityID: city, kind: kind,
                                       title: LocalizedText(en: title, fa: input.text("title_fa")), year: year,
                                       awardingBody: input.text("awarding_body"), notes: input.text("notes"), sources: sources,
                                       position: existing?.position ?? 0)
        event.awardingBodyFa = input.text("awarding_body_fa")
        event.notesFa = input.text("notes_fa")
        return event
    }

    func source(_ input: EditInput, id: String?, existingDataset: String?) async throws -> (SourceCitation, String) {
        var errors = FieldErrors()
        let dataset = try await datasetID(input, existing: existingDataset, &errors)
        let title = input.text("title")
        if title == nil { errors.add("title", "a title is required") }
        let url = input.text("url")
        if let url, URL(string: url)?.scheme.map({ ["http", "https"].contains($0.lowercased()) }) != true {
            errors.add("url", "invalid url '\(url)': expected an http or https address")
        }
        let language = input.text("language")
        if let language, !(language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase }) {
            errors.add("language", "invalid language '\(language)': expected an ISO 639-1 code such as fa or en")
        }
        let published = date(input, "published", &errors)
        let accessed = date(input, "accessed", &errors)
        let supplement = flag(input, "supplement", &errors)
        guard errors.isEmpty, let dataset, let title else { throw errors.webError }
        var source = SourceCitation(id: id ?? Self.newID(dataset: dataset, kind: "s"), title: title, url: url, publisher: input.text("publisher"),
                                    language: language, published: published, accessed: accessed, locator: input.text("locator"))
        source.titleFa = input.text("title_fa_source")
        source.publisherFa = input.text("publisher_fa")
        source.locatorFa = input.text("locator_fa")
        source.supplement = supplement
        return (source, dataset)
    }

    // MARK: Fields

    static func newID(dataset: String, kind: String) -> String {
        "\(dataset):\(kind)-" + UUID().uuidString.lowercased().prefix(8)
    }

    private func datasetID(_ input: EditInput, existing: String?, _ errors: inout FieldErrors) async throws -> String? {
        if let existing {
            if let given = input.text("dataset"), given != existing {
                errors.add("dataset", "the record belongs to dataset '\(existing)' and cannot move to '\(given)'")
            }
            return existing
        }
        guard let given = input.text("dataset") else {
            errors.add("dataset", "a dataset is required")
            return nil
        }
        let known = try await registry.datasetsWithoutImportReports().map(\.id)
        guard known.contains(given) else {
            errors.addUnknown("dataset", "unknown dataset '\(given)': known datasets are \(known.joined(separator: ", "))")
            return nil
        }
        return given
    }

    private func cityID(_ input: EditInput, _ field: String, dataset: String?, _ errors: inout FieldErrors) async throws -> String? {
        guard let raw = input.text(field) else {
            errors.add(field, "a city is required (its id, or a name that names one city of the dataset)")
            return nil
        }
        guard let dataset else { return nil }
        let matches = try await registry.findCities(named: raw, datasetID: dataset)
        switch matches.count {
        case 1: return matches[0].id
        case 0: errors.addUnknown(field, "no city '\(raw)' in dataset '\(dataset)'")
        default: errors.add(field, "'\(raw)' names \(matches.count) cities of the dataset: give one of the ids \(matches.map(\.id).joined(separator: ", "))")
        }
        return nil
    }

    private func term<T: VocabularyTerm>(_ input: EditInput, _ field: String, required: Bool, _ errors: inout FieldErrors) -> T? {
        guard let raw = input.text(field) else {
            if required { errors.add(field, "a \(field) is required: one of \(T.knownTerms.map(\.term.rawValue).joined(separator: ", "))") }
            return nil
        }
        do {
            return try T(validating: raw)
        } catch {
            errors.add(field, "invalid \(field) '\(raw)': \(error.expected)")
            return nil
        }
    }

    private func date(_ input: EditInput, _ field: String, _ errors: inout FieldErrors) -> PartialDate? {
        guard let raw = input.text(field) else { return nil }
        do {
            return try PartialDate(parsing: raw)
        } catch {
            errors.add(field, "invalid date '\(raw)': \(error.expected)")
            return nil
        }
    }

    /// A yes-or-no field (a form's `yes`/`no` or the Persian words the label names, JSON's
    /// `true`/`false`); `nil` when left blank.
    private func flag(_ input: EditInput, _ field: String, _ errors: inout FieldErrors) -> Bool? {
        guard let raw = input.text(field) else { return nil }
        switch raw.lowercased() {
        case "yes", "true", "on", "1", "\u{0628}\u{0644}\u{0647}": return true  // BEH LAM HEH, "yes"
        case "no", "false", "off", "0", "\u{062E}\u{06CC}\u{0631}": return false  // KHAH FARSI-YEH REH, "no"
        default:
            errors.add(field, "invalid \(field) '\(raw)': expected yes or no")
            return nil
        }
    }

    private func sources(_ input: EditInput, dataset: String?, _ errors: inout FieldErrors) async throws -> [SourceCitation] {
        var sources: [SourceCitation] = []
        var seen: Set<String> = []
        for id in input.list("sources") where seen.insert(id).inserted {
            if let found = try await registry.source(id: id), found.datasetID == dataset {
                sources.append(found.source)
            } else {
                errors.addUnknown("sources", "no source '\(id)' in dataset '\(dataset ?? "")'")
            }
        }
        return sources
    }
}
