import CityDiplomacyCore
import CityDiplomacyNetwork
import Foundation

extension NetworkResult.Measure {
    /// The measure's name, as a column heading.
    public var label: LocalizedText { .message("network.measure.\(rawValue)") }
}

extension Tabulation.Cell {
    /// A decimal number with `places` digits after the point (the Persian decimal separator in
    /// Persian), or an empty cell where it is not defined.
    static func decimal(_ value: Double?, places: Int = 4) -> Tabulation.Cell {
        guard let value, value.isFinite else { return .empty }
        let text = String(format: "%.\(places)f", value)
        return .code(text, label: LocalizedText(en: text, fa: PersianText.persianDecimal(text)))
    }

    /// A share (0 to 1) as a percentage with one decimal.
    static func percent(_ share: Double) -> Tabulation.Cell {
        decimal(share * 100, places: 1)
    }
}

/// A table of ``NetworkResult/document`` with what its rows stand for, so that a page can link
/// each node it names to the node's own page.
public struct NetworkTable: Sendable {
    /// What a table's rows stand for.
    public enum Rows: Sendable {
        /// Each row is a node: these, in order.
        case nodes([Int])
        /// Each row is a community, whose list of largest members names these nodes.
        case communities([[Int]])
        /// Rows that name no node (whole-network figures; countries by their codes).
        case other
    }

    public var table: Tabulation
    public var rows: Rows
}

extension NetworkResult {
    /// Everything measured, as a document: the whole network, the top nodes by each measure, the
    /// focus country's nodes, the communities and (at country level) the shares.
    public var document: ReportDocument {
        ReportDocument(title: title, sections: sections.map { section in
            .init(heading: section.heading, paragraphs: section.paragraphs, tables: section.tables.map(\.table))
        })
    }

    /// The document's title: the network of cities (or countries) of the datasets, each quoted.
    public var title: LocalizedText {
        .message(level == .city ? "network.title.city" : "network.title.country",
                 localized: ["datasets": .joined(datasets.map { .message("text.quoted", localized: ["text": $0.title]) }, separator: "list.and")])
    }

    /// The document's sections, each table with the nodes its rows stand for.
    public var sections: [(heading: LocalizedText, paragraphs: [LocalizedText], tables: [NetworkTable])] {
        var sections: [(heading: LocalizedText, paragraphs: [LocalizedText], tables: [NetworkTable])] = [
            (.message("network.section.whole"), [definitionNote], [NetworkTable(table: summaryTable, rows: .other)]),
            (.message("network.section.top", ["top": String(request.top)]),
             pathMeasuresComputed ? [] : [.message("network.paths-not-computed", ["nodes": String(graph.nodeCount), "maximum": String(NetworkRequest.maximumPathNodes)])],
             [Measure.degree, .betweenness, .closeness, .eigenvector, .pagerank].filter(measuresComputed.contains)
                .map { NetworkTable(table: topTable($0), rows: .nodes(topNodes($0))) }),
        ]
        if let focus {
            sections.append((.message("network.section.focus", localized: ["country": focus.name]), [],
                             [NetworkTable(table: focusTable(focus), rows: .nodes(focusNodes))]))
        }
        sections.append((.message("network.section.communities"), [.message("network.communities.method", ["seed": String(request.seed)])],
                         [(louvain, "network.louvain"), (leiden, "network.leiden")].map { partition, method in
                             NetworkTable(table: communityTable(partition, method: .message(method)),
                                          rows: .communities((0..<listedCommunities(partition)).map { largestMembers(of: $0, in: partition) }))
                         }))
        if let geography {
            let section = geographySection(geography)
            sections.append((section.heading, section.paragraphs, section.tables.map { NetworkTable(table: $0, rows: .other) }))
        }
        if let shares {
            sections.append((.message("network.section.shares", localized: ["scheme": shares.scheme.title]), [],
                             [NetworkTable(table: sharesTable(shares), rows: .other)]))
        }
        return sections
    }

    /// What a node and an edge are, stated once above the figures.
    var definitionNote: LocalizedText {
        let values = ["relations": String(Int(graph.totalWeight)), "selfPairs": String(cities.selfPairs), "merged": String(cities.mergedRecords)]
        return level == .city ? .message("network.definition.city", values) : .message("network.definition.country", values)
    }

