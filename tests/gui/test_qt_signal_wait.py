"""qtbot.waitSignal on a worker thread's signal (tests/support/qt_signal_wait.py): the wait
ends on the signal wherever it is emitted, and never waits for ever.

The worker here is what the till's is: a QObject moved to a QThread, emitting from there.
The hang needed the emission to fall between pytest-qt's last look at ``signal_triggered``
and its ``exec()``; the second test puts it there on purpose (through pytest-qt's own
``qt_api.exec``), so it does not depend on luck or timing to show the difference.
"""

import threading
from collections.abc import Iterator

import pytest
from pytestqt import wait_signal
from pytestqt.qtbot import QtBot

from pos.ui.qt import QObject, QThread, QTimer, Signal, Slot

#: Only a fail-safe for the code before the fix (which never returns): never reached after.
ESCAPE_MS = 3000


class Worker(QObject):
    go = Signal()
    done = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.emitted = threading.Event()
        self.go.connect(self._emit)  # queued: runs on the worker's thread

    @Slot()
    def _emit(self) -> None:
        self.done.emit(7)
        self.emitted.set()


@pytest.fixture
def worker() -> Iterator[Worker]:
    thread = QThread()
    item = Worker()
    item.moveToThread(thread)
    thread.start()
    yield item
    thread.quit()
    assert thread.wait(5000)


def test_the_wait_is_told_on_the_waiting_thread(qtbot: QtBot, worker: Worker) -> None:
    """The blocker's callback (check_params_cb, then its loop and timer) runs on the thread
    that waits, not on the worker's: Qt objects of the GUI thread are only touched there."""
    seen: list[int] = []

    def record(value: int) -> bool:
        seen.append(threading.get_ident())
        return value == 7

    with qtbot.waitSignal(worker.done, timeout=10_000, check_params_cb=record) as blocker:
        worker.go.emit()
    assert blocker.args == [7]
    assert seen == [threading.get_ident()]


def test_a_signal_just_before_the_wait_loop_starts_ends_the_wait(
    qtbot: QtBot, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker emits after pytest-qt checked ``signal_triggered`` and before its loop
    runs (the window the GIL hand-over opens under load): the wait still ends at once."""
    real_exec = wait_signal.qt_api.exec
    escaped: list[bool] = []

    def exec_after_the_signal(loop, *args, **kwargs):
        worker.go.emit()
        assert worker.emitted.wait(10)  # the worker has emitted before the loop runs
        escape = QTimer()
        escape.setSingleShot(True)
        escape.timeout.connect(lambda: (escaped.append(True), loop.exit(1)))
        escape.start(ESCAPE_MS)
        try:
            return real_exec(loop, *args, **kwargs)
        finally:
            escape.stop()

    monkeypatch.setattr(wait_signal.qt_api, "exec", exec_after_the_signal)
    with qtbot.waitSignal(worker.done, timeout=60_000) as blocker:
        pass
    monkeypatch.undo()
    assert not escaped, "the wait loop missed the signal (it would have waited 60 s, or for ever)"
    assert blocker.signal_triggered and blocker.args == [7]
