#!/usr/bin/env python3
"""`quiver serve` through the official neo4j Python driver on loopback, beside FalkorDB through its
Python client on loopback and Kuzu (or LadybugDB, Kuzu's successor, with --ladybug --no-kuzu: the
two modules cannot be loaded into one process) through their Python APIs in process: the Q1 point lookup and Q2/Q3 of ../shared/bench/queries.md, latency median and p99, and
the throughput of Q1 with 1 and with 8 client processes.

  python3 Benchmarks/bolt_bench.py                       # sf100k, every peer it can start
  python3 Benchmarks/bolt_bench.py --dataset sf10k --seconds 2 --no-falkordb
  python3 Benchmarks/bolt_bench.py --quiver .build/release/quiver   # skip the release build
  python3 Benchmarks/bolt_bench.py --load-falkordb       # load FalkorDB once and leave it serving,
  python3 Benchmarks/bolt_bench.py --falkordb-port PORT  # then measure against it (loading sf100k
                                                         # into FalkorDB takes minutes)

Creates or completes Benchmarks/.venv (as compare.py does) with the neo4j driver (and its Rust
extension), the falkordb client, kuzu and ladybug; builds `quiver` in release mode; generates the dataset into
/tmp/quiver-bench-NAME; bulk-loads it into a fresh Quiver directory (`quiver import`, then an index
on Person.id) and serves it with `quiver serve --no-auth` on a free loopback port; starts FalkorDB
with ../shared/bench/falkordb.sh (built once, a few minutes) and loads the same graph with an index
on Person.id. The latency workloads then run alternately, system after system, for `--rounds`
rounds, so that machine drift cancels; every system's answers (rows found, counts) must agree, or
the run ends with status 1. Q1 is one auto-commit statement per round trip (the driver's
`session.run`, FalkorDB's `ro_query`); the throughput clients are separate processes, each with
its own connection, running Q1 over the 1,000 ids for `--seconds`. Prints one JSON line per
measurement, then the table of docs/server.md.
"""

import argparse
import json
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "peers"))

from harness import datasets, environment  # noqa: E402

# neo4j-rust-ext is the driver's official accelerator (PackStream in Rust), a drop-in that
# applications use in production; --pure-python-driver runs without it.
REQUIREMENTS = ["kuzu==0.11.3", "neo4j==6.4.1", "neo4j-rust-ext==6.4.1.0", "falkordb==1.8.1", "ladybug==0.22.0"]
MODULES = ["kuzu", "neo4j", "neo4j._rust", "falkordb", "ladybug"]
FALKORDB_SH = os.path.join(datasets.BENCH, "falkordb.sh")

