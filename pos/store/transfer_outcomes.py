"""What became of the transfers this store sent: the ``deliveries`` feed serves a store
its own deliveries and the transfers it sent (their delivery at the other store), so
once the other store has received one, the sender reads what arrived there.

Read from the delivery's item as the feed sent it (kept whole in ``deliveries.item``):
its ``lines`` are what was sent, its ``received`` what the other store checked (sound
units stocked, damaged ones reported). Nothing here is written: a difference is settled
by a person on the attention list (set aside with a note, ``set_asides``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from pos.store.errors import translate_errors

#: The attention list's kind for a transfer that arrived with a difference.
DIFFERENCE_KIND = "transfer_difference"

_SENT = (
    "SELECT d.id, d.store_id, d.state, d.created_at, d.item FROM deliveries AS d "
    "WHERE d.source_kind = 'transfer' AND d.store_id <> ?1 "
    "AND json_extract(d.item, '$.from_store_id') = ?1 "
    "ORDER BY d.created_at DESC, d.id LIMIT ?2"
)
_RECEIVED = (
    "SELECT d.id, d.store_id, d.state, d.created_at, d.item FROM deliveries AS d "
    "WHERE d.source_kind = 'transfer' AND d.state = 'received' AND d.store_id <> ?1 "
    "AND json_extract(d.item, '$.from_store_id') = ?1 "
    "ORDER BY json_extract(d.item, '$.received_at') DESC, d.id LIMIT ?2"
)
_NAMES = "SELECT id, name FROM products WHERE id IN ({marks})"


@dataclass(frozen=True, slots=True)
class OutcomeLine:
    """One article of a transfer: units sent, and as checked at the other store."""

    product_id: int
    sku: str
    name: str  # '' for an article this till's catalog lacks
    sent: int
    received: int  # sound, stocked there
    damaged: int  # arrived unsellable

    @property
    def difference(self) -> int:
        """Sound units received less units sent: negative when some are missing or broken."""
        return self.received - self.sent


@dataclass(frozen=True, slots=True)
class TransferOutcome:
    """A transfer this store sent: ``received`` False while the other store has not
    checked it (then every line's ``received`` is 0)."""

    delivery_id: str
    transfer_id: str
    to_store_id: str
    sent_at: str
    received: bool
    received_at: str | None
    received_by: str
    lines: tuple[OutcomeLine, ...]

    @property
    def units_sent(self) -> int:
        return sum(line.sent for line in self.lines)

    @property
    def units_received(self) -> int:
        return sum(line.received for line in self.lines)

    @property
    def differing(self) -> bool:
        return self.received and any(line.difference for line in self.lines)


def sent(conn: sqlite3.Connection, own_store_id: str, limit: int = 50) -> list[TransferOutcome]:
    """The transfers this store sent, newest first, as the feed last told."""
    return _read(conn, _SENT, own_store_id, limit)


def with_differences(
    conn: sqlite3.Connection, own_store_id: str, limit: int = 100
) -> list[TransferOutcome]:
    """Transfers received at the other store with a difference, latest received first
    (among the ``limit * 2`` latest received: an old settled one is not worth a scan)."""
    found = _read(conn, _RECEIVED, own_store_id, limit * 2)
    return [t for t in found if t.differing][:limit]


def _read(conn: sqlite3.Connection, sql: str, store: str, limit: int) -> list[TransferOutcome]:
    if not store:
        return []
    with translate_errors():
        rows = conn.execute(sql, (store, limit)).fetchall()
        items = [(row, _item(row[4])) for row in rows]
        ids = {int(x["product_id"]) for _row, item in items
               for x in [*item.get("lines", []), *item.get("received", [])]}  # fmt: skip
        marks = ",".join("?" * len(ids))
        names = dict(conn.execute(_NAMES.format(marks=marks), sorted(ids))) if ids else {}
    return [_outcome(row, item, names) for row, item in items]


def _item(text: str) -> dict:
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _outcome(row: tuple, item: dict, names: dict[int, str]) -> TransferOutcome:
    delivery_id, to_store, state, created_at, _text = row
    checked: dict[int, tuple[int, int]] = {}
    for x in item.get("received", []):
        good, bad = checked.get(int(x["product_id"]), (0, 0))
        checked[int(x["product_id"])] = (good + int(x["received"]), bad + int(x["damaged"]))
    lines = []
    for x in item.get("lines", []):
        product_id = int(x["product_id"])
        good, bad = checked.pop(product_id, (0, 0))
        lines.append(OutcomeLine(product_id, str(x["sku"]), names.get(product_id, ""),
                                 int(x["quantity"]), good, bad))  # fmt: skip
    for x in item.get("received", []):  # arrived there, never sent: an extra
        product_id = int(x["product_id"])
        if product_id in checked:
            good, bad = checked.pop(product_id)
            lines.append(OutcomeLine(product_id, str(x["sku"]), names.get(product_id, ""),
                                     0, good, bad))  # fmt: skip
    return TransferOutcome(
        delivery_id, str(item.get("transfer_id") or delivery_id.removeprefix("transfer:")),
        to_store, created_at, state == "received", item.get("received_at"),
        str(item.get("received_by") or ""), tuple(lines),
    )  # fmt: skip
