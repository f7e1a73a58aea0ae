#!/usr/bin/env python3
"""Writes the expected values that Tests/GraphAlgorithmsTests compares Quiver's graph algorithms with.

Computes them with networkx (3.6.1 was used) on small generated graphs, whose edges are written
into the fixtures, and on the SNAP Facebook graph ../shared/bench/data/facebook_combined.txt.gz
(relative to the repository root), of which only small summaries are kept: the top 20 scores per
algorithm, component counts, triangle totals. Run from the repository root:

    python3 scripts/make-algorithm-fixtures.py [--skip-facebook | --structure-only | --only NAME]

(`--only` writes one of the fixtures of the later algorithms: deltaStepping, knn.)

(`jaccard` holds networkx's `jaccard_coefficient`, i.e. the non-adjacent pairs only.)
"""
import gzip
import itertools
import json
import math
import os
import random
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "GraphAlgorithmsTests", "Fixtures")
FACEBOOK = os.path.join(ROOT, "..", "shared", "bench", "data", "facebook_combined.txt.gz")


def vec(G, d):
    """A dict keyed by node 0..n-1 as a list."""
    return [float(d[v]) for v in range(G.number_of_nodes())]


def top(d, k=20):
    """The k highest scores as [node, score], ties by node."""
    return [[v, float(s)] for v, s in sorted(d.items(), key=lambda x: (-x[1], x[0]))[:k]]


def small(name, G, weighted):
    """Full expected vectors for a small graph whose nodes are 0..n-1."""
    n = G.number_of_nodes()
    directed = G.is_directed()
    w = "weight" if weighted else None
    f = {"name": name, "directed": directed, "nodeCount": n}
    f["edges"] = [[u, v, G[u][v].get("weight", 1)] for u, v in G.edges()]
    f["degree"] = vec(G, dict(G.out_degree() if directed else G.degree()))
    f["pageRank"] = vec(G, nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight=None))
    f["pageRankWeighted"] = vec(G, nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight"))
    f["pageRankPersonalised"] = vec(G, nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000,
                                                   personalization={0: 1, 1: 1}, weight=None))
    f["betweenness"] = vec(G, nx.betweenness_centrality(G))
    f["betweennessRaw"] = vec(G, nx.betweenness_centrality(G, normalized=False))
    f["betweennessWeighted"] = vec(G, nx.betweenness_centrality(G, weight="weight"))
    f["closeness"] = vec(G, nx.closeness_centrality(G, wf_improved=True))
    f["closenessWeighted"] = vec(G, nx.closeness_centrality(G, distance="weight", wf_improved=True))
    f["harmonic"] = vec(G, nx.harmonic_centrality(G))
    try:
        f["eigenvector"] = vec(G, nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12))
    except nx.PowerIterationFailedConvergence:
        pass
    plain = nx.create_empty_copy(G)  # networkx's hits reads 'weight'; Quiver's HITS is unweighted
    plain.add_edges_from(G.edges())
    hubs, auths = nx.hits(plain, max_iter=10000, tol=1e-12)
    f["hubs"] = vec(G, hubs)
    f["authorities"] = vec(G, auths)
    f["bfsHops"] = {str(k): v for k, v in nx.single_source_shortest_path_length(G, 0).items()}
    f["dijkstra"] = {str(k): float(v) for k, v in nx.single_source_dijkstra_path_length(G, 0, weight="weight").items()}
    far = max(f["dijkstra"], key=lambda k: (f["dijkstra"][k], int(k)))
    f["yen"] = {"source": 0, "target": int(far), "costs": [
        float(nx.path_weight(G, p, "weight")) for p in itertools.islice(nx.shortest_simple_paths(G, 0, int(far), weight="weight"), 5)]}
    f["allPairsHopSum"] = sum(d for _, row in nx.all_pairs_shortest_path_length(G) for d in row.values())
    f["allPairsPairs"] = sum(len(row) for _, row in nx.all_pairs_shortest_path_length(G))
    U = G
    if directed:  # both directions of a pair become one edge with the smaller weight
        U = nx.Graph()
        U.add_nodes_from(G)
        for a, b, data in G.edges(data=True):
            if not U.has_edge(a, b) or data["weight"] < U[a][b]["weight"]:
                U.add_edge(a, b, weight=data["weight"])
    f["wccCount"] = nx.number_connected_components(U)
    f["sccCount"] = nx.number_strongly_connected_components(G) if directed else f["wccCount"]
    f["mstWeight"] = float(sum(d["weight"] for _, _, d in nx.minimum_spanning_edges(U, data=True)))
    f["mstEdges"] = nx.number_of_edges(nx.minimum_spanning_tree(U))
    f["triangles"] = vec(U, nx.triangles(U))
    f["clustering"] = vec(U, nx.clustering(U))
    f["coreNumber"] = vec(U, nx.core_number(U))
    f["louvainModularity"] = nx.community.modularity(
        U, nx.community.louvain_communities(U, seed=42, weight=None), weight=None)
    jac = {}
    for u, v, s in nx.jaccard_coefficient(U):
        if s > 0:
            jac[f"{u},{v}"] = float(s)
    f["jaccard"] = jac
    return f