    /// The whole-network figures, as KONECT publishes them.
    public var summaryTable: Tabulation {
        let s = summary
        let rows: [(String, Tabulation.Cell)] = [
            ("nodes", .number(s.nodes)), ("edges", .number(s.edges)), ("components", .number(s.components)),
            ("largest-component", .number(s.largestComponentSize)), ("diameter", .number(s.largestComponentDiameter)),
            ("mean-distance", .decimal(s.largestComponentMeanDistance)), ("max-degree", .number(s.maxDegree)),
            ("mean-degree", .decimal(s.meanDegree)), ("degree-gini", .decimal(s.degreeGini)),
            ("assortativity", .decimal(s.assortativity)), ("transitivity", .decimal(s.transitivity)),
            ("average-clustering", .decimal(s.averageClustering)), ("triangles", .number(s.triangles)),
            ("max-core", .number(s.maxCore)), ("max-core-size", .number(s.maxCoreSize)),
        ]
        return Tabulation(title: .message("network.summary.title"),
                          columns: [.init(key: "figure", title: .message("network.figure")), .init(key: "value", title: .message("network.value"))],
                          rows: rows.map { [.code($0.0, label: .message("network.figure.\($0.0)")), $0.1] })
    }

    /// The `request.top` nodes by `measure`, with their rank within their country.
    public func topTable(_ measure: Measure) -> Tabulation {
        let values = values(measure)
        return Tabulation(
            title: .message("network.top.title", localized: ["measure": measure.label]),
            columns: nodeColumns() + [.init(key: measure.rawValue, title: measure.label), .init(key: "rank", title: .message("network.rank")),
                                    .init(key: "country_rank", title: .message("network.country-rank"))],
            rows: topNodes(measure).map { node in
                nodeCells(node) + [cell(values[node], measure), .number(ranks[measure]?[node]), .number(countryRanks[measure]?[node])]
            })
    }

    /// The focus country's nodes with every measure and its ranks among all nodes.
    func focusTable(_ focus: Country) -> Tabulation {
        let measures: [Measure] = [.degree, .relations, .betweenness, .closeness, .eigenvector, .pagerank, .core].filter(measuresComputed.contains)
        return Tabulation(
            title: .message("network.focus.title", localized: ["country": focus.name]),
            columns: nodeColumns() + measures.flatMap { [.init(key: $0.rawValue, title: $0.label), .init(key: "\($0.rawValue)_rank", title: .message("network.rank-of", localized: ["measure": $0.label]))] }
                + [.init(key: "community", title: .message("network.community"))],
            rows: focusNodes.map { node in
                nodeCells(node) + measures.flatMap { [cell(values($0)[node], $0), .number(ranks[$0]?[node])] } + [.number(leiden.membership[node] + 1)]
            },
            notes: focusNodes.isEmpty ? [.message("network.focus.none", localized: ["country": focus.name])] : [])
    }

    /// How many of `members` each country has, most first (ties by code): a community's mix of
    /// countries, as the table and the JSON both give it.
    func countryMix(of members: [Int]) -> [(country: CountryCode, count: Int)] {
        var mix: [CountryCode: Int] = [:]
        for member in members { mix[nodes[member].country, default: 0] += 1 }
        return mix.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
    }

    /// A partition's communities, largest first: size, largest nodes by degree, country mix.
    func communityTable(_ partition: CommunityPartition, method: LocalizedText) -> Tabulation {
        let shown = listedCommunities(partition)
        let rows: [[Tabulation.Cell]] = (0..<shown).map { community in
            let members = partition.members(of: community)
            let largest = largestMembers(of: community, in: partition)
            let countries = countryMix(of: members).prefix(5)
            return [.number(community + 1), .number(members.count), .list(largest.map { .text(nodes[$0].name) }),
                    .list(countries.map { .code($0.country.rawValue, label: .message("network.country-count", localized: ["country": countryLabel($0.country)], ["count": String($0.count)])) })]
        }
        return Tabulation(
            title: .message("network.communities.title", localized: ["method": method]),
            columns: [.init(key: "community", title: .message("network.community")), .init(key: "size", title: .message("network.size")),
                      .init(key: "largest", title: .message("network.largest-nodes")), .init(key: "countries", title: .message("network.country-mix"))],
            rows: rows,
            notes: [.message("network.communities.summary", localized: ["method": method, "modularity": Self.decimalText(partition.modularity)],
                             ["count": String(partition.communityCount), "shown": String(shown)])])
    }

