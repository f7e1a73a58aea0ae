#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer, one after the other (each is a full
# build of its own, in .build-asan and .build-tsan, and slow). A filter narrows the tests, e.g.
# `scripts/sanitizers.sh thread ConcurrencyStressTests`; no filter runs everything.
# Usage: scripts/sanitizers.sh [address|thread|both] [FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-both}"
filter="${2:-}"
run() {
  local sanitizer="$1" scratch=.build-asan
  if [ "$sanitizer" = thread ]; then scratch=.build-tsan; fi
  echo "== $sanitizer sanitizer (build in $scratch)"
  swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
  # halt_on_error: the first report fails the run instead of scrolling past.
  local args=(--skip-build --sanitize="$sanitizer" --scratch-path "$scratch")
  [ -n "$filter" ] && args+=(--filter "$filter")
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}" TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}" \
    swift test "${args[@]}"
}
case "$which" in
  address | thread) run "$which" ;;
  both) run address && run thread ;;
  *) echo "usage: scripts/sanitizers.sh [address|thread|both] [FILTER]" >&2; exit 2 ;;
esac
