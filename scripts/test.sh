#!/usr/bin/env bash
# Installs what is missing, then checks the house rules (ruff, import-linter layer
# contracts) and runs the whole default test suite offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
# A test stuck past its timeout ends the run with every thread's stack (the signal method
# cannot interrupt a thread blocked in C), so a hang is a failure, never a stall.
# Two workers by default (pytest-xdist; CI has two cores): the tests that need the real
# Medusa share one (tests/conftest.py), so their shared Medusa starts once. A worker that
# dies (a test ended by its timeout: the thread method ends the process) fails the run at
# once (--max-worker-restart=0) instead of being replaced, which once hung xdist.
# COMPTOIR_TEST_WORKERS=1 runs serially (one process: for a debugger, -x, --pdb).
workers=${COMPTOIR_TEST_WORKERS:-2}
if [ "$workers" -gt 1 ]; then
  exec .venv/bin/python -m pytest -n "$workers" --dist loadgroup --max-worker-restart=0 \
    -o timeout_method=thread "$@"
fi
exec .venv/bin/python -m pytest -o timeout_method=thread "$@"
