#!/usr/bin/env python3
"""Quiver side by side with Kuzu and LadybugDB (loading, writes, durability, queries) and igraph (analytics).

Runs the workloads of ../shared/bench/queries.md plus the durability figures and Quiver's parse and
plan times. Creates its own virtualenv (Benchmarks/.venv) with the peers from PyPI, builds
quiver-bench in release mode, generates the datasets into /tmp/quiver-bench-NAME, and runs every
workload alternately (Quiver, Kuzu, LadybugDB, Quiver, ...; each run in a process of its own, whose
peak RSS the OS reports), so that machine drift cancels. Kuzu 0.11.3 is the last release before the
project was archived; LadybugDB is its maintained fork, run through the same peer script. Each row is
compared with the faster of the two, the other shown beside it. The answers of both systems are compared round
by round; any disagreement ends the run with status 1 and a message naming the workload and both
answers. Prints one JSON line per measurement, then the tables of medians.

  python3 Benchmarks/compare.py --scale tiny    # 1,000 persons: checks the harness (CI)
  python3 Benchmarks/compare.py --scale small   # sf10k and facebook (docs/performance.md's table)
  python3 Benchmarks/compare.py --scale large   # sf1m: 1M persons, 10M KNOWS
  python3 Benchmarks/compare.py --scale huge    # sf10m: 10M persons, 100M KNOWS; load and Q1-Q6
  python3 Benchmarks/compare.py --workloads w1,queries --dataset sf10k --rounds 3
  python3 Benchmarks/compare.py --scale small --docs     # also rewrite docs/performance.md's table
  python3 Benchmarks/compare.py --scale small --baseline OLD/quiver-bench   # this build against another
  python3 Benchmarks/compare.py --quiver-bench PATH      # measure that release build (no build here)

With --baseline, every peer is replaced by an earlier release build of quiver-bench, run with the same
arguments and alternated the same way, so the table's ratio column reads "this build / baseline" and
both builds' answers must agree.

Workloads: w1 (single-statement CREATEs, in memory), durable (fsync'd and group commits on disk),
queries (L1 load and Q1-Q7, in memory), store (load into an on-disk database and checkpoint, then
O1: open it in a fresh process), analytics (A0-A13 against igraph and NetworKit, A14-A15 Quiver alone), plan (Quiver's parse and plan
times), gql (Quiver alone: G1 a quantified path pattern against the equivalent variable-length
pattern, G2 SHORTEST 1 against shortestPath, as ratios), footprint (Quiver alone: resident bytes
per node and per relationship of the loaded store, with a structural estimate per part).
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import answers, datasets, environment, report  # noqa: E402
from harness.processes import ProcessFailed, run  # noqa: E402
from harness.scales import SCALES, WORKLOADS  # noqa: E402


class Run:
    """The measurements of one invocation, and what disagreed."""

    def __init__(self, binary, baseline=None):
        self.binary = binary
        self.baseline = baseline
        self.rows = []
        self.quiver_rows = []
        self.failures = []
        self.medians = {}

    def fail(self, message):
        self.failures.append(message)
        print("\n!!! " + message.replace("\n", "\n!!! ") + "\n", file=sys.stderr)

    def alternate(self, label, rounds, quiver_command, peer_name, peer_command):
        """Runs both commands `rounds` times, alternately. Returns {workload: [record per round]}
        for each system and the peak RSS of each system's processes, or None after a failure."""
        result = self.alternate_peers(label, rounds, quiver_command, [(peer_name, peer_command)])
        if result is None:
            return None
        quiver, peers, rss = result
        return quiver, peers[peer_name], rss

    def alternate_peers(self, label, rounds, quiver_command, peers):
        """`alternate` with several peers [(name, command)], each run after Quiver in every round.
        Returns Quiver's records, {peer name: records} and the peak RSS per system. With a
        baseline, the baseline build stands in for every peer and runs once per round."""
        if self.baseline:
            result = self.alternate_systems(label, rounds, quiver_command,
                                            [("baseline", [self.baseline] + quiver_command[1:])])
            if result is None:
                return None
            quiver, by_peer, rss = result
            return (quiver, {name: by_peer["baseline"] for name, _ in peers},
                    dict(rss, **{name: rss["baseline"] for name, _ in peers}))
        return self.alternate_systems(label, rounds, quiver_command, peers)

    def alternate_systems(self, label, rounds, quiver_command, peers):
        """Runs Quiver and then each of `peers` in every round; see `alternate_peers`."""
        quiver, by_peer = {}, {name: {} for name, _ in peers}
        rss = {"quiver": 0}
        rss.update({name: 0 for name, _ in peers})
        systems = [("quiver", quiver_command, quiver)] + [(name, command, by_peer[name]) for name, command in peers]
        for round_number in range(rounds):
            for system, command, into in systems:
                try:
                    records, peak = run(command)
                except ProcessFailed as error:
                    self.fail("%s: %s failed in round %d: %s" % (label, system, round_number + 1, error))
                    return None
                rss[system] = max(rss[system], peak)
                for r in records:
                    r["round"] = round_number + 1
                    r["peak_rss_bytes"] = peak
                    print(json.dumps(r, sort_keys=True))
                    into.setdefault(r["workload"], []).append(r)
        return quiver, by_peer, rss

    def check_answers(self, name, dataset, q_runs, p_runs, peer_name):
        """Fails the run at the first round whose answers differ between Quiver and the peer."""
        for q, p in zip(q_runs, p_runs):
            reasons = answers.differences(q.get("answer"), p.get("answer"))
            if reasons:
                self.fail("ANSWERS DIFFER in %s on %s, round %d: %s\n  Quiver: %s\n  %s: %s" % (
                    name, dataset, q["round"], "; ".join(reasons), json.dumps(q.get("answer")), peer_name,
                    json.dumps(p.get("answer"))))
                return

    def pair(self, label, dataset, quiver, peer, rss, peer_name, peer_workload=lambda name: name, note=None,
             partial=False):
        """Adds a table row per Quiver workload that the peer also ran, after checking answers; a
        `partial` peer runs only some of the workloads, and the others are not an error."""
        if self.baseline:
            peer_workload = lambda name: name  # noqa: E731 (the baseline runs the same workloads)
        for name, q_runs in quiver.items():
            p_runs = peer.get(peer_workload(name))
            if p_runs is None and partial:
                continue
            if p_runs is None and self.baseline:
                # An older build lacks workloads added since; they have nothing to be compared with.
                print("%s (%s): the baseline build has no %s; not compared" % (label, dataset, name))
                continue
            if p_runs is None:
                self.fail("%s (%s): %s gave no result for %s" % (label, dataset, peer_name, name))
                continue
            self.check_answers(name, dataset, q_runs, p_runs, peer_name)
            q_median = statistics.median(r["median_s"] for r in q_runs)
            p_median = statistics.median(r["median_s"] for r in p_runs)
            self.medians[(name, dataset, "quiver")] = q_median
            self.medians[(name, dataset, peer_name)] = p_median
            self.rows.append({
                "workload": name, "dataset": dataset, "peer": "baseline" if self.baseline else peer_name, "quiver_s": q_median, "peer_s": p_median,
                "quiver_rss": rss["quiver"], "peer_rss": rss[peer_name], "rounds": len(q_runs),
                "note": note(name, q_runs[-1], p_runs[-1]) if note else answers.summary(q_runs[-1].get("answer")),
            })

    def versus_databases(self, label, rounds, quiver_command, peer_arguments, dataset, peer_workload=lambda name: name,
                         note=None):
        """Runs Quiver against every database peer (Kuzu and LadybugDB) with the same arguments (or,
        when `peer_arguments` is a function, the peer's name applied to it) and adds a row per
        workload compared with the faster peer, the other shown beside it. Returns True when every
        run succeeded."""
        arguments = peer_arguments if callable(peer_arguments) else lambda _: peer_arguments
        peers = [(name, command + arguments(name)) for name, command in environment.database_peers()]
        if self.baseline:
            peers = peers[:1]
        result = self.alternate_peers(label, rounds, quiver_command, peers)
        if not result:
            return False
        quiver, by_peer, rss = result
        if self.baseline:
            self.pair(label, dataset, quiver, by_peer[peers[0][0]], rss, peers[0][0], peer_workload, note)
            return True
        for name, q_runs in quiver.items():
            medians = []
            for peer_name, _ in peers:
                p_runs = by_peer[peer_name].get(peer_workload(name))
                if p_runs is None:
                    self.fail("%s (%s): %s gave no result for %s" % (label, dataset, peer_name, name))
                    continue
                self.check_answers(name, dataset, q_runs, p_runs, peer_name)
                median = statistics.median(r["median_s"] for r in p_runs)
                self.medians[(name, dataset, peer_name)] = median
                medians.append((median, peer_name, p_runs))
            if not medians:
                continue
            medians.sort(key=lambda m: m[0])
            best, best_name, best_runs = medians[0]
            q_median = statistics.median(r["median_s"] for r in q_runs)
            self.medians[(name, dataset, "quiver")] = q_median
            self.medians[(name, dataset, "best peer")] = best
            self.rows.append({
                "workload": name, "dataset": dataset, "peer": best_name, "quiver_s": q_median, "peer_s": best,
                "quiver_rss": rss["quiver"], "peer_rss": rss[best_name], "rounds": len(q_runs),
                "others": [(other, median, rss[other]) for median, other, _ in medians[1:]],
                "note": note(name, q_runs[-1], best_runs[-1]) if note else answers.summary(q_runs[-1].get("answer")),
            })
        return True


