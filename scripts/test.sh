#!/usr/bin/env bash
# The whole test suite: unit and integration tests (debug build), then the openCypher TCK in a
# release build, which fails if any scenario listed in tck/passing.txt no longer passes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
TCK_DIR="${TCK_DIR:-../shared/tck/features}"
if [ -d "$TCK_DIR" ]; then
  swift build -c release --product quiver-tck
  "$(swift build -c release --show-bin-path)/quiver-tck" "$TCK_DIR" --ratchet tck/passing.txt --quiet
else
  echo "TCK features not found at $TCK_DIR; skipping the conformance run" >&2
fi
