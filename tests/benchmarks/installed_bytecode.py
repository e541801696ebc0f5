"""The till as installed has its bytecode: the start-up benchmarks compile it first.

An editable install (``pip install -e``) leaves no ``.pyc`` until a module is imported,
and none at all where ``PYTHONDONTWRITEBYTECODE`` is set: every start then compiles ~330
modules from source, a third of the start-up. ``scripts/bootstrap.sh`` compiles them at
install; the benchmarks do the same, so their figures never depend on that variable.
"""

from __future__ import annotations

import compileall
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("pos", "sync", "hardware", "resources", "tests")


def compile_bytecode() -> None:
    """Idempotent: an up-to-date ``.pyc`` is left as it is."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1, workers=0)


def installed_env(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` for a child till that may keep the bytecode of what it imports."""
    return {name: value for name, value in env.items() if name != "PYTHONDONTWRITEBYTECODE"}
