#!/usr/bin/env bash
# Installs what building Quiver needs on a fresh Debian machine: libedit's headers for the shell,
# and Python's venv module for the benchmark harness (Benchmarks/compare.py).
set -euo pipefail
missing=()
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev pkg-config)
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3 python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
