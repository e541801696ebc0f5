"""The offline-first sync engine (no Qt): outbox pushes, feed pulls, status, backoff.

Typical wiring (the app's composition root)::

    engine = SyncEngine(store_path, HttpCentral(url, store_id, terminal_id, token),
                        on_status=bridge.status_changed.emit)
    engine.start()        # its own thread and SQLite connection
    engine.wake()         # after each sale: push it now
    engine.stop()         # on close
"""

from sync.engine.backoff import Backoff
from sync.engine.engine import SyncEngine
from sync.engine.feeds import DEFAULT_FEEDS
from sync.engine.status import SyncStatus, SyncTotals

__all__ = ["DEFAULT_FEEDS", "Backoff", "SyncEngine", "SyncStatus", "SyncTotals"]
