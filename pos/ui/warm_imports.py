"""The modules of the screens built on first use (the pickup desk, stock), and those the
start leaves out (the wire models, the sync engine), imported on a pool thread once the
till shows its first basket (issue 18.2).

Opening a screen the first time then only builds its widgets, and no import of theirs
runs on the GUI thread while the cashier scans. Python imports are thread-safe (each
module under its own lock); the widgets themselves are still made on the GUI thread.
QtCharts is not among them: its C++ initialisation holds the interpreter lock, so it
waits for the dashboard's first opening.

The warm-up shares the interpreter lock with the GUI thread, so it keeps its turns short:
one module per job, the next one started from the GUI thread's event loop once the
previous one is done (the GUI thread handles what waited meanwhile: a key, a paint);
short time slices while a module imports; and no collector pass while it imports (a pass
holds the lock in C, from start to end: the probe saw 6 ms ones on the warm-up thread),
the modules' objects frozen after it instead: they live as long as the process.
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
from collections.abc import Callable, Iterable
from functools import partial

from pos.ui.ops import run_op
from pos.ui.qt import QEvent, QObject, QTimer, QWidget

LATER_MODULES = (
    "pos.ui.pickup_controller",
    "pos.ui.screens.pickup_screen",
    "pos.services.slips",
    "pos.ui.stock_controller",
    "pos.ui.screens.stock_screen",
    # Named by the services only where first used (``tests/unit/test_start_path.py``): so
    # the first return, coupon, customer, points or cart, and the engine's start, find
    # them loaded. Their pydantic models build their validators at first use
    # (``sync.contract.scalars.WIRE``), on the thread that validates.
    "sync.contract.returns",
    "sync.contract.coupons",
    "sync.contract.customers",
    "sync.contract.loyalty",
    "sync.contract.carts",
    "sync.engine",
    # The central's calls (httpx, and with it whatever httpx loads: its command line's
    # rich and click where installed): the till worker asks for them at the first
    # cancelled sale or return; imported there, they held it ~100 ms mid-burst.
    "sync.client",
)


#: How long after the first basket's paint the warm-up waits: that paint is followed by
#: a second one a few ms later (the labels and status the first basket fills, ~6-9 ms of
#: the GUI thread). Started beside it, the warm-up's first import made it 17-37 ms in 1
#: till out of 5-8 (``stall_probe``'s start phase); 100 ms later, none over 11 ms in 10.
SETTLE_MS = 100


class AfterNextPaint(QObject):
    """Runs ``then`` once ``window`` has painted and settled: ``settle_ms`` after the
    update it has pending (the first basket's), not beside it. Qt paints a window on its
    ``UpdateRequest``, a few ms after the change (a 0 ms timer set with the change runs
    before it); a timer set as that request arrives runs once the paint is done."""

    def __init__(
        self, window: QWidget, then: Callable[[], None], settle_ms: int = SETTLE_MS
    ) -> None:
        super().__init__(window)
        self._then = then
        self._settle_ms = settle_ms
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            watched.removeEventFilter(self)
            QTimer.singleShot(self._settle_ms, self._then)
            self.deleteLater()
        return False


def import_later(names: Iterable[str] = LATER_MODULES) -> None:
    """Import ``names`` off the GUI thread, one per job, in order; a module that fails is
    passed over (its first use shows the error) and the others are still warmed."""
    _next(list(names))


def _next(names: list[str]) -> None:
    if not names:
        return
    name, rest = names[0], names[1:]
    then = partial(_after, rest)
    run_op(partial(_import_all, (name,)), then, then)


def _after(rest: list[str], _result: object) -> None:
    """On the GUI thread: the next module once the events that waited were handled."""
    QTimer.singleShot(0, partial(_next, rest))


#: The interpreter's time slice while the warm-up imports (CPython's default is 5 ms).
#: A thread busy importing keeps the GIL a whole slice each time the GUI thread asks for
#: it, and a GUI handler asks once per call into Qt: a few calls, a frame lost (the probe
#: saw 20-25 ms gaps in the 5 s after start). At 0.5 ms the GUI thread waits a tenth.
WARM_UP_SWITCH_S = 0.0005
_slicing = threading.Lock()


class _Warming:
    """The warm-ups running, and the interpreter's settings from before the first."""

    running = 0
    switch_s = 0.0
    collector_on = True


def _import_all(names: tuple[str, ...]) -> None:
    _warm_up_mode(True)
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        _warm_up_mode(False)


def _warm_up_mode(on: bool) -> None:
    """Short time slices and no collector passes while any warm-up imports; after the
    last, what was imported is frozen (``gc.freeze``: never walked by a full pass, as
    ``pos.app`` does with the start's objects) and the interpreter's settings return.
    No ``gc.collect()`` before the freeze: that pass is the stall avoided here."""
    with _slicing:
        if on:
            if _Warming.running == 0:
                _Warming.switch_s = sys.getswitchinterval()
                _Warming.collector_on = gc.isenabled()
                sys.setswitchinterval(WARM_UP_SWITCH_S)
                gc.disable()
            _Warming.running += 1
        else:
            _Warming.running -= 1
            if _Warming.running == 0:
                gc.freeze()
                if _Warming.collector_on:
                    gc.enable()
                sys.setswitchinterval(_Warming.switch_s)
