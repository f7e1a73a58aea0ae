#!/usr/bin/env bash
# The whole test suite: the openCypher TCK in a release build, which fails if any scenario listed
# in tck/passing.txt no longer passes, then the unit and integration tests (debug build), then the
# benchmark harness at its tiny scale.
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
# The fuzzers for a bounded time each (Fuzz/run-all.sh: the checked-in corpus, a fixed seed):
# a crash, a hang or an invariant break fails CI and leaves the input in Fuzz/out/. They run the
# debug quiver-fuzz the build above already made: a release one would compile SwiftNIO,
# NIOSSL's BoringSSL and swift-crypto in release, which none of CI's release builds (quiver-tck,
# quiver-bench) need. 20 s per target and 60 s for the engine, about 3 minutes 20 s in all
# (measured on a busy 2-core machine: see Fuzz/README.md); QUIVER_SKIP_FUZZ=1 skips it.
if [ "${QUIVER_SKIP_FUZZ:-}" = 1 ]; then
  echo "QUIVER_SKIP_FUZZ=1: skipping the bounded fuzz run" >&2
else
  bash Fuzz/run-all.sh 20 parser wal snapshot csv bolt http
  bash Fuzz/run-all.sh 60 engine
fi
# ThreadSanitizer over the library's concurrent paths within CI's time: quiver-crash-child and the
# library (not SwiftNIO, not the tests) built with -sanitize=thread, four writers through group
# commit, two readers on snapshots and checkpoints rebuilding the adjacency rows, for 30 s
# (scripts/sanitizers.sh writers; the whole suite under both sanitizers is
# `scripts/sanitizers.sh both`, too long for CI). QUIVER_SKIP_SANITIZER=1 skips it.
if [ "${QUIVER_SKIP_SANITIZER:-}" = 1 ]; then
  echo "QUIVER_SKIP_SANITIZER=1: skipping the ThreadSanitizer writers run" >&2
else
  bash scripts/sanitizers.sh writers 30
fi
# networkx reads the GraphML export of examples/social.cypher (scripts/test-exchange.sh; needs PyPI
# on first use for its virtualenv). QUIVER_SKIP_EXCHANGE=1 skips it.
if [ "${QUIVER_SKIP_EXCHANGE:-}" = 1 ]; then
  echo "QUIVER_SKIP_EXCHANGE=1: skipping the networkx check of the GraphML export" >&2
elif command -v python3 >/dev/null && python3 -c "import venv" 2>/dev/null; then
  bash scripts/test-exchange.sh
else
  echo "python3 with venv not found; skipping the networkx check of the GraphML export" >&2
fi
# The embedding API from a user's package: examples/embedding built and run against Quiver by
# path, and the DocC catalog built without warnings (scripts/test-embedding.sh);
# QUIVER_SKIP_EMBEDDING=1 skips it.
if [ "${QUIVER_SKIP_EMBEDDING:-}" = 1 ]; then
  echo "QUIVER_SKIP_EMBEDDING=1: skipping the embedding example and the DocC build" >&2
else
  bash scripts/test-embedding.sh
fi
# The Bolt server through the official neo4j Python driver (needs PyPI on first use for its
# virtualenv); QUIVER_SKIP_BOLT=1 skips it.
if [ "${QUIVER_SKIP_BOLT:-}" = 1 ]; then
  echo "QUIVER_SKIP_BOLT=1: skipping the Bolt driver suite" >&2
else
  bash scripts/test-bolt.sh
fi
# The HTTP API through Python `requests` (needs PyPI on first use for its virtualenv);
# QUIVER_SKIP_HTTP=1 skips it.
if [ "${QUIVER_SKIP_HTTP:-}" = 1 ]; then
  echo "QUIVER_SKIP_HTTP=1: skipping the HTTP API suite" >&2
else
  bash scripts/test-http.sh
fi
# The browser console in headless Chromium through Selenium (installs Debian's chromium and
# chromium-driver, and selenium from PyPI, on first use); QUIVER_SKIP_CONSOLE=1 skips it.
if [ "${QUIVER_SKIP_CONSOLE:-}" = 1 ]; then
  echo "QUIVER_SKIP_CONSOLE=1: skipping the browser console suite" >&2
else
  bash scripts/test-console.sh
fi
# The benchmark harness at its tiny scale (a 1,000-person graph; about a minute with the release
# build above, the first time including Benchmarks/.venv's pip installs): fails when Quiver and
# Kuzu or igraph disagree on an answer, or when a workload no longer runs. Needs PyPI on first use;
# QUIVER_SKIP_BENCH=1 skips it.
if [ "${QUIVER_SKIP_BENCH:-}" = 1 ]; then
  echo "QUIVER_SKIP_BENCH=1: skipping the benchmark smoke run" >&2
elif [ -f ../shared/bench/gen_social.py ]; then
  log="$(mktemp)"
  if python3 Benchmarks/compare.py --scale tiny >"$log" 2>&1; then
    grep '^Run:' "$log" | sed 's/^/Benchmark smoke run (--scale tiny): /'
  else
    tail -n 40 "$log"
    echo "Benchmark smoke run failed: see above" >&2
    exit 1
  fi
else
  echo "Benchmark generators not found at ../shared/bench; skipping the benchmark smoke run" >&2
fi