def rate(key, unit):
    def note(_, q, p):
        return "%.0f vs %.0f %s" % (q[key], p[key], unit)
    return note


def w1(run_, options):
    n = options.statements
    run_.versus_databases("W1", options.rounds, [run_.binary, "w1", "--repetitions", "1", "--statements", str(n)],
                          ["w1", str(n)], "%d CREATEs, in memory" % n, note=rate("statements_per_s", "statements/s"))


def durable(run_, options):
    n, threads = options.durable_statements, options.threads
    many = "D1-fsync-%d-threads" % threads

    def peer_workload(name):
        return {"D2-group-1-thread": "D1-fsync-1-thread", "D2-group-%d-threads" % threads: many}.get(name, name)

    def note(name, qr, pr):
        text = "%.0f vs %.0f commits/s" % (qr["commits_per_s"], pr["commits_per_s"])
        if name.startswith("D2"):
            text += "; Quiver group commit (1 ms) beside the peer's fsync per commit (neither peer has group commit)"
        if "threads" in name:
            text += "; the peers refuse concurrent write transactions, so their threads take turns"
        return text

    run_.versus_databases(
        "durable", options.rounds,
        [run_.binary, "durable", "--repetitions", "1", "--statements", str(n), "--threads", str(threads)],
        ["durable", str(n), str(threads)], "%d commits, on disk" % n, peer_workload, note)


