#!/usr/bin/env python3
"""Round trip of a point lookup over HTTP (Query API, keep-alive, Basic auth) beside Bolt (the
official neo4j driver), against one `quiver serve --http` process on free loopback ports.

Run with a Python that has `neo4j` and `requests` (Tests/bolt/.venv after `pip install
requests`, for instance):  python scripts/bench-http.py [--bin .build/release/quiver] [--n 2000]
Prints the median and 99th percentile of each, in microseconds. A report, not a test.
"""
import argparse
import os
import socket
import statistics
import subprocess
import tempfile
import time

import requests
from neo4j import GraphDatabase

USER, PASSWORD = "bench", "bench-password-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def summary(name, samples):
    samples = sorted(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    print(f"{name:<30} median {statistics.median(samples) * 1e6:8.0f} µs   p99 {p99 * 1e6:8.0f} µs   (n={len(samples)})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release/quiver")
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    db = os.path.join(tempfile.mkdtemp(prefix="quiver-bench-http-"), "graph.quiver")
    subprocess.run([args.bin, "user", "add", USER, "--db", db], input=PASSWORD + "\n", text=True, check=True,
                   capture_output=True)
    bolt, http = free_port(), free_port()
    proc = subprocess.Popen([args.bin, "serve", db, "--listen", f"127.0.0.1:{bolt}", "--http", f"127.0.0.1:{http}"],
                            stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{http}"
        for _ in range(300):
            try:
                requests.get(base + "/session", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        web = requests.Session()
        web.auth = (USER, PASSWORD)
        url = base + "/db/neo4j/query/v2"
        for statement in ("CREATE INDEX FOR (p:P) ON (p.id)",
                          "UNWIND range(0, 9999) AS i CREATE (:P {id: i, name: 'p' + toString(i)})"):
            assert web.post(url, json={"statement": statement}).status_code == 202
        lookup = "MATCH (p:P {id: $id}) RETURN p.name AS name"
        samples = []
        for i in range(args.n):
            started = time.perf_counter()
            r = web.post(url, json={"statement": lookup, "parameters": {"id": i % 10000}})
            samples.append(time.perf_counter() - started)
            assert r.json()["data"]["values"] == [[f"p{i % 10000}"]]
        summary("HTTP Query API, Basic auth", samples[100:])
        # A browser-style login: the cookie and CSRF token skip reading users.json per request.
        cookie = requests.Session()
        csrf = cookie.post(base + "/login", json={"user": USER, "password": PASSWORD}).json()["csrf"]
        cookie.headers["X-Quiver-CSRF"] = csrf
        samples = []
        for i in range(args.n):
            started = time.perf_counter()
            r = cookie.post(url, json={"statement": lookup, "parameters": {"id": i % 10000}})
            samples.append(time.perf_counter() - started)
            assert r.json()["data"]["values"] == [[f"p{i % 10000}"]]
        summary("HTTP Query API, login cookie", samples[100:])
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=(USER, PASSWORD)) as driver:
            with driver.session() as session:
                samples = []
                for i in range(args.n):
                    started = time.perf_counter()
                    record = session.run(lookup, id=i % 10000).single()
                    samples.append(time.perf_counter() - started)
                    assert record["name"] == f"p{i % 10000}"
        summary("Bolt (neo4j driver)", samples[100:])
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
