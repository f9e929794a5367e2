#!/usr/bin/env python3
"""Write the fixtures the community and geography tests of CityDiplomacyNetwork read.

For four graphs -- Zachary's karate club, a planted-partition graph, a weighted graph with
repeated pairs and a disconnected graph -- writes
Tests/CityDiplomacyNetworkTests/Fixtures/communities-NAME.json with:

  nodeCount, edges        the edge list as the Swift tests build UndirectedGraph from it; a pair
                          listed k times has weight k (igraph and networkx get the summed weights)
  partition               a given partition (the karate club's two clubs, the planted blocks, ...)
  modularity              that partition's weighted modularity at resolutions 0.5, 1 and 2, by
                          networkx (community.modularity) and igraph (Graph.modularity)
  igraphMultilevel        the best modularity of igraph's community_multilevel over SEEDS seeds
  igraphLeiden            the best of igraph's community_leiden(objective_function="modularity",
                          n_iterations=-1) over the same seeds
  networkxLouvain         the best of networkx's louvain_communities over the same seeds

and Fixtures/great-circle-pairs.json: the great-circle distance of a few city pairs by the
haversine formula on a sphere of the IUGG mean Earth radius, 6371.0088 km (the definition the
Swift code follows; a geodesic on the WGS 84 ellipsoid differs from it by up to about 0.5%).
Coordinates are city-centre approximations in decimal degrees.

Usage:  python3 scripts/community-fixtures.py   (networkx 3.6 and python-igraph 1.0 tested)

The outputs are committed: Python is never needed at test time. Re-run only to change a
fixture, and commit the files it writes.
"""
import json
import math
import os
import random

import igraph
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "CityDiplomacyNetworkTests", "Fixtures")
SEEDS = range(20)
RESOLUTIONS = [0.5, 1.0, 2.0]
EARTH_RADIUS_KM = 6371.0088


def karate():
    g = nx.karate_club_graph()
    edges = sorted((min(a, b), max(a, b)) for a, b in g.edges())  # the unweighted club
    partition = [0 if g.nodes[v]["club"] == "Mr. Hi" else 1 for v in range(g.number_of_nodes())]
    return g.number_of_nodes(), edges, partition


def planted():
    # 8 blocks of 50 nodes, dense inside, sparse between.
    g = nx.planted_partition_graph(8, 50, 0.16, 0.006, seed=14)
    edges = sorted((min(a, b), max(a, b)) for a, b in g.edges())
    partition = [v // 50 for v in range(g.number_of_nodes())]
    return g.number_of_nodes(), edges, partition


def weighted():
    # 60 nodes in three loose groups; some pairs listed several times, as when two cities sign
    # several agreements or several datasets list the same pair.
    rng = random.Random(1414)
    n = 60
    edges = []
    for a in range(n):
        for b in range(a + 1, n):
            same = a % 3 == b % 3
            if rng.random() < (0.22 if same else 0.04):
                copies = 1 + (rng.random() < 0.3) * rng.randint(1, 4)
                edges.extend([(a, b) if rng.random() < 0.5 else (b, a)] * copies)
    rng.shuffle(edges)
    partition = [v % 3 for v in range(n)]
    return n, edges, partition


def disconnected():
    # Two cliques joined by one edge, a separate ring, a separate path and three isolated nodes.
    edges = []
    for base in (0, 6):
        edges += [(base + a, base + b) for a in range(6) for b in range(a + 1, 6)]
    edges.append((5, 6))
    edges += [(12 + i, 12 + (i + 1) % 8) for i in range(8)]
    edges += [(20 + i, 21 + i) for i in range(5)]
    n = 29  # nodes 26, 27, 28 have no edge
    partition = [0] * 6 + [1] * 6 + [2] * 8 + [3] * 6 + [4, 5, 6]
    return n, edges, partition


def weighted_pairs(edges):
    weights = {}
    for a, b in edges:
        key = (min(a, b), max(a, b))
        weights[key] = weights.get(key, 0) + 1
    return weights


def fixture(name, n, edges, partition):
    pairs = weighted_pairs(edges)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    ig = igraph.Graph(n=n, edges=list(pairs.keys()))
    ig.es["weight"] = list(pairs.values())

    communities = {}
    for v, c in enumerate(partition):
        communities.setdefault(c, set()).add(v)
    modularity = {}
    for gamma in RESOLUTIONS:
        modularity[str(gamma)] = {
            "networkx": nx.community.modularity(g, communities.values(), weight="weight", resolution=gamma),
            "igraph": ig.modularity(partition, weights="weight", resolution=gamma),
        }

    multilevel = leiden = louvain = -1.0
    for seed in SEEDS:
        random.seed(seed)  # python-igraph draws from Python's random module
        multilevel = max(multilevel, ig.community_multilevel(weights="weight").modularity)
        random.seed(seed)
        found = ig.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
        leiden = max(leiden, ig.modularity(found.membership, weights="weight"))
        parts = nx.community.louvain_communities(g, weight="weight", seed=seed)
        louvain = max(louvain, nx.community.modularity(g, parts, weight="weight"))

    data = {
        "name": name,
        "nodeCount": n,
        "edges": [list(e) for e in edges],
        "partition": partition,
        "modularity": modularity,
        "igraphMultilevel": multilevel,
        "igraphLeiden": leiden,
        "networkxLouvain": louvain,
        "seeds": len(SEEDS),
    }
    path = os.path.join(FIXTURES, f"communities-{name}.json")
    with open(path, "w") as out:
        json.dump(data, out, separators=(",", ":"))
        out.write("\n")
    print(f"{name}: {n} nodes, {len(pairs)} pairs, multilevel {multilevel:.6f}, leiden {leiden:.6f}, "
          f"louvain {louvain:.6f}, given {modularity['1.0']['igraph']:.6f}")


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


CITIES = {
    "Tehran": (35.6892, 51.3890),
    "Isfahan": (32.6546, 51.6680),
    "Mashhad": (36.2605, 59.6168),
    "London": (51.5074, -0.1278),
    "Paris": (48.8566, 2.3522),
    "New York": (40.7128, -74.0060),
    "Tokyo": (35.6762, 139.6503),
    "Sydney": (-33.8688, 151.2093),
    "Buenos Aires": (-34.6037, -58.3816),
    "Auckland": (-36.8485, 174.7633),
    "Honolulu": (21.3069, -157.8583),
}
PAIRS = [
    ("Tehran", "Isfahan"), ("Tehran", "Mashhad"), ("London", "Paris"), ("New York", "Tokyo"),
    ("Sydney", "Buenos Aires"), ("Auckland", "Honolulu"), ("Tehran", "Tehran"),
]


def great_circle_pairs():
    rows = []
    for a, b in PAIRS:
        (lat1, lon1), (lat2, lon2) = CITIES[a], CITIES[b]
        rows.append({"a": a, "b": b, "latitudeA": lat1, "longitudeA": lon1, "latitudeB": lat2,
                     "longitudeB": lon2, "kilometres": haversine(lat1, lon1, lat2, lon2)})
    path = os.path.join(FIXTURES, "great-circle-pairs.json")
    with open(path, "w") as out:
        json.dump({"earthRadiusKilometres": EARTH_RADIUS_KM, "pairs": rows}, out, indent=1)
        out.write("\n")
    for row in rows:
        print(f"{row['a']}-{row['b']}: {row['kilometres']:.3f} km")


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    for name, build in [("karate", karate), ("planted", planted), ("weighted", weighted), ("disconnected", disconnected)]:
        fixture(name, *build())
    great_circle_pairs()
