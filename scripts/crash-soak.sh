#!/usr/bin/env bash
# The long mode of the SIGKILL crash test: ROUNDS kills (default 1000) of a child with WRITERS
# writer threads (default 4) and a checkpoint thread racing them and the kill, automatic
# checkpoints at a 12 KB log. Prints the counts: rounds, transactions, acknowledged commits lost,
# half-applied transactions. CI runs the short mode (60 rounds, one writer) with the test suite.
# Usage: scripts/crash-soak.sh [ROUNDS] [WRITERS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-1000}"
writers="${2:-4}"
swift build --build-tests >/dev/null
QUIVER_CRASH_ROUNDS="$rounds" QUIVER_CRASH_WRITERS="$writers" \
  swift test --skip-build --filter 'CrashTests/killedWritersLoseNoAcknowledgedTransaction' 2>&1 |
  grep -E "crash test:|passed|failed|error|Expectation" || true
