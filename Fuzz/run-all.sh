#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) from the checked-in corpus and a fixed
# seed, and prints one line of counts per target. Fails when any target crashed, hung or found
# an invariant break; the input is left in Fuzz/out/ (crash-TARGET, finding-TARGET-N).
# Usage: Fuzz/run-all.sh [SECONDS] [TARGET...]    (FUZZ_CONFIG=release for a faster binary)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(parser engine wal snapshot csv bolt http)
config="${FUZZ_CONFIG:-debug}"
swift build -c "$config" --product quiver-fuzz >/dev/null
binary="$(swift build -c "$config" --show-bin-path)/quiver-fuzz"
root="$(pwd)"
mkdir -p Fuzz/out
status=0
for target in "${targets[@]}"; do
  if ! (cd Fuzz/out && "$binary" "$target" --seconds "$seconds" --corpus "$root/Fuzz/corpus" \
    --tck "$root/../shared/tck/features" --examples "$root/examples"); then
    echo "fuzz target $target FAILED: see Fuzz/out/" >&2
    status=1
  fi
done
exit $status
