#!/usr/bin/env bash
# Installs everything Comptoir needs on Debian 12 with Python >= 3.11: the system
# libraries Qt, zbar and QtMultimedia load at run time, a virtual environment in .venv,
# and the project in it (editable, with the test tools). Safe to run again: each step
# is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3 python3-venv                                       # Debian's CPython (see below)
  gcc libc6-dev python3-dev                                  # the compiled pricing (mypyc)
  libzbar0                                                   # pyzbar (camera decoding)
  libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
  libpulse0                                                  # QtMultimedia
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0   # a real X11 window
)
if [ "${1:-}" = "--test" ]; then
  # The Medusa integration tests run a real Medusa over a throw-away PostgreSQL cluster.
  SYSTEM_PACKAGES+=(postgresql)
fi

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The interpreter: Debian's own CPython (/usr/bin/python3: profile-guided and link-time
# optimised, libpython linked in), else python3 on the PATH; PYTHON=... chooses another.
# A self-built one is often neither (pyenv's default build: a shared libpython, no
# --enable-optimizations) and ran the till's scan 20-30 % slower on the same machine.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    PYTHON=/usr/bin/python3
  fi
fi
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Comptoir needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || {
    echo "Creating the virtual environment failed: on Debian, install python3-venv." >&2
    exit 1
  }
fi

stamp=.venv/.comptoir-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Installing Comptoir and its dependencies into .venv ..."
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
  echo "$want" >"$stamp"
fi

# An installed app has its bytecode; an editable install compiles each module from source at
# every start (more so where PYTHONDONTWRITEBYTECODE is set), a third of the till's start-up.
# Compiling is idempotent: an up-to-date .pyc is skipped, so this takes a second or two at most.
.venv/bin/python -m compileall -q -j 0 pos sync hardware resources >/dev/null

# The pricing hot path compiled with mypyc (scripts/build_native.py): built again only
# when a source of pos/domain changed (about half a minute). Without it the same modules
# run as Python: every price the same, the scan slower.
.venv/bin/python scripts/build_native.py ||
  echo "The compiled pricing could not be built: the till runs it as Python." >&2

if [ "${1:-}" = "--test" ] && [ "${COMPTOIR_MEDUSA:-1}" != "0" ]; then
  # The test Medusa (npm) and Comptoir's plugin for it (Medusa's plugin build), ahead of
  # the tests; reused while their lockfiles and sources are unchanged.
  .venv/bin/python -m tests.support.medusa_plugin
fi
