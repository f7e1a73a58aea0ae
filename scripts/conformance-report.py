#!/usr/bin/env python3
# Runs the release build of quiver-tck over the openCypher TCK with --json and prints a Markdown
# table of passed / total scenarios per TCK area (clauses/<clause>, expressions/<area>,
# useCases/<x>) plus a total row, for the Conformance section of docs/cypher.md. Standard library only.
"""Print the TCK conformance table for docs/cypher.md."""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def area_of(feature_path):
    """The TCK area of a feature file path such as clauses/match/Match1.feature."""
    parts = feature_path.split("/")
    if len(parts) >= 3:
        return parts[0] + "/" + parts[1]
    return parts[0] if len(parts) == 2 else "(top level)"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("features", nargs="?", default="../shared/tck/features",
                        help="TCK features directory, relative to the repository root "
                             "(default: ../shared/tck/features)")
    parser.add_argument("--scratch-path", default=os.environ.get("QUIVER_SCRATCH_PATH", ".build"),
                        help="SwiftPM scratch path of the release build (default: .build)")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds per scenario (default: 10)")
    parser.add_argument("--docs", "--readme", dest="readme", action="store_true",
                        help="also write the table into docs/cypher.md between the conformance markers")
    args = parser.parse_args()

    scratch = os.path.join(REPO, args.scratch_path)
    features = os.path.normpath(os.path.join(REPO, args.features))
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "quiver-tck",
                        "--scratch-path", scratch], cwd=REPO, check=True,
                       stdout=sys.stderr)
    binary = os.path.join(scratch, "release", "quiver-tck")
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "tck.json")
        run = subprocess.run([binary, features, "--json", report, "--jobs", str(args.jobs),
                              "--timeout", str(args.timeout)],
                             cwd=REPO, stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stdout)
            sys.exit("quiver-tck exited with status %d" % run.returncode)
        with open(report, encoding="utf-8") as handle:
            records = json.load(handle)

    passed = collections.Counter()
    total = collections.Counter()
    for record in records:
        area = area_of(record["file"])
        total[area] += 1
        if record["status"] == "passed":
            passed[area] += 1

    lines = ["| TCK area | Passed | Total |", "|---|---:|---:|"]
    for area in sorted(total, key=lambda a: (a.split("/")[0] != "clauses",
                                             a.split("/")[0] != "expressions", a.lower())):
        lines.append("| %s | %d | %d |" % (area, passed[area], total[area]))
    lines.append("| **Total** | **%d** | **%d** |" % (sum(passed.values()), sum(total.values())))
    table = "\n".join(lines)
    print(table)
    if args.readme:
        write_docs(table)


def write_docs(table):
    """Replaces the text between the conformance markers of docs/cypher.md with `table`."""
    path = os.path.join(REPO, "docs", "cypher.md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    begin, end = "<!-- conformance:begin -->", "<!-- conformance:end -->"
    if begin not in text or end not in text:
        sys.exit("docs/cypher.md has no conformance markers")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(head + begin + "\n" + table + "\n" + end + tail)


if __name__ == "__main__":
    main()
