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


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        importlib.import_module(name)


def _ignore(_result: object) -> None:
    """Nothing to show: the screen's own opening reports what is wrong."""
