#!/usr/bin/env bash
# Installs what is missing, then checks the house rules (ruff, import-linter layer
# contracts) and runs the whole default test suite offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports
# A test stuck past its timeout ends the run with every thread's stack (the signal method
# cannot interrupt a thread blocked in C), so a hang is a failure, never a stall.
# COMPTOIR_TEST_WORKERS=2 runs on two workers (pytest-xdist; the Medusa tests share one):
# not the default, since a GUI test's worker once died there under load and xdist hung.
workers=${COMPTOIR_TEST_WORKERS:-1}
if [ "$workers" -gt 1 ]; then
  exec .venv/bin/python -m pytest -n "$workers" --dist loadgroup -o timeout_method=thread "$@"
fi
exec .venv/bin/python -m pytest -o timeout_method=thread "$@"
