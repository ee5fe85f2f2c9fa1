#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, format check and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
.venv/bin/ruff check audit tests scripts benchmarks app.py
.venv/bin/ruff format --check audit tests scripts benchmarks app.py
.venv/bin/python -m pytest -n 2 "$@"
