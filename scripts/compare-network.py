#!/usr/bin/env python3
"""Compare citydip's network measures with networkx's and igraph's, in values and in time.

Reads the GraphML file that `citydip network --format graphml` writes, builds the same simple
graph in networkx and in igraph (repeated pairs merged, self-pairs dropped), times each
library's computation of every whole-network figure and every node measure, one measure at a
time (wall clock), and compares each node's values with citydip's. Prints a Markdown report.

Usage:
  pip install networkx igraph
  python3 scripts/compare-network.py network.graphml
  python3 scripts/compare-network.py network.graphml --citydip "sh -c 'citydip network --dataset wikipedia-2026 --format graphml > network.graphml'"
  python3 scripts/compare-network.py big.graphml --libraries igraph     # networkx takes minutes on 20k nodes

With --citydip the command (which must write the GraphML file) is run first under a timer, and the
report gives citydip's time beside the libraries' and the ratios. citydip computes everything in
one run, so its time is that of the whole command (reading the registry, every measure, writing
the file): the ratios against a library's exact betweenness alone are conservative.

What the file must hold:
  node data   degree, relations, betweenness, closeness, harmonic, eigenvector, pagerank, core,
              clustering, triangles (any may be absent; what is present is compared)
  graph data  optional; as citydip writes them (nodes, edges, components, largest_component,
              diameter, mean_distance, max_degree, mean_degree, degree_gini, assortativity,
              transitivity, average_clustering, triangles, max_core, max_core_size) or by
              NetworkSummary's names: nodes, edges, isolatedNodes, components,
              largestComponentSize, largestComponentDiameter, largestComponentMeanDistance,
              maxDegree, meanDegree, degreeGini, assortativity, transitivity, averageClustering,
              triangles, maxCore, maxCoreSize
  edges       one per pair or one per relation; a pair's number of relations is the sum of its
              edges' `relations` (or `weight`) data, 1 for an edge without it

Definitions compared (those citydip documents): betweenness normalised by (n-1)(n-2)/2 over the
whole graph (networkx normalized=True; igraph's raw value is rescaled); closeness as networkx's
default Wasserman-Faust form (igraph's r/s is multiplied by r/(n-1) first); harmonic not
normalised; eigenvector with unit norm (igraph's, scaled to a greatest value of 1, is compared
with citydip's divided by its greatest: meaningful on a connected graph only); PageRank
unweighted unless --weighted-pagerank.

The relative error of a measure is the greatest, over nodes, of |a - b| / max(|a|, |b|), nodes
where both values are below 1e-9 times the column's greatest being left out: two zeros agree,
and on a disconnected graph the eigenvector scores of the lesser components are residues on their
way to 0 whose size depends on where each iteration stopped.

This script is never run by the unit tests.
"""
import argparse
import math
import shlex
import subprocess
import sys
import time

import igraph
import networkx as nx

NODE_MEASURES = ["degree", "relations", "betweenness", "closeness", "harmonic", "eigenvector",
                 "pagerank", "core", "clustering", "triangles"]
GRAPH_FIGURES = ["nodes", "edges", "isolatedNodes", "components", "largestComponentSize",
                 "largestComponentDiameter", "largestComponentMeanDistance", "maxDegree", "meanDegree",
                 "degreeGini", "assortativity", "transitivity", "averageClustering", "triangles",
                 "maxCore", "maxCoreSize"]

# The names `citydip network --format graphml` gives the figures, where they differ.
GRAPH_FIGURE_FILE_NAMES = {
    "isolatedNodes": "isolated_nodes", "largestComponentSize": "largest_component",
    "largestComponentDiameter": "diameter", "largestComponentMeanDistance": "mean_distance",
    "maxDegree": "max_degree", "meanDegree": "mean_degree", "degreeGini": "degree_gini",
    "averageClustering": "average_clustering", "maxCore": "max_core", "maxCoreSize": "max_core_size",
}


