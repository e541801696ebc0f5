"""The till's start path stays light: what ``pos.app`` imports before the first basket
leaves out the modules the first basket does not need (issue 18.2: start → usable till in
under a second). Each one named here with why; the warm-up (``pos.ui.warm_imports``)
loads them off the GUI thread once the till sells, so the first return, coupon or sync
does not pay them either.

A fresh interpreter imports the start path, as ``python -m pos`` does before the worker
opens the store; the test reads its ``sys.modules``.
"""

from __future__ import annotations

import gc
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
    "sync.client": "the central's calls: the first cancelled sale or return (the till worker)",
    "httpx": "the HTTP client (and its command line's rich, click): the central's calls",
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
    ours = sorted(name for name in OFF_THE_START_PATH if name.startswith(("sync.", "httpx")))
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


def test_the_warm_up_imports_with_the_collector_off_then_freezes_what_it_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A collector pass holds the interpreter lock in C from start to end, whichever thread
    set it off: none runs while the warm-up imports, and the imported objects are frozen
    after it (never walked by a later full pass); the collector is on again after."""
    from pos.ui import warm_imports

    (tmp_path / "warm_gc_module.py").write_text(
        "import gc\nCOLLECTING = gc.isenabled()\nKEPT = [object()]\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    frozen_before = gc.get_freeze_count()
    assert gc.isenabled()
    try:
        warm_imports._import_all(("warm_gc_module",))
        module = sys.modules["warm_gc_module"]
        assert module.COLLECTING is False
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen_before
        assert not any(tracked is module.KEPT for tracked in gc.get_objects())
    finally:
        if frozen_before == 0:
            gc.unfreeze()  # this test process's objects go back to the collector
        monkeypatch.delitem(sys.modules, "warm_gc_module", raising=False)


def test_a_module_that_fails_to_import_leaves_the_others_warmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    """One module per job: a broken one is passed over (its first use shows the error)
    and the next ones are still imported, in order."""
    from pos.ui import warm_imports

    order = tmp_path / "order.txt"
    for name, body in (("warm_first", ""), ("warm_broken", "raise RuntimeError('no')\n"),
                       ("warm_last", "")):  # fmt: skip
        (tmp_path / f"{name}.py").write_text(
            f"with open({str(order)!r}, 'a') as f:\n    f.write('{name} ')\n{body}",
            encoding="utf-8",
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    frozen_before = gc.get_freeze_count()
    try:
        warm_imports.import_later(("warm_first", "warm_broken", "warm_last"))
        qtbot.waitUntil(lambda: "warm_last" in sys.modules, timeout=10_000)
        assert order.read_text(encoding="utf-8").split() == [
            "warm_first", "warm_broken", "warm_last"
        ]  # fmt: skip
        assert "warm_broken" not in sys.modules
    finally:
        for name in ("warm_first", "warm_last"):
            monkeypatch.delitem(sys.modules, name, raising=False)
        if frozen_before == 0:
            gc.unfreeze()


def test_importing_the_wire_models_builds_no_validator() -> None:
    """pydantic-core builds a validator in C, holding the interpreter lock, and the warm-up
    imports the wire models beside the GUI thread: each is built at its first validation,
    on the thread that validates (the sync engine's), and then refuses garbage as before."""
    script = (
        "import json\n"
        "from pydantic import BaseModel, ValidationError\n"
        "import sync.contract.returns as returns\n"
        "models = [v for v in vars(returns).values() if isinstance(v, type)\n"
        "          and issubclass(v, BaseModel) and v.__module__ == returns.__name__]\n"
        "built = [m.__name__ for m in models if m.__pydantic_complete__]\n"
        "try:\n"
        "    returns.ReturnClaim.model_validate({'op_id': 1})\n"
        "    refused = False\n"
        "except ValidationError:\n"
        "    refused = True\n"
        "print(json.dumps([len(models), built, refused]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True,
    )  # fmt: skip
    count, built, refused = json.loads(out.stdout.splitlines()[-1])
    assert count > 5
    assert built == []
    assert refused


def test_after_next_paint_runs_once_the_window_has_painted(qtbot) -> None:
    """The warm-up waits for the first basket's paint: a 0 ms timer set with the change
    would run before it (Qt paints on an update request a few ms later)."""
    from pos.ui.qt import QWidget
    from pos.ui.warm_imports import AfterNextPaint

    seen: list[str] = []

    class Window(QWidget):
        def paintEvent(self, event) -> None:
            seen.append("paint")

    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "paint" in seen, timeout=5_000)
    seen.clear()
    window.update()
    AfterNextPaint(window, lambda: seen.append("then"))
    qtbot.waitUntil(lambda: "then" in seen, timeout=5_000)
    assert seen == ["paint", "then"]
