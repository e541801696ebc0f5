"""The sync engine seen from the GUI: its status as a queued signal, and a status-bar text.

The engine runs on its own thread and calls back from there; ``status_changed`` is
emitted from that thread and delivered on the GUI thread (queued), so the status bar
never waits on the network. Selling never depends on any of this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.ui.qt import QObject, Signal

if TYPE_CHECKING:
    from sync.engine import SyncEngine, SyncStatus

#: At quit, how long the engine may take to finish its step: a push cut short is simply
#: sent again at the next start (operation ids make that harmless).
STOP_WAIT_S = 2.0


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus, on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine: SyncEngine | None = None
        self.status: SyncStatus | None = None
        self.status_changed.connect(self._keep)

    def attach(self, engine: SyncEngine) -> None:
        self.engine = engine

    def report(self, status: SyncStatus) -> None:
        """The engine's callback (any thread)."""
        self.status_changed.emit(status)

    def _keep(self, status: SyncStatus) -> None:
        self.status = status

    def start(self) -> None:
        if self.engine is not None:
            self.engine.start()

    def wake(self, *_args: object) -> None:
        """Push now: a sale was just committed."""
        if self.engine is not None:
            self.engine.wake()

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop(timeout=STOP_WAIT_S)
