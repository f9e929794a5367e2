import CityDiplomacyCore

/// Counts and cross-tabulations of a dataset's relations read from its ``AnalysisColumns``
/// rather than its records, with exactly the results of ``RelationAnalysis`` on the same dataset
/// (tests hold the two to each other for every dimension).
///
/// A relation's categories along a dimension depend on one small integer of it — its partner's
/// country, its home or partner city, its kind, status, theme list, or its signing date with the
/// period its record places it in — so relations are first counted by that integer, and each
/// distinct value is then given its categories once: at a million relations the categories of
/// a few hundred countries or dates are found, not a million times the same.
///
/// ```swift
/// let analysis = ColumnAnalysis(columns: try await registry.analysisColumns(ofDataset: "iran-2018")!)
/// analysis.tally(by: .category(regions), includeEmpty: false)     // 7 regions, 70 relations
/// ```
public struct ColumnAnalysis: RelationCounting {
    public let columns: AnalysisColumns
    public let focus: RelationAnalysis.Focus
    /// The counted relations' positions in the columns, or `nil` for all of them.
    private let selected: [Int32]?
    /// Of each counted relation, its focal city and its partner (positions in the cities).
    private let home: [Int32]
    private let partner: [Int32]
    /// Each city's country: an index into ``countryCodes``.
    private let cityCountry: [Int32]
    private let countryCodes: [CountryCode]

    public init(columns: AnalysisColumns, focus: RelationAnalysis.Focus = .listingCity) {
        self.columns = columns
        self.focus = focus
        var countryIndex: [CountryCode: Int32] = [:]
        var countryCodes: [CountryCode] = []
        let cityCountry: [Int32] = columns.cities.map { city in
            if let known = countryIndex[city.country] { return known }
            countryIndex[city.country] = Int32(countryCodes.count)
            countryCodes.append(city.country)
            return Int32(countryCodes.count - 1)
        }
        self.cityCountry = cityCountry
        self.countryCodes = countryCodes
        switch focus {
        case .listingCity:
            selected = nil
            home = columns.relationCity
            partner = columns.relationPartner
        case let .country(code):
            var selected: [Int32] = [], home: [Int32] = [], partner: [Int32] = []
            if let focal = countryIndex[code] {
                for index in 0..<columns.relationCount {
                    let city = columns.relationCity[index], other = columns.relationPartner[index]
                    // The end in the country is home; a domestic relation's home is the listing city.
                    if cityCountry[Int(city)] == focal {
                        selected.append(Int32(index)); home.append(city); partner.append(other)
                    } else if cityCountry[Int(other)] == focal {
                        selected.append(Int32(index)); home.append(other); partner.append(city)
                    }
                }
            }
            self.selected = selected
            self.home = home
            self.partner = partner
        }
    }

    /// How many relations are counted.
    public var relationCount: Int { home.count }

    /// The position in the columns of the `index`th counted relation.
    private func column(_ index: Int) -> Int { selected.map { Int($0[index]) } ?? index }

    // MARK: Attributes

    /// Of each counted relation, the one integer its categories along `dimension` depend on, and
    /// how to find the categories of such an integer.
    private struct Attributes {
        var values: [Int32]
        var range: Int
        var keys: (Int) -> [Dimension.Key]
    }

