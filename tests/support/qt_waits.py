"""``qtbot.waitSignal`` without a nested event loop: a pytest plugin (tests/conftest.py).

pytest-qt waits for a signal by running a ``QEventLoop`` until its slot or a timer calls
``quit()``. On signals of our worker objects (moved to a ``QThread``) that wait was seen
to hang for good under load, the loop idle and its timer never ending it, while the
signal had been emitted (LIBRARIES.md: "known flakiness with ``waitSignal`` on objects
moved to a QThread"); the run then died at its timeout. Here the same wait polls instead:
events are processed in short slices until the blocker has heard its signal or its
deadline passes, so a lost ``quit()`` cannot hang a test, and a timeout still fails it.
"""

from __future__ import annotations

import time

from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qt_compat import qt_api
from pytestqt.wait_signal import _AbstractSignalBlocker

_SLICE_MS = 5


def _wait(self: _AbstractSignalBlocker) -> None:
    __tracebackhide__ = True
    if self.signal_triggered:
        return
    if self.timeout is None and not self._signals:
        raise ValueError("No signals or timeout specified.")
    if self.timeout != 0:
        deadline = None if self.timeout is None else time.monotonic() + self.timeout / 1000
        while not self.signal_triggered:
            if deadline is not None and time.monotonic() >= deadline:
                self._quit_loop_by_timeout()  # keeps pytest-qt's own timeout message
                break
            qt_api.QtTest.QTest.qWait(_SLICE_MS)
    if not self.signal_triggered and self.raising:
        raise QtTimeoutError(self._timeout_message)


def pytest_configure() -> None:
    _AbstractSignalBlocker.wait = _wait  # type: ignore[method-assign]