def facebook():
    G = nx.Graph()
    with gzip.open(FACEBOOK, "rt") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            a, b = line.split()
            G.add_edge(int(a), int(b))
    f = {"name": "facebook", "nodeCount": G.number_of_nodes(), "edgeCount": G.number_of_edges()}
    print("facebook: pagerank", file=sys.stderr)
    f["pageRankTop"] = top(nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight=None))
    print("facebook: betweenness", file=sys.stderr)
    f["betweennessTop"] = top(nx.betweenness_centrality(G))
    print("facebook: closeness", file=sys.stderr)
    f["closenessTop"] = top(nx.closeness_centrality(G))
    f["harmonicTop"] = top(nx.harmonic_centrality(G))
    f["eigenvectorTop"] = top(nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12))
    f["degreeTop"] = top(dict(G.degree()))
    t = nx.triangles(G)
    f["triangleTotal"] = sum(t.values()) // 3
    f["trianglesTop"] = top(t)
    f["averageClustering"] = nx.average_clustering(G)
    f["wccCount"] = nx.number_connected_components(G)
    core = nx.core_number(G)
    f["maxCore"] = max(core.values())
    f["coreHistogramTop"] = sorted(((k, list(core.values()).count(k)) for k in set(core.values())), reverse=True)[:10]
    hops = nx.single_source_shortest_path_length(G, 0)
    f["bfsFrom0"] = {"reached": len(hops), "eccentricity": max(hops.values()), "hopSum": sum(hops.values())}
    f["louvainModularity"] = nx.community.modularity(G, nx.community.louvain_communities(G, seed=42))
    return f


def load(name):
    """A fixture written by `small` as a networkx graph (nodes 0..n-1, weighted edges)."""
    with open(os.path.join(OUT, f"{name}.json")) as fh:
        f = json.load(fh)
    G = nx.DiGraph() if f["directed"] else nx.Graph()
    G.add_nodes_from(range(f["nodeCount"]))
    for a, b, w in f["edges"]:
        G.add_edge(a, b, weight=w)
    return G


def article_rank(G, d=0.85, iterations=1000, tol=1e-12):
    """ArticleRank as GDS defines it (networkx has none): AR(v) = (1 - d) + d * sum over u -> v of
    AR(u) / (outdeg(u) + mean outdeg), from AR = 1 - d, by plain iteration."""
    out = {v: G.out_degree(v) for v in G}
    avg = sum(out.values()) / len(out)
    x = {v: 1 - d for v in G}
    for _ in range(iterations):
        nxt = {v: (1 - d) + d * sum(x[u] / (out[u] + avg) for u in G.predecessors(v)) for v in G}
        done = max(abs(nxt[v] - x[v]) for v in G) < tol
        x = nxt
        if done:
            break
    return [x[v] for v in range(len(x))]