    private func attributes(by dimension: Dimension) -> Attributes {
        let count = relationCount
        func partnerCountries() -> [Int32] { partner.map { cityCountry[Int($0)] } }
        switch dimension {
        case let .category(scheme):
            return Attributes(values: partnerCountries(), range: countryCodes.count) { [countryCodes] value in
                guard let category = scheme.category(of: countryCodes[value]) else { return [.unclassified] }
                return [Dimension.Key(id: category.id, label: category.label)]
            }
        case let .group(scheme):
            return Attributes(values: partnerCountries(), range: countryCodes.count) { [countryCodes] value in
                guard let category = scheme.category(of: countryCodes[value]) else { return [.unclassified] }
                guard let groupID = category.groupID, let group = scheme.group(id: groupID) else {
                    return [Dimension.Key(id: category.id, label: category.label)]
                }
                return [Dimension.Key(id: group.id, label: group.label)]
            }
        case let .partnerCountry(names):
            return Attributes(values: partnerCountries(), range: countryCodes.count) { [countryCodes] value in
                let country = countryCodes[value]
                return [Dimension.Key(id: country.rawValue, label: names[country] ?? LocalizedText(en: country.rawValue))]
            }
        case .city:
            return Attributes(values: home, range: columns.cities.count) { [cities = columns.cities] value in
                [Dimension.Key(id: cities[value].id, label: cities[value].name)]
            }
        case .partnerCity:
            return Attributes(values: partner, range: columns.cities.count) { [cities = columns.cities] value in
                [Dimension.Key(id: cities[value].id, label: cities[value].name)]
            }
        case .kind:
            return Attributes(values: selectedColumn(columns.relationKind), range: columns.kinds.count) { [kinds = columns.kinds] value in
                [Dimension.Key(id: kinds[value].rawValue, label: kinds[value].label)]
            }
        case .status:
            return Attributes(values: selectedColumn(columns.relationStatus), range: columns.statuses.count) { [statuses = columns.statuses] value in
                [Dimension.Key(id: statuses[value].rawValue, label: statuses[value].label)]
            }
        case .theme:
            // 0: no theme; n: the (n - 1)th list of themes.
            return Attributes(values: selectedColumn(columns.relationThemes).map { $0 + 1 }, range: columns.themeSets.count + 1) { [sets = columns.themeSets] value in
                guard value > 0 else { return [Dimension.Key(id: "none", label: LocalizedText.message("analysis.no-theme-recorded"))] }
                return sets[value - 1].map { Dimension.Key(id: $0.rawValue, label: $0.label) }
            }
        case .decade:
            // 0: undated; n: the (n - 1)th signing date.
            return Attributes(values: selectedColumn(columns.relationSigned).map { $0 + 1 }, range: columns.signedDates.count + 1) { [dates = columns.signedDates] value in
                guard value > 0 else { return [.undated] }
                let decade = dates[value - 1].gregorianYears.lowerBound / 10 * 10
                return [Dimension.Key(id: String(decade), label: .message("analysis.decade", ["decade": String(decade)]))]
            }
        case let .period(periodisation, rule):
            // The signing date and the period the record places the relation in for this
            // periodisation, if any: each distinct pair of the two numbered densely, in the order
            // of (date, recorded). Numbering them as date × (recorded periods + 1) + recorded
            // would overflow Int32, or allocate gigabytes of counts, for a dataset whose relations
            // have thousands of distinct dates and recorded periods each.
            var recordedIDs: [String] = []
            var recordedIndex: [String: Int32] = [:]
            let recordedOfSet: [Int32] = columns.placementSets.map { placements in
                guard let id = placements[periodisation.id] else { return -1 }
                if let known = recordedIndex[id] { return known }
                recordedIndex[id] = Int32(recordedIDs.count)
                recordedIDs.append(id)
                return Int32(recordedIDs.count - 1)
            }
            var pairs: [(date: Int32, recorded: Int32)] = []
            var pairIndex: [Int64: Int32] = [:]
            var values = [Int32](repeating: 0, count: count)
            for index in 0..<count {
                let relation = column(index)
                let placements = columns.relationPlacements[relation]
                let recorded = placements < 0 ? -1 : recordedOfSet[Int(placements)]
                let date = columns.relationSigned[relation]
                let key = Int64(date) << 32 | Int64(UInt32(bitPattern: recorded))
                if let known = pairIndex[key] {
                    values[index] = known
                } else {
                    values[index] = Int32(pairs.count)
                    pairIndex[key] = Int32(pairs.count)
                    pairs.append((date, recorded))
                }
            }
            let order = pairs.indices.sorted { pairs[$0].date != pairs[$1].date ? pairs[$0].date < pairs[$1].date : pairs[$0].recorded < pairs[$1].recorded }
            var rank = [Int32](repeating: 0, count: pairs.count)
            for (position, pair) in order.enumerated() { rank[pair] = Int32(position) }
            for index in values.indices { values[index] = rank[Int(values[index])] }
            let sortedPairs = order.map { pairs[$0] }
            return Attributes(values: values, range: sortedPairs.count) { [dates = columns.signedDates, recordedIDs] value in
                let date = Int(sortedPairs[value].date), recorded = Int(sortedPairs[value].recorded)
                return Dimension.Key.period(periodisation.place(date < 0 ? nil : dates[date], rule: rule, recorded: recorded < 0 ? nil : recordedIDs[recorded]),
                                            in: periodisation)
            }
        }
    }

    /// A column of the counted relations.
    private func selectedColumn(_ values: [Int32]) -> [Int32] {
        guard let selected else { return values }
        return selected.map { values[Int($0)] }
    }