def timed(function):
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def read(path):
    """The simple graph of the file (nodes in file order), citydip's node columns and figures."""
    raw = nx.read_graphml(path, force_multigraph=True)
    nodes = list(raw.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    weights = {}
    for a, b, data in raw.edges(data=True):
        if a == b:
            continue
        pair = (min(index[a], index[b]), max(index[a], index[b]))
        weights[pair] = weights.get(pair, 0) + float(data.get("relations", data.get("weight", 1)))
    columns = {}
    for name in NODE_MEASURES:
        values = [raw.nodes[v].get(name) for v in nodes]
        if all(value is not None for value in values):
            columns[name] = [float(value) for value in values]
    figures = {}
    for name in GRAPH_FIGURES:
        # citydip writes the figures as its JSON names them (snake case); NetworkSummary's names are read too.
        for key in (name, GRAPH_FIGURE_FILE_NAMES.get(name)):
            if key in raw.graph:
                figures[name] = float(raw.graph[key])
                break
    return len(nodes), weights, columns, figures


def gini(values):
    xs = sorted(values)
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return 0.0
    return 2 * sum((i + 1) * x for i, x in enumerate(xs)) / (n * total) - (n + 1) / n


def networkx_measures(n, weights, weighted_pagerank):
    # networkx imports numpy and scipy on first use (PageRank, assortativity): not the measure's time.
    nx.pagerank(nx.path_graph(3))
    nx.degree_assortativity_coefficient(nx.path_graph(3))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for (a, b), w in weights.items():
        g.add_edge(a, b, weight=w)
    figures, nodes, seconds = {}, {}, {}

    def run(name, function):
        value, elapsed = timed(function)
        seconds[name] = elapsed
        return value

    degrees = run("degree", lambda: [d for _, d in sorted(g.degree())])
    nodes["degree"] = degrees
    nodes["relations"] = [float(s) for _, s in sorted(g.degree(weight="weight"))]
    components = run("components", lambda: list(nx.connected_components(g)))
    largest = max(components, key=len) if components else set()
    lcc = g.subgraph(largest)
    figures["nodes"] = n
    figures["edges"] = g.number_of_edges()
    figures["isolatedNodes"] = sum(1 for d in degrees if d == 0)
    figures["components"] = len(components)
    figures["largestComponentSize"] = len(largest)
    figures["largestComponentDiameter"] = run("largestComponentDiameter", lambda: nx.diameter(lcc) if len(largest) > 1 else 0)
    figures["largestComponentMeanDistance"] = run(
        "largestComponentMeanDistance", lambda: nx.average_shortest_path_length(lcc) if len(largest) > 1 else 0.0)
    figures["maxDegree"] = max(degrees, default=0)
    figures["meanDegree"] = 2 * g.number_of_edges() / n if n else 0.0
    figures["degreeGini"] = run("degreeGini", lambda: gini(degrees))
    r = run("assortativity", lambda: nx.degree_assortativity_coefficient(g))
    figures["assortativity"] = None if r is None or math.isnan(r) else r
    figures["transitivity"] = run("transitivity", lambda: nx.transitivity(g))
    figures["averageClustering"] = run("averageClustering", lambda: nx.average_clustering(g) if n else 0.0)
    triangles = run("triangles", lambda: nx.triangles(g))
    nodes["triangles"] = [triangles[v] for v in range(n)]
    figures["triangles"] = sum(triangles.values()) // 3
    core = run("core", lambda: nx.core_number(g))
    nodes["core"] = [core[v] for v in range(n)]
    figures["maxCore"] = max(nodes["core"], default=0)
    figures["maxCoreSize"] = sum(1 for c in nodes["core"] if c == figures["maxCore"])
    clustering = run("clustering", lambda: nx.clustering(g))
    nodes["clustering"] = [clustering[v] for v in range(n)]
    for name, function in [
        ("betweenness", lambda: nx.betweenness_centrality(g, normalized=True)),
        ("closeness", lambda: nx.closeness_centrality(g)),
        ("harmonic", lambda: nx.harmonic_centrality(g)),
        # networkx stops when the summed change is below n * tol, citydip below 1e-10 (eigenvector)
        # and 1e-12 (PageRank): the same stopping points.
        ("eigenvector", lambda: nx.eigenvector_centrality(g, max_iter=100_000, tol=1e-10 / max(n, 1))),
        ("pagerank", lambda: nx.pagerank(g, weight="weight" if weighted_pagerank else None,
                                         tol=1e-12 / max(n, 1), max_iter=10_000)),
    ]:
        values = run(name, function)
        nodes[name] = [values[v] for v in range(n)]
    return figures, nodes, seconds


def igraph_measures(n, weights, weighted_pagerank):
    pairs = list(weights)
    g = igraph.Graph(n=n, edges=pairs, directed=False)
    g.es["weight"] = [weights[p] for p in pairs]
    figures, nodes, seconds = {}, {}, {}

    def run(name, function):
        value, elapsed = timed(function)
        seconds[name] = elapsed
        return value

    degrees = run("degree", g.degree)
    nodes["degree"] = degrees
    nodes["relations"] = g.strength(weights="weight")
    components = run("components", g.connected_components)
    membership = components.membership
    sizes = components.sizes()
    lcc = components.giant() if n else g
    figures["nodes"] = n
    figures["edges"] = g.ecount()
    figures["isolatedNodes"] = sum(1 for d in degrees if d == 0)
    figures["components"] = len(sizes)
    figures["largestComponentSize"] = lcc.vcount()
    figures["largestComponentDiameter"] = run(
        "largestComponentDiameter", lambda: lcc.diameter(directed=False) if lcc.vcount() > 1 else 0)
    figures["largestComponentMeanDistance"] = run(
        "largestComponentMeanDistance", lambda: lcc.average_path_length(directed=False) if lcc.vcount() > 1 else 0.0)
    figures["maxDegree"] = max(degrees, default=0)
    figures["meanDegree"] = 2 * g.ecount() / n if n else 0.0
    figures["degreeGini"] = run("degreeGini", lambda: gini(degrees))
    r = run("assortativity", lambda: g.assortativity_degree(directed=False))
    figures["assortativity"] = None if r is None or math.isnan(r) else r
    figures["transitivity"] = run("transitivity", g.transitivity_undirected)
    figures["averageClustering"] = run("averageClustering", lambda: g.transitivity_avglocal_undirected(mode="zero"))

    def triangles():
        counts = [0] * n
        for t in g.list_triangles():
            for v in t:
                counts[v] += 1
        return counts

    nodes["triangles"] = run("triangles", triangles)
    figures["triangles"] = sum(nodes["triangles"]) // 3
    nodes["core"] = run("core", g.coreness)
    figures["maxCore"] = max(nodes["core"], default=0)
    figures["maxCoreSize"] = sum(1 for c in nodes["core"] if c == figures["maxCore"])
    nodes["clustering"] = run("clustering", lambda: g.transitivity_local_undirected(mode="zero"))
    raw = run("betweenness", lambda: g.betweenness(directed=False))
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
    nodes["betweenness"] = [b * scale for b in raw]
    closeness = run("closeness", g.closeness)
    # igraph: r/s over the r nodes reached; networkx's default multiplies by r/(n-1).
    nodes["closeness"] = [0.0 if c is None or math.isnan(c) or n < 2 else c * (sizes[membership[v]] - 1) / (n - 1)
                          for v, c in enumerate(closeness)]
    nodes["harmonic"] = run("harmonic", lambda: g.harmonic_centrality(normalized=False))
    nodes["eigenvector"] = run("eigenvector", g.eigenvector_centrality)
    nodes["pagerank"] = run("pagerank", lambda: g.pagerank(directed=False, weights="weight" if weighted_pagerank else None))
    return figures, nodes, seconds


def relative_error(ours, theirs):
    if len(ours) != len(theirs):
        return math.inf
    scale = max((abs(x) for x in list(ours) + list(theirs)), default=0.0)
    worst = 0.0
    for a, b in zip(ours, theirs):
        size = max(abs(a), abs(b))
        if size <= 1e-9 * scale:
            continue
        worst = max(worst, abs(a - b) / size)
    return worst


def figure_error(ours, theirs):
    if ours is None or theirs is None:
        return 0.0 if ours is None and theirs is None else math.inf
    size = max(abs(ours), abs(theirs))
    return 0.0 if size == 0 else abs(ours - theirs) / size


def number(value):
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.6g}"
    return f"{int(value)}"


