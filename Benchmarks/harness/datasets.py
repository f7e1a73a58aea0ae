"""The datasets of ../shared/bench/queries.md, generated into /tmp/quiver-bench-NAME on first use,
and the query parameters queries.md derives from them."""

import os
import subprocess
import sys

from .environment import ROOT

BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")

# name -> arguments of gen_social.py or snap_to_csv.py, and what queries.md runs on it:
# Q7 (triangles), A3 (closeness) and exact betweenness (else `sources` sampled sources).
DATASETS = {
    "tiny": {"generate": ["--nodes", "1000", "--edges", "5000", "--seed", "42"], "triangles": True,
             "closeness": True, "sources": None},
    "sf10k": {"generate": ["--preset", "sf10k"], "triangles": True, "closeness": True, "sources": None},
    "sf100k": {"generate": ["--preset", "sf100k"], "triangles": False, "closeness": False, "sources": 1000},
    "sf1m": {"generate": ["--preset", "sf1m"], "triangles": False, "closeness": False, "sources": 100},
    "sf10m": {"generate": ["--nodes", "10000000", "--edges", "100000000"], "triangles": False, "closeness": False,
              "sources": 10},
    "enron": {"snap": "email-Enron.txt.gz", "triangles": False, "closeness": False, "sources": None},
    "facebook": {"snap": "facebook_combined.txt.gz", "triangles": True, "closeness": True, "sources": None},
}


def ensure(name):
    """The directory with nodes.csv and edges.csv of dataset `name`, made when missing."""
    if name not in DATASETS:
        sys.exit("unknown dataset %s (known: %s)" % (name, ", ".join(DATASETS)))
    directory = os.path.join("/tmp", "quiver-bench-" + name)
    if os.path.exists(os.path.join(directory, "edges.csv")):
        return directory
    spec = DATASETS[name]
    if "snap" in spec:
        command = [sys.executable, os.path.join(BENCH, "snap_to_csv.py"), os.path.join(BENCH, "data", spec["snap"]),
                   directory]
    else:
        command = [sys.executable, os.path.join(BENCH, "gen_social.py")] + spec["generate"] + [directory]
    print("generating %s into %s" % (name, directory), file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)
    return directory


def parameters(directory):
    """hub, typical, farthest and the Q1 ids, as queries.md defines them: computed here once per
    dataset and passed to Quiver and the peers alike."""
    with open(os.path.join(directory, "nodes.csv")) as f:
        n = sum(1 for _ in f) - 1
    out = [[] for _ in range(n)]
    with open(os.path.join(directory, "edges.csv")) as f:
        next(f)
        for line in f:
            s, d = line.split(",", 2)[:2]
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
    return {"nodes": n, "edges": sum(degrees), "hub": hub, "typical": typical, "farthest": dist.index(far),
            "ids": [(k * 7919) % n for k in range(1000)]}
