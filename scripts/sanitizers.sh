#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer, one after the other (each is a full
# build of its own, in .build-asan and .build-tsan, and slow). A filter narrows the tests, e.g.
# `scripts/sanitizers.sh thread ConcurrencyStressTests`; no filter runs everything.
# `writers [SECONDS]` is the short run CI affords: only quiver-crash-child and the library under
# ThreadSanitizer (no SwiftNIO, no tests), four writers committing through group commit, two
# readers counting on snapshots and checkpoints (each rebuilding the adjacency rows) racing them
# for SECONDS (default 30); any report, or a reader or writer error, fails it.
# Usage: scripts/sanitizers.sh [address|thread|both] [FILTER] | writers [SECONDS]
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
writers() {
  local seconds="${1:-30}" scratch=.build-tsan-child dir pid acks
  echo "== thread sanitizer: writers, readers and checkpoints for ${seconds} s (build in $scratch)"
  swift build --sanitize=thread --scratch-path "$scratch" --product quiver-crash-child
  dir=$(mktemp -d)
  TSAN_OPTIONS="halt_on_error=1" "$scratch/debug/quiver-crash-child" "$dir/db" group 65536 4 2 \
    > "$dir/out" 2> "$dir/err" &
  pid=$!
  sleep "$seconds"
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || true
    echo "quiver-crash-child stopped before its time:" >&2
    tail -n 60 "$dir/err" >&2
    grep '^error' "$dir/out" >&2 || true
    exit 1
  fi
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  if grep -q "ThreadSanitizer" "$dir/err" || grep -q '^error' "$dir/out"; then
    cat "$dir/err" >&2
    grep '^error' "$dir/out" >&2 || true
    exit 1
  fi
  acks=$(grep -c '^ack' "$dir/out" || true)
  echo "no ThreadSanitizer report; $acks commits acknowledged in ${seconds} s"
  rm -rf "$dir"
}

case "$which" in
  writers) writers "${2:-30}" ;;
  address | thread) run "$which" ;;
  both) run address && run thread ;;
  *) echo "usage: scripts/sanitizers.sh [address|thread|both] [FILTER] | writers [SECONDS]" >&2; exit 2 ;;
esac
