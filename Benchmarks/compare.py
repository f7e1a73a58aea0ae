#!/usr/bin/env python3
"""Quiver side by side with Kuzu on the workloads of ../shared/bench/queries.md.

Creates its own virtualenv (Benchmarks/.venv) with the peers from PyPI, builds quiver-bench in
release mode, runs each workload alternately (Quiver, peer, Quiver, peer, ...) so that machine
drift cancels, checks both systems did the same work, and prints one JSON line per measurement
followed by a table of medians and the ratio Quiver/peer.

Usage: python3 Benchmarks/compare.py [--workloads w1,queries] [--dataset sf10k] [--rounds 3]
       [--statements 10000] [--triangles]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
PEERS = ["kuzu==0.11.3"]
CITIES = ["Lisbon", "Porto", "Madrid", "Seville", "Paris", "Berlin", "Rome", "Vienna"]


def ensure_venv():
    """Re-executes this script inside Benchmarks/.venv, creating it on first use."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q"] + PEERS, check=True)
    os.execv(python, [python] + sys.argv)


def build_quiver():
    root = os.path.dirname(HERE)
    subprocess.run(["swift", "build", "-c", "release", "--package-path", root, "--product", "quiver-bench"],
                   check=True, stdout=sys.stderr)
    out = subprocess.run(["swift", "build", "-c", "release", "--package-path", root, "--show-bin-path"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(out, "quiver-bench")


def quiver_w1(binary, statements):
    """One Quiver W1 run in its own process (peak RSS is per process)."""
    out = subprocess.run([binary, "w1", "--repetitions", "1", "--statements", str(statements)],
                         check=True, capture_output=True, text=True).stdout
    record = json.loads(out.strip().splitlines()[-1])
    return record["median_s"], record["peak_rss_bytes"]


KUZU_W1 = r'''
import kuzu, sys, tempfile, time, resource, json, os
statements = int(sys.argv[1])
cities = %r
if True:
    db = kuzu.Database(":memory:")  # in memory, like Quiver without a path
    conn = kuzu.Connection(db)
    conn.execute("CREATE NODE TABLE Person(id INT64, name STRING, age INT64, city STRING, PRIMARY KEY (id))")
    start = time.perf_counter()
    for i in range(statements):
        conn.execute("CREATE (:Person {id: $id, name: $name, age: $age, city: $city})",
                     {"id": i, "name": "person%%d" %% i, "age": 18 + i %% 60, "city": cities[i %% len(cities)]})
    elapsed = time.perf_counter() - start
    n = conn.execute("MATCH (p:Person) RETURN count(*)").get_next()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": elapsed, "count": n, "peak_rss_bytes": peak}))
''' % CITIES


def kuzu_w1(statements):
    out = subprocess.run([sys.executable, "-c", KUZU_W1, str(statements)], check=True,
                         capture_output=True, text=True).stdout
    record = json.loads(out.strip().splitlines()[-1])
    if record["count"] != statements:
        sys.exit("Kuzu W1 created %d nodes, expected %d" % (record["count"], statements))
    return record["seconds"], record["peak_rss_bytes"]


KUZU_QUERIES = r'''
import json, resource, sys, time
import kuzu
directory, triangles = sys.argv[1], sys.argv[2] == "1"
params = json.loads(sys.argv[3])
db = kuzu.Database(":memory:")
conn = kuzu.Connection(db)
conn.execute("CREATE NODE TABLE Person(id INT64, name STRING, age INT64, city STRING, PRIMARY KEY (id))")
conn.execute("CREATE REL TABLE KNOWS(FROM Person TO Person, since INT64, weight DOUBLE)")
out = {}
start = time.perf_counter()
conn.execute("COPY Person FROM '%s/nodes.csv' (HEADER=true)" % directory)
conn.execute("COPY KNOWS FROM '%s/edges.csv' (HEADER=true)" % directory)
out["L1"] = (time.perf_counter() - start, None)
def first(q, p=None):
    r = conn.execute(q, p or {})
    return r.get_next()[0] if r.has_next() else None
def timed(name, q, p=None):
    start = time.perf_counter()
    v = first(q, p)
    out[name] = (time.perf_counter() - start, v)
ids = params["ids"]
start = time.perf_counter()
found = 0
for i in ids:
    r = conn.execute("MATCH (p:Person {id: $id}) RETURN p.name, p.age, p.city", {"id": i})
    while r.has_next():
        r.get_next()
        found += 1
out["Q1"] = ((time.perf_counter() - start) / len(ids), found)
for name in ("hub", "typical"):
    i = params[name]
    timed("Q2-" + name, "MATCH (a:Person {id: $id})-[:KNOWS]->(b:Person) RETURN count(b)", {"id": i})
    timed("Q3-" + name, "MATCH (a:Person {id: $id})-[:KNOWS]->(:Person)-[:KNOWS]->(c:Person) WHERE c.id <> $id RETURN count(DISTINCT c)", {"id": i})
start = time.perf_counter()
r = conn.execute("MATCH (p:Person) RETURN p.city AS city, count(*) AS c ORDER BY c DESC, city")
rows = 0
while r.has_next():
    r.get_next()
    rows += 1
out["Q4"] = (time.perf_counter() - start, rows)
timed("Q5", "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.age < b.age RETURN count(*)")
timed("Q6", "MATCH p = (a:Person {id: $src})-[:KNOWS* SHORTEST 1..30]->(b:Person {id: $dst}) RETURN length(p)",
      {"src": params["typical"], "dst": params["farthest"]})
if triangles:
    timed("Q7", "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a) RETURN count(*)")
out["peak"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, None)
print(json.dumps(out))
'''


def dataset_parameters(directory):
    """hub, typical, farthest and the Q1 ids, as queries.md defines them."""
    with open(os.path.join(directory, "nodes.csv")) as f:
        n = sum(1 for _ in f) - 1
    out = [[] for _ in range(n)]
    with open(os.path.join(directory, "edges.csv")) as f:
        next(f)
        for line in f:
            s, d = line.split(",")[:2]
            out[int(s)].append(int(d))
    degrees = [len(x) for x in out]
    hub = max(range(n), key=lambda i: (degrees[i], -i))
    median = sorted(degrees)[n // 2]
    typical = next(i for i in range(n // 2, n) if degrees[i] == median)
    dist = [-1] * n
    dist[typical] = 0
    queue = [typical]
    for v in queue:
        for w in out[v]:
            if dist[w] < 0:
                dist[w] = dist[v] + 1
                queue.append(w)
    far = max(dist)
    return {"hub": hub, "typical": typical, "farthest": dist.index(far), "ids": [(k * 7919) % n for k in range(1000)]}


def ensure_dataset(name):
    directory = os.path.join("/tmp", "quiver-bench-" + name)
    if not os.path.exists(os.path.join(directory, "edges.csv")):
        generator = os.path.join(os.path.dirname(HERE), "..", "shared", "bench", "gen_social.py")
        subprocess.run([sys.executable, generator, "--preset", name, directory], check=True, stdout=sys.stderr)
    return directory


def run_queries(binary, args, rows):
    directory = ensure_dataset(args.dataset)
    params = dataset_parameters(directory)
    quiver, kuzu_runs = {}, {}
    for _ in range(args.rounds):
        command = [binary, "queries", "--data", directory, "--dataset", args.dataset, "--repetitions", "1"]
        if args.triangles:
            command.append("--triangles")
        lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()
        for line in lines:
            r = json.loads(line)
            quiver.setdefault(r["workload"], []).append((r["median_s"], r.get("answer"), r["peak_rss_bytes"]))
        out = subprocess.run([sys.executable, "-c", KUZU_QUERIES, directory, "1" if args.triangles else "0", json.dumps(params)],
                             check=True, capture_output=True, text=True).stdout
        for name, (t, v) in json.loads(out.strip().splitlines()[-1]).items():
            kuzu_runs.setdefault(name, []).append((t, v))
    kuzu_peak = max(t for t, _ in kuzu_runs.pop("peak"))
    for name, runs in quiver.items():
        if name not in kuzu_runs:
            continue
        q = statistics.median(t for t, _, _ in runs)
        k = statistics.median(t for t, _ in kuzu_runs[name])
        qa, ka = runs[-1][1], kuzu_runs[name][-1][1]
        if name != "L1" and (qa is None or ka is None or int(qa) != int(ka)):
            sys.exit("answers differ for %s: Quiver %s, Kuzu %s" % (name, qa, ka))
        q_rss = max(r for _, _, r in runs)
        print(json.dumps({"workload": name, "dataset": args.dataset, "quiver_median_s": q, "kuzu_median_s": k,
                          "answer": qa, "rounds": args.rounds}))
        rows.append((name + " (" + args.dataset + ")", q, k, q_rss, kuzu_peak, "answer %s" % (qa if qa is not None else "-")))


def main():
    ensure_venv()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", default="w1")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--statements", type=int, default=10000)
    parser.add_argument("--dataset", default="sf10k")
    parser.add_argument("--triangles", action="store_true")
    args = parser.parse_args()
    binary = build_quiver()
    rows = []
    if "w1" in args.workloads.split(","):
        q_times, k_times, q_rss, k_rss = [], [], 0, 0
        for _ in range(args.rounds):
            t, rss = quiver_w1(binary, args.statements)
            q_times.append(t)
            q_rss = max(q_rss, rss)
            t, rss = kuzu_w1(args.statements)
            k_times.append(t)
            k_rss = max(k_rss, rss)
        for system, times, rss in (("quiver", q_times, q_rss), ("kuzu", k_times, k_rss)):
            print(json.dumps({"system": system, "workload": "W1", "dataset": "%d statements" % args.statements,
                              "repetitions": len(times), "median_s": statistics.median(times),
                              "min_s": min(times), "max_s": max(times), "peak_rss_bytes": rss}))
        q, k = statistics.median(q_times), statistics.median(k_times)
        rows.append(("W1 %d single-statement CREATEs" % args.statements, q, k, q_rss, k_rss,
                     "%.0f vs %.0f statements/s" % (args.statements / q, args.statements / k)))
    if "queries" in args.workloads.split(","):
        run_queries(binary, args, rows)
    print()
    print("| workload | Quiver median | Kuzu median | Quiver/Kuzu time | peak RSS Quiver / Kuzu | note |")
    print("|---|---:|---:|---:|---:|---|")
    for name, q, k, qr, kr, note in rows:
        print("| %s | %.3f ms | %.3f ms | %.3f | %.0f MB / %.0f MB | %s |" % (name, q * 1e3, k * 1e3, q / k, qr / 1e6, kr / 1e6, note))


if __name__ == "__main__":
    main()