    /// How many counted relations have each attribute value.
    private static func histogram(_ attributes: Attributes) -> [Int] {
        var counts = [Int](repeating: 0, count: attributes.range)
        for value in attributes.values { counts[Int(value)] += 1 }
        return counts
    }

    // MARK: Counting

    /// Relations counted along one dimension, as ``RelationAnalysis/tally(by:includeEmpty:)`` counts them.
    public func tally(by dimension: Dimension, includeEmpty: Bool = false) -> Tally {
        let attributes = attributes(by: dimension)
        var ordinal: [String: Int] = [:]
        var keys: [Dimension.Key] = []
        var counts: [Int] = []
        for (value, count) in Self.histogram(attributes).enumerated() where count > 0 {
            for key in attributes.keys(value) {
                if let known = ordinal[key.id] { counts[known] += count; continue }
                ordinal[key.id] = keys.count
                keys.append(key)
                counts.append(count)
            }
        }
        return dimension.tally(keys: keys, counts: counts, total: relationCount, includeEmpty: includeEmpty)
    }

    public func crossTabulation(rows: Dimension, columns: Dimension) -> CrossTabulation {
        let rowOrder = tally(by: rows).rows.map(\.key)
        let columnOrder = tally(by: columns).rows.map(\.key)
        let rowAttributes = attributes(by: rows), columnAttributes = attributes(by: columns)
        var pairs: [Int64: Int] = [:]
        for index in 0..<relationCount {
            pairs[Int64(rowAttributes.values[index]) << 32 | Int64(columnAttributes.values[index]), default: 0] += 1
        }
        var cells: [String: [String: Int]] = [:]
        var rowKeys: [Int: [Dimension.Key]] = [:], columnKeys: [Int: [Dimension.Key]] = [:]
        for (pair, count) in pairs {
            let row = Int(pair >> 32), column = Int(pair & 0xFFFF_FFFF)
            if rowKeys[row] == nil { rowKeys[row] = rowAttributes.keys(row) }
            if columnKeys[column] == nil { columnKeys[column] = columnAttributes.keys(column) }
            for rowKey in rowKeys[row]! {
                for columnKey in columnKeys[column]! { cells[rowKey.id, default: [:]][columnKey.id, default: 0] += count }
            }
        }
        return CrossTabulation(rowDimension: rows.name, columnDimension: columns.name, rows: rowOrder, columns: columnOrder, cells: cells)
    }

    public func partnerStates(in keyID: String, by dimension: Dimension) -> (relations: Int, states: [CountryCode]) {
        let attributes = attributes(by: dimension)
        let histogram = Self.histogram(attributes)
        var holds = [Bool](repeating: false, count: attributes.range)
        for (value, count) in histogram.enumerated() where count > 0 {
            holds[value] = attributes.keys(value).contains { $0.id == keyID }
        }
        var relations = 0
        var seen = [Bool](repeating: false, count: countryCodes.count)
        var states: [CountryCode] = []
        for index in 0..<relationCount where holds[Int(attributes.values[index])] {
            relations += 1
            let country = Int(cityCountry[Int(partner[index])])
            if !seen[country] {
                seen[country] = true
                states.append(countryCodes[country])
            }
        }
        return (relations, states)
    }

    public func ambiguousPlacements(in periodisation: Periodisation) -> [AmbiguousPlacement] {
        // Whether a date alone is ambiguous does not depend on the record: once per date.
        let candidates: [[String]?] = columns.signedDates.map { date in
            if case let .ambiguous(candidates) = periodisation.place(date, rule: .exclude) { return candidates }
            return nil
        }
        guard candidates.contains(where: { $0 != nil }) else { return [] }
        var placements: [AmbiguousPlacement] = []
        for index in 0..<relationCount {
            let relation = column(index)
            let date = columns.relationSigned[relation]
            guard date >= 0, let candidates = candidates[Int(date)] else { continue }
            let city = columns.cities[Int(columns.relationCity[relation])], other = columns.cities[Int(columns.relationPartner[relation])]
            placements.append(AmbiguousPlacement(cityID: city.id, partnerID: other.id, cityName: city.name, partnerName: other.name,
                                                 signed: columns.signedDates[Int(date)], candidates: candidates,
                                                 recorded: columns.periodPlacements(at: relation)[periodisation.id]))
        }
        return placements
    }
}