def queries(run_, options, name, directory, params):
    # Each query runs up to 5 times in each process (fewer once its runs add up to a second), on
    # both systems; the median is reported, and the first, cold run beside it.
    command = [run_.binary, "queries", "--data", directory, "--dataset", name, "--params", json.dumps(params),
               "--repetitions", "5"]
    peer = ["queries", directory, name, json.dumps(params), "--repetitions", "5"]
    if options.triangles or datasets.DATASETS[name]["triangles"]:
        command.append("--triangles")
        peer.append("--triangles")

    def cold_note(_, qr, pr):
        text = answers.summary(qr.get("answer"))
        if "first_s" in qr and "first_s" in pr:
            text += "; first run %s / %s" % (report.duration(qr["first_s"]), report.duration(pr["first_s"]))
        return text

    run_.versus_databases("queries", options.rounds, command, peer, name, note=cold_note)


# Analytics rows no peer has, with what the table says about them.
QUIVER_ONLY_ANALYTICS = {
    "A14-fastrp": "FastRP, 128 dimensions, from a named undirected graph, every row streamed through Cypher (no peer has FastRP)",
    "A15-knn": "exact k-NN (top 10) over age (igraph, NetworKit and networkx have no k-NN over node properties; "
               "refused above 20,000 nodes)",
    "A16-shared-named": "PageRank, WCC, label propagation and Louvain on one named undirected graph, projected for "
                        "them from a just-changed graph (projection included)",
    "A16-shared-inline": "the same four on inline projections from a just-changed graph (the projection cache "
                         "shares them: one read of the store per specification)",
}

