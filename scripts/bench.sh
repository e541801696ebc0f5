#!/usr/bin/env bash
# Installs what is missing, then runs the benchmarks on a 1,000,000-product catalog
# (built once into .bench/, reused after) and prints each figure beside its floor.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python tests/benchmarks/run.py "$@"
