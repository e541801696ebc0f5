"""A QObject on its own thread that runs named requests in order: the till, the printer.

The GUI thread calls ``handle.request("scan", code)``; the worker runs ``_do_scan(code)``
on its thread and answers through its own signals (queued to the GUI thread). A refused
request never kills the worker: it is reported through ``refused(code, message, params)``.
"""

from __future__ import annotations

import logging
from typing import Any

from pos.domain.errors import PosError
from pos.services.errors import StoreError
from pos.ui.qt import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)
#: Threads told to stop but not finished yet: kept alive here until they are.
_retiring: list[WorkerThread] = []


class RequestWorker(QObject):
    refused = Signal(str, str, object)  # code, English message, params for translation

    @Slot(str, object)
    def run(self, name: str, args: tuple[Any, ...]) -> None:
        try:
            getattr(self, f"_do_{name}")(*args)
        except PosError as exc:
            self.refused.emit(exc.code, exc.message, dict(exc.params))
        except StoreError as exc:
            self.refused.emit(exc.code, exc.message, {})
        except Exception as exc:  # never lose the worker: report and carry on
            log.exception("%s request %s failed", type(self).__name__, name)
            self.refused.emit("internal", str(exc), {})

    def _do_close(self) -> None:
        """Release what the worker owns (a connection, a device) before its thread stops."""

    def _do_quit(self) -> None:
        """Stop the thread's loop from inside, after every request queued before it."""
        QThread.currentThread().quit()


class WorkerThread(QObject):
    """GUI-side handle: start the worker's thread, send requests, stop it cleanly."""

    _request = Signal(str, object)

    def __init__(self, worker: RequestWorker, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.worker = worker
        worker.moveToThread(self._thread)
        self._request.connect(worker.run)

    def start(self) -> None:
        self._thread.start()

    def request(self, name: str, *args: Any) -> None:
        self._request.emit(name, args)

    def retire(self) -> None:
        """Stop without waiting: queued requests finish, the device is released, then the
        thread ends on its own; the GUI goes on meanwhile (a printer may take seconds)."""
        if not self._thread.isRunning():
            return
        _retiring.append(self)
        self._thread.finished.connect(self._retired)  # queued: runs on the GUI thread
        self.request("close")
        self.request("quit")

    @Slot()
    def _retired(self) -> None:
        self._thread.wait()  # already past its loop: returns at once
        _retiring.remove(self)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Finish queued requests (a sale being committed), release, stop the thread."""
        if not self._thread.isRunning():
            return
        self.request("close")
        self.worker.deleteLater()
        self._thread.quit()
        self._thread.wait(timeout_ms)
