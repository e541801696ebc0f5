#!/usr/bin/env bash
# Installs what is missing, then runs the benchmarks on a 1,000,000-product catalog
# (built once into .bench/, reused after), the sync engine and camera decoding, and
# prints each figure beside its floor.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
status=0
# The till (scan, search, commit, start-up, burst to row) on the 1M catalog.
.venv/bin/python tests/benchmarks/run.py "$@" || status=1
# Sync with the reference server: push 10,000 sales, pull 1M products, 1,000 changes.
.venv/bin/python -m tests.benchmarks.sync_bench || status=1
# The till day: X report and Z closure over a day of 5,000 sales, beside bare SQL.
.venv/bin/python -m tests.benchmarks.bench_till_day || status=1
# Camera decoding (pyzbar beside zxing-cpp) and the GUI's stalls while decoding.
.venv/bin/python -m tests.benchmarks.camera_bench || status=1
# Not here (17 minutes, needs the Medusa peer): python -m tests.benchmarks.medusa_bench
exit $status
