#!/usr/bin/env bash
# The whole test suite: the openCypher TCK in a release build, which fails if any scenario listed
# in tck/passing.txt no longer passes, then the unit and integration tests (debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
TCK_DIR="${TCK_DIR:-../shared/tck/features}"
if [ -d "$TCK_DIR" ]; then
  swift build -c release --product quiver-tck
  log="$(mktemp)"
  if "$(swift build -c release --show-bin-path)/quiver-tck" "$TCK_DIR" --ratchet tck/passing.txt >"$log" 2>&1; then
    read -r passed _ failed _ < <(tail -n 1 "$log")
    echo "TCK: $passed of $((passed + failed)) scenarios pass; every scenario in tck/passing.txt still passes"
  else
    grep -A 40 "ratchet check FAILED" "$log" || tail -n 40 "$log"
    echo "TCK ratchet failed: see above" >&2
    exit 1
  fi
else
  echo "TCK features not found at $TCK_DIR; skipping the conformance run" >&2
fi
swift build --build-tests
swift test --skip-build