    /// Each country's city pairs within it and by the scheme's groups, as shares.
    func sharesTable(_ shares: CountryShares) -> Tabulation {
        Tabulation(
            title: .message("network.shares.title", localized: ["scheme": shares.scheme.title]),
            columns: [.init(key: "country_iso2", title: .message("web.country")), .init(key: "pairs", title: .message("network.pairs")),
                      .init(key: "domestic_percent", title: .message("network.domestic-percent"))]
                + shares.groups.map { .init(key: "\($0.id)_percent", title: .message("network.group-percent", localized: ["group": $0.label])) }
                + [.init(key: "unclassified_percent", title: .message("network.group-percent", localized: ["group": .message("analysis.unclassified")]))],
            rows: shares.rows.prefix(max(request.top, focus == nil ? 0 : shares.rows.count)).filter { row in
                focus == nil || shares.rows.firstIndex { $0.country == row.country }! < request.top || row.country == focus!.code
            }.map { row in
                [.code(row.country.rawValue, label: countryLabel(row.country)), .number(row.pairs), .percent(row.domestic)]
                    + row.byGroup.map { .percent($0) } + [.percent(row.unclassified)]
            },
            notes: [.message("network.shares.note")])
    }

    /// Whether pairing follows proximity: the observed distances against random pairings of the same cities.
    func geographySection(_ baseline: ProximityBaseline) -> ReportDocument.Section {
        let observed = baseline.observed
        func km(_ value: Double) -> LocalizedText { Self.decimalText(value, places: 0) }
        /// An interval's three values for a message, named `{prefix}Estimate`, `{prefix}Lower`, `{prefix}Upper`.
        func interval(_ value: ProximityBaseline.Interval, _ prefix: String, percent: Bool = false) -> [String: LocalizedText] {
            let (scale, places) = percent ? (100.0, 1) : (1.0, 0)
            return ["\(prefix)Estimate": Self.decimalText(value.estimate * scale, places: places),
                    "\(prefix)Lower": Self.decimalText(value.lower * scale, places: places),
                    "\(prefix)Upper": Self.decimalText(value.upper * scale, places: places)]
        }
        var paragraphs: [LocalizedText] = [
            .message("network.geography.located", ["located": String(observed.count), "pairs": String(graph.edgeCount)]),
        ]
        if observed.count > 0 {
            paragraphs.append(.message("network.geography.observed", localized: ["median": km(observed.median), "mean": km(observed.mean),
                                                                                  "lower": km(observed.lowerQuartile), "upper": km(observed.upperQuartile)]))
            paragraphs.append(.message("network.geography.baseline",
                                       localized: interval(baseline.baselineMedian, "median").merging(interval(baseline.baselineMean, "mean")) { a, _ in a },
                                       ["draws": String(baseline.draws), "seed": String(baseline.seed)]))
            paragraphs.append(.message("network.geography.closer", localized: interval(baseline.shareCloserThanBaselineMedian, "share", percent: true)))
        }
        let histogram = Tabulation(
            title: .message("network.geography.histogram"),
            columns: [.init(key: "from_km", title: .message("network.geography.from")), .init(key: "to_km", title: .message("network.geography.to")),
                      .init(key: "pairs", title: .message("network.pairs")), .titled("share_percent")],
            rows: observed.histogram.map { bin in
                [.number(Int(bin.lower)), bin.upper.isFinite ? .number(Int(bin.upper)) : .empty, .number(bin.count),
                 .percent(observed.count == 0 ? 0 : Double(bin.count) / Double(observed.count))]
            })
        return .init(heading: .message("network.section.geography"), paragraphs: paragraphs, tables: observed.count > 0 ? [histogram] : [])
    }

