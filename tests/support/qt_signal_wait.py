"""pytest-qt's ``qtbot.waitSignal`` made safe for signals of objects on worker threads.

PySide6 runs a slot that is a plain Python callable on the *sender's* thread, and
pytest-qt's ``SignalBlocker`` is not a QObject: for a signal of the till worker (or any
object moved to a QThread) its ``_quit_loop_by_signal`` runs on the worker thread. From
there it stops the blocker's timer (Qt refuses a timer stopped from another thread, yet
QTimer forgets its id, so the timeout never fires) and quits the blocker's QEventLoop
(a quit that comes before the GUI thread has entered ``exec()`` is lost: ``exec()``
clears it). The GIL hand-over as the GUI thread enters ``exec()`` makes that window
common under load: the test then waits in ``exec()`` for ever, until pytest-timeout's
thread method ends the process — under xdist "node down: Not properly terminated",
serially the whole run (pytest-qt 4.5; upstream pull request #649 fixes only the timer).

Here the blocker is reached through a relay QObject created on the waiting (GUI) thread:
Qt queues a cross-thread emission to it, so the blocker's whole callback runs on the
thread of its loop and timer — before ``exec()`` (then ``wait()`` returns at once) or
inside it (then it quits it). Emissions on the GUI thread stay direct, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from pytestqt import wait_signal
from pytestqt.wait_signal import SignalBlocker, _AbstractSignalBlocker


class _Relay(QObject):
    """Lives on the thread that waits; calls the blocker there."""

    def __init__(self, deliver: Callable[..., None]) -> None:
        super().__init__()
        self._deliver = deliver

    def fire(self, *args: Any) -> None:
        self._deliver(*args)


def _connect(self: SignalBlocker, signal: Any) -> None:
    self.signal_name = self.determine_signal_name(potential_signal_tuple=signal)
    actual = self.get_signal_from_potential_signal_tuple(signal)
    relay = _Relay(self._quit_loop_by_signal)
    actual.connect(relay.fire)
    self._signals.append(actual)
    self.__dict__.setdefault("_relays", []).append((actual, relay))


def _cleanup(self: SignalBlocker) -> None:
    """SignalBlocker's own, with the relays disconnected instead of the blocker."""
    _AbstractSignalBlocker._cleanup(self)  # stops the timer, keeps the timeout message
    for signal, relay in self.__dict__.pop("_relays", []):
        wait_signal._silent_disconnect(signal, relay.fire)
    self._signals = []


def make_wait_signal_thread_safe() -> None:
    """Install the relay into pytest-qt's SignalBlocker (idempotent)."""
    SignalBlocker.connect = _connect  # type: ignore[method-assign]
    SignalBlocker._cleanup = _cleanup  # type: ignore[method-assign]
