import CityDiplomacyCore
import CityDiplomacyNetwork

extension NetworkResult {
    /// The graph with every measure as node attributes (`degree`, `relations`, `betweenness`,
    /// `closeness`, `harmonic`, `eigenvector`, `pagerank`, `core`, `clustering`, `triangles`,
    /// `component`, `louvain`, `leiden`, `country`, and for cities `latitude`/`longitude`), each
    /// edge's number of relations as `weight` (and for cities its `distance_km` where both ends
    /// are located), and the whole-network figures as graph properties; labels in `language`.
    public func graphDocument(language: Language) -> GraphDocument {
        let m = measures
        var attributes: [GraphAttributeColumn] = [
            GraphAttributeColumn("country", strings: nodes.map { $0.country.rawValue }),
            GraphAttributeColumn("degree", ints: m.degree),
            GraphAttributeColumn("relations", doubles: m.strength),
            GraphAttributeColumn("betweenness", doubles: m.betweenness),
            GraphAttributeColumn("closeness", doubles: m.closeness),
            GraphAttributeColumn("harmonic", doubles: m.harmonic),
            GraphAttributeColumn("eigenvector", doubles: m.eigenvector),
            GraphAttributeColumn("pagerank", doubles: m.pagerank),
            GraphAttributeColumn("core", ints: m.core),
            GraphAttributeColumn("clustering", doubles: m.clustering),
            GraphAttributeColumn("triangles", ints: m.triangles),
            GraphAttributeColumn("component", ints: m.component.map { $0 + 1 }),
            GraphAttributeColumn("louvain", ints: louvain.membership.map { $0 + 1 }),
            GraphAttributeColumn("leiden", ints: leiden.membership.map { $0 + 1 }),
        ]
        var edgeAttributes: [GraphAttributeColumn] = []
        if level == .city {
            let snapshot = cities.snapshot
            let latitudes = cities.nodeCity.map { snapshot.latitude[Int($0)] }
            let longitudes = cities.nodeCity.map { snapshot.longitude[Int($0)] }
            attributes += [GraphAttributeColumn("latitude", doubles: latitudes), GraphAttributeColumn("longitude", doubles: longitudes)]
            edgeAttributes.append(GraphAttributeColumn("distance_km", doubles: graph.edges.map { edge in
                let (a, b) = (edge.a, edge.b)
                guard latitudes[a].isFinite, latitudes[b].isFinite else { return nil }
                return GreatCircle.kilometres(fromLatitude: latitudes[a], longitude: longitudes[a], toLatitude: latitudes[b], longitude: longitudes[b])
            }))
        }
        let s = summary
        var properties: [GraphProperty] = [
            GraphProperty("datasets", .string(datasets.map(\.id).joined(separator: " "))),
            GraphProperty("level", .string(level.rawValue)),
            GraphProperty("nodes", .int(s.nodes)), GraphProperty("edges", .int(s.edges)),
            GraphProperty("components", .int(s.components)), GraphProperty("largest_component", .int(s.largestComponentSize)),
            GraphProperty("diameter", .int(s.largestComponentDiameter)), GraphProperty("mean_distance", .double(s.largestComponentMeanDistance)),
            GraphProperty("max_degree", .int(s.maxDegree)), GraphProperty("mean_degree", .double(s.meanDegree)),
            GraphProperty("degree_gini", .double(s.degreeGini)), GraphProperty("transitivity", .double(s.transitivity)),
            GraphProperty("average_clustering", .double(s.averageClustering)), GraphProperty("triangles", .int(s.triangles)),
            GraphProperty("max_core", .int(s.maxCore)), GraphProperty("max_core_size", .int(s.maxCoreSize)),
            GraphProperty("louvain_modularity", .double(louvain.modularity)), GraphProperty("leiden_modularity", .double(leiden.modularity)),
            GraphProperty("seed", .int(Int(truncatingIfNeeded: request.seed))),
        ]
        if let assortativity = s.assortativity, assortativity.isFinite { properties.append(GraphProperty("assortativity", .double(assortativity))) }
        return GraphDocument(graph: graph, nodeIDs: nodes.map(\.id), labels: nodes.map { $0.name[language] },
                             nodeAttributes: attributes, edgeAttributes: edgeAttributes, graphProperties: properties)
    }

    /// The graph and its measures as GraphML (igraph, networkx, yEd, Cytoscape).
    public func graphML(language: Language) -> String { graphDocument(language: language).graphML() }

    /// The graph and its measures as GEXF 1.3 (Gephi).
    public func gexf(language: Language) -> String { graphDocument(language: language).gexf() }
}
