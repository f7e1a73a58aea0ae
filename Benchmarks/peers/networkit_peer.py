#!/usr/bin/env python3
"""The analytics of queries.md that NetworKit offers with the same definition as Quiver's, one
JSON line per workload in the format of `quiver-bench analytics`, so that compare.py can check
the answers against Quiver's: A0 (building the directed and undirected graphs), A1 PageRank
(iterated to convergence, at most 100 iterations, scores rescaled to sum to 1), A4/A5 components, A6 BFS and
Dijkstra from one source, A9 the same weighted search beside Quiver's delta-stepping. NetworKit runs on both cores, as Quiver does.

Usage: networkit_peer.py DIR DATASET TYPICAL
"""

import argparse
import os

# NetworKit runs on OpenMP threads, which by default spin while they wait: on a machine whose
# cores are shared that slows everything else down. Waiting threads sleep instead.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import networkit as nk  # noqa: E402
from peer_timing import timed, top  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("dataset")
    parser.add_argument("typical", type=int)
    a = parser.parse_args()
    nk.setNumberOfThreads(os.cpu_count() or 1)
    with open(os.path.join(a.directory, "nodes.csv")) as f:
        n = sum(1 for _ in f) - 1
    sources, targets, weights = [], [], []
    with open(os.path.join(a.directory, "edges.csv")) as f:
        next(f)
        for line in f:
            s, d, _, w = line.split(",")
            sources.append(int(s))
            targets.append(int(d))
            weights.append(float(w))
    graphs = {}

    def project():
        g = nk.Graph(n, weighted=True, directed=True)
        for s, d, w in zip(sources, targets, weights):
            g.addEdge(s, d, w)
        graphs["directed"] = g
        graphs["unweighted"] = nk.graphtools.toUnweighted(g)
        return 2

    timed("networkit", "A0-projection", a.dataset, project, lambda k: {"graphs": k})
    g, unweighted = graphs["directed"], graphs["unweighted"]

    def pagerank():
        p = nk.centrality.PageRank(unweighted, damp=0.85, tol=1e-10)
        p.maxIterations = 100
        p.run()
        scores = p.scores()
        total = sum(scores) or 1.0
        return [s / total for s in scores]

    timed("networkit", "A1-pagerank", a.dataset, pagerank, top)

    def components(kind):
        c = kind(unweighted)
        c.run()
        return c.numberOfComponents()

    timed("networkit", "A4-wcc", a.dataset, lambda: components(nk.components.WeaklyConnectedComponents),
          lambda k: {"components": k})
    timed("networkit", "A5-scc", a.dataset, lambda: components(nk.components.StronglyConnectedComponents),
          lambda k: {"components": k})

    def distances(graph, search):
        s = search(graph, a.typical, storePaths=False)
        s.run()
        return [d for d in s.getDistances() if d < 1e300]

    timed("networkit", "A6-bfs", a.dataset, lambda: distances(unweighted, nk.distance.BFS),
          lambda d: {"reached": len(d), "max_depth": int(max(d)), "depth_sum": int(sum(d))})
    timed("networkit", "A6-dijkstra", a.dataset, lambda: distances(g, nk.distance.Dijkstra),
          lambda d: {"reached": len(d), "cost_sum": sum(d), "max_cost": max(d)})
    # A9: Quiver's delta-stepping beside NetworKit's single-source search (its SSSP for weighted
    # graphs is Dijkstra).
    timed("networkit", "A9-delta", a.dataset, lambda: distances(g, nk.distance.Dijkstra),
          lambda d: {"reached": len(d), "cost_sum": sum(d), "max_cost": max(d)})


if __name__ == "__main__":
    main()
