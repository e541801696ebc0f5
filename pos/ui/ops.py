"""One way to call a service from the UI: run it on a worker thread, answer on the GUI thread.

``run_op(fn, on_success, on_failure)`` never blocks the caller. The result or the
exception comes back through a queued signal, so callbacks always run on the GUI thread.
A worker must open its own database connection (connections are per thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.ui.qt import QObject, QRunnable, QThreadPool, Signal, isValid


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the UI, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


_live: set[_Relay] = set()  # relays stay referenced until their job reported


def run_op(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
) -> None:
    relay = _Relay()
    _live.add(relay)

    def done(callback: Callable[[Any], None], value: Any) -> None:
        _live.discard(relay)
        callback(value)

    relay.succeeded.connect(lambda value: done(on_success, value))
    relay.failed.connect(lambda exc: done(on_failure, exc))
    QThreadPool.globalInstance().start(_Job(fn, relay))


def run_op_for(
    owner: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
) -> None:
    """``run_op`` for a dialog's call: the answer is dropped if ``owner`` was deleted
    meanwhile (the dialog closed, the till locked), the work itself is done."""
    run_op(
        fn,
        lambda value: on_success(value) if isValid(owner) else None,
        lambda exc: on_failure(exc) if isValid(owner) else None,
    )