GQL_PAIRS = [("G1-qpp", "G1-varlength"), ("G2-shortest1", "G2-shortestPath")]


def gql(run_, options, name, directory, params):
    """Quiver alone: each GQL form against the classic form it is planned as, in the same
    process and rounds; the row gives the ratio of the medians (the target is 1.2x or less)."""
    only = ",".join(w for pair in GQL_PAIRS for w in pair)
    command = [run_.binary, "queries", "--data", directory, "--dataset", name, "--params", json.dumps(params),
               "--repetitions", "5", "--only", only]
    result = run_.alternate_systems("gql", options.rounds, command, [])
    if result is None:
        return
    quiver, _, _ = result
    for form, classic in GQL_PAIRS:
        runs, base = quiver.get(form), quiver.get(classic)
        if not runs or not base:
            run_.fail("gql: %s or %s did not run" % (form, classic))
            continue
        if {r.get("answer") for r in runs} != {r.get("answer") for r in base}:
            run_.fail("gql: %s answered %s, %s answered %s" % (
                form, runs[0].get("answer"), classic, base[0].get("answer")))
        median = statistics.median(r["median_s"] for r in runs)
        classic_median = statistics.median(r["median_s"] for r in base)
        note = "%s / %s = %.2fx; answer %s" % (form, classic, median / classic_median, runs[0].get("answer"))
        run_.quiver_rows.append({"workload": form, "dataset": name, "value": report.duration(median), "note": note})


FOOTPRINT_PARTS = ["relationship table", "relationship properties", "adjacency", "node table", "node properties",
                   "label index", "property indexes"]


def footprint(run_, options, name, directory):
    """F1: bytes per relationship (the row's value) and per node of the loaded store, from resident
    memory; the note gives the structural estimate per part, per relationship or per node, and what
    the columns built by the first Q4 and Q5 add. The peers have no such figure; the baseline is
    left out too (a build from before this workload does not know it)."""
    command = [run_.binary, "footprint", "--data", directory, "--dataset", name]
    result = run_.alternate_systems("footprint", options.rounds, command, [])
    if result is None:
        return

    def figures(records):
        per_rel = statistics.median(r["bytes_per_relationship"] for r in records)
        per_node = statistics.median(r["bytes_per_node"] for r in records)
        last = records[-1]
        rels, nodes = last["answer"]["relationships"], last["answer"]["nodes"]
        parts = last.get("components", {})
        shown = []
        for part in FOOTPRINT_PARTS:
            if part in parts:
                per = rels if part.startswith("relationship") or part == "adjacency" else nodes
                shown.append("%s %.0f" % (part, parts[part] / per))
        return per_rel, per_node, "%.0f B/node; estimate per relationship or node: %s; first-use columns %s" % (
            per_node, ", ".join(shown), report.megabytes(last.get("first_use_columns_bytes")))

    quiver, _, _ = result
    runs = quiver.get("F1-footprint")
    if not runs:
        run_.fail("footprint: no F1 line on %s" % name)
        return
    per_rel, _, note = figures(runs)
    value = "%.0f B/rel" % per_rel
    run_.quiver_rows.append({"workload": "F1-footprint", "dataset": name, "value": value, "note": note})


