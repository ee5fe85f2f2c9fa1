#!/usr/bin/env bash
# Create the virtual environment and install what Journey Audit needs. Safe to run again.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium for browser tests
#                                        and a Java runtime for the Spark engine's tests)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi

if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v pdftoppm; } >/dev/null 2>&1; then
  echo "Installing Debian's chromium and poppler-utils for the browser and PDF tests"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
fi

if [ "${1:-}" = "--browser" ] && ! command -v java >/dev/null 2>&1; then
  echo "Installing Debian's Java runtime for the Spark engine's tests (the app needs none)"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
