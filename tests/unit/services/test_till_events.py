"""The JET events of what happens around the acts: each changed setting (never a
secret's value), a printer error (with the receipt's own log, in one transaction), a
sync failure once per streak. Real store file, the real engine status type."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from pos.config import Settings
from pos.domain import fiscal_events as fe
from pos.domain.chain_entry import EVENT
from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.event_journal import EventJournal
from pos.services.till_events import (
    SyncFailureWatch,
    record_printer_error,
    record_settings_saved,
    setting_changes,
)
from pos.store import chains, receipts
from pos.store.local_store import LocalStore
from sync.engine import SyncStatus

INES = Actor("ines", "Inès", Role.MANAGER)


def events(store: LocalStore) -> list[tuple[str, dict, object]]:
    found = []
    for entry in chains.entries(store.conn, EVENT):
        body = json.loads(entry.body)
        found.append((entry.kind, body["detail"], body["actor"]))
    return found


def test_each_changed_setting_is_recorded_with_its_old_and_new_value(store: LocalStore):
    journal = EventJournal(store, terminal_id="T01")
    old = Settings()
    new = replace(
        old,
        printer=replace(old.printer, kind="network", host="192.168.1.50"),
        till=replace(old.till, language="en"),
    )
    assert record_settings_saved(journal, INES, old, new) == 3
    assert record_settings_saved(journal, INES, new, new) == 0  # nothing changed: nothing
    assert [(k, d, a) for k, d, a in events(store)] == [
        (fe.SETTING_CHANGED, {"key": "printer.host", "old": "", "new": "192.168.1.50"},
         {"staff_id": "ines", "name": "Inès"}),
        (fe.SETTING_CHANGED, {"key": "printer.kind", "old": "dummy", "new": "network"},
         {"staff_id": "ines", "name": "Inès"}),
        (fe.SETTING_CHANGED, {"key": "till.language", "old": "fr", "new": "en"},
         {"staff_id": "ines", "name": "Inès"}),
    ]  # fmt: skip
    assert chains.walk(store.conn, EVENT).problem is None


def test_a_secret_setting_is_recorded_without_its_value():
    assert fe.is_secret("sync.medusa.secret_api_key") and fe.is_secret("central.token")
    assert not fe.is_secret("printer.host")
    assert setting_changes(Settings(), Settings()) == []


def test_a_printer_error_is_recorded_with_the_receipt_it_failed(store: LocalStore, demo_items):
    journal = EventJournal(store, terminal_id="T01")
    checkout = Checkout(store, terminal_id="T01", actor=INES, new_id=lambda: "sale-7")
    checkout.scan(next(i.barcodes[0] for i in demo_items if i.sold_by == "unit" and i.barcodes))
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    checkout.complete()
    record_printer_error(journal, "paper_out", sale_id="sale-7", actor=INES)
    record_printer_error(journal, "offline", job="drawer")
    assert receipts.receipt_events(store.conn, "sale-7") == ["print_failed"]
    assert [(k, d) for k, d, _ in events(store)] == [
        (fe.PRINTER_ERROR, {"code": "paper_out", "sale_id": "sale-7", "job": "receipt"}),
        (fe.PRINTER_ERROR, {"code": "offline", "sale_id": "", "job": "drawer"}),
    ]


def test_a_sync_failure_is_recorded_once_per_streak(store: LocalStore, tmp_path: Path):
    seen: list[SyncStatus] = []
    watch = SyncFailureWatch(tmp_path, "T01", seen.append)
    down = SyncStatus(state="offline", last_error="The central server cannot be reached.")
    watch(SyncStatus(state="syncing"))
    watch(replace(down, pending=3))
    watch(replace(down, pending=4))  # the same streak: retried, still down
    watch(SyncStatus(state="idle", online=True))  # a good round ends it
    watch(SyncStatus(state="error", last_error="Central answered 500.", pending=1))
    assert len(seen) == 5  # every status still reaches the screen
    assert [(k, d) for k, d, _ in events(store)] == [
        (fe.SYNC_FAILED, {"error": "The central server cannot be reached.", "pending": 3}),
        (fe.SYNC_FAILED, {"error": "Central answered 500.", "pending": 1}),
    ]
