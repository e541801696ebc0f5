#!/usr/bin/env bash
# Installs what is missing, then checks the house rules (ruff, import-linter layer
# contracts) and runs the whole default test suite offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports
# Two workers (CI has two cores); the Medusa tests share one (tests/conftest.py).
# A test stuck past its timeout ends its worker with every thread's stack (the signal
# method cannot interrupt a thread blocked in C), so a hang is a failure, never a stall.
exec .venv/bin/python -m pytest -n "${COMPTOIR_TEST_WORKERS:-2}" --dist loadgroup \
    -o timeout_method=thread "$@"
