#!/usr/bin/env bash
# The browser console in headless Chromium: installs Debian's chromium and chromium-driver when
# missing (apt-get, as root or through sudo), Selenium in a virtualenv under
# Tests/console/.venv, then drives `quiver serve --http` on a free loopback port
# (Tests/console/test_console.py). Screenshots go to docs/images/. Uses the debug build unless
# QUIVER_BIN names another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi
venv=Tests/console/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r Tests/console/requirements.txt
fi
if [ -z "${QUIVER_BIN:-}" ]; then
  swift build --product quiver
  QUIVER_BIN="$(swift build --show-bin-path)/quiver"
fi
export QUIVER_BIN
"$venv/bin/python" -m pytest -q -s Tests/console "$@"
