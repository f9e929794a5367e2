#!/usr/bin/env python3
"""Write the reference graphs of the network measures' tests (issue #14).

For each graph below, writes Tests/CityDiplomacyNetworkTests/Fixtures/NAME.json holding the raw
edge list the Swift side reads (pairs may repeat, a pair may be a self-pair) and the values that
networkx and igraph compute on the *simple* graph made from it (repeated pairs merged, self-pairs
dropped), both libraries side by side, so a test can show where they agree and where their
definitions differ (closeness and eccentricity on disconnected graphs, eigenvector scaling).

Usage:  pip install networkx==3.6.* igraph==1.0.* && python3 scripts/network-fixtures.py

The files are committed: Python is never needed at test time. Re-run only to add a graph or a
value; the output is deterministic (seeded generators, fixed tolerances), so an unchanged run
rewrites identical files.

Graphs:
  karate        Zachary's karate club as networkx ships it (its edge weights ignored).
  disconnected  several components of different shapes, two isolated pairs and isolated nodes.
  heavy-tailed  a 500-node Holme–Kim power-law cluster graph (seeded): hubs and triangles.
  multi         a seeded random edge list over 60 nodes that repeats pairs and holds self-pairs;
                its weighted PageRank takes a pair's number of occurrences as its weight.

The Gini coefficient of degrees is not in either library; the script computes it with the formula
the Swift side documents, (2 * sum(i * x_i)) / (n * sum(x)) - (n + 1) / n over ascending x_i,
i from 1, and 0 when every degree is 0.
"""
import json
import math
import os
import random

import igraph
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "CityDiplomacyNetworkTests", "Fixtures")

# Tight tolerances, so that the references are the limits of the iterations, not stops near them.
EIGENVECTOR_TOL = 1e-14
PAGERANK_TOL = 1e-15
MAX_ITER = 1_000_000


def karate():
    g = nx.karate_club_graph()
    return g.number_of_nodes(), [[int(a), int(b)] for a, b in g.edges()]


def disconnected():
    edges = []
    # A 7-node component: a 5-cycle with a chord and a pendant path (the largest).
    edges += [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [0, 2], [4, 5], [5, 6]]
    # A star of 5 nodes around 10.
    edges += [[10, 7], [10, 8], [10, 9], [10, 11]]
    # A triangle.
    edges += [[12, 13], [13, 14], [14, 12]]
    # A path of 4 nodes, given out of order.
    edges += [[17, 18], [15, 16], [16, 17]]
    # Two isolated pairs.
    edges += [[19, 20], [21, 22]]
    # Nodes 23, 24 and 25 are isolated.
    return 26, edges


def heavy_tailed():
    g = nx.powerlaw_cluster_graph(500, 2, 0.3, seed=14)
    return 500, [[int(a), int(b)] for a, b in g.edges()]


def multi():
    rng = random.Random(1414)
    n = 60
    edges = []
    for _ in range(160):
        a = rng.randrange(n)
        # A few hubs, so that pairs repeat; one draw in twenty is a self-pair.
        b = a if rng.random() < 0.05 else rng.choice([0, 1, 2, rng.randrange(n), rng.randrange(n)])
        edges.append([a, b])
    return n, edges