    // MARK: Cells

    /// A decimal number for a sentence, with the Persian decimal separator in Persian.
    /// A p-value for people, after a colon or a word: four decimals, or "< 0.0001" where four
    /// decimals would print 0.0000 (JSON keeps the number).
    public static func pValueText(_ p: Double) -> LocalizedText {
        p < 0.0001 ? .message("p-value.below", localized: ["value": decimalText(0.0001)]) : decimalText(p)
    }

    /// A p-value after "p": "= 0.0123", or "< 0.0001".
    public static func pRelationText(_ p: Double) -> LocalizedText {
        p < 0.0001 ? pValueText(p) : .message("p-value.equal", localized: ["value": decimalText(p)])
    }

    /// A p-value in a table: the number (as CSV gives it), shown as "< 0.0001" where four
    /// decimals would print 0.0000.
    public static func pValueCell(_ p: Double) -> Tabulation.Cell {
        p < 0.0001 ? .code(String(p), label: pValueText(p)) : .decimal(p)
    }

    static func decimalText(_ value: Double, places: Int = 4) -> LocalizedText {
        let text = String(format: "%.\(places)f", value)
        return LocalizedText(en: text, fa: PersianText.persianDecimal(text))
    }

    /// The columns that name a node; with `id`, the city's record id first (for data, not for reading).
    func nodeColumns(id: Bool = false) -> [Tabulation.Column] {
        level == .city
            ? (id ? [.init(key: "city_id", title: .message("column.id"))] : []) + [.init(key: "city", title: .message("web.city")), .init(key: "country_iso2", title: .message("web.country"))]
            : [.init(key: "country_iso2", title: .message("web.country"))]
    }

    func nodeCells(_ node: Int, id: Bool = false) -> [Tabulation.Cell] {
        level == .city
            ? (id ? [.identifier(nodes[node].id)] : []) + [.text(nodes[node].name), .code(nodes[node].country.rawValue, label: countryLabel(nodes[node].country))]
            : [.code(nodes[node].country.rawValue, label: nodes[node].name)]
    }

    func countryLabel(_ code: CountryCode) -> LocalizedText {
        level == .country ? (nodes.first { $0.country == code }?.name ?? LocalizedText(en: code.rawValue)) : countryNames[code] ?? LocalizedText(en: code.rawValue)
    }

    func cell(_ value: Double, _ measure: Measure) -> Tabulation.Cell {
        switch measure {
        case .degree, .core: .number(Int(value))
        case .relations: value == value.rounded() ? .number(Int(value)) : .decimal(value)
        default: .decimal(value, places: 6)
        }
    }

    /// Every node with every measure, rank and community: the CSV of `citydip network --format csv`.
    public var nodeTable: Tabulation {
        let measures = measuresComputed
        return Tabulation(
            title: .message(level == .city ? "network.nodes.title.city" : "network.nodes.title.country"),
            columns: nodeColumns(id: true) + measures.map { .init(key: $0.rawValue, title: $0.label) }
                + [.init(key: "clustering", title: .message("network.measure.clustering")), .init(key: "triangles", title: .message("network.measure.triangles")),
                   .init(key: "component", title: .message("network.component"))]
                + measures.map { .init(key: "\($0.rawValue)_rank", title: .message("network.rank-of", localized: ["measure": $0.label])) }
                + measures.map { .init(key: "\($0.rawValue)_country_rank", title: .message("network.country-rank-of", localized: ["measure": $0.label])) }
                + [.init(key: "louvain", title: .message("network.louvain")), .init(key: "leiden", title: .message("network.leiden"))],
            rows: nodes.indices.map { node in
                nodeCells(node, id: true) + measures.map { cell(values($0)[node], $0) }
                    + [.decimal(self.measures.clustering[node], places: 6), .number(self.measures.triangles[node]), .number(self.measures.component[node] + 1)]
                    + measures.map { .number(ranks[$0]?[node]) } + measures.map { .number(countryRanks[$0]?[node]) }
                    + [.number(louvain.membership[node] + 1), .number(leiden.membership[node] + 1)]
            })
    }
}
