#!/usr/bin/env python3
"""Kuzu, or LadybugDB (its maintained fork, with the same Python API) after `--engine ladybug`, on
the workloads of queries.md, one JSON line per measurement in the format of `quiver-bench`, so that
compare.py can check the answers against Quiver's.

  kuzu_peer.py w1 STATEMENTS                       in memory, one auto-committed CREATE each
  kuzu_peer.py queries DIR DATASET PARAMS [--triangles] [--repetitions N]
                                                   L1 (COPY FROM) and Q1-Q7, in memory; each query
                                                   run up to N times (default 5) until its runs
                                                   add up to a second, the median reported
  kuzu_peer.py durable STATEMENTS THREADS          on disk: one thread, then THREADS threads
  kuzu_peer.py store DIR DATASET PATH              COPY FROM into an on-disk database, CHECKPOINT
  kuzu_peer.py open PATH DATASET                   open that database and count its persons
  kuzu_peer.py load DIR DATASET PATH               LOAD FROM … CREATE persons, then LOAD FROM …
                                                   MATCH … CREATE KNOWS, into an on-disk database
  kuzu_peer.py copy DIR DATASET PATH               COPY FROM both files into an on-disk database

Every auto-committed statement of an on-disk Kuzu database is durable (its WAL is fdatasync'd
at commit). Kuzu runs one write transaction at a time and refuses a second one instead of
waiting, and has no group commit, so the threads of `durable` share one database and take turns
through a lock in this process.
"""

import json
import os
import shutil
import sys
import tempfile
import threading
import importlib
import time

from peer_timing import repeated

# `kuzu` or `ladybug`: the two modules cannot be loaded into one process, so the engine is chosen
# before the first import.
ENGINE = "kuzu"
if sys.argv[1:2] == ["--engine"]:
    ENGINE = sys.argv[2]
    del sys.argv[1:3]
kuzu = importlib.import_module(ENGINE)

CITIES = ["Lisbon", "Porto", "Madrid", "Seville", "Paris", "Berlin", "Rome", "Vienna"]
PERSON = "CREATE NODE TABLE Person(id INT64, name STRING, age INT64, city STRING, PRIMARY KEY (id))"
KNOWS = "CREATE REL TABLE KNOWS(FROM Person TO Person, since INT64, weight DOUBLE)"


def report(workload, dataset, seconds, answer=None, **extra):
    line = {"system": ENGINE, "workload": workload, "dataset": dataset, "median_s": seconds, "answer": answer}
    line.update(extra)
    print(json.dumps(line), flush=True)


def first(conn, query, parameters=None):
    result = conn.execute(query, parameters or {})
    return result.get_next()[0] if result.has_next() else None


def w1(statements):
    conn = kuzu.Connection(kuzu.Database(":memory:"))
    conn.execute(PERSON)
    start = time.perf_counter()
    for i in range(statements):
        conn.execute("CREATE (:Person {id: $id, name: $name, age: $age, city: $city})",
                     {"id": i, "name": "person%d" % i, "age": 18 + i % 60, "city": CITIES[i % len(CITIES)]})
    seconds = time.perf_counter() - start
    report("W1", "%d statements" % statements, seconds, {"nodes": first(conn, "MATCH (p:Person) RETURN count(*)")},
           statements_per_s=statements / seconds)


def copy(conn, directory):
    conn.execute("COPY Person FROM '%s/nodes.csv' (HEADER=true)" % directory)
    conn.execute("COPY KNOWS FROM '%s/edges.csv' (HEADER=true)" % directory)


def queries(directory, dataset, params, triangles, repetitions):
    conn = kuzu.Connection(kuzu.Database(":memory:"))
    conn.execute(PERSON)
    conn.execute(KNOWS)
    start = time.perf_counter()
    copy(conn, directory)
    report("L1", dataset, time.perf_counter() - start,
           {"nodes": first(conn, "MATCH (p:Person) RETURN count(*)"),
            "relationships": first(conn, "MATCH ()-[k:KNOWS]->() RETURN count(*)")})

    def measured(name, body, per=1):
        median, times, answer = repeated(repetitions, body)
        report(name, dataset, median / per, answer, repetitions=len(times), first_s=times[0] / per)

    def timed(name, query, parameters=None):
        measured(name, lambda: first(conn, query, parameters))

    ids = params["ids"]

    def lookups(text):
        found = 0
        for i in ids:
            result = conn.execute(*text(i))
            while result.has_next():
                result.get_next()
                found += 1
        return found

    measured("Q1", lambda: lookups(lambda i: ("MATCH (p:Person {id: $id}) RETURN p.name, p.age, p.city", {"id": i})),
             per=len(ids))
    # The same look-ups with the id written into the query text: Kuzu plans a parameterised
    # look-up as a scan, so both forms are reported.
    measured("Q1-literal", lambda: lookups(lambda i: ("MATCH (p:Person {id: %d}) RETURN p.name, p.age, p.city" % i,)),
             per=len(ids))
    for name in ("hub", "typical"):
        i = params[name]
        timed("Q2-" + name, "MATCH (a:Person {id: $id})-[:KNOWS]->(b:Person) RETURN count(b)", {"id": i})
        timed("Q3-" + name, "MATCH (a:Person {id: $id})-[:KNOWS]->(:Person)-[:KNOWS]->(c:Person) "
              "WHERE c.id <> $id RETURN count(DISTINCT c)", {"id": i})
    def grouped():
        result = conn.execute("MATCH (p:Person) RETURN p.city AS city, count(*) AS c ORDER BY c DESC, city")
        rows = 0
        while result.has_next():
            result.get_next()
            rows += 1
        return rows

    measured("Q4", grouped)
    timed("Q5", "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.age < b.age RETURN count(*)")
    timed("Q6", "MATCH p = (a:Person {id: $src})-[:KNOWS* SHORTEST 1..30]->(b:Person {id: $dst}) RETURN length(p)",
          {"src": params["typical"], "dst": params["farthest"]})
    if triangles:
        timed("Q7", "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a) RETURN count(*)")


