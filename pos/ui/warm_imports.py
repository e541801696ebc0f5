"""The modules of the screens built on first use (the pickup desk, stock), and those the
start leaves out (the wire models, the sync engine), imported on a pool thread once the
till opened (issue 18.2).

Opening a screen the first time then only builds its widgets, and no import of theirs
runs on the GUI thread while the cashier scans. Python imports are thread-safe (each
module under its own lock); the widgets themselves are still made on the GUI thread.
QtCharts is not among them: its C++ initialisation holds the interpreter lock, so it
waits for the dashboard's first opening.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterable
from functools import partial

from pos.ui.ops import run_op

LATER_MODULES = (
    "pos.ui.pickup_controller",
    "pos.ui.screens.pickup_screen",
    "pos.services.slips",
    "pos.ui.stock_controller",
    "pos.ui.screens.stock_screen",
    # Named by the services only where first used (``tests/unit/test_start_path.py``): so
    # the first return, coupon, customer, points or cart, and the engine's start, find
    # them loaded. pydantic builds each model's validator as its module is imported.
    "sync.contract.returns",
    "sync.contract.coupons",
    "sync.contract.customers",
    "sync.contract.loyalty",
    "sync.contract.carts",
    "sync.engine",
)


def import_later(names: Iterable[str] = LATER_MODULES) -> None:
    """Start importing ``names`` off the GUI thread; a failure shows at first use."""
    run_op(partial(_import_all, tuple(names)), _ignore, _ignore)


#: The interpreter's time slice while the warm-up imports (CPython's default is 5 ms).
#: A thread busy importing keeps the GIL a whole slice each time the GUI thread asks for
#: it, and a GUI handler asks once per call into Qt: a few calls, a frame lost (the probe
#: saw 20-25 ms gaps in the 5 s after start). At 0.5 ms the GUI thread waits a tenth.
WARM_UP_SWITCH_S = 0.0005
_slicing = threading.Lock()
_warming = [0, 0.0]  # warm-ups running, the time slice before the first


def _import_all(names: tuple[str, ...]) -> None:
    _short_slices(True)
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        _short_slices(False)


def _short_slices(on: bool) -> None:
    """Short time slices while any warm-up runs; the interpreter's own after the last."""
    with _slicing:
        if on:
            if _warming[0] == 0:
                _warming[1] = sys.getswitchinterval()
                sys.setswitchinterval(WARM_UP_SWITCH_S)
            _warming[0] += 1
        else:
            _warming[0] -= 1
            if _warming[0] == 0:
                sys.setswitchinterval(_warming[1])


def _ignore(_result: object) -> None:
    """Nothing to show: the screen's own opening reports what is wrong."""
