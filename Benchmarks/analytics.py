#!/usr/bin/env python3
"""Quiver's graph analytics side by side with python-igraph on a generated social graph.

Generates sf100k with ../shared/bench/gen_social.py (into /tmp unless --data is given), builds
quiver-bench in release mode, runs its `analytics` workload
and times the same algorithms with igraph (installed into Benchmarks/.venv on first use), then
prints the medians and the ratio Quiver/igraph.

Quiver's algorithm times run on a cached projection (CSR graph) and include turning results into
dictionaries keyed by node id; the projection rows show the cost of building it from the store,
which a first call pays. igraph's times likewise exclude building its graph. igraph's PageRank is PRPACK (a direct
solve) while Quiver runs 20 power iterations; sampled betweenness uses 100 sources on both sides
(igraph: subset betweenness from 100 random sources).

Usage: python3 Benchmarks/analytics.py [--data DIR] [--repetitions 5]
"""

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")



def ensure_venv():
    """Re-executes this script inside Benchmarks/.venv with igraph installed."""
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        if not os.path.exists(os.path.join(VENV, "bin", "python")):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        os.execv(os.path.join(VENV, "bin", "python"), [os.path.join(VENV, "bin", "python")] + sys.argv)
    try:
        import igraph  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "igraph"], check=True)


def quiver(data, repetitions):
    """Builds and runs quiver-bench analytics; returns {workload: median seconds}."""
    args = ["swift", "build", "-c", "release", "--package-path", ROOT, "--product", "quiver-bench"]
    subprocess.run(args, check=True, stdout=sys.stderr)
    bin_path = subprocess.run(args + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    env = dict(os.environ, QUIVER_BENCH_DATA=data)
    out = subprocess.run([os.path.join(bin_path, "quiver-bench"), "analytics", "--repetitions", str(repetitions)],
                         check=True, capture_output=True, text=True, env=env).stdout
    results = {}
    for line in out.splitlines():
        m = json.loads(line)
        print(line)
        results[m["workload"].removeprefix("analytics-")] = (m["median_s"], m.get("result"))
    return results


def igraph_times(data, repetitions):
    """Loads the graph into igraph and times each algorithm; returns {workload: median seconds}."""
    import igraph as ig
    with open(os.path.join(data, "nodes.csv")) as fh:
        n = sum(1 for _ in fh) - 1
    edges, weights = [], []
    with open(os.path.join(data, "edges.csv")) as fh:
        for row in csv.DictReader(fh):
            edges.append((int(row["src"]), int(row["dst"])))
            weights.append(float(row["weight"]))
    g = ig.Graph(n=n, edges=edges, directed=True)
    g.es["weight"] = weights
    sources = random.Random(1).sample(range(n), 100)
    cases = {
        "pagerank": lambda: len(g.pagerank(damping=0.85)),
        "bfs": lambda: len(g.bfs(0, mode="out")[0]),
        "dijkstra": lambda: sum(1 for d in g.distances(source=0, weights="weight", mode="out")[0] if d != float("inf")),
        "wcc": lambda: len(g.connected_components(mode="weak")),
        "betweenness-100": lambda: len(g.betweenness(sources=sources, directed=True)),
    }
    results = {}
    for name, body in cases.items():
        times, result = [], None
        for _ in range(repetitions):
            start = time.perf_counter()
            result = body()
            times.append(time.perf_counter() - start)
        results[name] = (statistics.median(times), result)
        print(json.dumps({"system": "igraph", "workload": "analytics-" + name, "median_s": results[name][0],
                          "result": result, "igraph": ig.__version__}, sort_keys=True))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/tmp/sf100k")
    parser.add_argument("--repetitions", type=int, default=5)
    a = parser.parse_args()
    ensure_venv()
    if not os.path.exists(os.path.join(a.data, "edges.csv")):
        subprocess.run([sys.executable, os.path.join(ROOT, "..", "shared", "bench", "gen_social.py"),
                        "--preset", "sf100k", a.data], check=True)
    q = quiver(a.data, a.repetitions)
    i = igraph_times(a.data, a.repetitions)
    print(f"\n{'workload':<18}{'quiver s':>12}{'igraph s':>12}{'ratio':>9}   results (quiver / igraph)")
    for name, (qs, qr) in q.items():
        if name in i:
            gs, gr = i[name]
            print(f"{name:<18}{qs:>12.4f}{gs:>12.4f}{qs / gs:>9.2f}   {qr} / {gr}")
        else:
            print(f"{name:<18}{qs:>12.4f}{'-':>12}{'-':>9}   {qr}")


if __name__ == "__main__":
    main()
