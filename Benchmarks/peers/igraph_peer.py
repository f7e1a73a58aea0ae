#!/usr/bin/env python3
"""Analytics A0-A8 of queries.md (and A9, A6's weighted search beside Quiver's delta-stepping;
A10-A13, Leiden, bridges, articulation points, maximum flow and topological sort) with
python-igraph, one JSON line per workload, in the format of `quiver-bench analytics` so that
compare.py can check the answers against Quiver's.

Scores are rescaled to Quiver's (networkx's) conventions before they are reported: betweenness
normalised by (n-1)(n-2) (twice that for undirected), sampled betweenness scaled by n/k, closeness
with the Wasserman-Faust correction for graphs that are not connected.

Bridges and articulation points are found on the relationships weighing under 0.1 (the whole
graph has none) as an undirected multigraph (a pair of reciprocal relationships is two parallel
edges, as in Quiver's undirected projection); the topological sort
runs on the DAG of the relationships from a lower to a higher id, and its answer is checked
against every edge of that DAG (violations, the longest path to each node along the order).

Usage: igraph_peer.py DIR DATASET TYPICAL [--hub HUB] [--sources N] [--closeness]
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
    parser.add_argument("--hub", type=int, help="the maximum flow's target (A12)")
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
    second_wave(a, n, edges, weights, u, g)



def second_wave(a, n, edges, weights, u, g):
    """A10-A13: Leiden, bridges, articulation points, maximum flow, topological sort."""
    def leiden():
        random.seed(42)
        ig.set_random_number_generator(random)
        c = u.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
        return c, u.modularity(c.membership, weights="weight")

    timed("igraph", "A10-leiden", a.dataset, leiden, lambda r: {"modularity": r[1], "communities": len(r[0])})
    # The social graph has no bridges: its sparse part, the relationships weighing under 0.1.
    sparse = ig.Graph(n=n, edges=[e for e, w in zip(edges, weights) if w < 0.1], directed=True)
    multigraph = sparse.as_undirected(mode="each")

    def bridges():
        pairs = [multigraph.es[e].tuple for e in multigraph.bridges()]
        return [(min(p), max(p)) for p in pairs]

    timed("igraph", "A11-bridges", a.dataset, bridges,
          lambda b: {"bridges": len(b), "low_sum": sum(p[0] for p in b), "high_sum": sum(p[1] for p in b)})
    timed("igraph", "A11-articulation", a.dataset, multigraph.articulation_points,
          lambda p: {"points": len(p), "id_sum": sum(p)})
    if a.hub is not None:
        timed("igraph", "A12-maxflow", a.dataset, lambda: g.maxflow_value(a.typical, a.hub, capacity="weight"),
              lambda v: {"flow": v})
    forward = [(s, d) for s, d in edges if s < d]
    dag = ig.Graph(n=n, edges=forward, directed=True)

    def check(order):
        position = [0] * n
        for i, v in enumerate(order):
            position[v] = i
        violations = sum(1 for s, d in forward if position[s] >= position[d]) + (n - len(order))
        outgoing = [[] for _ in range(n)]
        for s, d in forward:
            outgoing[s].append(d)
        depth = [0] * n
        for v in order:
            for d in outgoing[v]:
                depth[d] = max(depth[d], depth[v] + 1)
        return {"sorted": len(order), "violations": violations, "max_depth": max(depth, default=0), "depth_sum": sum(depth)}

    timed("igraph", "A13-toposort", a.dataset, lambda: dag.topological_sorting(mode="out"), check)


if __name__ == "__main__":
    main()
