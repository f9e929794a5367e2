import CityDiplomacyAnalysis
import CityDiplomacyCore

/// A subject found in a snapshot: its cities (indices into the snapshot), the datasets it is read
/// in, its own countries and its name for people.
struct ResolvedSubject: Sendable {
    var subject: ComparisonSubject
    var label: LocalizedText
    /// Indices into ``AnalysisSnapshot/cityIDs``.
    var cities: Set<Int>
    /// Indices into ``AnalysisSnapshot/contents``.
    var datasets: Set<Int>
    /// The countries the subject's cities are in (for a country or a group, the country or the group's countries).
    var countries: Set<CountryCode>
}

extension Workspace {
    /// The cities `subject` names in `snapshot`, or an error naming what is unknown: the city, the
    /// country, the scheme, the group or the dataset.
    func resolve(_ subject: ComparisonSubject, in snapshot: AnalysisSnapshot, field: String = "subject") async throws -> ResolvedSubject {
        var datasets = Set(snapshot.datasets.indices)
        if let id = subject.dataset {
            guard let index = snapshot.datasetIDs.firstIndex(of: id) else {
                throw ApplicationError.invalid(field, "invalid subject '\(subject.text)': dataset '\(id)' is not one of those compared (\(snapshot.datasetIDs.orList())); add it to them with \(parameter: "dataset")")
            }
            datasets = [index]
        }
        func cities(in countries: Set<CountryCode>) -> Set<Int> {
            Set((0..<snapshot.cityCount).filter { datasets.contains(Int(snapshot.cityDataset[$0])) && countries.contains(snapshot.countryCodes[Int(snapshot.cityCountry[$0])]) })
        }
        switch subject.selector {
        case let .country(text):
            let country = try country(named: text, field: field)
            return ResolvedSubject(subject: subject, label: country.name, cities: cities(in: [country.code]), datasets: datasets, countries: [country.code])
        case let .group(schemeID, groupID):
            let scheme = try classifications.scheme(schemeID, field: field)
            let label: LocalizedText
            let countries: Set<CountryCode>
            if let group = scheme.group(id: groupID) {
                label = group.label
                countries = Set(scheme.assignments.filter { scheme.category(id: $0.categoryID)?.groupID == groupID }.map(\.country))
            } else if let category = scheme.category(id: groupID) {
                label = category.label
                countries = Set(scheme.countries(in: groupID))
            } else {
                let known = (scheme.groups.map(\.id) + scheme.categories.map(\.id))
                throw ApplicationError.notFound(field, "unknown group '\(groupID)' of scheme \(schemeID): expected \(known.orList())")
            }
            return ResolvedSubject(subject: subject, label: .message("compare.subject.group", localized: ["group": label, "scheme": scheme.title]),
                                   cities: cities(in: countries), datasets: datasets, countries: countries)
        case let .city(name):
            let found = try await cityIndices(named: name, in: snapshot, datasets: datasets, field: field)
            return ResolvedSubject(subject: subject, label: snapshot.city(at: found[0]).name, cities: Set(found), datasets: datasets,
                                   countries: Set(found.map { snapshot.countryCodes[Int(snapshot.cityCountry[$0])] }))
        case let .cities(names):
            var all: [Int] = []
            var labels: [LocalizedText] = []
            for name in names {
                let found = try await cityIndices(named: name, in: snapshot, datasets: datasets, field: field)
                all += found
                labels.append(snapshot.city(at: found[0]).name)
            }
            return ResolvedSubject(subject: subject, label: .joined(labels, separator: "list.comma"), cities: Set(all), datasets: datasets,
                                   countries: Set(all.map { snapshot.countryCodes[Int(snapshot.cityCountry[$0])] }))
        }
    }

    /// The snapshot's cities (of `datasets`) that `name` names: an id, or a name in any language.
    private func cityIndices(named name: String, in snapshot: AnalysisSnapshot, datasets: Set<Int>, field: String) async throws -> [Int] {
        if let index = snapshot.cityIndex[name], datasets.contains(Int(snapshot.cityDataset[Int(index)])) { return [Int(index)] }
        let found = try await registry.findCities(named: name, datasetID: nil)
            .compactMap { snapshot.cityIndex[$0.id].map(Int.init) }
            .filter { datasets.contains(Int(snapshot.cityDataset[$0])) }
        guard !found.isEmpty else {
            throw ApplicationError.notFound(field, "unknown city '\(name)': no city of that name in \(datasets.sorted().map { snapshot.datasetIDs[$0] }.orList()) (names in English or Persian, an id such as \(defaults.datasetID):tehran, or country:ISO, group:SCHEME:GROUP, cities:A,B)")
        }
        // One name, one place: records of several datasets are one place when they share a
        // GeoNames id, or a country where one of them has no id; a name that reaches places in
        // different countries or with different ids (Córdoba in Spain and in Argentina) is an
        // error naming each, never a silent merge.
        var places: [(country: CountryCode, geonamesID: Int?, records: [Int])] = []
        for index in found.sorted() {
            let city = snapshot.city(at: index)
            let same = places.firstIndex { $0.geonamesID != nil && $0.geonamesID == city.geonamesID }
                ?? places.firstIndex { $0.country == city.country && ($0.geonamesID == nil || city.geonamesID == nil) }
            if let same {
                places[same].records.append(index)
                if places[same].geonamesID == nil { places[same].geonamesID = city.geonamesID }
            } else {
                places.append((city.country, city.geonamesID, [index]))
            }
        }
        guard places.count == 1 else {
            let candidates = places.map { place in
                let city = snapshot.city(at: place.records[0])
                return "\(city.name.en) (\(place.country.rawValue), id \(city.id)\(place.geonamesID.map { ", GeoNames \($0)" } ?? ""))"
            }
            let example = snapshot.city(at: places[0].records[0]).id
            throw ApplicationError.invalid(field, "ambiguous city '\(name)': it names \(places.count) places, \(candidates.orList()); name the one meant by its id (e.g. \(example)), or several with cities:ID,ID")
        }
        return places[0].records
    }

    /// The datasets `ids` name (the default dataset when empty), each checked, in the order given.
    func comparedDatasets(_ ids: [String]) async throws -> [String] {
        var ids = ids
        if ids.isEmpty {
            guard let id = try await defaultDatasetID() else {
                throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)")
            }
            ids = [id]
        }
        var unique: [String] = []
        for id in ids where !unique.contains(id) {
            _ = try await requireDataset(id)
            unique.append(id)
        }
        return unique
    }
}