def store(run_, options, name, directory):
    scratch = tempfile.mkdtemp(prefix="quiver-bench-store-")
    try:
        quiver_db = os.path.join(scratch, "quiver")

        def peer_db(peer):
            return os.path.join(scratch, peer.lower())

        def bytes_note(_, qr, pr):
            return "snapshot %.1f B/person, %.1f B/KNOWS (%s); peer's file %.1f B/person, %.1f B/KNOWS (%s)" % (
                qr["snapshot_bytes_per_node"], qr["snapshot_bytes_per_relationship"], report.megabytes(qr["snapshot_bytes"]),
                pr["snapshot_bytes_per_node"], pr["snapshot_bytes_per_relationship"], report.megabytes(pr["snapshot_bytes"]))

        if not run_.versus_databases("store", 1, [run_.binary, "store", "--data", directory, "--dataset", name,
                                                  "--db", quiver_db],
                                     lambda peer: ["store", directory, name, peer_db(peer)], name, note=bytes_note):
            return

        def open_note(_, qr, __):
            load = run_.medians.get(("L1", name, "quiver")), run_.medians.get(("L1", name, "best peer"))
            text = answers.summary(qr.get("answer"))
            if load[0] and load[1]:
                text += "; loading the CSV files (L1) takes %s / %s" % (report.duration(load[0]), report.duration(load[1]))
            return text

        run_.versus_databases("open", options.rounds, [run_.binary, "open", "--db", quiver_db, "--dataset", name],
                              lambda peer: ["open", peer_db(peer), name], name, note=open_note)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def analytics(run_, options, name, directory, params):
    spec = datasets.DATASETS[name]
    sources = options.sources or spec["sources"]
    command = [run_.binary, "analytics", "--data", directory, "--dataset", name, "--params", json.dumps(params)]
    peer = environment.peer("igraph") + [directory, name, str(params["typical"]), "--hub", str(params["hub"])]
    if sources:
        command += ["--sources", str(sources)]
        peer += ["--sources", str(sources)]
    if spec["closeness"]:
        command.append("--closeness")
        peer.append("--closeness")
    # NetworKit, where installed, runs the workloads it defines as Quiver does (see its peer).
    peers = [("igraph", peer)]
    if environment.has_module("networkit"):
        peers.append(("networkit", environment.peer("networkit") + [directory, name, str(params["typical"])]))
    result = run_.alternate_peers("analytics", options.analytics_rounds, command, peers)
    if not result:
        return
    q, by_peer, rss = result
    p = by_peer["igraph"]
    # The rows no peer has (FastRP; k-NN over node properties) go to the table of Quiver alone.
    for workload in QUIVER_ONLY_ANALYTICS:
        runs = q.pop(workload, None)
        if runs:
            median = statistics.median(r["median_s"] for r in runs)
            run_.quiver_rows.append({"workload": workload, "dataset": name, "value": report.duration(median),
                                     "note": QUIVER_ONLY_ANALYTICS[workload] + "; " + answers.summary(runs[-1].get("answer")) +
                                     "; peak RSS of the analytics run %s" % report.megabytes(rss["quiver"])})

    def note(workload, qr, pr):
        qa, pa = qr.get("answer") or {}, pr.get("answer") or {}
        if workload == "A0-projection":
            return "Quiver: 4 CSR projections from the store; igraph: directed graph from edge lists, undirected copy"
        if workload in ("A8-louvain", "A10-leiden"):
            return "modularity %.4f vs %.4f, %s vs %s communities (randomised: modularity to %.2f)" % (
                qa["modularity"], pa["modularity"], qa["communities"], pa["communities"], answers.MODULARITY_TOLERANCE)
        if workload in ("A11-bridges", "A11-articulation"):
            return answers.summary(qa) + " (the KNOWS weighing under 0.1, as an undirected multigraph)"
        if workload == "A12-maxflow":
            return answers.summary(qa) + " (A6's source to the hub, weights as capacities)"
        if workload == "A13-toposort":
            return answers.summary(qa) + " (DAG: KNOWS from a lower to a higher id; each order checked against every edge)"
        if "sampled_sources" in qa:
            return "%d sampled sources (different samples: not compared); top: %s vs %s" % (
                qa["sampled_sources"], ", ".join(str(v) for v, _ in qa["top"][:3]),
                ", ".join(str(v) for v, _ in pa["top"][:3]))
        if workload == "A1-pagerank":
            return answers.summary(qa) + " (igraph: PRPACK solve; Quiver: iterated to convergence)"
        return answers.summary(qa)

    run_.pair("analytics", name, q, p, rss, "igraph", note=note)
    if "networkit" in by_peer and not run_.baseline:

        def networkit_note(workload, qr, pr):
            if workload == "A0-projection":
                return "Quiver: 4 CSR projections from the store; NetworKit: weighted directed graph from edge lists, unweighted copy"
            if workload == "A1-pagerank":
                return answers.summary(qr.get("answer") or {}) + " (both iterated to convergence)"
            return answers.summary(qr.get("answer") or {})

        run_.pair("analytics", name, q, by_peer["networkit"], rss, "networkit", note=networkit_note, partial=True)


