"""JET events of what happens around the till's acts: settings saved, printer errors,
sync failures (``pos.services.event_journal`` writes them; the acts' own services record
theirs in their transactions).

These run where the fact is known: the settings after the dialog saved its file (the
till worker, off the GUI thread), a printer error when the printer worker reported it
(the till worker again), a sync failure on the sync engine's thread (its own store
connection, once per streak of failures).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pos.config import DATABASE_FILE, Settings, settings_to_dict
from pos.domain import fiscal_events as fe
from pos.domain.rights import Actor
from pos.services.event_journal import EventJournal
from pos.store import receipts
from pos.store.db import write_transaction
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore

if TYPE_CHECKING:
    from sync.engine import SyncStatus

log = logging.getLogger(__name__)
#: The engine's states that mean a round failed (network down, server refusing).
FAILED_STATES = ("error", "offline")


def _flat(tree: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{name}."))
        elif isinstance(value, list | tuple):
            flat[name] = "\n".join(str(item) for item in value)
        else:
            flat[name] = "" if value is None else str(value)
    return flat


def setting_changes(old: Settings, new: Settings) -> list[tuple[str, str, str]]:
    """(key, old, new) of every setting that differs, keys as in the TOML file
    ("printer.host"); a secret's values are replaced by ``***``."""
    before, after = _flat(settings_to_dict(old)), _flat(settings_to_dict(new))
    changes = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key, ""), after.get(key, "")
        if was != now:
            if fe.is_secret(key):
                was, now = fe.HIDDEN, fe.HIDDEN
            changes.append((key, was, now))
    return changes


def record_settings_saved(
    journal: EventJournal, actor: Actor | None, old: Settings, new: Settings
) -> int:
    """One ``setting_changed`` per changed key, all in one transaction; how many."""
    changes = setting_changes(old, new)
    if not changes:
        return 0
    with write_transaction(journal.store.conn):
        at = journal.now()
        for key, was, now in changes:
            detail = {"key": key, "old": was, "new": now}
            journal.record_in(fe.SETTING_CHANGED, detail, actor=actor, at=at)
    return len(changes)


def record_printer_error(
    journal: EventJournal, code: str, *, sale_id: str = "", job: str = "receipt",
    actor: Actor | None = None,
) -> None:  # fmt: skip
    """A print that failed (``PrintResult.code``): a receipt's failure is kept in its
    receipt log too, in the same transaction."""
    conn = journal.store.conn
    with write_transaction(conn):
        at = journal.now()
        if sale_id:
            receipts.insert_receipt(conn, sale_id, "print_failed", at, code)
        detail = {"code": code, "sale_id": sale_id, "job": job}
        journal.record_in(fe.PRINTER_ERROR, detail, actor=actor, at=at)


class SyncFailureWatch:
    """Wraps the engine's status callback: the first failed round of a streak records
    ``sync_failed``; a good round ends the streak. Runs on the engine's thread, with a
    connection of its own opened only to record (a streak is rare)."""

    def __init__(
        self,
        data_dir: Path,
        terminal_id: str,
        on_status: Callable[[SyncStatus], None],
    ) -> None:
        self.data_dir = Path(data_dir)
        self.terminal_id = terminal_id
        self._on_status = on_status
        self._failing = False

    def __call__(self, status: SyncStatus) -> None:
        if status.state in FAILED_STATES and not self._failing:
            self._failing = self._record(status)
        elif status.state == "idle" and status.last_error is None:
            self._failing = False
        self._on_status(status)

    def _record(self, status: SyncStatus) -> bool:
        detail = {"error": status.last_error or status.state, "pending": status.pending}
        try:
            with LocalStore(self.data_dir / DATABASE_FILE) as store:
                EventJournal(store, terminal_id=self.terminal_id).record(fe.SYNC_FAILED, detail)
        except StoreError:  # a busy or broken store: try again at the next failed round
            log.warning("the sync failure could not be recorded", exc_info=True)
            return False
        return True
