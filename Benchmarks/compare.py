#!/usr/bin/env python3
"""Quiver side by side with Kuzu on the workloads of ../shared/bench/queries.md.

Creates its own virtualenv (Benchmarks/.venv) with the peers from PyPI, builds quiver-bench in
release mode, runs each workload alternately (Quiver, peer, Quiver, peer, ...) so that machine
drift cancels, checks both systems did the same work, and prints one JSON line per measurement
followed by a table of medians and the ratio Quiver/peer.

Usage: python3 Benchmarks/compare.py [--workloads w1] [--rounds 5] [--statements 10000]
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
    subprocess.run(["swift", "build", "-c", "release", "--package-path", HERE], check=True,
                   stdout=sys.stderr)
    out = subprocess.run(["swift", "build", "-c", "release", "--package-path", HERE, "--show-bin-path"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(out, "QuiverBench")


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


def main():
    ensure_venv()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", default="w1")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--statements", type=int, default=10000)
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
    print()
    print("| workload | Quiver median | Kuzu median | Quiver/Kuzu time | peak RSS Quiver / Kuzu | note |")
    print("|---|---:|---:|---:|---:|---|")
    for name, q, k, qr, kr, note in rows:
        print("| %s | %.3f s | %.3f s | %.3f | %.0f MB / %.0f MB | %s |" % (name, q, k, q / k, qr / 1e6, kr / 1e6, note))


if __name__ == "__main__":
    main()
