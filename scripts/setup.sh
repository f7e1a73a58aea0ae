#!/usr/bin/env bash
# Installs what building Quiver needs on a fresh Debian machine: libedit's headers for the shell.
set -euo pipefail
if ! pkg-config --exists libedit 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libedit-dev pkg-config >/dev/null
fi
