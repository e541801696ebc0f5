"""The till's start path stays light: what ``pos.app`` imports before the first basket
leaves out the modules the first basket does not need (issue 18.2: start → usable till in
under a second). Each one named here with why; the warm-up (``pos.ui.warm_imports``)
loads them off the GUI thread once the till sells, so the first return, coupon or sync
does not pay them either.

A fresh interpreter imports the start path, as ``python -m pos`` does before the worker
opens the store; the test reads its ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos.ui.warm_imports import LATER_MODULES

ROOT = Path(__file__).resolve().parents[2]

#: Not imported before the first basket, and why.
OFF_THE_START_PATH = {
    "pydantic": "the wire models' library: ~40 ms to import, more per model built",
    "sync.contract.returns": "return claims and credit notes: a return's first call",
    "sync.contract.sales": "the sale record on the wire: the push (the sync engine)",
    "sync.contract.chains": "chain seals on the wire: the push",
    "sync.contract.customers": "customer accounts on the wire: the first customer call",
    "sync.contract.coupons": "coupon reservations: the first single-use coupon",
    "sync.contract.loyalty": "points redemptions: the first redemption",
    "sync.contract.carts": "online carts: the first cart QR scanned",
    "sync.contract.pricing": "the carts' priced lines: the first cart QR scanned",
    "sync.engine": "the sync engine: started after the store opened, on a pool thread",
    "keyring": "the signing key's store: the worker reads it (pos.app starts it early)",
}

#: What ``python -m pos`` imports on the GUI thread before the worker opens the store.
START_PATH = """
import json, sys
import pos.__main__, pos.app, pos.config, pos.ui.qt, pos.ui.till_app
print(json.dumps(sorted(sys.modules)))
"""


def _start_path_modules() -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", START_PATH],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True,
    )  # fmt: skip
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_the_start_path_leaves_out_what_the_first_basket_does_not_need() -> None:
    loaded = _start_path_modules()
    assert "pos.ui.till_app" in loaded  # the start path did run
    assert sorted(set(OFF_THE_START_PATH) & loaded) == []


def test_the_warm_up_loads_what_the_start_leaves_out() -> None:
    """Each project module left out is in the warm-up list, or imported by one in it."""
    ours = sorted(name for name in OFF_THE_START_PATH if name.startswith("sync."))
    script = (
        "import importlib, json, sys\n"
        f"for name in {list(LATER_MODULES)!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True,
    )  # fmt: skip
    warmed = set(json.loads(out.stdout.splitlines()[-1]))
    assert [name for name in ours if name not in warmed] == []


def test_the_warm_up_imports_on_short_time_slices_then_gives_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the warm-up imports, the GUI thread waits a short slice for the interpreter
    lock at each call into Python (not CPython's 5 ms); after it, the slice is as before."""
    from pos.ui import warm_imports

    (tmp_path / "warm_probe_module.py").write_text(
        "import sys\nSLICE = sys.getswitchinterval()\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    before = sys.getswitchinterval()
    warm_imports._import_all(("warm_probe_module",))
    assert sys.modules["warm_probe_module"].SLICE == warm_imports.WARM_UP_SWITCH_S < before
    assert sys.getswitchinterval() == before
    monkeypatch.delitem(sys.modules, "warm_probe_module")
