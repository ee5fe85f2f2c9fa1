#!/usr/bin/env bash
# Set up (first time) and open the Journey Audit app on the built-in example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py "$@"