def structure():
    """Expected values of the structural algorithms on the small fixtures and a random DAG:
    bridges, articulation points, greedy colouring in node order, ArticleRank, lexicographic
    topological order, longest path lengths and Bellman-Ford costs with negative weights."""
    f = {}
    for name in ["karate", "sparse50"]:
        G = load(name)
        f[name] = {
            "bridges": sorted(sorted(e) for e in nx.bridges(G)),
            "articulationPoints": sorted(nx.articulation_points(G)),
            "coloring": [c for _, c in sorted(nx.greedy_color(G, strategy=lambda g, colors: list(range(len(g)))).items())],
            # networkx has no cosine similarity of neighbour sets: |N(u) & N(v)| / sqrt(|N(u)| |N(v)|)
            # from its neighbour sets, for every pair with a common neighbour (adjacent or not).
            "cosine": {
                f"{u},{v}": len(c) / math.sqrt(G.degree(u) * G.degree(v))
                for u in G for v in G if u < v
                for c in [set(nx.common_neighbors(G, u, v))] if c
            },
        }
    D = load("directed60")
    f["directed60"] = {
        "articleRank": article_rank(D), "isDAG": nx.is_directed_acyclic_graph(D),
        "directedClustering": [float(c) for _, c in sorted(nx.clustering(D).items())],
    }
    # Maximum flow with weights as capacities. The source side of the cut is what the source
    # reaches in the residual graph, the same for every maximum flow (networkx's minimum_cut
    # returns the largest source side instead: the nodes that do not reach the sink).
    far = max(nx.single_source_shortest_path_length(D, 0).items(), key=lambda kv: (kv[1], kv[0]))[0]
    for name, G, s, t in [("directed60", D, 0, far), ("karate", load("karate"), 0, 33)]:
        R = nx.algorithms.flow.edmonds_karp(G, s, t, capacity="weight")
        side, todo = {s}, [s]
        while todo:
            u = todo.pop()
            for v, e in R[u].items():
                if v not in side and e["capacity"] - e["flow"] > 1e-12:
                    side.add(v)
                    todo.append(v)
        value = R.graph["flow_value"]
        assert abs(value - nx.minimum_cut_value(G, s, t, capacity="weight")) < 1e-9
        f[name]["maxFlow"] = {"source": s, "target": t, "value": float(value), "sourceSide": sorted(side)}
    rng = random.Random(11)
    dag = nx.DiGraph()
    dag.add_nodes_from(range(40))
    for a in range(40):
        for b in range(a + 1, 40):
            if rng.random() < 0.08:
                dag.add_edge(a, b, weight=rng.randint(-5, 9))
    longest = {}
    for v in nx.topological_sort(dag):
        longest[v] = max([longest[u] + dag[u][v]["weight"] for u in dag.predecessors(v)] + [0]) if list(dag.predecessors(v)) else 0
    f["dag"] = {
        "edges": [[a, b, d["weight"]] for a, b, d in dag.edges(data=True)],
        "topologicalOrder": list(nx.lexicographical_topological_sort(dag)),
        "longest": [float(longest[v]) for v in range(40)],
        "longestPathLength": float(nx.dag_longest_path_length(dag, weight="weight")),
        "bellmanFord": {str(k): float(v) for k, v in nx.single_source_bellman_ford_path_length(dag, 0, weight="weight").items()},
    }
    if os.path.exists(FACEBOOK):
        G = nx.Graph()
        with gzip.open(FACEBOOK, "rt") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    a, b = line.split()
                    G.add_edge(int(a), int(b))
        f["facebook"] = {"bridges": sum(1 for _ in nx.bridges(G)), "articulationPoints": sum(1 for _ in nx.articulation_points(G))}
    with open(os.path.join(OUT, "structure.json"), "w") as fh:
        json.dump(f, fh, indent=None, separators=(",", ":"))
    print("wrote structure", file=sys.stderr)


def delta_stepping():
    """Dijkstra distances from node 0 on a random directed graph with fractional weights, some
    lighter and some heavier than delta-stepping's default bucket width of 2, as directed and as
    undirected (an undirected pair keeps its smaller weight, as networkx's Graph does)."""
    rng = random.Random(5)
    G = nx.gnm_random_graph(400, 2400, seed=5, directed=True)
    for a, b in G.edges():
        G[a][b]["weight"] = round(rng.uniform(0.05, 6.0), 3)
    U = nx.Graph()
    U.add_nodes_from(G)
    for a, b, d in G.edges(data=True):
        if not U.has_edge(a, b) or d["weight"] < U[a][b]["weight"]:
            U.add_edge(a, b, weight=d["weight"])
    f = {
        "nodeCount": 400,
        "edges": [[a, b, d["weight"]] for a, b, d in G.edges(data=True)],
        "directed": {str(k): float(v) for k, v in nx.single_source_dijkstra_path_length(G, 0, weight="weight").items()},
        "undirected": {str(k): float(v) for k, v in nx.single_source_dijkstra_path_length(U, 0, weight="weight").items()},
    }
    return f


