#!/usr/bin/env python3
"""Analytics A0-A8 of queries.md (and A9, A6's weighted search beside Quiver's delta-stepping) with
python-igraph, one JSON line per workload, in the format of `quiver-bench analytics` so that
compare.py can check the answers against Quiver's.

Scores are rescaled to Quiver's (networkx's) conventions before they are reported: betweenness
normalised by (n-1)(n-2) (twice that for undirected), sampled betweenness scaled by n/k, closeness
with the Wasserman-Faust correction for graphs that are not connected.

Usage: igraph_peer.py DIR DATASET TYPICAL [--sources N] [--closeness]
"""

import argparse
import os
import random

# igraph's PageRank (PRPACK) runs on OpenMP threads, which by default spin while they wait: on a
# machine whose cores are shared that made it up to 40 times slower. Waiting threads sleep instead.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import igraph as ig  # noqa: E402
from peer_timing import timed, top  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("dataset")
    parser.add_argument("typical", type=int)
    parser.add_argument("--sources", type=int)
    parser.add_argument("--closeness", action="store_true")
    a = parser.parse_args()
    with open(os.path.join(a.directory, "nodes.csv")) as f:
        n = sum(1 for _ in f) - 1
    edges, weights = [], []
    with open(os.path.join(a.directory, "edges.csv")) as f:
        next(f)
        for line in f:
            s, d, _, w = line.split(",")
            edges.append((int(s), int(d)))
            weights.append(float(w))
    graphs = {}

    def project():
        g = ig.Graph(n=n, edges=edges, directed=True)
        g.es["weight"] = weights
        graphs["directed"] = g
        graphs["undirected"] = g.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
        return 2

    timed("igraph", "A0-projection", a.dataset, project, lambda k: {"graphs": k})
    g, u = graphs["directed"], graphs["undirected"]
    timed("igraph", "A1-pagerank", a.dataset, lambda: g.pagerank(damping=0.85, directed=True), top)
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    sampled = {}
    sources = None
    if a.sources:
        sources = random.Random(1).sample(range(n), min(a.sources, n))
        scale *= n / len(sources)
        sampled = {"sampled_sources": len(sources)}
    for name, graph, factor in (("directed", g, scale), ("undirected", u, 2 * scale)):
        timed("igraph", "A2-betweenness-" + name, a.dataset,
              lambda graph=graph: graph.betweenness(directed=graph.is_directed(), sources=sources),
              lambda b, factor=factor: dict(top([x * factor for x in b]), **sampled))
    if a.closeness:
        def closeness():
            scores = u.closeness(mode="all", normalized=True)
            membership = u.connected_components().membership
            size = {}
            for c in membership:
                size[c] = size.get(c, 0) + 1
            return [0.0 if s != s else s * (size[membership[v]] - 1) / (n - 1) for v, s in enumerate(scores)]
        timed("igraph", "A3-closeness", a.dataset, closeness, top)
    timed("igraph", "A4-wcc", a.dataset, lambda: g.connected_components(mode="weak"), lambda c: {"components": len(c)})
    timed("igraph", "A5-scc", a.dataset, lambda: g.connected_components(mode="strong"), lambda c: {"components": len(c)})

    def reached(distances):
        return [d for d in distances if d != float("inf")]

    timed("igraph", "A6-bfs", a.dataset, lambda: reached(g.distances(source=a.typical, mode="out")[0]),
          lambda d: {"reached": len(d), "max_depth": int(max(d)), "depth_sum": int(sum(d))})
    timed("igraph", "A6-dijkstra", a.dataset, lambda: reached(g.distances(source=a.typical, weights="weight", mode="out")[0]),
          lambda d: {"reached": len(d), "cost_sum": sum(d), "max_cost": max(d)})
    # A9: the same search beside Quiver's delta-stepping (igraph's weighted SSSP is Dijkstra).
    timed("igraph", "A9-delta", a.dataset,
          lambda: reached(g.distances(source=a.typical, weights="weight", mode="out")[0]),
          lambda d: {"reached": len(d), "cost_sum": sum(d), "max_cost": max(d)})
    timed("igraph", "A7-triangles", a.dataset,
          lambda: (len(u.list_triangles()), u.transitivity_avglocal_undirected(mode="zero")),
          lambda t: {"triangles": t[0], "average_clustering": t[1]})

    def louvain():
        random.seed(42)
        ig.set_random_number_generator(random)
        return u.community_multilevel(weights="weight")

    timed("igraph", "A8-louvain", a.dataset, louvain, lambda c: {"modularity": c.modularity, "communities": len(c)})


if __name__ == "__main__":
    main()