def simple_graph(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for a, b in edges:
        if a == b:
            continue
        if g.has_edge(a, b):
            g[a][b]["weight"] += 1
        else:
            g.add_edge(a, b, weight=1)
    return g


def clean(value):
    """JSON has no NaN; an undefined figure is null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def column(mapping, n):
    return [clean(float(mapping[v])) for v in range(n)]


def gini(values):
    xs = sorted(values)
    n = len(xs)
    total = sum(xs)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((i + 1) * x for i, x in enumerate(xs))
    return 2 * weighted / (n * total) - (n + 1) / n


def networkx_values(g):
    n = g.number_of_nodes()
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: c[0])
    largest = max(nx.connected_components(g), key=len)
    lcc = g.subgraph(largest)
    eccentricity = {}
    for c in components:
        eccentricity.update(nx.eccentricity(g.subgraph(c)))
    degrees = [d for _, d in sorted(g.degree())]
    return {
        "components": [len(c) for c in components],
        "largestComponentSize": len(largest),
        "largestComponentDiameter": nx.diameter(lcc),
        "largestComponentMeanDistance": nx.average_shortest_path_length(lcc) if len(largest) > 1 else 0.0,
        "degree": degrees,
        "strength": [float(s) for _, s in sorted(g.degree(weight="weight"))],
        "degreeHistogram": nx.degree_histogram(g),
        "assortativity": clean(float(nx.degree_assortativity_coefficient(g))),
        "triangles": [nx.triangles(g)[v] for v in range(n)],
        "transitivity": nx.transitivity(g),
        "clustering": column(nx.clustering(g), n),
        "averageClustering": nx.average_clustering(g),
        "core": [nx.core_number(g)[v] for v in range(n)],
        "betweenness": column(nx.betweenness_centrality(g, normalized=True), n),
        "betweennessRaw": column(nx.betweenness_centrality(g, normalized=False), n),
        "closeness": column(nx.closeness_centrality(g), n),
        "harmonic": column(nx.harmonic_centrality(g), n),
        "eccentricity": [eccentricity[v] for v in range(n)],
        "eigenvector": column(nx.eigenvector_centrality(g, max_iter=MAX_ITER, tol=EIGENVECTOR_TOL), n),
        "pagerank": column(nx.pagerank(g, alpha=0.85, weight=None, max_iter=MAX_ITER, tol=PAGERANK_TOL), n),
        "pagerankWeighted": column(nx.pagerank(g, alpha=0.85, weight="weight", max_iter=MAX_ITER, tol=PAGERANK_TOL), n),
    }


def igraph_values(g):
    n = g.number_of_nodes()
    h = igraph.Graph(n=n, edges=[(a, b) for a, b in g.edges()], directed=False)
    lcc = h.connected_components().giant()
    triangles = [0] * n
    for t in h.list_triangles():
        for v in t:
            triangles[v] += 1
    return {
        "components": sorted(len(c) for c in h.connected_components()),
        "largestComponentSize": lcc.vcount(),
        "largestComponentDiameter": lcc.diameter(directed=False),
        "largestComponentMeanDistance": lcc.average_path_length(directed=False) if lcc.vcount() > 1 else 0.0,
        "degree": h.degree(),
        "assortativity": clean(h.assortativity_degree(directed=False)),
        "triangles": triangles,
        "transitivity": h.transitivity_undirected(),
        "clustering": [clean(x) for x in h.transitivity_local_undirected(mode="zero")],
        "averageClustering": h.transitivity_avglocal_undirected(mode="zero"),
        "core": h.coreness(),
        "betweennessRaw": h.betweenness(directed=False),
        # igraph's closeness counts only the nodes a node reaches: (reached - 1) / sum of distances.
        "closeness": [clean(x) for x in h.closeness(normalized=True)],
        "harmonic": h.harmonic_centrality(normalized=False),
        "eccentricity": [int(x) for x in h.eccentricity()],
        # Scaled so that the largest is 1, as igraph does by default.
        "eigenvector": h.eigenvector_centrality(),
        "pagerank": h.pagerank(directed=False, damping=0.85),
    }


def write(name, description, n, edges):
    g = simple_graph(n, edges)
    document = {
        "name": name,
        "description": description,
        "nodeCount": n,
        "edges": edges,
        "selfPairs": sum(1 for a, b in edges if a == b),
        "gini": gini([d for _, d in g.degree()]),
        "networkx": networkx_values(g),
        "igraph": igraph_values(g),
        "versions": {"networkx": nx.__version__, "igraph": igraph.__version__},
    }
    path = os.path.join(FIXTURES, name + ".json")
    with open(path, "w") as f:
        json.dump(document, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {n} nodes, {g.number_of_edges()} edges")


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    write("karate", "Zachary's karate club (networkx's copy, unweighted)", *karate())
    write("disconnected", "components of several shapes, two isolated pairs, three isolated nodes", *disconnected())
    write("heavy-tailed", "Holme-Kim power-law cluster graph, 500 nodes, m=2, p=0.3, seed 14", *heavy_tailed())
    write("multi", "random edge list over 60 nodes with repeated pairs and self-pairs, seed 1414", *multi())


if __name__ == "__main__":
    main()
