#!/usr/bin/env python3
"""Getting data in and out, Quiver beside Kuzu and LadybugDB (docs/data.md's "Measured" table).

  python3 Benchmarks/loading.py --dataset sf100k [--rounds 2] [--quiver-bench PATH] [--skip-kuzu]

Workloads, each run in a process of its own (peak RSS from wait4, as compare.py measures), the
systems alternating round by round:
  LOAD-CSV  LOAD CSV … CALL { … } IN TRANSACTIONS OF 10000 ROWS creating the persons, then the
            KNOWS relationships (ends found through an index on Person.id), into a durable
            database; beside Kuzu's LOAD FROM … CREATE / MATCH … CREATE.
  IMPORT    `quiver import` of the neo4j-admin layout (typed header files) beside Kuzu's COPY FROM.
  DUMP      `quiver dump` of the imported database, then `quiver restore` of the script: time and
            size (Quiver only).
Uses the datasets and the virtualenv of compare.py, and quiver-bench's `load-csv`, `import-neo4j`,
`dump` and `restore` workloads (the same code paths as LOAD CSV, `quiver import`, `quiver dump` and
`quiver restore`), built in release mode (or given with --quiver-bench).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import datasets, environment  # noqa: E402
from harness.processes import run  # noqa: E402

def neo4j_layout(directory):
    """The dataset in neo4j-admin's layout (header files apart), written once next to it."""
    out = os.path.join(directory, "neo4j")
    if os.path.exists(os.path.join(out, "knows.csv")):
        return out
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "person-header.csv"), "w") as f:
        f.write("id:ID(Person),name,age:int,city\n")
    with open(os.path.join(out, "knows-header.csv"), "w") as f:
        f.write(":START_ID(Person),:END_ID(Person),since:int,weight:float\n")
    for source, target in (("nodes.csv", "people.csv"), ("edges.csv", "knows.csv")):
        with open(os.path.join(directory, source)) as f, open(os.path.join(out, target), "w") as g:
            next(f)
            shutil.copyfileobj(f, g)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="sf100k")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--quiver-bench", help="a release build of quiver-bench (default: build one)")
    parser.add_argument("--skip-kuzu", action="store_true")
    parser.add_argument("--workloads", default="load,import,dump", help="which of load, import, dump to run")
    args = parser.parse_args()
    # Only Kuzu is needed here: a venv that has it will do (compare.py's installs every peer).
    if not args.skip_kuzu and not environment.has_module("kuzu"):
        environment.ensure_venv()
    bench = args.quiver_bench or environment.build_quiver()
    directory = datasets.ensure(args.dataset)
    admin = neo4j_layout(directory)
    scratch = tempfile.mkdtemp(prefix="quiver-loading-")

    def record(system, workload, seconds, peak, **extra):
        line = {"system": system, "workload": workload, "dataset": args.dataset, "seconds": round(seconds, 2),
                "peak_rss_mb": round(peak / 1e6)}
        line.update(extra)
        print(json.dumps(line), flush=True)

    def quiver(workload, data, db):
        start = time.perf_counter()
        records, peak = run([bench, workload, "--data", data, "--db", db, "--dataset", args.dataset])
        wall = time.perf_counter() - start
        extra = {k: v for k, v in records[0].items() if k in ("rows_per_s", "persons_s", "bytes", "answer")}
        record("quiver", workload, records[0]["median_s"], peak, process_s=round(wall, 2), **extra)

    def kuzu(workload, db):
        """The workload on Kuzu and on LadybugDB (its fork, through the same peer script)."""
        for name, command in environment.database_peers():
            start = time.perf_counter()
            records, peak = run(command + [workload, directory, args.dataset, db + "-" + name.lower()])
            wall = time.perf_counter() - start
            extra = {k: v for k, v in records[0].items() if k in ("rows_per_s", "persons_s", "persons_per_s", "answer", "error")}
            record(name.lower(), workload, records[0]["median_s"], peak, process_s=round(wall, 2), **extra)

    try:
        chosen = args.workloads.split(",")
        for _ in range(args.rounds):
            if "load" in chosen:
                quiver("load-csv", directory, os.path.join(scratch, "load.quiver"))
                if not args.skip_kuzu:
                    kuzu("load", os.path.join(scratch, "kuzu-load"))
            if "import" in chosen or "dump" in chosen:
                quiver("import-neo4j", admin, os.path.join(scratch, "import.quiver"))
            if "import" in chosen and not args.skip_kuzu:
                kuzu("copy", os.path.join(scratch, "kuzu-copy"))
            if "dump" in chosen:
                dump = os.path.join(scratch, "dump.cypher")
                quiver("dump", dump, os.path.join(scratch, "import.quiver"))
                quiver("restore", dump, os.path.join(scratch, "restored.quiver"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