Q1 = "MATCH (p:Person {id: $id}) RETURN p.name, p.age, p.city"
Q2 = "MATCH (a:Person {id: $id})-[:KNOWS]->(b:Person) RETURN count(b)"
Q3 = ("MATCH (a:Person {id: $id})-[:KNOWS]->(:Person)-[:KNOWS]->(c:Person) WHERE c.id <> $id "
      "RETURN count(DISTINCT c)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("nothing listens on port %d after %d s" % (port, seconds))


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# Clients: each runs one statement and returns its rows as lists. `connect()` makes one per
# process (the throughput clients build their own after the fork).

class QuiverClient:
    name = "Quiver (Bolt, neo4j driver)"

    def __init__(self, port):
        self.port = port

    def connect(self):
        from neo4j import GraphDatabase
        self.driver = GraphDatabase.driver("bolt://127.0.0.1:%d" % self.port, auth=None)
        self.session = self.driver.session(database="neo4j")
        return self

    def rows(self, query, **parameters):
        return self.session.run(query, parameters).values()

    def close(self):
        self.session.close()
        self.driver.close()


class FalkorClient:
    name = "FalkorDB (falkordb client)"

    def __init__(self, port):
        self.port = port

    def connect(self):
        from falkordb import FalkorDB
        self.graph = FalkorDB(host="127.0.0.1", port=self.port).select_graph("social")
        return self

    def rows(self, query, **parameters):
        return self.graph.ro_query(query, parameters).result_set

    def close(self):
        pass


class EmbeddedClient:
    """Kuzu or LadybugDB in this process (their Python APIs are the same)."""

    def __init__(self, name, module):
        self.name = name
        self.module = module

    def connect(self):
        return self

    def load(self, directory):
        import kuzu_peer
        self.conn = self.module.Connection(self.module.Database(":memory:"))
        self.conn.execute(kuzu_peer.PERSON)
        self.conn.execute(kuzu_peer.KNOWS)
        kuzu_peer.copy(self.conn, directory)

    def rows(self, query, **parameters):
        result = self.conn.execute(query, parameters)
        out = []
        while result.has_next():
            out.append(result.get_next())
        return out

    def close(self):
        pass


# Loading.

def start_quiver(binary, directory, scratch):
    db = os.path.join(scratch, "graph.quiver")
    subprocess.run([binary, "import", "--db", db, "--nodes", "Person=" + os.path.join(directory, "nodes.csv"),
                    "--relationships", "KNOWS=" + os.path.join(directory, "edges.csv")], check=True,
                   stdout=sys.stderr)
    subprocess.run([binary, "--db", db, "-c", "CREATE INDEX person_id FOR (p:Person) ON (p.id)"], check=True,
                   stdout=sys.stderr)
    port = free_port()
    server = subprocess.Popen([binary, "serve", db, "--no-auth", "--listen", "127.0.0.1:%d" % port])
    wait_for_port(port)
    return server, QuiverClient(port)


def falkordb_environment(port):
    return dict(os.environ, PIP=os.path.join(sys.prefix, "bin", "pip"), FALKOR_PORT=str(port),
                FALKOR_DIR=os.environ.get("FALKOR_DIR", "/tmp/quiver-bench-falkordb"))


def start_falkordb(directory):
    port = free_port()
    env = falkordb_environment(port)
    subprocess.run(["bash", FALKORDB_SH, "start"], check=True, env=env, stdout=sys.stderr)
    wait_for_port(port)
    client = FalkorClient(port).connect()
    graph = client.graph
    graph.query("CREATE INDEX FOR (p:Person) ON (p.id)")
    # Rows travel as lists in the query text (the client inlines parameters), the shortest form.
    batch = 50000

    def load(path, query, convert):
        with open(path) as f:
            next(f)
            rows = []
            for line in f:
                rows.append(convert(line.rstrip("\n").split(",")))
                if len(rows) == batch:
                    graph.query(query, {"rows": rows})
                    rows = []
            if rows:
                graph.query(query, {"rows": rows})

    load(os.path.join(directory, "nodes.csv"),
         "UNWIND $rows AS r CREATE (:Person {id: r[0], name: r[1], age: r[2], city: r[3]})",
         lambda f: [int(f[0]), f[1], int(f[2]), f[3]])
    load(os.path.join(directory, "edges.csv"),
         "UNWIND $rows AS r MATCH (a:Person {id: r[0]}), (b:Person {id: r[1]}) "
         "CREATE (a)-[:KNOWS {since: r[2], weight: r[3]}]->(b)",
         lambda f: [int(f[0]), int(f[1]), int(f[2]), float(f[3])])
    return port, client


def stop_falkordb(port):
    subprocess.run(["bash", FALKORDB_SH, "stop"], env=falkordb_environment(port), stdout=sys.stderr)


# Workloads.

def latency(client, ids, params, repetitions):
    """Per-statement round trips: Q1 over the ids, Q2 and Q3 on hub and typical. Returns
    {workload: (times, answer)}."""
    out = {}
    times, found = [], 0
    for i in ids:
        start = time.perf_counter()
        rows = client.rows(Q1, id=i)
        times.append(time.perf_counter() - start)
        found += len(rows)
    out["Q1"] = (times, found)
    for query_name, query in (("Q2", Q2), ("Q3", Q3)):
        for which in ("hub", "typical"):
            times, answer = [], None
            while len(times) < repetitions and sum(times) < 5:
                start = time.perf_counter()
                rows = client.rows(query, id=params[which])
                times.append(time.perf_counter() - start)
                answer = rows[0][0]
            out["%s-%s" % (query_name, which)] = (times, answer)
    return out


def throughput_client(client, ids, seconds, barrier, results):
    client = client.connect()
    client.rows(Q1, id=ids[0])
    barrier.wait()
    count, k, end = 0, 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        client.rows(Q1, id=ids[k])
        k = (k + 1) % len(ids)
        count += 1
    client.close()
    results.put(count)


def throughput(client, ids, processes, seconds):
    """Q1 statements per second over `processes` client processes, each with its own connection."""
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(processes + 1), context.Queue()
    workers = [context.Process(target=throughput_client, args=(client, ids, seconds, barrier, results))
               for _ in range(processes)]
    for w in workers:
        w.start()
    barrier.wait()
    start = time.perf_counter()
    total = sum(results.get() for _ in workers)
    elapsed = time.perf_counter() - start
    for w in workers:
        w.join()
    return total / max(elapsed, seconds)


def ms(seconds):
    return "%.3f ms" % (seconds * 1e3) if seconds < 0.01 else "%.1f ms" % (seconds * 1e3)


def table(systems, medians, p99s, rates, answers, dataset):
    names = [s.name for s in systems]
    lines = ["| %s (%s) | %s |" % ("workload", dataset, " | ".join(names)),
             "|---|" + "---:|" * len(names)]
    for workload in ("Q1", "Q2-hub", "Q2-typical", "Q3-hub", "Q3-typical"):
        cells = []
        for s in systems:
            m = medians.get((s.name, workload))
            cells.append("%s / %s" % (ms(m), ms(p99s[(s.name, workload)])) if m is not None else "-")
        lines.append("| %s median / p99 (answer %s) | %s |" % (workload, answers.get(workload), " | ".join(cells)))
    for n in sorted({n for (_, n) in rates}):
        cells = ["%.0f/s" % rates[(s.name, n)] if (s.name, n) in rates else "-" for s in systems]
        lines.append("| Q1 throughput, %d client process%s | %s |" % (n, "" if n == 1 else "es", " | ".join(cells)))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="sf100k")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repetitions", type=int, default=50, help="Q2/Q3 runs per round (at most 5 s)")
    parser.add_argument("--seconds", type=float, default=5, help="length of each throughput run")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--quiver", help="a release build of quiver (else built here)")
    parser.add_argument("--no-falkordb", action="store_true")
    parser.add_argument("--falkordb-port", type=int,
                        help="use a FalkorDB already serving the dataset on this port (see --load-falkordb)")
    parser.add_argument("--load-falkordb", action="store_true",
                        help="only start FalkorDB, load the dataset, print its port and leave it running")
    parser.add_argument("--no-kuzu", action="store_true")
    parser.add_argument("--ladybug", action="store_true",
                        help="also LadybugDB (its module cannot share a process with kuzu: add --no-kuzu)")
    parser.add_argument("--pure-python-driver", action="store_true",
                        help="the neo4j driver without its Rust extension")
    options = parser.parse_args()

    environment.ensure_venv(REQUIREMENTS, MODULES)
    if options.load_falkordb:
        port, _ = start_falkordb(datasets.ensure(options.dataset))
        print("FalkorDB serves %s on port %d; stop it with FALKOR_PORT=%d bash %s stop" % (
            options.dataset, port, port, FALKORDB_SH))
        return
    if options.pure_python_driver:
        sys.modules["neo4j._rust"] = None  # the driver then falls back to its Python PackStream
        QuiverClient.name = "Quiver (Bolt, pure-Python neo4j driver)"
    binary = options.quiver or environment.build_quiver("quiver")
    directory = datasets.ensure(options.dataset)
    params = datasets.parameters(directory)
    ids = params["ids"]
    scratch = tempfile.mkdtemp(prefix="quiver-bolt-bench-")

    systems, servers, falkor_port = [], [], None
    load_times = {}
    try:
        start = time.perf_counter()
        server, quiver = start_quiver(binary, directory, scratch)
        servers.append(server)
        systems.append(quiver.connect())
        load_times[quiver.name] = time.perf_counter() - start
        if options.falkordb_port:
            systems.append(FalkorClient(options.falkordb_port).connect())
        elif not options.no_falkordb:
            start = time.perf_counter()
            falkor_port, falkor = start_falkordb(directory)
            systems.append(falkor)
            load_times[falkor.name] = time.perf_counter() - start
        embedded = []
        if not options.no_kuzu:
            import kuzu
            embedded.append(EmbeddedClient("Kuzu (in process)", kuzu))
        if options.ladybug:
            import ladybug
            embedded.append(EmbeddedClient("LadybugDB (in process)", ladybug))
        for client in embedded:
            start = time.perf_counter()
            client.load(directory)
            systems.append(client)
            load_times[client.name] = time.perf_counter() - start
        print(json.dumps({"load_s": load_times}), file=sys.stderr)

        samples, answers, failures = {}, {}, []
        for round_number in range(options.rounds):
            for client in systems:
                for workload, (times, answer) in latency(client, ids, params, options.repetitions).items():
                    samples.setdefault((client.name, workload), []).extend(times)
                    print(json.dumps({"system": client.name, "workload": workload, "round": round_number + 1,
                                      "median_s": statistics.median(times), "answer": answer}), flush=True)
                    expected = answers.setdefault(workload, answer)
                    if answer != expected:
                        failures.append("%s: %s answered %s, %s answered %s" % (
                            workload, systems[0].name, expected, client.name, answer))
        medians = {key: statistics.median(t) for key, t in samples.items()}
        p99s = {key: percentile(t, 99) for key, t in samples.items()}

        rates = {}
        for client in systems:
            if isinstance(client, EmbeddedClient):
                continue  # in process: no server to share between client processes
            for processes in (1, options.clients):
                rates[(client.name, processes)] = throughput(client, ids, processes, options.seconds)
                print(json.dumps({"system": client.name, "workload": "Q1-throughput", "clients": processes,
                                  "per_s": rates[(client.name, processes)]}), flush=True)
    finally:
        for client in systems:
            client.close()
        for server in servers:
            server.terminate()
            server.wait()
        if falkor_port:
            stop_falkordb(falkor_port)
        shutil.rmtree(scratch, ignore_errors=True)

    print()
    print(table(systems, medians, p99s, rates, answers, options.dataset))
    q = systems[0].name
    if not options.no_falkordb:
        f = systems[1].name
        print("\nQ1 median round trip Quiver / FalkorDB: %.2fx (goal <= 1.0)" % (
            medians[(q, "Q1")] / medians[(f, "Q1")]))
    print("Q1 throughput %d clients / 1 client (Quiver): %.2fx (goal >= 1.5)" % (
        options.clients, rates[(q, options.clients)] / rates[(q, 1)]))
    if failures:
        print("\n!!! ANSWERS DIFFER:\n!!! " + "\n!!! ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