def plan(run_, options, name, directory):
    try:
        records, _ = run([run_.binary, "plan", "--data", directory, "--dataset", name])
    except ProcessFailed as error:
        run_.fail("plan: %s" % error)
        return
    for r in records:
        print(json.dumps(r, sort_keys=True))
        label = r["workload"]
        text = "parse %s + plan %s" % (report.duration(r["parse_s"]), report.duration(r["plan_s"]))
        if label == "P-all":
            text += ", %d statements" % r["statements"]
        run_.quiver_rows.append({"workload": label, "dataset": name, "value": report.duration(r["median_s"]), "note": text})


def peer_version(module):
    """A peer's version, read in a process of its own (kuzu and ladybug cannot share one)."""
    try:
        records, _ = run([sys.executable, "-c", "import json, %s; print(json.dumps({'workload': 'version', "
                          "'version': %s.__version__}))" % (module, module)])
        return records[0]["version"]
    except (ProcessFailed, IndexError, KeyError):
        return "(not installed)"


def resolve(args):
    """The scale's settings with the explicit flags applied."""
    settings = dict(SCALES[args.scale or "small"])
    settings["workloads"] = list(settings.get("workloads", WORKLOADS))
    if args.workloads:
        settings["workloads"] = [w.strip() for w in args.workloads.split(",") if w.strip()]
        settings["workloads"] = ["store" if w == "open" else w for w in settings["workloads"]]
        unknown = set(settings["workloads"]) - set(WORKLOADS)
        if unknown:
            sys.exit("unknown workloads %s (known: %s)" % (", ".join(sorted(unknown)), ", ".join(WORKLOADS)))
    if args.dataset:
        settings["datasets"] = [d.strip() for d in args.dataset.split(",") if d.strip()]
    if args.rounds:
        settings["rounds"] = settings["analytics_rounds"] = args.rounds
    for key in ("statements", "durable_statements", "threads"):
        if getattr(args, key):
            settings[key] = getattr(args, key)
    settings["triangles"] = args.triangles
    settings["sources"] = args.sources
    return argparse.Namespace(**settings)


