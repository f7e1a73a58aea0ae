#!/usr/bin/env bash
# The embedding API as a user's package sees it: builds and runs examples/embedding (a
# command-line app that depends on Quiver by path and checks every feature it uses), then builds
# the DocC catalog of the Quiver module and fails on any documentation warning. The example keeps
# its build under .build/embedding, so later runs are incremental; it compiles only the library
# targets Quiver needs, not the server, shell or benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
swift build --package-path examples/embedding --scratch-path .build/embedding
"$(swift build --package-path examples/embedding --scratch-path .build/embedding --show-bin-path)/QuiverEmbeddingExample"
echo "embedding example: built and ran in $((SECONDS - started)) s"
if [ "${QUIVER_SKIP_DOCC:-}" = 1 ]; then
  echo "QUIVER_SKIP_DOCC=1: skipping the DocC build" >&2
  exit 0
fi
started=$SECONDS
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift package --scratch-path .build/docc generate-documentation --target Quiver --warnings-as-errors >"$log" 2>&1; then
  grep -E "warning|error" "$log" | head -n 60 || tail -n 60 "$log"
  echo "DocC build of the Quiver module failed or warned: see above" >&2
  exit 1
fi
echo "DocC catalog: built without warnings in $((SECONDS - started)) s"
