#!/usr/bin/env bash
# Installs what is missing, then starts Comptoir on its embedded default: the demo
# store in a local SQLite file, no server needed. Extra arguments go to `comptoir`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/comptoir "$@"