def main():
    environment.ensure_venv()
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), help="tiny, small (default), large or huge")
    parser.add_argument("--workloads", help="comma-separated: " + ",".join(WORKLOADS))
    parser.add_argument("--dataset", help="comma-separated dataset names (default: the scale's)")
    parser.add_argument("--rounds", type=int, help="rounds of every alternation")
    parser.add_argument("--statements", type=int, help="W1 statements")
    parser.add_argument("--durable-statements", type=int, help="commits per durable run")
    parser.add_argument("--threads", type=int, help="writer threads of the group-commit runs")
    parser.add_argument("--sources", type=int, help="sampled betweenness sources (default: exact on small graphs)")
    parser.add_argument("--triangles", action="store_true", help="run Q7 on every dataset")
    parser.add_argument("--docs", "--readme", dest="readme", action="store_true",
                        help="rewrite the performance table of docs/performance.md from this run")
    parser.add_argument("--baseline", help="another release build of quiver-bench to run in place of every peer")
    parser.add_argument("--quiver-bench", help="a release build of quiver-bench to measure (else built here)")
    args = parser.parse_args()
    if args.baseline and args.readme:
        sys.exit("--baseline compares two Quiver builds; it cannot rewrite the table of peers")
    if args.baseline and not os.access(args.baseline, os.X_OK):
        sys.exit("--baseline: %s is not an executable" % args.baseline)
    options = resolve(args)
    started = time.time()
    binary = os.path.abspath(args.quiver_bench) if args.quiver_bench else environment.build_quiver()
    watch = report.CPUWatch()
    run_ = Run(binary, os.path.abspath(args.baseline) if args.baseline else None)
    if "w1" in options.workloads:
        w1(run_, options)
    if "durable" in options.workloads:
        durable(run_, options)
    for name in options.datasets:
        directory = datasets.ensure(name)
        params = datasets.parameters(directory)
        if "queries" in options.workloads:
            queries(run_, options, name, directory, params)
        if "store" in options.workloads:
            store(run_, options, name, directory)
        if "analytics" in options.workloads:
            analytics(run_, options, name, directory, params)
        if "gql" in options.workloads:
            gql(run_, options, name, directory, params)
        if "footprint" in options.workloads:
            footprint(run_, options, name, directory)
    if "plan" in options.workloads:
        name = options.datasets[0]
        plan(run_, options, name, datasets.ensure(name))
    elapsed = time.time() - started
    busy = watch.others_share()

    import igraph
    import kuzu
    machine = report.machine([("Kuzu", kuzu.__version__), ("LadybugDB", peer_version("ladybug")),
                              ("python-igraph", igraph.__version__)])
    tables = report.comparison_table(run_.rows)
    if run_.quiver_rows:
        tables += "\n\n" + report.quiver_table(run_.quiver_rows)
    print()
    print(tables)
    print()
    print("Machine: " + machine)
    print("Run: %.0f s; other processes kept %.0f%% of the machine's CPU busy meanwhile" % (elapsed, busy * 100))
    if run_.failures:
        print("\n%d FAILURE(S): the answers above are not to be trusted:" % len(run_.failures), file=sys.stderr)
        for failure in run_.failures:
            print("  - " + failure.replace("\n", "\n    "), file=sys.stderr)
        sys.exit(1)
    if args.readme:
        command = "python3 Benchmarks/compare.py " + " ".join(sys.argv[1:]).replace("--readme", "").replace("--docs", "").strip()
        lines = ["Machine: " + machine + ".", "",
                 "`%s`, %s, took %.0f s%s." % (
                     command, time.strftime("%Y-%m-%d"), elapsed,
                     "; other processes kept %.0f%% of the machine's CPU busy meanwhile, so the times are noisy" % (busy * 100)
                     if busy > 0.1 else ""),
                 "", tables]
        report.rewrite_section(os.path.join(environment.ROOT, "docs", "performance.md"), "\n".join(lines))
        print("docs/performance.md: performance table rewritten", file=sys.stderr)


if __name__ == "__main__":
    main()
