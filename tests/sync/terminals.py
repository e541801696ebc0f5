"""A till for sync tests: its own data folder, store file, engine and status log."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.engine import SyncEngine, SyncStatus
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE


@dataclass
class Terminal:
    path: Path
    engine: SyncEngine
    statuses: list[SyncStatus] = field(default_factory=list)

    def store(self) -> LocalStore:
        return LocalStore(self.path)

    def sync(self) -> SyncStatus:
        return self.engine.sync_once()

    def close(self) -> None:
        self.engine.close()
        self.engine.central.close()


def open_terminal(
    folder: Path,
    central: CentralServer,
    terminal_id: str = "T01",
    *,
    url: str | None = None,
    token: str | None = None,
    store_id: str = STORE,
    **engine_options: Any,
) -> Terminal:
    """Enrol (unless given a token) and build an engine on ``folder/store.db``."""
    folder.mkdir(parents=True, exist_ok=True)
    token = token or central.enrol(store_id, terminal_id)
    port = HttpCentral(url or central.url, store_id, terminal_id, token)
    statuses: list[SyncStatus] = []
    engine = SyncEngine(folder / "store.db", port, on_status=statuses.append, **engine_options)
    return Terminal(folder / "store.db", engine, statuses)
