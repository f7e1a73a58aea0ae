#!/usr/bin/env bash
# The HTTP suite: Python `requests` (in a virtualenv this script makes under Tests/http/.venv)
# against `quiver serve --http`, which the tests start on a free loopback port and stop at the
# end. Uses the debug build unless QUIVER_BIN names another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=Tests/http/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r Tests/http/requirements.txt
fi
if [ -z "${QUIVER_BIN:-}" ]; then
  swift build --product quiver
  QUIVER_BIN="$(swift build --show-bin-path)/quiver"
fi
export QUIVER_BIN
"$venv/bin/python" -m pytest -q -s Tests/http "$@"