def knn():
    """k-nearest neighbours over node properties, computed directly (networkx has none): 60 nodes
    with a float vector, an integer set and a number; for each node its 3 best others (ties by
    node), by cosine and Euclidean similarity of the vectors, Jaccard of the sets, and the mean of
    cosine and the numbers' 1 / (1 + |a - b|)."""
    rng = random.Random(13)
    n = 60
    vectors = [[round(rng.uniform(-1, 1), 4) for _ in range(5)] for _ in range(n)]
    sets = [sorted(rng.sample(range(12), rng.randint(1, 6))) for _ in range(n)]
    numbers = [rng.randint(0, 40) for _ in range(n)]

    def cosine(a, b):
        dot = sum(x * y for x, y in zip(a, b))
        return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))

    def euclidean(a, b):
        return 1 / (1 + math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b))))

    def jaccard(a, b):
        return len(set(a) & set(b)) / len(set(a) | set(b))

    def best(sim, k=3):
        rows = []
        for v in range(n):
            scored = sorted(((sim(v, u), u) for u in range(n) if u != v), key=lambda t: (-t[0], t[1]))[:k]
            rows += [[v, u, s] for s, u in scored]
        return rows

    return {
        "vectors": vectors, "sets": sets, "numbers": numbers,
        "cosine": best(lambda v, u: cosine(vectors[v], vectors[u])),
        "euclidean": best(lambda v, u: euclidean(vectors[v], vectors[u])),
        "jaccard": best(lambda v, u: jaccard(sets[v], sets[u])),
        "cosineAndNumber": best(lambda v, u: (cosine(vectors[v], vectors[u]) + 1 / (1 + abs(numbers[v] - numbers[u]))) / 2),
    }


ONLY = {"deltaStepping": delta_stepping, "knn": knn}


def main():
    os.makedirs(OUT, exist_ok=True)
    if "--only" in sys.argv:
        name = sys.argv[sys.argv.index("--only") + 1]
        with open(os.path.join(OUT, f"{name}.json"), "w") as fh:
            json.dump(ONLY[name](), fh, indent=None, separators=(",", ":"))
        print("wrote", name, file=sys.stderr)
        return
    if "--structure-only" in sys.argv:
        structure()
        return
    rng = random.Random(7)
    graphs = [("karate", nx.karate_club_graph(), False)]
    karate = graphs[0][1]
    for u, v in karate.edges():
        karate[u][v]["weight"] = rng.randint(1, 9)
    d = nx.gnp_random_graph(60, 0.06, seed=7, directed=True)
    for u, v in d.edges():
        d[u][v]["weight"] = rng.randint(1, 9)
    graphs.append(("directed60", d, True))
    u = nx.gnp_random_graph(50, 0.06, seed=3)
    for a, b in u.edges():
        u[a][b]["weight"] = rng.randint(1, 9)
    graphs.append(("sparse50", u, True))
    for name, G, weighted in graphs:
        with open(os.path.join(OUT, f"{name}.json"), "w") as fh:
            json.dump(small(name, G, weighted), fh, indent=None, separators=(",", ":"))
        print("wrote", name, file=sys.stderr)
    structure()
    for name, make in ONLY.items():
        with open(os.path.join(OUT, f"{name}.json"), "w") as fh:
            json.dump(make(), fh, indent=None, separators=(",", ":"))
        print("wrote", name, file=sys.stderr)
    if "--skip-facebook" in sys.argv:
        return
    if os.path.exists(FACEBOOK):
        with open(os.path.join(OUT, "facebook.json"), "w") as fh:
            json.dump(facebook(), fh, indent=1)
        print("wrote facebook", file=sys.stderr)
    else:
        print("no", FACEBOOK, "- facebook fixture not written", file=sys.stderr)


if __name__ == "__main__":
    main()
