#!/usr/bin/env python3
"""Write the reference scores of the link-prediction tests (issue #15, section 3).

Writes Tests/CityDiplomacyNetworkTests/Fixtures/link-prediction-karate.json: Zachary's karate club
as networkx ships it (weights ignored) and, for every pair of nodes not joined, networkx's
common neighbours, adamic_adar_index, resource_allocation_index and preferential_attachment.

Usage:  pip install networkx==3.6.* && python3 scripts/link-prediction-fixtures.py

The file is committed: Python is never needed at test time.
"""
import json
import os

import networkx as nx

graph = nx.Graph(nx.karate_club_graph().edges())
pairs = sorted((u, v) for u, v in nx.non_edges(graph) if u < v) + sorted((v, u) for u, v in nx.non_edges(graph) if v < u)
pairs = sorted(set(pairs))
aa = {(u, v): s for u, v, s in nx.adamic_adar_index(graph, pairs)}
ra = {(u, v): s for u, v, s in nx.resource_allocation_index(graph, pairs)}
pa = {(u, v): s for u, v, s in nx.preferential_attachment(graph, pairs)}
out = {
    "name": "karate",
    "nodeCount": graph.number_of_nodes(),
    "edges": sorted([min(u, v), max(u, v)] for u, v in graph.edges()),
    "pairs": [
        {"u": u, "v": v, "commonNeighbours": len(list(nx.common_neighbors(graph, u, v))),
         "adamicAdar": round(aa[(u, v)], 12), "resourceAllocation": round(ra[(u, v)], 12), "preferentialAttachment": pa[(u, v)]}
        for u, v in pairs
    ],
}
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "CityDiplomacyNetworkTests", "Fixtures", "link-prediction-karate.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {len(pairs)} pairs")