def seconds(value):
    return "–" if value is None else f"{value:.4f}"


def error(value):
    return "–" if value is None else ("0" if value == 0 else f"{value:.1e}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphml", help="the GraphML file citydip wrote (or --citydip writes)")
    parser.add_argument("--citydip", metavar="COMMAND", help="run this command first, under a timer; it writes the file")
    parser.add_argument("--libraries", default="networkx,igraph", help="which libraries to run (default: both)")
    parser.add_argument("--weighted-pagerank", action="store_true", help="PageRank weighted by the pairs' relations")
    arguments = parser.parse_args()
    libraries = [name.strip() for name in arguments.libraries.split(",") if name.strip()]

    citydip_seconds = None
    if arguments.citydip:
        result, citydip_seconds = timed(lambda: subprocess.run(shlex.split(arguments.citydip)))
        if result.returncode != 0:
            sys.exit(f"citydip command failed with status {result.returncode}")

    n, weights, columns, figures = read(arguments.graphml)
    results = {}
    if "networkx" in libraries:
        results["networkx"] = networkx_measures(n, weights, arguments.weighted_pagerank)
    if "igraph" in libraries:
        results["igraph"] = igraph_measures(n, weights, arguments.weighted_pagerank)

    # citydip's eigenvector scaled like igraph's, for that comparison only.
    greatest = max(columns.get("eigenvector", [0.0]), default=0.0) or 1.0
    scaled_eigenvector = [x / greatest for x in columns.get("eigenvector", [])]

    print(f"# citydip against {' and '.join(results) or 'nothing'}\n")
    print(f"{arguments.graphml}: {n} nodes, {len(weights)} edges (simple graph), "
          f"networkx {nx.__version__}, igraph {igraph.__version__}.\n")

    print("## Whole-network figures\n")
    header = "| figure | citydip |" + "".join(f" {lib} | {lib} s |" for lib in results)
    print(header)
    print("|" + "---|" * (2 + 2 * len(results)))
    for name in GRAPH_FIGURES:
        row = f"| {name} | {number(figures.get(name))} |"
        for lib, (lib_figures, _, lib_seconds) in results.items():
            value = lib_figures.get(name)
            mark = ""
            if name in figures and figure_error(figures[name], value) > 1e-9:
                mark = " ≠"
            row += f" {number(value)}{mark} | {seconds(lib_seconds.get(name))} |"
        print(row)
    if not figures:
        print("\n(The file holds no graph-level figures; the libraries' are shown alone.)")

    print("\n## Node measures: greatest relative error against citydip, and each library's time\n")
    header = "| measure | in file |" + "".join(f" vs {lib} | {lib} s |" for lib in results)
    print(header)
    print("|" + "---|" * (2 + 2 * len(results)))
    for name in NODE_MEASURES:
        row = f"| {name} | {'yes' if name in columns else 'no'} |"
        for lib, (_, lib_nodes, lib_seconds) in results.items():
            ours = columns.get(name)
            if name == "eigenvector" and lib == "igraph":
                ours = scaled_eigenvector or None
            err = relative_error(ours, lib_nodes[name]) if ours is not None else None
            row += f" {error(err)} | {seconds(lib_seconds.get(name))} |"
        print(row)

    print("\n## Time\n")
    print("| run | seconds | citydip ÷ this |")
    print("|---|---|---|")
    if citydip_seconds is not None:
        print(f"| citydip, the whole command | {citydip_seconds:.3f} | 1 |")
    for lib, (_, _, lib_seconds) in results.items():
        total = sum(lib_seconds.values())
        for label, value in [(f"{lib}, every measure above", total),
                             (f"{lib}, exact betweenness alone", lib_seconds.get("betweenness"))]:
            ratio = "–" if citydip_seconds is None or not value else f"{citydip_seconds / value:.3f}"
            print(f"| {label} | {seconds(value)} | {ratio} |")
    if citydip_seconds is None:
        print("\n(Give --citydip COMMAND to time citydip in the same run.)")


if __name__ == "__main__":
    main()
