#!/usr/bin/env bash
# Checks the GraphML export against networkx: loads examples/social.cypher into a scratch
# database, exports it with `quiver export --format graphml`, and has networkx's read_graphml
# find the same nodes, edges, labels, types and typed attributes as Quiver returns for them.
# Makes its own virtualenv (scripts/.venv) with networkx from PyPI on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product quiver >/dev/null
quiver="$(swift build --show-bin-path)/quiver"
venv=scripts/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import networkx" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check networkx
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$quiver" run --db "$work/db" examples/social.cypher >/dev/null
"$quiver" export "$work/db" --format graphml --output "$work/social.graphml" 2>/dev/null
"$quiver" -c "MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS properties" \
  --db "$work/db" --format json >"$work/nodes.json"
"$quiver" -c "MATCH (a)-[r]->(b) RETURN id(r) AS id, id(a) AS source, id(b) AS target, type(r) AS type, properties(r) AS properties" \
  --db "$work/db" --format json >"$work/edges.json"
"$venv/bin/python" scripts/check-graphml.py "$work/social.graphml" "$work/nodes.json" "$work/edges.json"