def durable(statements, threads):
    for count in (1, threads):
        scratch = tempfile.mkdtemp(prefix="kuzu-bench-")
        try:
            db = kuzu.Database(os.path.join(scratch, "db"))
            kuzu.Connection(db).execute("CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY (id))")
            turn = threading.Lock()
            each = statements // count

            def writer(t):
                conn = kuzu.Connection(db)
                for i in range(each):
                    id = t * each + i
                    with turn:
                        conn.execute("CREATE (:Person {id: $id, name: $name})", {"id": id, "name": "person%d" % id})

            start = time.perf_counter()
            workers = [threading.Thread(target=writer, args=(t,)) for t in range(count)]
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            seconds = time.perf_counter() - start
            nodes = first(kuzu.Connection(db), "MATCH (p:Person) RETURN count(*)")
            name = "D1-fsync-1-thread" if count == 1 else "D1-fsync-%d-threads" % count
            report(name, "%d statements" % (each * count), seconds, {"nodes": nodes}, commits_per_s=each * count / seconds)
            del db
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def size(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)
    return os.path.getsize(path) if os.path.exists(path) else 0


def fresh(path):
    """A connection to a new on-disk database at `path` (leftovers removed) with both tables."""
    shutil.rmtree(path, ignore_errors=True)
    for leftover in (path, path + ".wal"):
        if os.path.isfile(leftover):
            os.remove(leftover)
    conn = kuzu.Connection(kuzu.Database(path))
    conn.execute(PERSON)
    conn.execute(KNOWS)
    return conn


def counts(conn):
    return {"nodes": first(conn, "MATCH (p:Person) RETURN count(*)"),
            "relationships": first(conn, "MATCH ()-[k:KNOWS]->() RETURN count(*)")}


def store(directory, dataset, path):
    start = time.perf_counter()
    conn = fresh(path)
    conn.execute("COPY Person FROM '%s/nodes.csv' (HEADER=true)" % directory)
    conn.execute("CHECKPOINT")
    node_bytes = size(path)
    conn.execute("COPY KNOWS FROM '%s/edges.csv' (HEADER=true)" % directory)
    conn.execute("CHECKPOINT")
    seconds = time.perf_counter() - start
    nodes = first(conn, "MATCH (p:Person) RETURN count(*)")
    relationships = first(conn, "MATCH ()-[k:KNOWS]->() RETURN count(*)")
    total = size(path)
    report("S1-store", dataset, seconds, {"nodes": nodes, "relationships": relationships}, snapshot_bytes=total,
           snapshot_bytes_per_node=node_bytes / max(nodes, 1),
           snapshot_bytes_per_relationship=(total - node_bytes) / max(relationships, 1))


def open_database(path, dataset):
    start = time.perf_counter()
    db = kuzu.Database(path)
    conn = kuzu.Connection(db)
    persons = first(conn, "MATCH (p:Person) RETURN count(*)")
    seconds = time.perf_counter() - start
    relationships = first(conn, "MATCH ()-[k:KNOWS]->() RETURN count(*)")
    report("O1-open", dataset, seconds, {"nodes": persons, "relationships": relationships})


def load(directory, dataset, path):
    """Row-by-row loading from CSV with Cypher (the counterpart of LOAD CSV … IN TRANSACTIONS)."""
    conn = fresh(path)
    start = time.perf_counter()
    conn.execute("LOAD FROM '%s/nodes.csv' (header=true) "
                 "CREATE (:Person {id: CAST(id AS INT64), name: name, age: CAST(age AS INT64), city: city})" % directory)
    persons = time.perf_counter() - start
    error = None
    try:
        conn.execute("LOAD FROM '%s/edges.csv' (header=true) "
                     "MATCH (a:Person {id: CAST(src AS INT64)}), (b:Person {id: CAST(dst AS INT64)}) "
                     "CREATE (a)-[:KNOWS {since: CAST(since AS INT64), weight: CAST(weight AS DOUBLE)}]->(b)" % directory)
    except RuntimeError as e:
        # Kuzu runs the statement as one transaction; on sf100k its buffer pool fills up.
        error = str(e)
    seconds = time.perf_counter() - start
    answer = counts(conn)
    report("LOAD-CSV", dataset, seconds, answer, persons_s=persons, persons_per_s=answer["nodes"] / persons,
           rows_per_s=(answer["nodes"] + answer["relationships"]) / seconds, error=error)


def copy_to_disk(directory, dataset, path):
    """The bulk loader (the counterpart of quiver import)."""
    conn = fresh(path)
    start = time.perf_counter()
    copy(conn, directory)
    conn.execute("CHECKPOINT")
    report("IMPORT", dataset, time.perf_counter() - start, counts(conn))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "w1":
        w1(int(args[0]))
    elif command == "queries":
        rest = args[3:]
        repetitions = int(rest[rest.index("--repetitions") + 1]) if "--repetitions" in rest else 5
        queries(args[0], args[1], json.loads(args[2]), "--triangles" in rest, repetitions)
    elif command == "durable":
        durable(int(args[0]), int(args[1]))
    elif command == "store":
        store(args[0], args[1], args[2])
    elif command == "open":
        open_database(args[0], args[1])
    elif command == "load":
        load(args[0], args[1], args[2])
    elif command == "copy":
        copy_to_disk(args[0], args[1], args[2])
    else:
        sys.exit("unknown workload " + command)


if __name__ == "__main__":
    main()
